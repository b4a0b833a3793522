"""After a certificate is paid for: "send to my locker" — the mobile number, the OTP sent to it, then the push.
The number and the OTP live only in this object, and only until the locker is linked or the panel closes."""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from common.numbers import mask_mobile, mobile_problem
from kiosk.clock import Clock
from kiosk.locker import LockerPort, LockerRefused, LockerUnavailable, OtpSent, Refusal

log = logging.getLogger(__name__)
OTP_DIGITS = 6
Queue = Callable[[str, str, str], None]  # (link id, receipt token, application number) into the outbox (no token)


class LockerStep(enum.StrEnum):
    CLOSED = "closed"
    MOBILE = "locker_mobile"  # the villager types the mobile number the locker is opened with
    OTP = "locker_otp"  # the OTP sent to that number
    SENT = "locker_sent"  # the certificate is in the locker
    QUEUED = "locker_queued"  # linked, but the push waits in the outbox for the internet
    UNAVAILABLE = "locker_unavailable"  # nothing linked or pushed (offline, or the server refused)


class LockerProblem(enum.StrEnum):
    NONE = ""
    LENGTH = "length"  # a mobile number has ten digits
    START = "start"  # ... and starts with 6, 7, 8 or 9
    OTP_LENGTH = "otp_length"
    WRONG_OTP = "wrong_otp"
    TOO_MANY = "too_many"
    EXPIRED = "expired"
    NOT_ISSUED = "not_issued"
    OFFLINE = "offline"
    REFUSED = "refused"


@dataclass(frozen=True, slots=True)
class LockerView:
    step: LockerStep
    digits: str = ""
    problem: LockerProblem = LockerProblem.NONE
    tries_left: int = 0
    sent_to: str = ""  # masked: where the OTP went
    account: str = ""  # masked: the locker the certificate went to


class LockerSteps:
    """Single-threaded like the journey; `submit` and `resend` block on the server and run off the Qt thread."""

    def __init__(self, port: LockerPort, clock: Clock, queue: Queue) -> None:
        self.port, self.clock, self.queue = port, clock, queue
        self.step = LockerStep.CLOSED
        self.problem = LockerProblem.NONE
        self.digits, self.tries_left, self.account = "", 0, ""
        self._mobile = ""  # kept between the OTP's send and the link, for "send again"; never logged
        self._otp: OtpSent | None = None
        self._receipt, self._application = "", ""

    def open(self, receipt_token: str, application_no: str) -> bool:
        if self.step is not LockerStep.CLOSED or not receipt_token or not application_no:
            return False
        self._receipt, self._application = receipt_token, application_no
        self._to(LockerStep.MOBILE)
        return True

    def close(self) -> None:
        self._mobile, self._otp = "", None
        self._to(LockerStep.CLOSED)

    def _to(self, step: LockerStep, problem: LockerProblem = LockerProblem.NONE) -> None:
        self.step, self.problem, self.digits = step, problem, ""

    def press(self, digit: str) -> bool:
        limit = {LockerStep.MOBILE: 10, LockerStep.OTP: OTP_DIGITS}.get(self.step, 0)
        if len(digit) != 1 or digit not in "0123456789" or len(self.digits) >= limit:
            return False
        self.digits += digit
        self.problem = LockerProblem.NONE
        if self.step is LockerStep.MOBILE and self.digits[0] not in "6789":
            self.problem = LockerProblem.START  # said at the first digit, not after ten
        return True

    def backspace(self) -> bool:
        if self.step not in (LockerStep.MOBILE, LockerStep.OTP) or not self.digits:
            return False
        self.digits, self.problem = self.digits[:-1], LockerProblem.NONE
        return True

    def submit(self, language: str) -> bool:
        if self.step is LockerStep.MOBILE:
            problem = mobile_problem(self.digits)
            if problem is not None:
                self.problem = LockerProblem(problem)
                return False
            self._mobile = self.digits
            return self._send_otp(language)
        if self.step is LockerStep.OTP:
            return self._link()
        return False

    def resend(self, language: str) -> bool:
        """A new OTP to the same number (the old one expired, was spent or never came)."""
        return self.step is LockerStep.OTP and bool(self._mobile) and self._send_otp(language)

    def _send_otp(self, language: str) -> bool:
        try:
            self._otp = self.port.send_otp(self._mobile, language)
        except LockerUnavailable as exc:
            log.warning("locker OTP to %s not asked for: %s", mask_mobile(self._mobile), exc)
            self._mobile = ""
            self._to(LockerStep.UNAVAILABLE, LockerProblem.OFFLINE)
            return False
        except LockerRefused as exc:
            log.warning("locker OTP to %s refused: %s", mask_mobile(self._mobile), exc.detail)
            self._mobile = ""
            self._to(LockerStep.UNAVAILABLE, LockerProblem.REFUSED)
            return False
        self._to(LockerStep.OTP)
        return True

    def _expired(self, otp: OtpSent) -> bool:
        try:
            expires = datetime.fromisoformat(otp.expires_at.replace("Z", "+00:00"))
        except ValueError:
            return False  # the server decides then
        return self.clock.now() >= expires

    def _link(self) -> bool:
        otp, typed = self._otp, self.digits
        if otp is None:
            return False
        if len(typed) != OTP_DIGITS:
            self.problem = LockerProblem.OTP_LENGTH
            return False
        self.digits = ""  # the OTP is not kept past this try
        if self._expired(otp):
            self.problem = LockerProblem.EXPIRED
            return False
        try:
            linked = self.port.link(otp.challenge, typed)
        except LockerUnavailable as exc:
            log.warning("locker link not asked for: %s", exc)
            self._to(LockerStep.OTP, LockerProblem.OFFLINE)
            return False
        except LockerRefused as exc:
            self.problem = (
                LockerProblem(exc.reason.value) if exc.reason is not Refusal.NOT_ISSUED else LockerProblem.REFUSED
            )
            self.tries_left = exc.tries_left
            return False
        self._mobile, self._otp, self.account = "", None, linked.account
        return self._push(linked.link_token, linked.link_id)

    def _push(self, link_token: str, link_id: str) -> bool:
        try:
            pushed = self.port.deliver(link_token, self._receipt, self._application)
        except LockerUnavailable as exc:
            log.warning("certificate %s to the locker queued (offline): %s", self._application, exc)
            self.queue(link_id, self._receipt, self._application)
            self._to(LockerStep.QUEUED)
            return True
        except LockerRefused as exc:
            log.warning("certificate %s not pushed to the locker: %s", self._application, exc.detail)
            issued = exc.reason is Refusal.NOT_ISSUED
            self._to(LockerStep.UNAVAILABLE, LockerProblem.NOT_ISSUED if issued else LockerProblem.REFUSED)
            return False
        log.info("certificate %s in locker %s (%s)", self._application, self.account, "new" if pushed.new else "again")
        self._to(LockerStep.SENT)
        return True

    def view(self) -> LockerView:
        sent_to = self._otp.sent_to if self._otp is not None else ""
        return LockerView(self.step, self.digits, self.problem, self.tries_left, sent_to, self.account)
