"""The AADHAAR_PAY rail: debit the villager's bank (chosen by IIN) on their fingerprint, RRN and bank code back."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import Protocol

from kiosk.aadhaar import AadhaarNumber
from kiosk.devices.biometric import PidBlock
from kiosk.devices.locator import Fix
from kiosk.money import Money
from kiosk.online import Unavailable
from kiosk.payments.aadhaar_codes import MAX_FINGER_TRIES, OK, Advice, advise
from kiosk.payments.banks import BankDirectory
from kiosk.payments.port import Outcome, PaymentRequest, Rail, RailResult, Started

log = logging.getLogger(__name__)
AEPS_LIMIT = Money(10_000_00)  # Aadhaar Pay's per-transaction cap


@dataclass(frozen=True, slots=True)
class AadhaarPayDetails:
    """PaymentRequest.details for this rail. The PID block is used for one request and never kept or logged."""

    iin: str
    aadhaar: AadhaarNumber
    pid: PidBlock = field(repr=False)
    position: Fix | None = None  # the kiosk's last GPS fix; the switch wants it, but decides without it too


@dataclass(frozen=True, slots=True)
class SwitchAnswer:
    """The switch's outcome for one reference: `bank_code` "00" is a debit with `rrn`."""

    bank_code: str
    rrn: str
    attempt: int

    @property
    def paid(self) -> bool:
        return self.bank_code == OK


Answer = SwitchAnswer | Unavailable


class AepsSwitch(Protocol):
    """The kiosk's server, which forwards to the AePS switch (sync/aeps_client.HttpAeps)."""

    def pay(self, txn_id: str, attempt: int, amount: Money, details: AadhaarPayDetails) -> Answer:
        """One try; the same (txn_id, attempt) again gets the first outcome, never a second debit."""
        ...

    def status(self, txn_id: str, amount: Money) -> Answer:
        """The outcome by reference; asking closes the reference, so a try still on its way cannot debit."""
        ...


class TwoFactorGate(Protocol):
    def done_today(self) -> bool: ...


def result_of(answer: Answer, *, unknown_detail: str) -> RailResult:
    if isinstance(answer, Unavailable):
        return RailResult(Outcome.UNKNOWN, detail=f"{unknown_detail}: {answer.detail[:120]}")
    if answer.paid:
        return RailResult(Outcome.PAID, reference=answer.rrn, code=answer.bank_code, detail=f"try {answer.attempt}")
    return RailResult(Outcome.DECLINED, code=answer.bank_code, detail=f"declined on try {answer.attempt}")


class AadhaarPay:
    """PaymentMethod for Aadhaar Pay. The authorisation is synchronous: `start` asks the switch (blocking, off the
    Qt thread) and `poll` returns what it said. A try whose answer was lost is UNKNOWN: `inquire`, never re-start."""

    rail = Rail.AADHAAR_PAY

    def __init__(self, switch: AepsSwitch, banks: BankDirectory, gate: TwoFactorGate) -> None:
        self.switch = switch
        self.banks = banks
        self.gate = gate
        self._lock = threading.Lock()
        self._results: dict[str, RailResult] = {}
        self._tries: dict[str, int] = {}

    def available(self) -> bool:
        """Offered only after the operator's 2FA today and with a bank list to choose from."""
        return self.gate.done_today() and bool(self.banks.banks)

    def start(self, request: PaymentRequest) -> Started:
        details = self._checked(request)
        with self._lock:
            held = self._results.get(request.txn_id)
            if held is not None and held.outcome in (Outcome.PAID, Outcome.UNKNOWN):
                # Paid already, or the last answer was lost: a new try could debit twice. Poll/inquire instead.
                log.warning("Aadhaar Pay %s: not started again (%s)", request.txn_id, held.outcome)
                return Started(request.txn_id, request.amount, prompt="aadhaar_pay.wait")
        answer = self.switch.pay(request.txn_id, request.attempt, request.amount, details)
        del details  # the only reference to the PID block on this side
        result = result_of(answer, unknown_detail="no answer from the switch")
        with self._lock:
            self._results[request.txn_id] = result
            self._tries[request.txn_id] = request.attempt
        log.info("Aadhaar Pay %s try %d: %s %s", request.txn_id, request.attempt, result.outcome, result.code)
        return Started(request.txn_id, request.amount, prompt="aadhaar_pay.wait")

    def _checked(self, request: PaymentRequest) -> AadhaarPayDetails:
        details = request.details
        if not isinstance(details, AadhaarPayDetails):
            raise ValueError("Aadhaar Pay: request.details must be AadhaarPayDetails (bank IIN, Aadhaar number, PID)")
        if not 1 <= request.attempt <= MAX_FINGER_TRIES:
            raise ValueError(f"Aadhaar Pay: attempt {request.attempt} is outside 1…{MAX_FINGER_TRIES}")
        if not Money(1) <= request.amount <= AEPS_LIMIT:
            raise ValueError(f"Aadhaar Pay: amount {request.amount.format()} is outside ₹0.01…{AEPS_LIMIT.format()}")
        if self.banks.get(details.iin) is None:
            raise ValueError(f"Aadhaar Pay: IIN {details.iin!r} is not in the bank list")
        return details

    def poll(self, txn_id: str) -> RailResult:
        with self._lock:
            return self._results.get(txn_id, RailResult(Outcome.PENDING))

    def cancel(self, txn_id: str) -> RailResult:
        """AePS has no cancel: a settled outcome stands; an unknown one stays unknown until inquired."""
        return self.poll(txn_id)

    def inquire(self, txn_id: str, amount: Money) -> RailResult:
        result = result_of(self.switch.status(txn_id, amount), unknown_detail="status still unknown")
        if result.outcome is not Outcome.UNKNOWN:
            with self._lock:
                self._results[txn_id] = result
                # Asking closed the reference at the switch: no further finger try is decided for it.
                self._tries[txn_id] = MAX_FINGER_TRIES
        return result

    def advice(self, txn_id: str) -> Advice:
        """What the villager is told and may do next after the last try of this payment (retry, other method …)."""
        result = self.poll(txn_id)
        with self._lock:
            attempt = self._tries.get(txn_id, 1)
        return advise(result.code, attempt, unknown=result.outcome in (Outcome.UNKNOWN, Outcome.PENDING))
