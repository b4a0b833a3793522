"""The locker the reference server plays (DigiLocker-style): issuers push a document URI to a holder's account
with an HMAC-signed request; the locker lists an account's documents and serves one by its URI."""

from __future__ import annotations

import argparse
import hmac
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import Response

from server import certificates
from server.db import Database, Tx
from server.deps import parse
from server.service import Refused, iso, now_utc
from server.wire import Body
from sync.protocol.locker import (
    ACCOUNT_PREFIX,
    ISSUER_HEADER,
    MAX_LOCKER_SKEW_S,
    NONCE_HEADER,
    PUSH_PATH,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    LockerDocument,
    LockerDocuments,
    PushAnswer,
    PushRequest,
    locker_signature,
)

ISSUER = certificates.ISSUER  # whose URIs the locker accepts: our own certificate side


@dataclass(frozen=True)
class LockerOptions:
    secret: bytes  # shared by the issuer (server/certificates.py) and the locker; from --locker-secret-file
    otp_ttl: timedelta = timedelta(minutes=5)
    # How long the kiosk that linked a locker may push a paid certificate to it: long enough for a push queued in
    # the outbox of a kiosk that went offline to arrive (the screen promises it will), like a phone link's week.
    link_ttl: timedelta = timedelta(days=7)
    max_tries: int = 3  # wrong OTPs before the OTP is spent and a new one must be asked for


def serve_options(run: argparse.ArgumentParser) -> None:
    run.add_argument("--locker-secret-file", default="", help="file with the locker's issuer secret (HMAC)")
    run.add_argument("--locker-otp-ttl-s", type=float, default=300.0, help="how long a locker OTP works")


def locker_options(args: argparse.Namespace) -> LockerOptions | None:
    """None (no --locker-secret-file) leaves the locker switched off: its routes answer 404."""
    if not args.locker_secret_file:
        return None
    try:
        secret = Path(args.locker_secret_file).read_bytes().strip()
    except OSError as exc:
        raise SystemExit(f"--locker-secret-file {args.locker_secret_file}: {exc.strerror}") from None
    if len(secret) < 16:
        raise SystemExit(f"--locker-secret-file {args.locker_secret_file}: the secret must be at least 16 bytes")
    if args.locker_otp_ttl_s <= 0:
        raise SystemExit(f"--locker-otp-ttl-s must be positive, got {args.locker_otp_ttl_s}")
    return LockerOptions(secret, otp_ttl=timedelta(seconds=args.locker_otp_ttl_s))


