"""UPI dynamic QR at the server: QRs registered with the PSP, its signed callbacks, and the kiosks' status polls.

A kiosk's poll is answered from the server's own record (one indexed read) while the QR is fresh; at the deadline,
on cancel and at start-up the server asks the PSP itself, so a lost callback never loses a payment. Callbacks are
idempotent on the QR's reference; a late one (after expiry or close) still records the money the PSP took, for
reconciliation to refund.
"""

from __future__ import annotations

import argparse
import json
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request

from server.db import Database, IntegrityError, Tx
from server.deps import ERRORS, ServiceDep, authed, body_schema, parse
from server.service import Refused, Service, iso, now_utc
from server.wire import Body
from sync.protocol import API_PREFIX
from sync.protocol.upi import (
    SIGNATURE_HEADER,
    KioskStatus,
    PspCallback,
    UpiQr,
    UpiQrRequest,
    UpiStatus,
    UpiStatusQuery,
    qr_tr,
    signature_ok,
)

log = logging.getLogger("kiosk-server.upi")

# The PSP's words → what the kiosk hears (see sync.protocol.upi.KioskStatus).
FROM_PSP = {"SUCCESS": "paid", "PENDING": "pending", "FAILED": "declined", "EXPIRED": "expired", "CLOSED": "expired",
            "CREATED": "pending", "NOT_FOUND": "expired"}  # fmt: skip
FINAL = frozenset({"paid", "declined", "expired"})


@dataclass(frozen=True, slots=True)
class UpiOptions:
    psp_url: str
    secret: bytes
    qr_ttl_s: float = 120.0
    psp_timeout_s: float = 5.0


class PspDown(Exception):
    """The PSP did not answer usably; the kiosk hears `unknown` and asks again later."""


class PspClient:
    def __init__(self, options: UpiOptions) -> None:
        self.options = options

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.options.psp_url + path, data, method=method,
                                         headers={"Content-Type": "application/json"})  # fmt: skip
        try:
            with urllib.request.urlopen(request, timeout=self.options.psp_timeout_s) as answer:
                decoded = json.loads(answer.read(65536))
        except (OSError, ValueError) as exc:
            raise PspDown(f"{method} {path}: {exc}"[:200]) from None
        if not isinstance(decoded, dict) or not isinstance(decoded.get("status"), str):
            raise PspDown(f"{method} {path}: the PSP's answer has no status")
        return decoded

    def register(self, tr: str, amount_paise: int, vpa: str, expires_at: datetime, callback_url: str) -> None:
        self._call("POST", "/v1/qr", {"tr": tr, "amount_paise": amount_paise, "payee_vpa": vpa,
                                      "expires_at": iso(expires_at), "callback_url": callback_url})  # fmt: skip

    def status(self, tr: str) -> dict[str, Any]:
        return self._call("GET", f"/v1/qr/{tr}")

    def close(self, tr: str) -> dict[str, Any]:
        return self._call("POST", f"/v1/qr/{tr}/close", {})


def _latest(tx: Tx, kiosk_id: str, txn_ref: str) -> tuple[Any, ...] | None:
    return tx.one(
        "SELECT tr, status, amount_paise, utr, expires_at, code FROM upi_qrs WHERE kiosk_id = ? AND txn_ref = ?"
        " ORDER BY attempt DESC LIMIT 1",
        (kiosk_id, txn_ref),
    )


def _answer(txn_ref: str, row: tuple[Any, ...] | None, status: KioskStatus | None = None) -> UpiStatus:
    if row is None:  # no QR was ever made for this transaction: nothing can have been paid
        return UpiStatus(txn_ref=txn_ref, status="expired", amount_paise=0)
    return UpiStatus(txn_ref=txn_ref, tr=row[0], status=status or row[1], amount_paise=int(row[2]), utr=row[3] or "",
                     code=row[5] or "")  # fmt: skip


