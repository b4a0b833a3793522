"""The locker port over the signed HTTP client: OTP, link and push (POST /api/v1/locker/...)."""

from __future__ import annotations

import logging
import re
import threading
from typing import TypeVar

from kiosk.locker import (
    Linked,
    LockerRefused,
    LockerUnavailable,
    OtpSent,
    Pushed,
    Refusal,
    locker_offered,
    remember_offered,
)
from kiosk.store import Store
from sync.client import Client, SyncError
from sync.client import Refusal as ServerRefusal
from sync.protocol import Model
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
)

A = TypeVar("A", bound=Model)
log = logging.getLogger("sync.locker")


def refusal_of(status: int, detail: str) -> LockerRefused:
    """The server's refusal as the screen words it (server/locker_link.py's statuses)."""
    if status == 422 and (left := re.search(r"(\d+) tries left", detail)):
        return LockerRefused(Refusal.WRONG_OTP, detail, int(left[1]))
    if status == 403 and "too many" in detail:
        return LockerRefused(Refusal.TOO_MANY, detail)
    if status == 410:
        return LockerRefused(Refusal.EXPIRED, detail)
    if status == 409 and "issued" in detail:
        return LockerRefused(Refusal.NOT_ISSUED, detail)
    return LockerRefused(Refusal.REFUSED, detail)


class HttpLocker:
    def __init__(self, client: Client, store: Store | None = None) -> None:
        self.client, self.store = client, store  # the store caches whether the server offers the locker
        self.stopped = threading.Event()  # ends the watch of the offer (offered_locker)

    def close(self) -> None:
        self.stopped.set()

    def offered(self) -> bool:
        return self.store is not None and locker_offered(self.store)

    def probe(self) -> bool:
        """Ask the server whether it offers the locker and remember the answer; LockerUnavailable when it cannot
        be asked (the last answer stands: a kiosk that goes offline keeps offering what it can queue)."""
        try:
            offered = self.client.call("GET", LOCKER_STATUS_PATH, LockerStatus).offered
        except ServerRefusal as exc:
            if exc.status != 404:
                raise LockerUnavailable(f"{exc.status} {exc.detail[:200]}") from None
            offered = False  # a server from before the locker: it has none
        except SyncError as exc:
            raise LockerUnavailable(str(exc)[:300]) from None
        if self.store is not None:
            remember_offered(self.store, offered)
        return offered

    def _call(self, path: str, answer: type[A], request: Model) -> A:
        try:
            return self.client.call("POST", path, answer, request)
        except ServerRefusal as exc:
            raise refusal_of(exc.status, exc.detail) from None
        except SyncError as exc:
            raise LockerUnavailable(str(exc)[:300]) from None

    def send_otp(self, mobile: str, language: str) -> OtpSent:
        try:
            request = OtpRequest(mobile=mobile, language=language)  # type: ignore[arg-type]
        except ValueError:
            raise LockerRefused(Refusal.REFUSED, "not a mobile number") from None  # the number is not repeated
        answer = self._call(LOCKER_OTP_PATH, OtpAnswer, request)
        return OtpSent(answer.challenge, answer.expires_at, answer.sent_to)

    def link(self, challenge: str, otp: str) -> Linked:
        try:
            request = LinkRequest(challenge=challenge, otp=otp)
        except ValueError:
            raise LockerRefused(Refusal.WRONG_OTP, "an OTP has six digits", 1) from None
        answer = self._call(LOCKER_LINK_PATH, LinkAnswer, request)
        return Linked(answer.link_token, answer.account, answer.link_id)

    def deliver(self, link_token: str, receipt_token: str, application_no: str) -> Pushed:
        request = LockerDeliverRequest(link_token=link_token, receipt_token=receipt_token,
                                       application_no=application_no)  # fmt: skip
        answer = self._call(LOCKER_DELIVER_PATH, LockerDeliverAnswer, request)
        return Pushed(answer.uri, answer.new)


def watch_offered(locker: HttpLocker, stop: threading.Event, every_s: float = 900.0, retry_s: float = 60.0) -> None:
    """On a daemon thread in real mode: ask at start, then every `every_s` (every `retry_s` while unreachable)."""
    while not stop.is_set():
        try:
            log.info("the server %s the locker", "offers" if locker.probe() else "does not offer")
            wait = every_s
        except LockerUnavailable as exc:
            log.info("whether the server offers the locker is not known now: %s", exc)
            wait = retry_s
        stop.wait(wait)


def offered_locker(client: Client, store: Store) -> HttpLocker:
    """The real-mode locker port, with its offer watched in the background (a daemon thread, until `close`)."""
    locker = HttpLocker(client, store)
    threading.Thread(target=watch_offered, args=(locker, locker.stopped), name="locker-offer", daemon=True).start()
    return locker
