"""The journey's screens: one view-model each (entry, payment, outcome), all rendering the same kiosk.flows.Journey
through `JourneyViewModel`, which owns it and forwards their taps."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from kiosk.cash_payment import CashUpdate
from kiosk.catalogue import FlowKind, Service
from kiosk.flows.application_steps import ApplicationJourney
from kiosk.flows.base import SAFE_TO_CANCEL, Phase, Step
from kiosk.flows.bbps_steps import BbpsJourney
from kiosk.flows.journey import Journey, JourneyView
from kiosk.payment_outcome import OutcomeInquiry, reconcile
from kiosk.receipt import Identity
from kiosk.transactions import Txn
from ui.qr import qr_source
from ui.screens import JourneyScreen
from ui.viewmodels.aeps import AepsScreen
from ui.viewmodels.application import ApplicationScreen
from ui.viewmodels.bbps import BbpsScreen, ComplaintScreen
from ui.viewmodels.rails import RailScreen
from ui.worker import OffThread

log = logging.getLogger(__name__)


def journey_for(services: JourneyScreen, service: Service, inquiry: OutcomeInquiry | None = None) -> Journey:
    """The one way the app builds a journey from its composition (tests of the shipped path use it too)."""
    s = services
    kind: Callable[..., Journey] = Journey
    if s.bbps is not None and service.flow is FlowKind.BILL_PAYMENT:
        kind = partial(BbpsJourney, bbpou=s.bbps)
    elif service.flow is FlowKind.APPLICATION:
        kind = partial(ApplicationJourney, pages=s.pages, camera=s.camera, vault=s.vault)
    return kind(
        service,
        ledger=s.ledger,
        devices=s.devices,
        bills=s.bills,
        applications=s.applications,
        aadhaar=s.aadhaar,
        kiosk_code=s.config.identity.kiosk_code,
        identity=Identity(s.config.identity.kiosk_code, s.config.identity.centre_name_hi),
        qr_text=s.receipt_qr,
        availability=s.availability,
        certificates=s.certificates,
        inquiry=inquiry or OutcomeInquiry(sleep=time.sleep),
    )


def _reconciled(still_unknown: list[Txn]) -> None:
    if still_unknown:
        log.warning("%d Aadhaar payment(s) still of unknown outcome: the operator reconciles them", len(still_unknown))


class JourneyViewModel(QObject):
    changed = Signal()
    closed = Signal()
    cashArrived = Signal(object)

    def __init__(self, services: JourneyScreen, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.language = "hi"
        self.journey: Journey | None = None
        # Lookups, the finger, the authorisation, printing: off the Qt thread, so the screen keeps drawing and the
        # watchdog keeps being fed; while a job runs the screens show the view taken when it started.
        self.worker = OffThread(self)
        self._frozen: JourneyView | None = None
        self._phase = Phase.IDLE
        self._phase_timer = QTimer(self)
        self._phase_timer.setInterval(200)
        self._phase_timer.timeout.connect(self._follow_phase)
        self.cashArrived.connect(self._on_cash)
        # The desk records every device event on the device's own thread; the screen follows on the Qt thread.
        services.devices.desk.on_update = self.cashArrived.emit
        services.devices.desk.attach()
        # Aadhaar payments a crash or a silent bank left open are asked about by reference at start, on a worker
        # of their own: the villager's taps never wait for it, and nothing is cancelled blind.
        self._reconciler = OffThread(self)
        inquiry = OutcomeInquiry(sleep=time.sleep)
        self._reconciler.run(lambda: reconcile(services.ledger, services.aadhaar, inquiry), _reconciled)
        # One view-model per screen; this object owns the journey and routes their taps to it.
        self.entry = EntryScreen(self)
        self.payment = PaymentScreen(self)
        self.outcome = OutcomeScreen(self)
        self.rails = RailScreen(self)  # UPI and the other rails: their own worker and poll (ui/viewmodels/rails.py)
        self.bbps, self.complaints = BbpsScreen(self), ComplaintScreen(self)  # Bharat BillPay (ui/viewmodels/bbps.py)
        self.aeps = AepsScreen(self)  # Aadhaar Pay: bank, number, finger (ui/viewmodels/aeps.py)
        self.application = ApplicationScreen(self)  # applications: form, pages, photo (ui/viewmodels/application.py)

    def set_language(self, language: str) -> None:
        self.language = language
        self.changed.emit()

    def start(self, service: Service) -> None:
        self.journey = journey_for(self.services, service)
        self.rails.begin(self.journey)
        self.aeps.begin(self.journey)
        self.changed.emit()

    def _on_cash(self, update: CashUpdate) -> None:
        journey = self.journey
        # The desk has committed the note; showing it is quick. Only the printing that follows goes off-thread.
        if journey is not None and journey.on_update(update, print_now=False):
            self._start_job(journey, journey.print_paid, Phase.PRINT)
        self.changed.emit()

    def _act(self, intent: Callable[[Journey], bool]) -> None:
        if self.journey is None or self.worker.busy:
            return  # a tap while slow work runs waits for nothing: the waiting screen offers only a safe cancel
        intent(self.journey)
        self._after()

    def _act_slow(self, intent: Callable[[Journey], bool], first: Phase) -> None:
        journey = self.journey
        if journey is None or self.worker.busy:
            return
        self._start_job(journey, lambda: intent(journey), first)

    def _start_job(self, journey: Journey, work: Callable[[], object], first: Phase) -> None:
        if not self.worker.busy:
            self._frozen = journey.view()
            self._phase = first  # what the screen says until the job reports its own phase
            self._phase_timer.start()
        self.worker.run(work, self._job_done, self._job_done)
        self.changed.emit()

    def _job_done(self, _result: object) -> None:
        if self.worker.busy:
            return  # more work queued: stay in the waiting view until the last one
        self._frozen = None
        self._phase_timer.stop()
        self._phase = Phase.IDLE
        self._after()

    def _follow_phase(self) -> None:
        phase = self.journey.phase if self.journey else Phase.IDLE
        if phase is not Phase.IDLE and phase is not self._phase:
            self._phase = phase
            self.changed.emit()

    def _after(self) -> None:
        self.changed.emit()
        if self.journey is not None and self.journey.step is Step.CLOSED:
            self.journey = None
            self.closed.emit()

    @Slot(str)
    def press(self, digit: str) -> None:
        self._act(lambda j: j.press(digit))

    @Slot()
    def backspace(self) -> None:
        self._act(Journey.backspace)

    @Slot()
    def submit(self) -> None:
        if self.journey is not None and self.journey.step is Step.ENTER_NUMBER:
            self._act_slow(Journey.submit, Phase.LOOKUP)  # the online lookup
        else:
            self._act(Journey.submit)

    @Slot()
    def consent(self) -> None:
        self._act(Journey.consent)

    @Slot()
    def verifyFinger(self) -> None:
        self._act_slow(Journey.verify_finger, Phase.CAPTURE)

    @Slot()
    def chooseCash(self) -> None:
        self._act(Journey.choose_cash)

    @Slot()
    def chooseAadhaar(self) -> None:
        self._act(Journey.choose_aadhaar)

    @Slot()
    def payFinger(self) -> None:
        self._act_slow(Journey.pay_finger, Phase.CAPTURE)

    @Slot()
    def cancel(self) -> None:
        if self.journey is not None and self.worker.busy:
            self.journey.request_cancel()  # honoured before the authorisation leaves; the job then goes home
            self.changed.emit()
            return
        self._act(Journey.cancel)

    @Slot()
    def finish(self) -> None:
        self._act(Journey.finish)

    @Slot()
    def retry(self) -> None:
        self._act(Journey.retry)

    def idle_timeout(self) -> None:
        if self.rails.waiting():
            return  # the QR's countdown governs; walking away from it is held, never cancelled blind
        self._act(Journey.idle_timeout)  # ignored while slow work runs: the waiting screen is not idle

    # -- properties -----------------------------------------------------------------------------
    def _view(self) -> JourneyView | None:
        if self._frozen is not None:
            return self._frozen  # the journey is being changed on the worker thread: show where it started
        return self.journey.view() if self.journey else None

    def _waiting(self) -> str:
        """What the slow work is doing now ("" when nothing runs): the waiting screen's words and spinner."""
        if not self.worker.busy or self.journey is None:
            return ""
        return self._phase.value

    def _cancellable(self) -> bool:
        journey = self.journey
        return bool(journey and self.worker.busy and self._phase in SAFE_TO_CANCEL and not journey.cancel_requested)

    def _text(self, name: str) -> str:
        view = self._view()
        return str(getattr(view, name) or "") if view else ""

    def _step(self) -> str:
        return self._text("step")

    def _flow(self) -> str:
        return self._text("flow")

    def _service_name(self) -> str:
        return self.journey.service.name(self.language) if self.journey else ""

    def _field_label(self) -> str:
        if self.journey is None:
            return ""
        spec = self.journey.service.fields[0]
        return spec.label_hi if self.language == "hi" else spec.label_en

    def _field_length(self) -> int:
        return self.journey.service.fields[0].max_length if self.journey else 0

    def _notes(self) -> list[int]:
        view = self._view()
        return list(view.notes) if view else []

    def _modes(self) -> list[str]:
        return self.rails.modes(self._view())

    def _printed(self) -> bool:
        view = self._view()
        return bool(view and view.printed)

    def _qr(self) -> str:
        text = self._text("qr_text")
        return qr_source(text) if text else ""

    def _offline(self) -> str:
        return self.journey.service.offline.value if self.journey else ""

    def _provisional(self) -> bool:
        view = self._view()
        return bool(view and view.provisional)

    entryScreen = Property(QObject, lambda self: self.entry, constant=True)
    paymentScreen = Property(QObject, lambda self: self.payment, constant=True)
    outcomeScreen = Property(QObject, lambda self: self.outcome, constant=True)
    railScreen = Property(QObject, lambda self: self.rails, constant=True)
    aepsScreen = Property(QObject, lambda self: self.aeps, constant=True)
    bbpsScreen = Property(QObject, lambda self: self.bbps, constant=True)
    complaintScreen = Property(QObject, lambda self: self.complaints, constant=True)
    applicationScreen = Property(QObject, lambda self: self.application, constant=True)

    step = Property(str, _step, notify=changed)
    waiting = Property(str, _waiting, notify=changed)
    cancellable = Property(bool, _cancellable, notify=changed)
    flow = Property(str, _flow, notify=changed)
    serviceName = Property(str, _service_name, notify=changed)
    offline = Property(str, _offline, notify=changed)