def _record_psp(db: Database, tr: str, psp: dict[str, Any], now: str) -> None:
    """What the PSP said about a QR; a final state is never moved again except by money arriving (paid)."""
    status = FROM_PSP.get(str(psp.get("status")), "pending")
    utr = str(psp.get("utr") or "")[:35]
    with db.tx() as tx:
        if status == "paid":
            tx.execute("UPDATE upi_qrs SET status = 'paid', utr = ?, updated_at = ? WHERE tr = ? AND status != 'paid'",
                       (utr, now, tr))  # fmt: skip
        else:
            tx.execute("UPDATE upi_qrs SET status = ?, updated_at = ? WHERE tr = ? AND status = 'pending'",
                       (status, now, tr))  # fmt: skip


# POST /upi:qr, /upi:status, /upi:cancel (signed by a kiosk) and /upi:callback (signed by the PSP). The PSP is
# `app.state.upi` (UpiOptions, set by `serve --upi-psp`); without it the kiosk's UPI calls answer 404 and its UPI
# button is not offered.
router = APIRouter(prefix=API_PREFIX)


def configured(request: Request) -> tuple[PspClient, UpiOptions]:
    options: UpiOptions | None = getattr(request.app.state, "upi", None)
    if options is None:
        raise Refused(404, "UPI is not offered by this server (no PSP configured)")
    return PspClient(options), options


@router.post("/upi:qr", response_model=UpiQr, responses=ERRORS,
          openapi_extra=body_schema(UpiQrRequest))  # fmt: skip
def create_qr(request: Request, body: Body, service: ServiceDep) -> UpiQr:
    db = service.db
    client, opts = configured(request)
    now = now_utc()
    expires = now + timedelta(seconds=opts.qr_ttl_s)
    with db.tx() as tx:
        kiosk = authed(service, tx, request, body.raw)
        ask = parse(UpiQrRequest, body.data)
        tr = qr_tr(kiosk.code, ask.txn_ref, ask.attempt)
        seen = tx.one("SELECT amount_paise, expires_at FROM upi_qrs WHERE tr = ?", (tr,))
        if seen is not None and int(seen[0]) != ask.amount_paise:
            raise Refused(409, f"QR {tr} was made for {seen[0]} paise, not {ask.amount_paise}")
        if seen is None:
            try:
                tx.execute(
                    "INSERT INTO upi_qrs (tr, kiosk_id, txn_ref, attempt, amount_paise, payee_vpa, status,"
                    " created_at, expires_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)",
                    (tr, kiosk.id, ask.txn_ref, ask.attempt, ask.amount_paise, ask.payee_vpa, iso(now),
                     iso(expires), iso(now)),
                )  # fmt: skip
            except IntegrityError:
                raise Refused(409, "the same QR is being made right now; ask again") from None
    if seen is not None:  # a repeated create (a lost answer): the same QR, never a second one
        return UpiQr(txn_ref=ask.txn_ref, attempt=ask.attempt, tr=tr, amount_paise=ask.amount_paise,
                     expires_at=str(seen[1]))  # fmt: skip
    try:
        client.register(tr, ask.amount_paise, ask.payee_vpa, expires, str(request.base_url).rstrip("/")
                        + API_PREFIX + "/upi:callback")  # fmt: skip
    except PspDown as exc:
        with db.tx() as tx:  # never shown, so never payable: the kiosk offers another method
            tx.execute("UPDATE upi_qrs SET status = 'expired', code = 'NOQR' WHERE tr = ?", (tr,))
        raise Refused(503, f"the PSP did not take the QR: {exc}") from None
    return UpiQr(txn_ref=ask.txn_ref, attempt=ask.attempt, tr=tr, amount_paise=ask.amount_paise,
                 expires_at=iso(expires))  # fmt: skip


