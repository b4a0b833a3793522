"""The journey's Aadhaar Pay steps: bank, the journey's own Aadhaar keypad, finger; the outcome into the ledger."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from kiosk.devices.biometric import BiometricReader
from kiosk.devices.locator import Locator
from kiosk.flows.aadhaar_steps import AadhaarPayFlow, AepsStep
from kiosk.flows.base import Problem, Step
from kiosk.flows.journey import Journey
from kiosk.flows.rail_payment import ask_available, settle_rail
from kiosk.payment_outcome import Backoff
from kiosk.payments.aadhaar_codes import Advice
from kiosk.payments.aadhaar_pay import AadhaarPay
from kiosk.payments.port import Outcome
from kiosk.transactions import PaymentMode

log = logging.getLogger("kiosk.flow")
MODE = PaymentMode.AADHAAR_PAY.value


@dataclass
class AepsJourney:
    """Delegated to by the journey's screen, like RailSteps: the journey keeps its steps, this moves them for Aadhaar
    Pay. `finger` blocks on the reader and the switch: the view-model runs it off the Qt thread."""

    journey: Journey
    rail: AadhaarPay
    reader: BiometricReader
    locator: Locator | None = None
    backoff: Backoff = field(default_factory=Backoff)
    flow: AadhaarPayFlow | None = None  # from the first finger on
    iin: str = ""  # the bank chosen
    advice: Advice | None = None  # after a mismatch or refusal: what the bank's code means for the villager

    def offered(self) -> bool:
        """Online only (not for a provisional bill), where the service takes Aadhaar or cash, and while the rail is
        up: the operator's login today and a bank list (Invariant 5)."""
        journey = self.journey
        modes = journey.service.payment_modes
        if journey.provisional_amount is not None or not ({"aadhaar", "cash", MODE} & set(modes)):
            return False
        return journey.availability().payments and ask_available(self.rail)

    def choose(self) -> bool:
        """The bank step. No ledger transaction yet: until a finger is sent nothing can be taken, so a villager who
        walks away from the bank or number step leaves nothing to hold or inquire about."""
        journey = self.journey
        if journey.step is not Step.CHOOSE_PAYMENT or not self.offered():
            return False
        self.flow, self.iin = None, ""
        journey.problem, self.advice = None, None
        journey.step = Step.CHOOSE_BANK
        return True

    def choose_bank(self, iin: str) -> bool:
        if self.journey.step is not Step.CHOOSE_BANK or self.rail.banks.get(iin) is None:
            return False
        self.iin = iin
        self.journey.aadhaar_number = None  # the debit is asked with the number typed for it, right after
        self.journey._ask_aadhaar(then=Step.AEPS_FINGER)  # the journey's own keypad, masked as it is typed
        return True

    def _flow(self) -> AadhaarPayFlow:
        """The payment opens in the ledger with the first finger, in this rail's mode (AWAITING_PAYMENT)."""
        journey = self.journey
        if self.flow is None:
            assert journey.aadhaar_number is not None
            due, fee = journey._amounts()
            txn = journey.payment.open(journey.entry.value, due, fee, PaymentMode.AADHAAR_PAY)
            self.flow = AadhaarPayFlow(self.rail, self.reader, txn.id, txn.total_due, self.locator, self.backoff)
            self.flow.choose_bank(self.iin)
            self.flow.enter_aadhaar(journey.aadhaar_number.digits_for_auth_request())
        return self.flow

    def finger(self) -> bool:
        """One capture and one try; True when the step changed (paid, another finger is not a change)."""
        journey = self.journey
        if journey.step is not Step.AEPS_FINGER or journey.aadhaar_number is None:
            return False
        flow = self._flow()
        step = flow.pay_finger()
        if step is AepsStep.PLACE_FINGER:
            journey.problem = Problem.FINGER_RETRY if flow.problem == "capture" else Problem.DECLINED
            self.advice = None if flow.problem == "capture" else flow.advice
            return False
        journey.aadhaar_number = None
        txn = journey.payment.txn
        assert txn is not None
        assert flow.result is not None
        if step is AepsStep.PAID:
            journey.payment.txn = settle_rail(journey.payment.ledger, txn, flow.result)  # the RRN, in one commit
            journey.problem = None
            journey._print()
            return True
        if step is AepsStep.STATUS_UNKNOWN:
            journey.payment.txn = journey.payment.ledger.outcome_unknown(txn.id, reason=f"{MODE}: no outcome")
            journey._status_unknown()
            return True
        return self._other_method(flow.result.outcome)

    def cancel(self) -> bool:
        """The villager cancels. Before any try left the kiosk (no finger read yet) nothing can have been taken: the
        payment is cancelled outright. After a try the journey's rule holds it, to be asked about by reference."""
        journey, flow, txn = self.journey, self.flow, self.journey.payment.txn
        if journey.step is Step.AEPS_FINGER and flow is not None and flow.attempt == 0 and txn is not None:
            journey.payment.txn = journey.payment.ledger.cancel(txn.id, reason=f"{MODE}: cancelled before any try")
            journey.aadhaar_number, self.flow = None, None
            journey.step = Step.CLOSED
            return True
        return journey.cancel()

    def _other_method(self, outcome: Outcome) -> bool:
        """Refused (or 330 locked): nothing was taken; back to the choice with what the bank said."""
        journey, flow = self.journey, self.flow
        assert flow is not None
        assert journey.payment.txn is not None
        self.advice = flow.advice
        journey.payment.txn = journey.payment.ledger.cancel(journey.payment.txn.id, reason=f"{MODE}: {outcome}")
        journey.payment.txn = None
        self.flow = None
        journey.problem = Problem.DECLINED
        journey.step = Step.CHOOSE_PAYMENT
        return True