class ScreenModel(QObject):
    """One screen's view-model: what that screen shows, read from the journey's view, and the taps it sends.
    Each subclass declares its own `changed` signal (Qt properties notify through their own class's signal)."""

    changed: Signal

    def __init__(self, session: JourneyViewModel) -> None:
        super().__init__(session)
        self.session = session
        session.changed.connect(self.changed)

    def _text(self, name: str) -> str:
        return self.session._text(name)

    @Slot()
    def cancel(self) -> None:
        self.session.cancel()


class EntryScreen(ScreenModel):
    """The keypad screens: the account or application number, the amount from a paper bill, the Aadhaar number."""

    changed = Signal()

    @Slot(str)
    def press(self, digit: str) -> None:
        self.session.press(digit)

    @Slot()
    def backspace(self) -> None:
        self.session.backspace()

    @Slot()
    def submit(self) -> None:
        self.session.submit()

    problem = Property(str, lambda self: self._text("problem"), notify=changed)
    fieldLabel = Property(str, lambda self: self.session._field_label(), notify=changed)
    fieldLength = Property(int, lambda self: self.session._field_length(), notify=changed)
    digits = Property(str, lambda self: self._text("digits"), notify=changed)
    amountDigits = Property(str, lambda self: self._text("amount_digits"), notify=changed)
    aadhaarDigits = Property(str, lambda self: self._text("aadhaar_digits"), notify=changed)
    offline = Property(str, lambda self: self.session._offline(), notify=changed)


