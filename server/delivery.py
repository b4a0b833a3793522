"""Receipts to a phone: short, unguessable, expiring links (`/p/<code>`) and an SMS gateway to send them.

Only a hash of each code is stored, so the database alone opens no receipt. A mobile number is used for the one
send and then kept only masked (last four digits).
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Annotated, Protocol

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from common.numbers import mask_mobile
from server import certificates, receipts
from server.channels import count_delivery
from server.db import Database
from server.deps import SettingsDep, authed, parse
from server.pages import check_kiosk_signature
from server.service import Kiosk, Refused, Service, iso, now_utc
from server.wire import Body
from sync.protocol import API_PREFIX
from sync.protocol.delivery import DELIVERY_PATH, LINK_PREFIX, DeliveryAnswer, DeliveryRequest
from sync.protocol.receipts import parse_token
from sync.protocol.signing import SignatureError

log = logging.getLogger("kiosk-server.delivery")
DEFAULT_TTL = timedelta(days=7)
CODE_BYTES = 12  # 96 random bits, 16 characters: not guessable, short enough to type from an SMS


class GatewayError(Exception):
    pass


class Gateway(Protocol):
    """Sends one text message; raises GatewayError when it could not."""

    def send(self, mobile: str, text: str) -> None: ...


class RecordingGateway:
    """For tests and the demo: appends each message to a JSON-lines file, the number masked like everywhere else."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock = threading.Lock()

    def send(self, mobile: str, text: str) -> None:
        line = json.dumps({"to": mask_mobile(mobile), "text": text}, ensure_ascii=False)
        with self.lock, self.path.open("a", encoding="utf-8") as out:
            out.write(line + "\n")


class HttpGateway:
    """A provider's HTTP API: POST {"to", "text"} as JSON with a bearer key; any 2xx is a send."""

    def __init__(self, url: str, key: str, *, timeout_s: float = 5.0) -> None:
        if not url.startswith(("http://", "https://")):
            raise ValueError(f"SMS gateway URL must be http:// or https://, got {url[:40]!r}")
        self.url, self.key, self.timeout_s = url, key, timeout_s

    def send(self, mobile: str, text: str) -> None:
        body = json.dumps({"to": "+91" + mobile, "text": text}).encode("utf-8")
        request = urllib.request.Request(
            self.url, data=body, method="POST",
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {self.key}"},
        )  # fmt: skip
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as answer:  # URL scheme checked in __init__
                if not 200 <= answer.status < 300:
                    raise GatewayError(f"SMS gateway answered {answer.status}")
        except (urllib.error.URLError, OSError) as exc:
            raise GatewayError(f"SMS gateway unreachable: {str(exc)[:120]}") from None


def phone_options(gateway: str, key_file: str, ttl_s: float, public_url: str) -> PhoneOptions:
    """From `kiosk-server serve` options; a bad one stops the server with a clear message."""
    if ttl_s <= 0:
        raise SystemExit(f"--link-ttl-s must be positive, got {ttl_s}")
    key = ""
    if key_file:
        try:
            key = Path(key_file).read_text("utf-8").strip()
        except OSError as exc:
            raise SystemExit(f"--sms-key-file {key_file}: {exc.strerror}") from None
    try:
        chosen = gateway_from(gateway, key)
    except ValueError as exc:
        raise SystemExit(f"--sms-gateway: {exc}") from None
    return PhoneOptions(chosen, timedelta(seconds=ttl_s), public_url)


def gateway_from(spec: str, key: str = "") -> Gateway | None:
    """`record:PATH`, an http(s) URL (with its key), or '' for no SMS (links from the QR only)."""
    if not spec:
        return None
    if spec.startswith("record:"):
        return RecordingGateway(Path(spec.removeprefix("record:")))
    if not key:
        raise ValueError("an HTTP SMS gateway needs its key (--sms-key-file)")
    return HttpGateway(spec, key)


