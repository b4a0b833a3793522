"""What every journey shares: number entry on the keypad, plain-word errors, and the payment stage."""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass, field

from kiosk.catalogue import FieldSpec, Service
from kiosk.devices.biometric import BiometricReader, CaptureFailed, CaptureRequest
from kiosk.devices.cash import CashAcceptor, CashEvent, NoteCredited
from kiosk.devices.printer import ReceiptPrinter
from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.online import AadhaarPayments, Authorised, Declined
from kiosk.transactions import PaymentMode, Txn, TxnState

log = logging.getLogger(__name__)


class Step(enum.StrEnum):
    ENTER_NUMBER = "enter_number"
    ENTER_AMOUNT = "enter_amount"  # offline, provisional: the villager types the amount printed on the bill
    STATUS_SHOWN = "status_shown"  # status check: the answer is on screen
    CONSENT = "consent"  # certificate: the villager agrees to Aadhaar authentication
    VERIFY_FINGER = "verify_finger"  # certificate: fingerprint to prove it is the applicant
    CHOOSE_PAYMENT = "choose_payment"  # amount shown, cash or Aadhaar?
    CASH = "cash"  # taking notes
    PAY_FINGER = "pay_finger"  # fingerprint for an Aadhaar-enabled payment
    DONE = "done"  # receipt printed (or pending), QR on screen
    VOUCHER = "voucher"  # left with part paid: change-due voucher issued
    ERROR = "error"
    CLOSED = "closed"  # journey over; the app goes home


class Problem(enum.StrEnum):
    """Each maps to one plain-words message plus what to do next, in the UI's translations."""

    LENGTH = "length"
    CHECKSUM = "checksum"
    DIGITS_ONLY = "digits_only"
    NOT_FOUND = "not_found"
    TIMEOUT = "timeout"
    UNAVAILABLE = "unavailable"
    NOT_READY = "not_ready"
    DECLINED = "declined"
    FINGER_RETRY = "finger_retry"
    FINGER_FAILED = "finger_failed"
    CASH_UNAVAILABLE = "cash_unavailable"
    NOTHING_DUE = "nothing_due"
    AMOUNT = "amount"  # a provisional amount of zero or above the cash limit


@dataclass(frozen=True, slots=True)
class Receipt:
    """What the printer prints and the e-receipt QR points to; amounts already formatted."""

    receipt_no: int | None
    service_hi: str
    service_en: str
    reference: str
    lines: tuple[tuple[str, str], ...]
    qr_text: str
    provisional: bool = False


@dataclass(slots=True)
class Devices:
    cash: CashAcceptor
    printer: ReceiptPrinter
    biometric: BiometricReader


class NumberEntry:
    """Digits typed on the on-screen keypad for one catalogue field."""

    def __init__(self, spec: FieldSpec) -> None:
        self.spec = spec
        self.value = ""

    def press(self, digit: str) -> bool:
        if len(digit) != 1 or not digit.isdigit() or len(self.value) >= self.spec.max_length:
            return False
        self.value += digit
        return True

    def backspace(self) -> bool:
        if not self.value:
            return False
        self.value = self.value[:-1]
        return True

    def problem(self) -> Problem | None:
        reason = self.spec.problem(self.value)
        return Problem(reason) if reason else None


def notes_accepted_now(denominations: tuple[Money, ...], remaining: Money) -> frozenset[Money]:
    """Every note up to what is still due, plus the smallest note that covers it (the excess becomes a voucher)."""
    if remaining.paise <= 0:
        return frozenset()
    accepted = {d for d in denominations if d <= remaining}
    covering = [d for d in denominations if d >= remaining]
    if covering:
        accepted.add(min(covering))
    return frozenset(accepted)


@dataclass
class PaymentStage:
    """The part of a journey from "amount shown" to "receipt printed", shared by bills and certificates."""

    ledger: Ledger
    devices: Devices
    aadhaar: AadhaarPayments
    service: Service
    txn: Txn | None = None
    voucher_no: int | None = None
    printed: bool = False
    notes: frozenset[Money] = field(default_factory=frozenset)

    def open(self, reference: str, amount_due: Money, fee: Money, mode: PaymentMode) -> Txn:
        self.txn = self.ledger.create(
            service_id=self.service.id,
            service_name_hi=self.service.name_hi,
            service_name_en=self.service.name_en,
            reference=reference,
            amount_due=amount_due,
            fee=fee,
        )
        self.txn = self.ledger.await_payment(self.txn.id, mode)
        if mode is PaymentMode.CASH:
            self._enable_cash()
        return self.txn

    def _enable_cash(self) -> None:
        assert self.txn is not None
        self.notes = notes_accepted_now(self.devices.cash.denominations(), self.txn.remaining)
        self.devices.cash.enable(self.notes)

    def on_cash(self, event: CashEvent) -> bool:
        """True when this note paid the bill in full (the caller then prints)."""
        if not isinstance(event, NoteCredited) or self.txn is None:
            return False
        if self.txn.state is not TxnState.AWAITING_PAYMENT:
            # Arrived after the journey moved on: still the villager's money, kept as a suspense entry.
            self.ledger.record_suspense(
                event.denomination, channel=event.channel, reason="note after payment closed", device_ref=event.event_id
            )
            return False
        credit = self.ledger.credit_cash(
            self.txn.id, event.denomination, channel=event.channel, device_ref=event.event_id
        )
        self.txn = credit.txn
        if credit.voucher_no is not None:
            self.voucher_no = credit.voucher_no
        if self.txn.state is TxnState.PAID:
            self.devices.cash.disable()
            self.notes = frozenset()
            return True
        self._enable_cash()
        return False

    def pay_by_finger(self) -> Problem | None:
        """Capture, authorise online, mark paid. None on success, else what went wrong."""
        assert self.txn is not None
        result = self.devices.biometric.capture(CaptureRequest())
        if isinstance(result, CaptureFailed):
            return Problem.FINGER_RETRY if result.retry else Problem.FINGER_FAILED
        answer = self.aadhaar.authorise(self.txn.id, self.txn.total_due, result.pid)
        if isinstance(answer, Authorised):
            self.txn = self.ledger.pay_other(self.txn.id, payment_ref=answer.payment_ref)
            return None
        self.txn = self.ledger.cancel(self.txn.id, reason="aadhaar payment not authorised")
        return Problem.DECLINED if isinstance(answer, Declined) else Problem.TIMEOUT

    def print_receipt(self, receipt: Receipt) -> bool:
        assert self.txn is not None
        outcome = self.devices.printer.print_job(f"receipt-{self.txn.id}", receipt)
        if outcome.printed:
            self.ledger.receipt_printed(self.txn.id, job_id=outcome.job_id)
            self.txn = self.ledger.complete(self.txn.id)
        else:
            log.warning("receipt for %s not printed: %s %s", self.txn.id, outcome.status, outcome.detail)
            self.txn = self.ledger.receipt_pending(self.txn.id, reason=str(outcome.status))
        self.printed = outcome.printed
        return outcome.printed

    def leave(self, reason: str) -> int | None:
        """The villager walked away or cancelled: credit becomes a voucher, an untouched transaction is cancelled."""
        if self.txn is None or self.txn.state is not TxnState.AWAITING_PAYMENT:
            return None
        self.devices.cash.disable()
        self.notes = frozenset()
        if self.txn.amount_paid.paise > 0:
            credit = self.ledger.abandon(self.txn.id, reason=reason)
            self.txn = credit.txn
            self.voucher_no = credit.voucher_no
            return credit.voucher_no
        self.txn = self.ledger.cancel(self.txn.id, reason=reason)
        return None
