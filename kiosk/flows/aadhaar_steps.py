"""The Aadhaar Pay steps of a journey, Qt-free: bank, number, finger; retries after 300, inquiry when unknown."""

from __future__ import annotations

import enum
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from kiosk.aadhaar import AadhaarError, AadhaarNumber
from kiosk.devices.biometric import BiometricReader, CaptureOk, CaptureRequest
from kiosk.devices.locator import Locator
from kiosk.money import Money
from kiosk.payment_outcome import Backoff
from kiosk.payments.aadhaar_codes import Advice, Next
from kiosk.payments.aadhaar_pay import AadhaarPay, AadhaarPayDetails
from kiosk.payments.port import Outcome, PaymentRequest, RailResult

log = logging.getLogger("kiosk.flow")


class AepsStep(enum.StrEnum):
    CHOOSE_BANK = "choose_bank"
    ENTER_AADHAAR = "enter_aadhaar"
    PLACE_FINGER = "place_finger"  # also after a 300 while tries remain: `advice` says why
    PAID = "paid"  # commit with `result.reference` (the RRN)
    OTHER_METHOD = "other_method"  # nothing was taken; offer cash or another rail
    STATUS_UNKNOWN = "status_unknown"  # still unknown after the inquiries: hold for reconciliation, slip printed


@dataclass
class AadhaarPayFlow:
    """One villager's Aadhaar Pay for one transaction. Every method that talks to a device or the server blocks:
    the view-model runs them off the Qt thread. The Aadhaar number lives only here and is dropped at the end."""

    rail: AadhaarPay
    reader: BiometricReader
    txn_id: str
    amount: Money
    locator: Locator | None = None
    backoff: Backoff = field(default_factory=Backoff)
    sleep: Callable[[float], None] = lambda _s: None
    rng: random.Random = field(default_factory=random.Random)
    step: AepsStep = AepsStep.CHOOSE_BANK
    iin: str = ""
    attempt: int = 0
    problem: str = ""  # "", "bank", "aadhaar", "capture"
    advice: Advice | None = None
    result: RailResult | None = None
    _aadhaar: AadhaarNumber | None = field(default=None, repr=False)

    def choose_bank(self, iin: str) -> bool:
        if self.step is not AepsStep.CHOOSE_BANK or self.rail.banks.get(iin) is None:
            self.problem = "bank"
            return False
        self.iin, self.problem, self.step = iin, "", AepsStep.ENTER_AADHAAR
        return True

    def enter_aadhaar(self, typed: str) -> bool:
        if self.step is not AepsStep.ENTER_AADHAAR:
            return False
        try:
            self._aadhaar = AadhaarNumber.parse(typed)
        except AadhaarError:
            self.problem = "aadhaar"
            return False
        self.problem, self.step = "", AepsStep.PLACE_FINGER
        return True

    def pay_finger(self) -> AepsStep:
        """Capture, send one try, and move on by the bank's answer. A failed capture is not a try."""
        if self.step is not AepsStep.PLACE_FINGER or self._aadhaar is None:
            return self.step
        captured = self.reader.capture(CaptureRequest())
        if not isinstance(captured, CaptureOk):
            self.problem = "capture"
            return self.step
        self.attempt += 1
        fix = self.locator.last_fix() if self.locator is not None else None
        details = AadhaarPayDetails(self.iin, self._aadhaar, captured.pid, fix)
        del captured
        self.rail.start(PaymentRequest(self.txn_id, self.amount, attempt=self.attempt, details=details))
        del details
        self.result = self.rail.poll(self.txn_id)
        if self.result.outcome in (Outcome.UNKNOWN, Outcome.PENDING):
            self.result = self._inquire()
        self.advice = self.rail.advice(self.txn_id)
        self.problem = ""
        self.step = {
            Next.PAID: AepsStep.PAID,
            Next.RETRY_FINGER: AepsStep.PLACE_FINGER,
            Next.OTHER_METHOD: AepsStep.OTHER_METHOD,
            Next.ASK_STATUS: AepsStep.STATUS_UNKNOWN,
        }[self.advice.next]
        if self.step is not AepsStep.PLACE_FINGER:
            self._aadhaar = None  # the journey is over for this number
        log.info("Aadhaar Pay %s try %d: %s", self.txn_id, self.attempt, self.step)
        return self.step

    def _inquire(self) -> RailResult:
        """Ask by reference with backoff (never a new try): the switch closes the reference when asked."""
        result = RailResult(Outcome.UNKNOWN, detail="not asked yet")
        for delay in self.backoff.delays(self.rng):
            self.sleep(delay)
            result = self.rail.inquire(self.txn_id, self.amount)
            if result.outcome is not Outcome.UNKNOWN:
                break
        return result