@dataclass(frozen=True, slots=True)
class PhoneOptions:
    gateway: Gateway | None = None
    ttl: timedelta = DEFAULT_TTL
    public_url: str = ""  # the address phones reach the server at; by default the one the kiosk used


def code_hash(code: str) -> str:
    return hashlib.sha256(code.encode("ascii", "replace")).hexdigest()


class Deliveries:
    def __init__(
        self,
        db: Database,
        service: Service,
        *,
        gateway: Gateway | None = None,
        ttl: timedelta = DEFAULT_TTL,
        now: Callable[[], datetime] = now_utc,
    ) -> None:
        self.db, self.service, self.gateway, self.ttl, self.now = db, service, gateway, ttl, now

    def create(self, kiosk: Kiosk, request: DeliveryRequest, base_url: str) -> DeliveryAnswer:
        try:
            claim, body, signature = parse_token(request.receipt_token)
        except SignatureError as exc:
            raise Refused(422, f"receipt_token: {exc}") from None
        if claim.kiosk_code != kiosk.code:
            raise Refused(403, "the receipt was not issued by this kiosk")
        try:
            check_kiosk_signature(self.service.kiosk_keys, claim.kiosk_code, body, signature, claim.paid_at_iso)
        except SignatureError as exc:
            raise Refused(422, f"receipt_token: {exc}") from None
        if request.application_no is not None:  # the certificate must be issued before a link can open it
            with self.db.tx(write=False) as tx:
                try:
                    issued = certificates.issued(tx, request.application_no) is not None
                except certificates.NotIssued as exc:
                    raise Refused(409, str(exc)) from None
            if not issued:
                raise Refused(404, "no application with this number")
        code = secrets.token_urlsafe(CODE_BYTES)
        created = self.now()
        expires = created + self.ttl
        url = f"{base_url.rstrip('/')}{LINK_PREFIX}{code}"
        masked = mask_mobile(request.mobile) if request.mobile else None
        with self.db.tx() as tx:
            tx.execute(
                "INSERT INTO deliveries (code_hash, kiosk_id, receipt_token, kind, created_at, expires_at,"
                " mobile_masked, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    code_hash(code),
                    kiosk.id,
                    request.receipt_token,
                    request.kind,
                    iso(created),
                    iso(expires),
                    masked,
                    request.application_no,
                ),
            )
        failed = False
        if request.mobile is not None:
            failed = not self._send(
                request.mobile, url, expires, request.language, certificate=request.application_no is not None
            )
            if not failed and request.application_no is not None:  # the SMS channel of deliveries by channel
                with self.db.tx() as tx:
                    count_delivery(tx, kiosk.id, "sms", created)
        return DeliveryAnswer(url=url, expires_at=iso(expires), sent_to=None if failed else masked, sms_failed=failed)

    def _send(self, mobile: str, url: str, expires: datetime, language: str, *, certificate: bool = False) -> bool:
        if self.gateway is None:
            return False
        what_hi, what_en = ("प्रमाण-पत्र", "certificate") if certificate else ("रसीद", "receipt")
        day = expires.strftime("%d-%m-%Y")
        text = (
            f"ई-मित्र प्लस: आपकी {what_hi} {url} ({day} तक)"
            if language == "hi"
            else f"e-Mitra Plus: your {what_en} {url} (until {day})"
        )
        try:
            self.gateway.send(mobile, text)
        except GatewayError as exc:
            log.warning("SMS to %s not sent: %s", mask_mobile(mobile), exc)
            return False
        return True

    def open(self, code: str) -> tuple[str, str | None] | None:
        """The receipt token behind a live code and the certificate's application number (None: the link opens the
        receipt); None for an unknown, malformed or expired code."""
        if not 8 <= len(code) <= 64:
            return None
        with self.db.tx(write=False) as tx:
            row = tx.one(
                "SELECT receipt_token, expires_at, document, kiosk_id, mobile_masked FROM deliveries"
                " WHERE code_hash = ?",
                (code_hash(code),),
            )
        if row is None or str(row[1]) <= iso(self.now()):
            return None
        if row[2] is not None and row[4] is None:  # a certificate's QR link: the QR channel counts its first opening
            self._count_first_opening(code_hash(code), str(row[3]))
        return str(row[0]), None if row[2] is None else str(row[2])

    def _count_first_opening(self, hashed: str, kiosk_id: str) -> None:
        now = self.now()
        with self.db.tx() as tx:
            first = tx.execute(
                "INSERT INTO delivery_opened (code_hash, opened_at) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING 1",
                (hashed, iso(now)),
            ).fetchone()
            if first is not None:
                count_delivery(tx, kiosk_id, "qr", now)

    def certificate(self, number: str) -> bytes | None:
        with self.db.tx(write=False) as tx:
            try:
                return certificates.certificate_pdf(tx, number)
            except certificates.NotIssued:
                return None