def asked(service: Service, request: Request, body: Body, action: str) -> UpiStatus:
    db = service.db
    client, _ = configured(request)
    with db.tx(write=False) as tx:
        kiosk = authed(service, tx, request, body.raw)
        query = parse(UpiStatusQuery, body.data)
        row = _latest(tx, kiosk.id, query.txn_ref)
    if row is None or row[1] in FINAL:
        return _answer(query.txn_ref, row)
    fresh = now_utc() < datetime.fromisoformat(str(row[4]).replace("Z", "+00:00"))
    if action == "status" and fresh and not query.inquire:
        return _answer(query.txn_ref, row)  # the cheap path of every poll: one read, no PSP call
    try:
        # Closing answers the status too, and a QR asked about at the deadline must not be payable after it.
        said = client.close(row[0])
    except PspDown as exc:
        log.warning("UPI %s %s: %s", action, row[0], exc)
        return _answer(query.txn_ref, row, "unknown")
    _record_psp(db, row[0], said, iso(now_utc()))
    with db.tx(write=False) as tx:
        return _answer(query.txn_ref, _latest(tx, kiosk.id, query.txn_ref))


@router.post("/upi:status", response_model=UpiStatus, responses=ERRORS,
          openapi_extra=body_schema(UpiStatusQuery))  # fmt: skip
def upi_status(request: Request, body: Body, service: ServiceDep) -> UpiStatus:
    return asked(service, request, body, "status")


@router.post("/upi:cancel", response_model=UpiStatus, responses=ERRORS,
          openapi_extra=body_schema(UpiStatusQuery))  # fmt: skip
def upi_cancel(request: Request, body: Body, service: ServiceDep) -> UpiStatus:
    return asked(service, request, body, "cancel")


@router.post("/upi:callback", responses=ERRORS, openapi_extra=body_schema(PspCallback))
def upi_callback(request: Request, body: Body, service: ServiceDep) -> dict[str, str]:
    _, opts = configured(request)
    if not signature_ok(opts.secret, body.raw, request.headers.get(SIGNATURE_HEADER, "")):
        raise Refused(401, "the PSP callback's signature does not match")
    callback = parse(PspCallback, body.data)
    return {"result": apply_callback(service.db, callback, iso(now_utc()))}


def apply_callback(db: Database, callback: PspCallback, now: str) -> str:
    """Idempotent on `tr`: a duplicate changes nothing; a late SUCCESS still records the money taken."""
    with db.tx() as tx:
        row = tx.one("SELECT status, amount_paise, utr FROM upi_qrs WHERE tr = ?", (callback.tr,))
        if row is None:
            raise Refused(404, f"no QR {callback.tr}")
        if callback.status == "SUCCESS" and callback.amount_paise != int(row[1]):
            raise Refused(422, f"QR {callback.tr} is for {row[1]} paise, the callback says {callback.amount_paise}")
        if callback.status == "SUCCESS" and not callback.utr:
            raise Refused(422, "PspCallback: utr: a successful payment needs its UTR")
        if row[0] == "paid":
            return "duplicate"
        if callback.status == "SUCCESS":
            late = row[0] != "pending"
            tx.execute("UPDATE upi_qrs SET status = 'paid', utr = ?, code = ?, late = ?, updated_at = ? WHERE tr = ?",
                       (callback.utr, callback.code[:16], int(late), now, callback.tr))  # fmt: skip
            if late:
                log.warning("UPI %s paid after it was %s: for reconciliation (refund)", callback.tr, row[0])
            return "late" if late else "paid"
        if row[0] != "pending":
            return "ignored"
        status = "declined" if callback.status == "FAILED" else "pending"
        tx.execute("UPDATE upi_qrs SET status = ?, code = ?, updated_at = ? WHERE tr = ?",
                   (status, callback.code[:16], now, callback.tr))  # fmt: skip
        return status


def upi_options(args: argparse.Namespace) -> UpiOptions | None:
    if not args.upi_psp:
        return None
    if not args.upi_secret_file:
        raise SystemExit("--upi-psp needs --upi-secret-file (the PSP's webhook secret)")
    secret = Path(args.upi_secret_file).read_bytes().strip()
    return UpiOptions(args.upi_psp.rstrip("/"), secret, qr_ttl_s=args.upi_qr_ttl_s)


def serve_options(run: argparse.ArgumentParser) -> None:
    run.add_argument("--upi-psp", default="", help="the UPI PSP's API address (e.g. the emulator's)")
    run.add_argument("--upi-secret-file", default="", help="file holding the PSP's webhook secret")
    run.add_argument("--upi-qr-ttl-s", type=float, default=120.0, help="how long a UPI QR can be paid")