class Locker:
    def __init__(self, db: Database, options: LockerOptions, *, now: Callable[[], datetime] = now_utc) -> None:
        self.db, self.options, self.now = db, options, now

    def check(self, tx: Tx, method: str, path: str, headers: dict[str, str], body: bytes) -> str:
        """The issuer a signed request comes from, or Refused(401) — and then nothing is stored."""
        issuer = headers.get(ISSUER_HEADER.lower(), "")
        stamp, nonce = headers.get(TIMESTAMP_HEADER.lower(), ""), headers.get(NONCE_HEADER.lower(), "")
        if issuer != ISSUER:
            raise Refused(401, f"unknown issuer {issuer[:40]!r}")
        if not (stamp.isascii() and stamp.isdigit() and 16 <= len(nonce) <= 64 and nonce.isalnum()):
            raise Refused(401, "the request needs a numeric timestamp and a 16-64 character nonce")
        now_s = int(self.now().timestamp())
        if abs(now_s - int(stamp[:12])) > MAX_LOCKER_SKEW_S:
            raise Refused(401, f"stale request: its timestamp is more than {MAX_LOCKER_SKEW_S} s from the locker's")
        expected = locker_signature(self.options.secret, method, path, stamp, nonce, body)
        if not hmac.compare_digest(expected, headers.get(SIGNATURE_HEADER.lower(), "")):
            raise Refused(401, "bad signature")
        tx.execute("DELETE FROM locker_nonces WHERE seen_at < ?", (now_s - 2 * MAX_LOCKER_SKEW_S,))
        fresh = tx.execute(
            "INSERT INTO locker_nonces (issuer, nonce, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING 1",
            (issuer, nonce, now_s),
        ).fetchone()
        if fresh is None:
            raise Refused(401, "replayed request: this nonce was already used")
        return issuer

    def receive_push(self, headers: dict[str, str], body: bytes) -> PushAnswer:
        """The push-by-URI API, over HTTP or in process (the same bytes and headers either way)."""
        with self.db.tx() as tx:
            issuer = self.check(tx, "POST", PUSH_PATH, headers, body)
        push = parse(PushRequest, body)
        if not push.uri.startswith(issuer + "-"):
            raise Refused(403, f"issuer {issuer} may push only its own URIs")
        with self.db.tx() as tx:
            if tx.one("SELECT 1 FROM locker_accounts WHERE account = ?", (push.account,)) is None:
                raise Refused(404, "no such locker account")
            added = tx.execute(
                "INSERT INTO locker_documents (account, uri, doc_type, name, issuer, issued_on, pushed_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING 1",
                (push.account, push.uri, push.doc_type, push.name, issuer, push.issued_on, iso(self.now())),
            ).fetchone()
        return PushAnswer(uri=push.uri, new=added is not None)

    def documents(self, account: str) -> LockerDocuments:
        with self.db.tx(write=False) as tx:
            rows = tx.all(
                "SELECT uri, doc_type, name, issuer, issued_on, pushed_at FROM locker_documents WHERE account = ?"
                " ORDER BY pushed_at, uri",
                (account,),
            )
        documents = [
            LockerDocument(uri=u, doc_type=t, name=n, issuer=i, issued_on=d, pushed_at=p) for u, t, n, i, d, p in rows
        ]
        return LockerDocuments(account=account, documents=documents)

    def document(self, account: str, uri: str) -> bytes | None:
        """The document behind a URI in this account, fetched from its issuer (our certificates); None: not there."""
        with self.db.tx(write=False) as tx:
            if tx.one("SELECT 1 FROM locker_documents WHERE account = ? AND uri = ?", (account, uri)) is None:
                return None
            try:
                return certificates.certificate_pdf(tx, uri.rsplit("-", 1)[1])
            except certificates.NotIssued:
                return None


router = APIRouter()


def locker_of(app: FastAPI) -> Locker:
    locker: Locker | None = getattr(app.state, "locker", None)
    if locker is None:
        options: LockerOptions | None = getattr(app.state, "locker_options", None)
        if options is None:
            raise Refused(404, "the locker is not configured on this server (--locker-secret-file)")
        locker = app.state.locker = Locker(app.state.service.db, options)
    return locker


def locker_dep(request: Request) -> Locker:
    return locker_of(request.app)


LockerDep = Annotated[Locker, Depends(locker_dep)]


def lowered(request: Request) -> dict[str, str]:
    return {k.lower(): v for k, v in request.headers.items()}


@router.post(PUSH_PATH, response_model=PushAnswer)
def push(request: Request, wire: Body, locker: LockerDep) -> Response:
    answer = locker.receive_push(lowered(request), wire.raw)
    return Response(answer.model_dump_json(), media_type="application/json")


@router.get(ACCOUNT_PREFIX + "{account}/documents", response_model=LockerDocuments)
def list_documents(request: Request, account: str, locker: LockerDep) -> Response:
    with locker.db.tx() as tx:
        locker.check(tx, "GET", request.url.path, lowered(request), b"")
    return Response(locker.documents(account).model_dump_json(), media_type="application/json")


@router.get(ACCOUNT_PREFIX + "{account}/documents/{uri}")
def get_document(request: Request, account: str, uri: str, locker: LockerDep) -> Response:
    with locker.db.tx() as tx:
        locker.check(tx, "GET", request.url.path, lowered(request), b"")
    pdf = locker.document(account, uri)
    if pdf is None:
        return Response(json.dumps({"detail": "no such document in this locker"}), 404, media_type="application/json")
    return Response(pdf, media_type="application/pdf", headers={"Cache-Control": "no-store"})
