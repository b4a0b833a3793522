"""What every journey shares: number entry on the keypad, plain-word errors, and the payment stage."""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from kiosk.aadhaar import AadhaarNumber, mask
from kiosk.availability import MIN_FREE_DISK_BYTES, Availability, assess
from kiosk.cash_payment import CashDesk, CashUpdate
from kiosk.catalogue import FieldSpec, Service
from kiosk.clock import Clock
from kiosk.devices.biometric import BiometricReader, CaptureFailed, CaptureRequest
from kiosk.devices.cash import AcceptorStatus, CashAcceptor
from kiosk.devices.printer import ReceiptPrinter
from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.online import AadhaarPayments, Authorised, Declined, Unavailable
from kiosk.payment_outcome import OutcomeInquiry, build_status_slip, settle
from kiosk.printing import QrText, print_receipt
from kiosk.receipt import Identity
from kiosk.transactions import RAIL_MODES, PaymentMode, Txn, TxnState

log = logging.getLogger(__name__)


class Step(enum.StrEnum):
    ENTER_NUMBER = "enter_number"
    ENTER_AMOUNT = "enter_amount"  # offline, provisional: the villager types the amount printed on the bill
    STATUS_SHOWN = "status_shown"  # status check: the answer is on screen
    CONSENT = "consent"  # certificate: the villager agrees to Aadhaar authentication
    ENTER_AADHAAR = "enter_aadhaar"  # the 12-digit Aadhaar number, before any fingerprint (kept in memory only)
    VERIFY_FINGER = "verify_finger"  # certificate: fingerprint to prove it is the applicant
    CHOOSE_PAYMENT = "choose_payment"  # amount shown, cash or Aadhaar?
    CASH = "cash"  # taking notes
    PAY_FINGER = "pay_finger"  # fingerprint for an Aadhaar-enabled payment
    CHOOSE_BANK = "choose_bank"  # Aadhaar Pay: the villager's bank, searched by name (kiosk/flows/aeps_journey.py)
    AEPS_FINGER = "aeps_finger"  # Aadhaar Pay: the finger that debits the chosen bank; again after a 300 mismatch
    RAIL_WAIT = "rail_wait"  # a payment rail's offer is out: UPI QR with a countdown, or the card terminal prompting
    RAIL_RETRY = "rail_retry"  # the rail's offer lapsed or was refused, nothing taken: try again or pay another way
    ELIGIBILITY = "eligibility"  # application: yes/no questions (kiosk/flows/application_steps.py)
    NOT_ELIGIBLE = "not_eligible"  # application: a "no" ended it, with why and where to go instead
    FORM = "form"  # application: the fields, typed on the on-screen keyboard
    SCAN = "scan"  # application: each required document, page by page, with a preview and a retake
    PHOTO = "photo"  # application: the applicant's photo, with a retake
    REVIEW = "review"  # application: everything at a glance before the fee
    DONE = "done"  # receipt printed (or pending), QR on screen
    STATUS_UNKNOWN = "status_unknown"  # the bank's answer is not known: a slip says what happens next
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
    CANCELLED = "cancelled"  # the villager cancelled while slow work ran, before anything left the kiosk
    AMOUNT = "amount"  # a provisional amount of zero or above the cash limit
    STATUS_UNKNOWN = "status_unknown"  # an online payment with no answer even by reference: slip, operator settles
    RAIL_EXPIRED = "rail_expired"  # the QR (or terminal offer) lapsed unpaid; nothing was taken
    RAIL_DECLINED = "rail_declined"  # the bank or card refused; nothing was taken
    NOT_OFFERED = "not_offered"  # an application whose scanner or camera is not ready: not started, nothing taken


class Phase(enum.StrEnum):
    """The slow part of an intent running now (off the Qt thread): what the waiting screen says."""

    IDLE = ""
    LOOKUP = "lookup"  # bill or application lookup online
    CAPTURE = "capture"  # the RD service reading the finger (up to its timeout + grace)
    AUTHORISE = "authorise"  # the authorisation request has left: no cancel from here on
    INQUIRE = "inquire"  # asking the outcome by reference after a timeout
    PRINT = "print"  # receipt, certificate download and print, slip
    SCAN = "scan"  # a document page on the scanner, or the applicant's photo: checked and compressed


# Before the authorisation request leaves, walking away changes nothing anywhere.
SAFE_TO_CANCEL = frozenset({Phase.LOOKUP, Phase.CAPTURE, Phase.SCAN})


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


@dataclass(frozen=True, slots=True)
class Devices:
    cash: CashAcceptor
    printer: ReceiptPrinter
    biometric: BiometricReader
    desk: CashDesk  # the one place cash events become ledger entries (kiosk/cash_payment.py)


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


