"""The kiosk's side of the locker: link a villager's locker by mobile number + OTP (sent by SMS), then have the
issuer push a paid-for certificate to it. The mobile number and the OTP are never stored or logged in the clear."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import json
import logging
import secrets
from collections.abc import AsyncIterator, Callable
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import Response

from common.numbers import mask_mobile
from server import certificates
from server.channels import count_delivery
from server.delivery import Gateway, GatewayError
from server.deps import ServiceDep, authed, json_answer, parse
from server.locker import Locker, locker_of
from server.pages import KioskKeys, check_kiosk_signature
from server.service import Kiosk, Refused, iso, now_utc
from server.wire import Body
from sync.protocol import API_PREFIX
from sync.protocol.locker import (
    LOCKER_DELIVER_PATH,
    LOCKER_LINK_PATH,
    LOCKER_OTP_PATH,
    LOCKER_STATUS_PATH,
    LinkAnswer,
    LinkRequest,
    LockerDeliverAnswer,
    LockerDeliverRequest,
    LockerStatus,
    OtpAnswer,
    OtpRequest,
    QueuedPush,
)
from sync.protocol.receipts import parse_token
from sync.protocol.signing import SignatureError

log = logging.getLogger("kiosk-server.locker")
MAX_LIVE_OTPS = 3  # OTPs not yet expired per mobile number: a fourth is refused until one expires


class LockerLinks:
    def __init__(
        self, locker: Locker, gateway: Gateway | None, keys: KioskKeys, *, now: Callable[[], datetime] = now_utc
    ) -> None:
        self.locker, self.db, self.gateway, self.keys, self.now = locker, locker.db, gateway, keys, now
        self.options = locker.options

    def keyed(self, text: str) -> str:
        return hmac.new(self.options.secret, text.encode(), hashlib.sha256).hexdigest()

    def account_of(self, mobile: str) -> str:
        """The same locker for the same mobile number, named without the number (a keyed hash)."""
        return "LK" + self.keyed("mobile:" + mobile)[:16]

    def send_otp(self, request: OtpRequest) -> OtpAnswer:
        if self.gateway is None:
            raise Refused(409, "no SMS gateway on this server: a locker cannot be linked now")
        otp, challenge = f"{secrets.randbelow(10**6):06d}", secrets.token_urlsafe(18)
        masked, expires = mask_mobile(request.mobile), self.now() + self.options.otp_ttl
        with self.db.tx(write=False) as tx:  # a kiosk cannot be used to flood a phone with OTPs
            live = tx.one(
                "SELECT COUNT(*) FROM locker_otps WHERE account = ? AND expires_at > ?",
                (self.account_of(request.mobile), iso(self.now())),
            )
        if live is not None and int(live[0]) >= MAX_LIVE_OTPS:
            raise Refused(409, f"{MAX_LIVE_OTPS} OTPs were sent to this number a moment ago: wait a few minutes")
        minutes = max(1, int(self.options.otp_ttl.total_seconds() // 60))
        text = (
            f"ई-मित्र प्लस: लॉकर जोड़ने का OTP {otp} है ({minutes} मिनट तक)। इसे किसी को न बताएँ।"
            if request.language == "hi"
            else f"e-Mitra Plus: your locker OTP is {otp} (valid {minutes} min). Do not share it."
        )
        try:
            self.gateway.send(request.mobile, text)
        except GatewayError as exc:
            log.warning("locker OTP to %s not sent: %s", masked, exc)
            raise Refused(503, "the SMS could not be sent now: try again in a minute") from None
        with self.db.tx() as tx:
            tx.execute(
                "INSERT INTO locker_otps (challenge_hash, account, mobile_masked, otp_hash, expires_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (self.keyed(challenge), self.account_of(request.mobile), masked,
                 self.keyed(challenge + ":" + otp), iso(expires)),
            )  # fmt: skip
        log.info("locker OTP sent to %s", masked)
        return OtpAnswer(challenge=challenge, expires_at=iso(expires), sent_to=masked)

    def link(self, kiosk: Kiosk, request: LinkRequest) -> LinkAnswer:
        """The locker linked for this kiosk, or Refused: 404 unknown, 410 expired or used, 422 wrong (tries left),
        403 too many wrong tries. A wrong try is counted even though the request is refused."""
        key = self.keyed(request.challenge)
        with self.db.tx() as tx:
            # A no-op UPDATE locks the row first: racing tries on PostgreSQL are counted one after the other.
            tx.execute("UPDATE locker_otps SET attempts = attempts WHERE challenge_hash = ?", (key,))
            row = tx.one(
                "SELECT account, mobile_masked, otp_hash, expires_at, attempts, used FROM locker_otps"
                " WHERE challenge_hash = ?",
                (key,),
            )
            if row is None:
                raise Refused(404, "no such OTP request: ask for a new OTP")
            account, masked, otp_hash, expires_at, attempts, used = row
            refusal = self._refusal(int(attempts), int(used), str(expires_at))
            if refusal is not None:
                raise refusal
            if not hmac.compare_digest(str(otp_hash), self.keyed(request.challenge + ":" + request.otp)):
                tx.execute("UPDATE locker_otps SET attempts = attempts + 1 WHERE challenge_hash = ?", (key,))
                left = self.options.max_tries - int(attempts) - 1
            else:
                left = -1
                token = secrets.token_urlsafe(24)
                tx.execute("UPDATE locker_otps SET used = 1 WHERE challenge_hash = ?", (key,))
                tx.execute(
                    "INSERT INTO locker_accounts (account, mobile_masked, created_at) VALUES (?, ?, ?)"
                    " ON CONFLICT DO NOTHING",
                    (account, masked, iso(self.now())),
                )
                tx.execute(
                    "INSERT INTO locker_links (token_hash, kiosk_id, account, expires_at) VALUES (?, ?, ?, ?)",
                    (self.keyed(token), kiosk.id, account, iso(self.now() + self.options.link_ttl)),
                )
        if left == 0:  # the try just counted was the last one (committed above)
            raise Refused(403, "too many wrong OTPs: ask for a new OTP")
        if left > 0:
            raise Refused(422, f"the OTP is wrong: {left} tries left")
        log.info("locker %s linked by kiosk %s", masked, kiosk.code)
        return LinkAnswer(link_token=token, account=str(masked), link_id=self.keyed(token))

    def _refusal(self, attempts: int, used: int, expires_at: str) -> Refused | None:
        if used:
            return Refused(410, "this OTP was already used: ask for a new OTP")
        if attempts >= self.options.max_tries:
            return Refused(403, "too many wrong OTPs: ask for a new OTP")
        if expires_at <= iso(self.now()):
            return Refused(410, "the OTP has expired: ask for a new OTP")
        return None

    def deliver(self, kiosk: Kiosk, request: LockerDeliverRequest) -> LockerDeliverAnswer:
        self._check_receipt(kiosk, request.receipt_token)
        return self._push(kiosk, self.keyed(request.link_token), request.application_no)

    def deliver_queued(self, kiosk: Kiosk, link_id: str, receipt_no: int, application_no: str) -> LockerDeliverAnswer:
        """A push named in a `locker.requested` event: no bearer secret in it. The event came signed by `kiosk`, the
        link must be one that kiosk made, and the receipt one of that kiosk's paid receipts the server has seen."""
        if not self._paid_here(kiosk, receipt_no):
            raise Refused(403, f"receipt {receipt_no} is not a paid receipt of this kiosk")
        return self._push(kiosk, link_id, application_no)

    def _paid_here(self, kiosk: Kiosk, receipt_no: int) -> bool:
        with self.db.tx(write=False) as tx:  # the kiosk's txn.paid / cash.credit events carry their receipt_no
            rows = tx.all(
                "SELECT payload FROM events WHERE kiosk_id = ? AND kind IN ('txn.paid', 'cash.credit')"
                " AND status = 'accepted' AND payload LIKE ?",
                (kiosk.id, f"%{receipt_no}%"),
            )
        return any(json.loads(str(row[0])).get("receipt_no") == receipt_no for row in rows)

    def _push(self, kiosk: Kiosk, link_id: str, application_no: str) -> LockerDeliverAnswer:
        with self.db.tx(write=False) as tx:
            link = tx.one(
                "SELECT account, expires_at FROM locker_links WHERE token_hash = ? AND kiosk_id = ?",
                (link_id, kiosk.id),
            )
            if link is None:
                raise Refused(403, "this locker is not linked at this kiosk: link it again")
            if str(link[1]) <= iso(self.now()):
                raise Refused(410, "the locker link has expired: link it again")
            try:
                push = certificates.locker_push(tx, application_no, str(link[0]))
            except certificates.NotIssued as exc:
                raise Refused(409, str(exc)) from None
        if push is None:
            raise Refused(404, "no application with this number")
        headers, body = certificates.signed_push(self.options.secret, push, int(self.now().timestamp()))
        answer = self.locker.receive_push({k.lower(): v for k, v in headers.items()}, body)
        if answer.new:
            with self.db.tx() as tx:
                count_delivery(tx, kiosk.id, "locker", self.now())
        return LockerDeliverAnswer(uri=answer.uri, new=answer.new)

    def _check_receipt(self, kiosk: Kiosk, token: str) -> None:
        try:
            claim, body, signature = parse_token(token)
            if claim.kiosk_code != kiosk.code:
                raise Refused(403, "the receipt was not issued by this kiosk")
            check_kiosk_signature(self.keys, claim.kiosk_code, body, signature, claim.paid_at_iso)
        except SignatureError as exc:
            raise Refused(422, f"receipt_token: {exc}") from None