class PaymentScreen(ScreenModel):
    """The amount and how to pay, the notes going in, the consent and the fingerprint."""

    changed = Signal()

    @Slot()
    def chooseCash(self) -> None:
        self.session.chooseCash()

    @Slot()
    def chooseAadhaar(self) -> None:
        self.session.chooseAadhaar()

    @Slot()
    def consent(self) -> None:
        self.session.consent()

    @Slot()
    def verifyFinger(self) -> None:
        self.session.verifyFinger()

    @Slot()
    def payFinger(self) -> None:
        self.session.payFinger()

    problem = Property(str, lambda self: self._text("problem"), notify=changed)
    consumer = Property(str, lambda self: self._text("consumer"), notify=changed)
    amountDue = Property(str, lambda self: self._text("amount_due"), notify=changed)
    dueDate = Property(str, lambda self: self._text("due_date"), notify=changed)
    paid = Property(str, lambda self: self._text("paid"), notify=changed)
    remaining = Property(str, lambda self: self._text("remaining"), notify=changed)
    notes = Property(list, lambda self: self.session._notes(), notify=changed)
    paymentModes = Property(list, lambda self: self.session._modes(), notify=changed)
    provisional = Property(bool, lambda self: self.session._provisional(), notify=changed)


class OutcomeScreen(ScreenModel):
    """How it ended: done (receipt, certificate, QR), a change-due voucher, a status answer, or an error."""

    changed = Signal()

    @Slot()
    def finish(self) -> None:
        self.session.finish()

    @Slot()
    def retry(self) -> None:
        self.session.retry()

    problem = Property(str, lambda self: self._text("problem"), notify=changed)
    paid = Property(str, lambda self: self._text("paid"), notify=changed)
    receiptNo = Property(str, lambda self: self._text("receipt_no"), notify=changed)
    printed = Property(bool, lambda self: self.session._printed(), notify=changed)
    qrImage = Property(str, lambda self: self.session._qr(), notify=changed)
    provisional = Property(bool, lambda self: self.session._provisional(), notify=changed)
    certificate = Property(str, lambda self: self._text("certificate"), notify=changed)
    voucherNo = Property(str, lambda self: self._text("voucher_no"), notify=changed)
    voucherAmount = Property(str, lambda self: self._text("voucher_amount"), notify=changed)
    applicationStatus = Property(str, lambda self: self._text("application_status"), notify=changed)
    consumer = Property(str, lambda self: self._text("consumer"), notify=changed)
    reference = Property(str, lambda self: self._text("reference"), notify=changed)  # of a status-unknown slip
