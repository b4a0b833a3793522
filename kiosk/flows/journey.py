"""One villager's journey through a service: bill payment, certificate print or status check."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kiosk.aadhaar import AadhaarError, AadhaarNumber
from kiosk.availability import Availability
from kiosk.cash_payment import CashUpdate
from kiosk.catalogue import Checksum, FieldSpec, FlowKind, OfflinePolicy, Service
from kiosk.devices.biometric import CaptureFailed, CaptureRequest
from kiosk.devices.cash import CashEvent
from kiosk.documents import CertificatePrinter, DocumentProblem, DocumentResult
from kiosk.flows.base import (
    SAFE_TO_CANCEL,
    Devices,
    NumberEntry,
    PaymentStage,
    Phase,
    Problem,
    Receipt,
    Step,
    aadhaar_display,
    devices_availability,
)
from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.online import (
    AadhaarPayments,
    Application,
    ApplicationLookup,
    Authorised,
    Bill,
    BillLookup,
    NotFound,
    Unavailable,
    mask_name,
)
from kiosk.payment_outcome import OutcomeInquiry
from kiosk.printing import QrText
from kiosk.receipt import Identity
from kiosk.transactions import PaymentMode, TxnState

# Whole rupees, as printed on the bill, typed when the biller cannot be reached.
AMOUNT_FIELD = FieldSpec("amount", "राशि (₹)", "Amount (₹)", 1, 6, True, Checksum.NONE)
AADHAAR_FIELD = FieldSpec("aadhaar", "आधार नंबर", "Aadhaar number", 12, 12, True, Checksum.VERHOEFF)
RECEIPT_URL = "https://emitraapp.rajasthan.gov.in/receipt?k={kiosk}&r={receipt}"


@dataclass(frozen=True, slots=True)
class JourneyView:
    """Everything a screen shows, already formatted; the view-model copies it to QML unchanged."""

    step: Step
    flow: FlowKind
    service_id: str
    digits: str
    problem: Problem | None
    consumer: str = ""
    amount_due: str = ""
    due_date: str = ""
    paid: str = ""
    remaining: str = ""
    notes: tuple[int, ...] = ()
    payment_modes: tuple[str, ...] = ()
    receipt_no: int | None = None
    printed: bool = False
    voucher_no: int | None = None
    voucher_amount: str = ""
    qr_text: str = ""
    application_status: str = ""
    provisional: bool = False
    amount_digits: str = ""
    aadhaar_digits: str = ""  # as shown while typing: the first eight digits hidden once typed
    certificate: str = ""  # certificate print: "" (not this flow / not yet), "printed", or a DocumentProblem value
    reference: str = ""  # the payment's client reference as printed on a status-unknown slip (short form)


class Journey:
    """Single-threaded: the UI delivers device events on its own thread. Intents in the wrong step are no-ops."""

    def __init__(
        self,
        service: Service,
        *,
        ledger: Ledger,
        devices: Devices,
        bills: BillLookup,
        applications: ApplicationLookup,
        aadhaar: AadhaarPayments,
        kiosk_code: str = "DEMO",
        max_cash: Money = Money.rupees(49_999),
        identity: Identity | None = None,
        qr_text: QrText | None = None,
        availability: Callable[[], Availability] | None = None,
        certificates: CertificatePrinter | None = None,
        inquiry: OutcomeInquiry | None = None,
    ) -> None:
        if service.flow is FlowKind.INFORMATION or not service.fields:
            raise ValueError(f"service {service.id} has no journey ({service.flow.value})")
        self.service = service
        self.devices = devices
        self.bills = bills
        self.applications = applications
        self.aadhaar = aadhaar
        self.kiosk_code = kiosk_code
        self.identity = identity or Identity(kiosk_code=kiosk_code, centre_name="e-Mitra Plus")
        # Invariant 5, asked before any money is taken; the composition root adds disk, database and switches.
        self.availability = availability or (lambda: devices_availability(devices))
        # The QR on screen and on paper; the composition root passes the signed verification link (sync).
        self.qr_text: QrText = qr_text or (lambda txn: RECEIPT_URL.format(kiosk=kiosk_code, receipt=txn.receipt_no))
        self.entry = NumberEntry(service.fields[0])
        self.payment = PaymentStage(ledger, devices, aadhaar, service, inquiry or OutcomeInquiry())
        # Written by the intent running off the Qt thread, read by the screen: single attribute stores only.
        self.phase = Phase.IDLE
        self.cancel_requested = False
        self.step = Step.ENTER_NUMBER
        self.problem: Problem | None = None
        self.unavailable: Availability | None = None  # why money cannot be taken now, when it cannot
        self.bill: Bill | None = None
        self.application: Application | None = None
        self.max_cash = max_cash
        self.amount_entry = NumberEntry(AMOUNT_FIELD)
        self.provisional_amount: Money | None = None
        # The Aadhaar number lives only in this object (never the database, log or screen unmasked).
        self.aadhaar_entry = NumberEntry(AADHAAR_FIELD)
        self.aadhaar_number: AadhaarNumber | None = None
        self.after_aadhaar = Step.VERIFY_FINGER
        self.certificates = certificates
        self.certificate: DocumentResult | None = None

    # -- entering the number -------------------------------------------------------------------
    def _typing(self) -> NumberEntry | None:
        return {Step.ENTER_NUMBER: self.entry, Step.ENTER_AMOUNT: self.amount_entry,
                Step.ENTER_AADHAAR: self.aadhaar_entry}.get(self.step)  # fmt: skip

    def press(self, digit: str) -> bool:
        entry = self._typing()
        if entry is None:
            return False
        self.problem = None
        return entry.press(digit)

    def backspace(self) -> bool:
        entry = self._typing()
        if entry is None:
            return False
        self.problem = None
        return entry.backspace()

    def submit(self) -> bool:
        if self.step is Step.ENTER_AMOUNT:
            return self._submit_amount()
        if self.step is Step.ENTER_AADHAAR:
            return self._submit_aadhaar()
        if self.step is not Step.ENTER_NUMBER:
            return False
        self.problem = self.entry.problem()
        if self.problem is not None:
            return False  # stays on the keypad with the reason shown
        self._enter(Phase.LOOKUP)
        try:
            if self.service.flow is FlowKind.BILL_PAYMENT:
                self._lookup_bill()
            else:
                self._lookup_application()
        finally:
            self.phase = Phase.IDLE
        if self.cancel_requested:
            self._leave("cancelled by villager while waiting")
        return True

    def _enter(self, phase: Phase) -> None:
        if phase is not Phase.AUTHORISE or not self.cancel_requested:
            self.phase = phase

    def request_cancel(self) -> bool:
        """From the Qt thread while slow work runs: honoured only before the authorisation request has left."""
        if self.phase not in SAFE_TO_CANCEL:
            return False
        self.cancel_requested = True
        return True

    def _go_ahead(self) -> bool:
        """Asked between the capture and the authorisation: a cancel before this point sends nothing."""
        if self.cancel_requested:
            return False
        self.phase = Phase.AUTHORISE
        return True

    def _lookup_bill(self) -> None:
        answer = self.bills.lookup_bill(self.service.id, self.entry.value)
        if isinstance(answer, Bill):
            if answer.amount_due.paise <= 0:
                self._fail(Problem.NOTHING_DUE)
                return
            self.bill = answer
            self.step = Step.CHOOSE_PAYMENT
        elif isinstance(answer, Unavailable) and self.service.offline is OfflinePolicy.PROVISIONAL:
            # No answer from the biller, but this service may take cash offline against a provisional receipt.
            self.step = Step.ENTER_AMOUNT
        else:
            self._fail_lookup(answer)

    def _submit_amount(self) -> bool:
        digits = self.amount_entry.value
        amount = Money.rupees(int(digits)) if digits else Money(0)
        if amount.paise <= 0 or amount > self.max_cash:
            self.problem = Problem.AMOUNT
            return False
        self.provisional_amount = amount
        self.problem = None
        self.step = Step.CHOOSE_PAYMENT
        return True

    def _lookup_application(self) -> None:
        answer = self.applications.application(self.service.id, self.entry.value)
        if not isinstance(answer, Application):
            self._fail_lookup(answer)
            return
        self.application = answer
        if self.service.flow is FlowKind.STATUS_CHECK:
            self.step = Step.STATUS_SHOWN
        elif not answer.certificate_ready:
            self._fail(Problem.NOT_READY)
        else:
            self.step = Step.CONSENT

    def _fail_lookup(self, answer: NotFound | Unavailable) -> None:
        if isinstance(answer, NotFound):
            self._fail(Problem.NOT_FOUND)
        else:
            self._fail(Problem.TIMEOUT if answer.timed_out else Problem.UNAVAILABLE)

    def _fail(self, problem: Problem) -> None:
        self.problem = problem
        self.step = Step.ERROR

    # -- certificate: consent and fingerprint ----------------------------------------------------
    def consent(self) -> bool:
        if self.step is not Step.CONSENT:
            return False
        self._ask_aadhaar(then=Step.VERIFY_FINGER)
        return True

    def _ask_aadhaar(self, *, then: Step) -> None:
        self.after_aadhaar = then
        self.problem = None
        self.step = Step.ENTER_AADHAAR

    def _submit_aadhaar(self) -> bool:
        self.problem = self.aadhaar_entry.problem()
        if self.problem is None:
            try:
                self.aadhaar_number = AadhaarNumber.parse(self.aadhaar_entry.value)
            except AadhaarError:
                self.problem = Problem.CHECKSUM  # starts with 0 or 1: no Aadhaar number does
        self.aadhaar_entry.value = ""  # the digits are not kept once parsed (or refused)
        if self.problem is not None:
            return False
        if self.after_aadhaar is Step.PAY_FINGER:
            return self._open_aadhaar_payment()
        self.step = self.after_aadhaar
        return True

    def verify_finger(self) -> bool:
        if self.step is not Step.VERIFY_FINGER or self.application is None or self.aadhaar_number is None:
            return False
        self.phase = Phase.CAPTURE
        try:
            result = self.devices.biometric.capture(CaptureRequest())
            if isinstance(result, CaptureFailed):
                self.problem = Problem.FINGER_RETRY if result.retry else Problem.FINGER_FAILED
                if not result.retry:
                    self.step = Step.ERROR
                return False
            if not self._go_ahead():
                return self._leave("cancelled by villager while waiting")
            answer = self.aadhaar.verify(self.application.number, self.aadhaar_number, result.pid)
        finally:
            self.phase = Phase.IDLE
        if not isinstance(answer, Authorised):
            self._fail(Problem.TIMEOUT if isinstance(answer, Unavailable) else Problem.DECLINED)
            return False
        self.problem = None
        self.step = Step.CHOOSE_PAYMENT
        return True

    # -- paying ---------------------------------------------------------------------------------
    def _amounts(self) -> tuple[Money, Money]:
        if self.bill is not None:
            return self.bill.amount_due, self.service.fee
        if self.provisional_amount is not None:
            return self.provisional_amount, self.service.fee
        return Money(0), self.service.fee

    def choose_cash(self) -> bool:
        if self.step is not Step.CHOOSE_PAYMENT or "cash" not in self.service.payment_modes:
            return False
        available = self.availability()
        if not available.cash:
            self.problem = Problem.CASH_UNAVAILABLE
            self.unavailable = available
            return False
        due, fee = self._amounts()
        self.payment.open(self.entry.value, due, fee, PaymentMode.CASH)
        self.step = Step.CASH
        self.problem = None
        return True

    def choose_aadhaar(self) -> bool:
        if self.step is not Step.CHOOSE_PAYMENT or "aadhaar" not in self._modes():
            return False
        available = self.availability()
        if not available.payments:
            self.problem = Problem.UNAVAILABLE
            self.unavailable = available
            return False
        if self.aadhaar_number is None:  # already given for the certificate's verification: not asked twice
            self._ask_aadhaar(then=Step.PAY_FINGER)
            return True
        return self._open_aadhaar_payment()

    def _open_aadhaar_payment(self) -> bool:
        due, fee = self._amounts()
        self.payment.open(self.entry.value, due, fee, PaymentMode.AADHAAR)
        self.step = Step.PAY_FINGER
        self.problem = None
        return True

    def pay_finger(self) -> bool:
        if self.step is not Step.PAY_FINGER or self.aadhaar_number is None:
            return False
        self.phase = Phase.CAPTURE
        try:
            problem = self.payment.pay_by_finger(self.aadhaar_number, go_ahead=self._go_ahead)
            if problem is Problem.FINGER_RETRY:
                self.problem = problem
                return False
            if problem is Problem.CANCELLED:
                return self._leave("cancelled by villager while waiting")
            if problem is Problem.STATUS_UNKNOWN:
                self._status_unknown()
                return False
            if problem is not None:
                self.payment.leave("fingerprint failed")
                self._fail(problem)
                return False
            self._print()
            return True
        finally:
            self.phase = Phase.IDLE

    def _status_unknown(self) -> None:
        """Nothing else is offered for this bill: the slip says what happens next; the operator reconciles."""
        self.phase = Phase.PRINT
        self.payment.printed = self.payment.print_status_slip(self.identity, self.payment.ledger.store.clock.now())
        self.aadhaar_number = None
        self.problem = Problem.STATUS_UNKNOWN
        self.step = Step.STATUS_UNKNOWN

    def on_cash(self, event: CashEvent) -> bool:
        """A device event delivered on this thread: the desk records it and tells on_update (wired to it)."""
        self.payment.devices.desk.handle(event)
        return self.payment.txn is not None and self.payment.txn.state is TxnState.PAID

    def on_update(self, update: CashUpdate, *, print_now: bool = True) -> bool:
        """What the desk committed (notes outside the cash step are kept by the desk, never lost). Paid in full, the
        receipt prints now, or with `print_now=False` when the caller runs `print_paid()` (off the Qt thread)."""
        paid_in_full = self.payment.on_update(update)
        if paid_in_full and print_now:
            self.print_paid()
        return paid_in_full

    def print_paid(self) -> bool:
        """A cash payment paid in full and still on the cash step: print (receipt, certificate) and show Done."""
        txn = self.payment.txn
        if self.step is not Step.CASH or txn is None or txn.state is not TxnState.PAID:
            return False
        try:
            self._print()
        finally:
            self.phase = Phase.IDLE
        return True

    def _print(self) -> None:
        self.phase = Phase.PRINT
        self.payment.print_receipt(self.identity, self.payment.ledger.store.clock, self.qr_text)
        if self.service.flow is FlowKind.CERTIFICATE_PRINT and self.application is not None:
            self._print_certificate(self.application.number)
        self.step = Step.DONE

    def _print_certificate(self, application_no: str) -> None:
        """After the fee is committed (and its receipt printed): the certificate on the A4 printer, journaled."""
        txn = self.payment.txn
        assert txn is not None
        if self.certificates is None:
            result = DocumentResult(False, DocumentProblem.NO_PRINTER, "no certificate printer configured")
        else:
            result = self.certificates.print_certificate(f"certificate-{txn.id}", self.service.id, application_no)
        self.certificate = result
        self.payment.ledger.document_printed(
            txn.id, document="certificate", printed=result.printed, problem=result.problem.value, detail=result.detail
        )

    # -- leaving --------------------------------------------------------------------------------
    def cancel(self) -> bool:
        return self._leave("cancelled by villager")

    def idle_timeout(self) -> bool:
        """Nobody touched the screen: credit is never dropped (voucher), anything else goes home."""
        return self._leave("idle timeout")

    def _leave(self, reason: str) -> bool:
        if self.step is Step.CLOSED:
            return False
        self.aadhaar_number = None
        voucher = self.payment.leave(reason)
        self.step = Step.VOUCHER if voucher is not None else Step.CLOSED
        return True

    def finish(self) -> bool:
        if self.step not in (Step.DONE, Step.VOUCHER, Step.ERROR, Step.STATUS_SHOWN, Step.STATUS_UNKNOWN):
            return False
        self.aadhaar_number = None
        self.step = Step.CLOSED
        return True

    def retry(self) -> bool:
        """From an error, back to the keypad with the number kept so one digit can be fixed."""
        if self.step is not Step.ERROR or self.payment.txn is not None:
            return False
        self.step = Step.ENTER_NUMBER
        return True

    # -- what the screen shows ------------------------------------------------------------------
    def receipt(self) -> Receipt:
        txn = self.payment.txn
        assert txn is not None
        lines = [("amount_due", txn.amount_due.format()), ("fee", txn.fee.format()), ("paid", txn.amount_paid.format())]
        if txn.payment_mode is not None:
            lines.append(("mode", txn.payment_mode.value))
        return Receipt(
            receipt_no=txn.receipt_no,
            service_hi=self.service.name_hi,
            service_en=self.service.name_en,
            reference=txn.reference,
            lines=tuple(lines),
            qr_text=self.qr_text(txn),
            provisional=self.provisional_amount is not None,
        )

    def _modes(self) -> tuple[str, ...]:
        # Aadhaar payment is an online authorisation: offline, only cash is offered.
        if self.provisional_amount is not None:
            return tuple(m for m in self.service.payment_modes if m == "cash")
        return self.service.payment_modes

    def _person(self) -> str:
        if self.bill is not None:
            return self.bill.consumer_name
        return self.application.applicant_name if self.application is not None else ""

    def view(self) -> JourneyView:
        txn = self.payment.txn
        due, fee = self._amounts()
        voucher_amount = ""
        if self.payment.voucher_no is not None:
            voucher = next(v for v in self.payment.ledger.vouchers() if v.no == self.payment.voucher_no)
            voucher_amount = voucher.amount.format()
        return JourneyView(
            step=self.step,
            flow=self.service.flow,
            service_id=self.service.id,
            digits=self.entry.value,
            problem=self.problem,
            consumer=mask_name(self._person()),
            amount_due=(due + fee).format(),
            due_date=f"{self.bill.due_date:%d-%m-%Y}" if self.bill else "",
            paid=txn.amount_paid.format() if txn else Money(0).format(),
            remaining=txn.remaining.format() if txn else (due + fee).format(),
            notes=tuple(sorted(n.whole_rupees for n in self.payment.notes)),
            payment_modes=self._modes(),
            provisional=self.provisional_amount is not None,
            amount_digits=self.amount_entry.value,
            aadhaar_digits=aadhaar_display(self.aadhaar_entry.value, self.aadhaar_number),
            certificate=("printed" if self.certificate.printed else self.certificate.problem.value)
            if self.certificate
            else "",
            receipt_no=txn.receipt_no if txn else None,
            printed=self.payment.printed,
            voucher_no=self.payment.voucher_no,
            voucher_amount=voucher_amount,
            qr_text=self.receipt().qr_text if txn and txn.receipt_no else "",
            application_status=self.application.status if self.application else "",
            reference=txn.id[:8].upper() if txn else "",
        )