QUEUED_KIND = "locker.requested"  # kiosk/locker.py: a push the kiosk could not ask for (offline), via the outbox
DRAIN_EVERY_S = 2.0


def drain_queued(links: LockerLinks, limit: int = 50) -> int:
    """Make the pushes kiosks queued in their outbox (each once: `locker_queued` remembers the event)."""
    with links.db.tx(write=False) as tx:
        rows = tx.all(
            "SELECT e.kiosk_id, e.epoch, e.seq, e.payload, k.code FROM events e JOIN kiosks k ON k.id = e.kiosk_id"
            " WHERE e.kind = ? AND e.status = 'accepted' AND NOT EXISTS (SELECT 1 FROM locker_queued q"
            " WHERE q.kiosk_id = e.kiosk_id AND q.epoch = e.epoch AND q.seq = e.seq) ORDER BY e.received_at LIMIT ?",
            (QUEUED_KIND, limit),
        )
    for kiosk_id, epoch, seq, payload, code in rows:
        try:
            outcome = "new" if queued_push(links, Kiosk(str(kiosk_id), str(code)), str(payload)).new else "again"
        except (Refused, ValueError) as exc:  # a link expired meanwhile, a certificate withdrawn: logged, not retried
            outcome = f"refused: {getattr(exc, 'detail', type(exc).__name__)}"[:200]
            log.warning("queued locker push from %s seq %s not made: %s", code, seq, outcome)
        with links.db.tx() as tx:
            tx.execute(
                "INSERT INTO locker_queued (kiosk_id, epoch, seq, outcome, handled_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT DO NOTHING",
                (kiosk_id, epoch, seq, outcome, iso(links.now())),
            )
    return len(rows)