GONE_PAGE = (
    '<!doctype html><html lang="hi"><head><meta charset="utf-8"><title>e-Mitra Plus</title></head><body>'
    "<h1>यह लिंक अब नहीं चलता / This link does not work</h1>"
    "<p>लिंक की अवधि समाप्त हो गई है या यह सही नहीं है। रसीद पर छपा कोड स्कैन करें या ई-मित्र केंद्र से प्रति लें।</p>"
    "<p>The link has expired or is not valid. Scan the code printed on your receipt, or ask the e-Mitra centre "
    "for a copy.</p></body></html>"
)


router = APIRouter()


def deliveries_of(request: Request) -> Deliveries:
    deliveries: Deliveries = request.app.state.deliveries
    return deliveries


DeliveriesDep = Annotated[Deliveries, Depends(deliveries_of)]


@router.post(API_PREFIX + DELIVERY_PATH, response_model=DeliveryAnswer)
def create_delivery(request: Request, wire: Body, deliveries: DeliveriesDep, settings: SettingsDep) -> Response:
    with deliveries.db.tx() as tx:
        kiosk = authed(deliveries.service, tx, request, wire.raw)
    answer = deliveries.create(kiosk, parse(DeliveryRequest, wire.data), settings.public_url or str(request.base_url))
    return Response(answer.model_dump_json(), media_type="application/json")


@router.get(LINK_PREFIX + "{code}", response_class=HTMLResponse)
def open_link(code: str, deliveries: DeliveriesDep) -> Response:  # a plain def: the PDF renders in the thread pool
    opened = deliveries.open(code)
    if opened is None:
        return HTMLResponse(GONE_PAGE, status_code=404)
    token, certificate = opened
    try:  # checked again at every opening: a key revoked since the link was made no longer vouches for it
        claim, body, signature = parse_token(token)
        check_kiosk_signature(deliveries.service.kiosk_keys, claim.kiosk_code, body, signature, claim.paid_at_iso)
    except SignatureError as exc:
        return HTMLResponse(receipts.page(None, str(exc)), status_code=400, headers={"Cache-Control": "no-store"})
    if certificate is not None:
        pdf = deliveries.certificate(certificate)
        if pdf is None:
            return HTMLResponse(GONE_PAGE, status_code=404)
        disposition = f'inline; filename="certificate-{certificate}.pdf"'
        return Response(pdf, media_type="application/pdf",
                        headers={"Cache-Control": "no-store", "Content-Disposition": disposition})  # fmt: skip
    facts = {
        "kiosk_code": claim.kiosk_code, "receipt_no": claim.receipt_no, "txn_id": claim.txn_id,
        "amount_paise": claim.amount_paise, "paid_at": claim.paid_at_iso,
    }  # fmt: skip
    return HTMLResponse(receipts.page(facts, None), headers={"Cache-Control": "no-store"})
