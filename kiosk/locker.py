"""The villager's document locker, as the kiosk sees it: a port to link it (mobile + OTP) and push a certificate."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Protocol

from kiosk.store import Store

QUEUED_KIND = "locker.requested"  # the outbox event of a push the server could not be asked for just now
OFFERED_KEY = "locker_offered"  # meta: "1" when the server last said it offers the locker (sync/locker_client.py)


class Refusal(enum.StrEnum):
    WRONG_OTP = "wrong_otp"  # tries are left
    TOO_MANY = "too_many"  # the OTP is spent: ask for a new one
    EXPIRED = "expired"  # the OTP (or the link) has expired: ask for a new one
    NOT_ISSUED = "not_issued"  # the certificate is not (yet) issued at the department
    REFUSED = "refused"  # anything else the server refused (named in the log, not on screen)


class LockerUnavailable(Exception):
    """The server could not be reached or answered nothing usable: nothing was linked or pushed."""


class LockerRefused(Exception):
    def __init__(self, reason: Refusal, detail: str, tries_left: int = 0) -> None:
        super().__init__(detail)
        self.reason, self.detail, self.tries_left = reason, detail, tries_left


@dataclass(frozen=True, slots=True)
class OtpSent:
    challenge: str
    expires_at: str  # ISO 8601 UTC: the screen refuses an OTP typed after it (the kiosk's clock)
    sent_to: str  # masked


@dataclass(frozen=True, slots=True)
class Linked:
    link_token: str
    account: str  # masked mobile
    link_id: str = ""  # names the link in a queued push without being a secret (the token never goes to the outbox)


@dataclass(frozen=True, slots=True)
class Pushed:
    uri: str
    new: bool


class LockerPort(Protocol):
    """Each call is one signed request to the server; raises LockerUnavailable or LockerRefused. `offered` is
    not: it answers at once (what the server last said), so the Done screen can hide the button."""

    def offered(self) -> bool: ...

    def send_otp(self, mobile: str, language: str) -> OtpSent: ...

    def link(self, challenge: str, otp: str) -> Linked: ...

    def deliver(self, link_token: str, receipt_token: str, application_no: str) -> Pushed: ...


def queue_delivery(store: Store, link_id: str, receipt_no: int, application_no: str) -> None:
    """Offline after linking: the push goes to the outbox and the server makes it when the event arrives. The event
    names the link and the receipt (no token: the outbox and the server's events table keep no bearer secret); the
    server trusts it because it is signed by this kiosk, which made the link and issued the receipt."""
    with store.write("kiosk") as uow:
        uow.emit(
            QUEUED_KIND,
            {"subject": application_no, "link_id": link_id, "receipt_no": receipt_no, "application_no": application_no},
        )


def locker_offered(store: Store) -> bool:
    """What the server last said (unknown until it answered once: not offered, invariant 5)."""
    return store.get_meta(OFFERED_KEY) == "1"


def remember_offered(store: Store, offered: bool) -> None:
    if locker_offered(store) != offered:
        with store.write("kiosk") as uow:
            uow.set_meta(OFFERED_KEY, "1" if offered else "")
