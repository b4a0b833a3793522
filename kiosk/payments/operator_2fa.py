"""The operator's daily two-factor login for Aadhaar Pay: PIN plus a fresh finger matched by the AUA, once a day."""

from __future__ import annotations

import enum
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from kiosk.aadhaar import AadhaarNumber
from kiosk.clock import business_day
from kiosk.devices.biometric import BiometricReader, CaptureOk, CaptureRequest, PidBlock
from kiosk.online import Unavailable
from kiosk.operator import OperatorAuth
from kiosk.store import Store

log = logging.getLogger(__name__)
PASSED = "operator.two_factor_passed"
FAILED = "operator.two_factor_failed"


@dataclass(frozen=True, slots=True)
class FingerMatch:
    ok: bool
    code: str  # "00" matched; else the AUA's code (300 mismatch, 330 locked, RD-… unreadable)
    auth_ref: str = ""


class OperatorVerifier(Protocol):
    def verify_operator(
        self, operator_id: str, day: date, aadhaar: AadhaarNumber, pid: PidBlock
    ) -> FingerMatch | Unavailable: ...


@dataclass(frozen=True, slots=True)
class TwoFactorResult:
    ok: bool
    reason: str  # "", "pin", "locked", "capture" (the reader gave no finger), "finger", "unavailable"
    code: str = ""  # the AUA's code for "finger", the reader's for "capture"
    tries_left: int | None = None  # for "pin": wrong PINs left before the lockout
    locked_until: datetime | None = None  # for "locked"


class LoginState(enum.StrEnum):
    """What operator mode's menu says about today's login."""

    DONE = "done"  # passed this IST business day
    EXPIRED = "expired"  # passed on an earlier day, not yet today
    NOT_DONE = "not_done"  # never passed on this kiosk


class OperatorTwoFactor:
    """Gate for Aadhaar Pay. Each attempt is journaled (never the PID or the full number); a pass holds until the
    IST business day ends, also across restarts, because it is read back from the journal."""

    def __init__(self, store: Store, auth: OperatorAuth, verifier: OperatorVerifier) -> None:
        self.store = store
        self.auth = auth
        self.verifier = verifier

    def today(self) -> date:
        return business_day(self.store.clock.now())

    def done_today(self) -> bool:
        row = self.store.read_one(
            "SELECT 1 FROM journal WHERE action = ? AND json_extract(details, '$.business_day') = ? LIMIT 1",
            (PASSED, self.today().isoformat()),
        )
        return row is not None

    def state(self) -> LoginState:
        if self.done_today():
            return LoginState.DONE
        ever = self.store.read_one("SELECT 1 FROM journal WHERE action = ? LIMIT 1", (PASSED,))
        return LoginState.EXPIRED if ever is not None else LoginState.NOT_DONE

    def login(self, operator_id: str, pin: str, aadhaar: AadhaarNumber, pid: PidBlock) -> TwoFactorResult:
        refused = self._check_pin(operator_id, pin)
        return refused or self._match(operator_id, aadhaar, pid)

    def login_with_reader(self, operator_id: str, pin: str, aadhaar: AadhaarNumber, reader: BiometricReader,
                          before_capture: Callable[[], object] = lambda: None) -> TwoFactorResult:  # fmt: skip
        """The one login both faces run (operator mode's page off the Qt thread, `kioskctl operator aadhaar-login`):
        the PIN first, so a wrong one never asks for the finger; then a fresh capture, matched once and dropped."""
        refused = self._check_pin(operator_id, pin)
        if refused is not None:
            return refused
        before_capture()
        captured = reader.capture(CaptureRequest())
        if not isinstance(captured, CaptureOk):
            log.info("operator %s two-factor: the finger was not read (%s)", operator_id, captured.code)
            return TwoFactorResult(False, "capture", captured.code)
        return self._match(operator_id, aadhaar, captured.pid)

    def _check_pin(self, operator_id: str, pin: str) -> TwoFactorResult | None:
        signed = self.auth.sign_in(operator_id, pin)  # journals the PIN attempt itself, with its lockout
        if signed.ok:
            return None
        if signed.locked_until is not None:
            return TwoFactorResult(False, "locked", locked_until=signed.locked_until)
        return TwoFactorResult(False, "pin", tries_left=signed.tries_left)

    def _match(self, operator_id: str, aadhaar: AadhaarNumber, pid: PidBlock) -> TwoFactorResult:
        day = self.today()
        answer = self.verifier.verify_operator(operator_id, day, aadhaar, pid)
        del pid  # used once for the match, never kept
        if isinstance(answer, Unavailable):
            self._journal(FAILED, operator_id, day, aadhaar, code="unavailable", auth_ref="")
            return TwoFactorResult(False, "unavailable")
        self._journal(PASSED if answer.ok else FAILED, operator_id, day, aadhaar, answer.code, answer.auth_ref)
        return TwoFactorResult(answer.ok, "" if answer.ok else "finger", answer.code)

    def _journal(self, action: str, operator_id: str, day: date, aadhaar: AadhaarNumber, code: str,
                 auth_ref: str) -> None:  # fmt: skip
        details = {"business_day": day.isoformat(), "code": code, "auth_ref": auth_ref, "aadhaar": aadhaar.masked}
        with self.store.write(operator_id) as uow:
            uow.journal(action, operator_id, details)
        log.info("operator %s two-factor %s: %s", operator_id, day, json.dumps(details, ensure_ascii=False))