@dataclass
class PaymentStage:
    """The part of a journey from "amount shown" to "receipt printed", shared by bills and certificates."""

    ledger: Ledger
    devices: Devices
    aadhaar: AadhaarPayments
    service: Service
    inquiry: OutcomeInquiry = field(default_factory=OutcomeInquiry)
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
            self.notes = self.devices.desk.begin(self.txn.id)
        return self.txn

    def on_update(self, update: CashUpdate) -> bool:
        """The desk committed something for this payment. True when it is now paid in full (the caller prints)."""
        if self.txn is None or update.txn is None or update.txn.id != self.txn.id:
            return False  # a late note was already kept by the desk as suspense; nothing changes here
        was_awaiting = self.txn.state is TxnState.AWAITING_PAYMENT
        self.txn = update.txn
        self.notes = update.accepting
        if update.voucher_no is not None:
            self.voucher_no = update.voucher_no
        return was_awaiting and self.txn.state is TxnState.PAID

    def pay_by_finger(self, aadhaar: AadhaarNumber, *, go_ahead: Callable[[], bool] = lambda: True) -> Problem | None:
        """Capture, authorise online, mark paid. None on success, else what went wrong. `go_ahead` is asked after the
        capture: False (the villager cancelled while the finger was read) stops before anything leaves the kiosk."""
        assert self.txn is not None
        result = self.devices.biometric.capture(CaptureRequest())
        if isinstance(result, CaptureFailed):
            return Problem.FINGER_RETRY if result.retry else Problem.FINGER_FAILED
        if not go_ahead():
            return Problem.CANCELLED
        answer = self.aadhaar.authorise(self.txn.id, self.txn.total_due, aadhaar, result.pid)
        del result  # the PID block is not kept past its one use
        if isinstance(answer, Unavailable):
            # The request may have been debited upstream: never cancel blind, ask by reference first.
            self.txn = self.ledger.outcome_unknown(self.txn.id, reason=answer.detail or "no answer in time")
            answer = self.inquiry.ask(self.aadhaar, self.txn.id, self.txn.total_due)
        self.txn = settle(self.ledger, self.txn, answer)
        if isinstance(answer, Authorised):
            return None
        return Problem.DECLINED if isinstance(answer, Declined) else Problem.STATUS_UNKNOWN

    def print_status_slip(self, identity: Identity, now: datetime) -> bool:
        """The villager's slip for a payment still unknown; journaled whether it printed (the operator reprints)."""
        assert self.txn is not None
        outcome = self.devices.printer.print_job(
            f"slip-{self.txn.id[:8]}", build_status_slip(self.txn, identity, printed_at=now)
        )
        problem = "" if outcome.printed else outcome.status.value
        self.ledger.document_printed(self.txn.id, document="status_slip", printed=outcome.printed, problem=problem,
                                     detail="")  # fmt: skip
        return outcome.printed

    def print_receipt(self, identity: Identity, clock: Clock, qr_text: QrText) -> bool:
        """Commit first, print second (kiosk/printing.py): paid stays paid whatever the printer does."""
        assert self.txn is not None
        result = print_receipt(self.ledger, self.devices.printer, self.txn.id, identity=identity, clock=clock,
                               qr_text=qr_text)  # fmt: skip
        self.txn = result.txn
        if result.printed:
            self.txn = self.ledger.complete(self.txn.id)
        else:
            log.warning("receipt for %s not printed: %s", self.txn.id, result.message_en)
        self.printed = result.printed
        return result.printed

    def leave(self, reason: str) -> int | None:
        """The villager walked away or cancelled: credit becomes a voucher, an untouched transaction is cancelled."""
        if self.txn is None or self.txn.state is not TxnState.AWAITING_PAYMENT:
            return None
        self.notes = frozenset()
        if self.txn.payment_mode is PaymentMode.CASH:
            txn, voucher = self.devices.desk.end(reason=reason)
            self.txn = txn or self.ledger.get(self.txn.id)
            self.voucher_no = voucher or self.voucher_no
            return voucher
        if self.txn.payment_mode in RAIL_MODES:
            # The QR may have been paid a moment ago: held and asked about by reference, never cancelled blind.
            self.txn = self.ledger.outcome_unknown(self.txn.id, reason=f"left while waiting: {reason}")
            return None
        self.txn = self.ledger.cancel(self.txn.id, reason=reason)
        return None


def devices_availability(devices: Devices) -> Availability:
    """What the devices alone say (disk and database are the composition root's to add)."""
    try:
        acceptor: AcceptorStatus | None = AcceptorStatus(devices.cash.health().status)
    except ValueError:
        acceptor = None
    return assess(
        manual_reason=None,
        disk_free_bytes=MIN_FREE_DISK_BYTES,
        database_writable=True,
        printer=devices.printer.status(),
        acceptor=acceptor,
    )


def aadhaar_display(typed: str, number: AadhaarNumber | None) -> str:
    """What the keypad shows, grouped in fours: the first eight digits become X as soon as the next one is typed
    (only the digit just pressed shows, to confirm the tap), the last four stay (UIDAI masking)."""
    if not typed and number is not None:
        return number.masked.replace("-", " ")
    if len(typed) == 12:
        return mask(typed).replace("-", " ")
    shown = "X" * 8 + typed[8:] if len(typed) > 8 else "X" * (len(typed) - 1) + typed[-1:]
    return " ".join(shown[i : i + 4] for i in range(0, len(shown), 4))