def queued_push(links: LockerLinks, kiosk: Kiosk, payload: str) -> LockerDeliverAnswer:
    """The push a `locker.requested` event names: {link_id, receipt_no, application_no} (kiosk/locker.py)."""
    data = json.loads(payload)
    if "link_token" in data:  # an event queued by a kiosk before link ids: the tokens were in it
        fields = {k: v for k, v in data.items() if k in LockerDeliverRequest.model_fields}
        return links.deliver(kiosk, parse(LockerDeliverRequest, json.dumps(fields).encode()))
    fields = {k: v for k, v in data.items() if k in QueuedPush.model_fields}  # "subject" is the outbox's
    event = parse(QueuedPush, json.dumps(fields).encode())
    return links.deliver_queued(kiosk, event.link_id, event.receipt_no, event.application_no)


@contextlib.asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """With the locker configured, queued pushes are made in the background as their events arrive."""
    task = asyncio.create_task(drain_forever(app)) if getattr(app.state, "locker_options", None) else None
    yield
    if task is not None:
        task.cancel()


async def drain_forever(app: FastAPI) -> None:
    while True:
        await asyncio.sleep(DRAIN_EVERY_S)
        try:
            links = app.state.locker_links if hasattr(app.state, "locker_links") else make_links(app)
            await asyncio.to_thread(drain_queued, links)
        except Exception:
            log.exception("queued locker pushes failed; retried on the next pass")


router = APIRouter(lifespan=lifespan)


def make_links(app: FastAPI) -> LockerLinks:
    links = LockerLinks(locker_of(app), app.state.deliveries.gateway, app.state.service.kiosk_keys)
    app.state.locker_links = links
    return links


def links_of(request: Request) -> LockerLinks:
    links: LockerLinks | None = getattr(request.app.state, "locker_links", None)
    return links if links is not None else make_links(request.app)


LinksDep = Annotated[LockerLinks, Depends(links_of)]


def kiosk_of(request: Request, links: LockerLinks, raw: bytes) -> Kiosk:
    with links.db.tx() as tx:
        return authed(request.app.state.service, tx, request, raw)


@router.post(API_PREFIX + LOCKER_OTP_PATH, response_model=OtpAnswer)
def send_otp(request: Request, wire: Body, links: LinksDep) -> Response:
    kiosk_of(request, links, wire.raw)
    return json_answer(links.send_otp(parse(OtpRequest, wire.data)))


@router.post(API_PREFIX + LOCKER_LINK_PATH, response_model=LinkAnswer)
def link(request: Request, wire: Body, links: LinksDep) -> Response:
    kiosk = kiosk_of(request, links, wire.raw)
    return json_answer(links.link(kiosk, parse(LinkRequest, wire.data)))


@router.post(API_PREFIX + LOCKER_DELIVER_PATH, response_model=LockerDeliverAnswer)
def deliver(request: Request, wire: Body, links: LinksDep) -> Response:
    kiosk = kiosk_of(request, links, wire.raw)
    return json_answer(links.deliver(kiosk, parse(LockerDeliverRequest, wire.data)))


@router.get(API_PREFIX + LOCKER_STATUS_PATH, response_model=LockerStatus)
def status(request: Request, wire: Body, service: ServiceDep) -> Response:
    """Answered with or without a locker (every other locker route is 404 without one): kiosks cache it and offer
    "send to my locker" only when it is true (invariant 5: a service not configured is not offered)."""
    with service.db.tx() as tx:
        authed(service, tx, request, wire.raw)
    state = request.app.state
    gateway = getattr(getattr(state, "deliveries", None), "gateway", None)
    return json_answer(LockerStatus(offered=getattr(state, "locker_options", None) is not None and gateway is not None))
