"""The locker port over the signed HTTP client: OTP, link and push (POST /api/v1/locker/...)."""

from __future__ import annotations

import re
from typing import TypeVar

from kiosk.locker import Linked, LockerRefused, LockerUnavailable, OtpSent, Pushed, Refusal
from sync.client import Client, SyncError
from sync.client import Refusal as ServerRefusal
from sync.protocol import Model
from sync.protocol.locker import (
    LOCKER_DELIVER_PATH,
    LOCKER_LINK_PATH,
    LOCKER_OTP_PATH,
    LinkAnswer,
    LinkRequest,
    LockerDeliverAnswer,
    LockerDeliverRequest,
    OtpAnswer,
    OtpRequest,
)

A = TypeVar("A", bound=Model)


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
    def __init__(self, client: Client) -> None:
        self.client = client

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
