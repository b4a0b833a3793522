"""The operator's daily two-factor login for Aadhaar Pay: PIN plus a fresh finger matched by the AUA, once a day."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from kiosk.aadhaar import AadhaarNumber
from kiosk.clock import business_day
from kiosk.devices.biometric import PidBlock
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
    reason: str  # "", "pin", "locked", "finger", "unavailable"
    code: str = ""


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

    def login(self, operator_id: str, pin: str, aadhaar: AadhaarNumber, pid: PidBlock) -> TwoFactorResult:
        signed = self.auth.sign_in(operator_id, pin)  # journals the PIN attempt itself, with its lockout
        if not signed.ok:
            return TwoFactorResult(False, "locked" if signed.locked_until else "pin")
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
