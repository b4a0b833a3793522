"""View-models for Bharat BillPay: the quote and approval on the bill screens, and the complaint screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.bbps_store import BbpsRecords
from kiosk.flows.bbps_complaint import ComplaintFlow, ComplaintStep, ComplaintView
from kiosk.flows.bbps_steps import BbpsJourney, BbpsView
from ui.worker import OffThread

if TYPE_CHECKING:
    from ui.viewmodels.journey import JourneyViewModel


class BbpsScreen(QObject):
    """What the amount, payment and done panels add for a BBPS biller: bill, fee, total, range, approval."""

    changed = Signal()

    def __init__(self, session: JourneyViewModel) -> None:
        super().__init__(session)
        self.session = session
        session.changed.connect(self.changed)

    def _view(self) -> BbpsView:
        journey = self.session.journey
        return journey.bbps_view() if isinstance(journey, BbpsJourney) else BbpsView()

    def _text(self, name: str) -> str:
        return str(getattr(self._view(), name))

    active = Property(bool, lambda self: self._view().biller_name != "", notify=changed)
    billerName = Property(str, lambda self: self._text("biller_name"), notify=changed)
    billAmount = Property(str, lambda self: self._text("bill_amount"), notify=changed)
    amount = Property(str, lambda self: self._text("amount"), notify=changed)
    fee = Property(str, lambda self: self._text("fee"), notify=changed)
    total = Property(str, lambda self: self._text("total"), notify=changed)
    low = Property(str, lambda self: self._text("low"), notify=changed)
    high = Property(str, lambda self: self._text("high"), notify=changed)
    billDate = Property(str, lambda self: self._text("bill_date"), notify=changed)
    approvalRef = Property(str, lambda self: self._text("approval_ref"), notify=changed)
    confirmation = Property(str, lambda self: self._text("confirmation"), notify=changed)


class ComplaintScreen(QObject):
    """A complaint by receipt number; the BBPOU is asked off the Qt thread. Closed until `open()`."""

    changed = Signal()

    def __init__(self, session: JourneyViewModel) -> None:
        super().__init__(session)
        self.session = session
        self.flow: ComplaintFlow | None = None
        self.worker = OffThread(self)
        self._frozen: ComplaintView | None = None

    def _desk_ready(self) -> bool:
        return self.session.services.bbps is not None

    @Slot()
    def open(self) -> None:
        bbps = self.session.services.bbps
        if bbps is None or self.worker.busy:
            return
        self.flow = ComplaintFlow(BbpsRecords(self.session.services.ledger.store), bbps)  # type: ignore[arg-type]
        self.changed.emit()

    @Slot()
    def close(self) -> None:
        if self.flow is not None and not self.worker.busy:
            self.flow = None
            self.changed.emit()

    @Slot(str)
    def press(self, digit: str) -> None:
        self._quick(lambda flow: flow.press(digit))

    @Slot()
    def backspace(self) -> None:
        self._quick(ComplaintFlow.backspace)

    @Slot()
    def submit(self) -> None:
        self._slow(ComplaintFlow.submit)

    @Slot(str)
    def choose(self, reason: str) -> None:
        self._slow(lambda flow: flow.choose(reason))

    def _quick(self, intent: object) -> None:
        if self.flow is not None and not self.worker.busy:
            intent(self.flow)  # type: ignore[operator]
            self.changed.emit()

    def _slow(self, intent: object) -> None:
        flow = self.flow
        if flow is None or self.worker.busy:
            return
        self._frozen = flow.view()
        self.worker.run(lambda: intent(flow), self._done, self._done)  # type: ignore[operator]
        self.changed.emit()

    def _done(self, _result: object) -> None:
        self._frozen = None
        self.changed.emit()

    def _view(self) -> ComplaintView | None:
        if self._frozen is not None:
            return self._frozen
        return self.flow.view() if self.flow is not None else None

    def _text(self, name: str) -> str:
        view = self._view()
        value = getattr(view, name) if view is not None else ""
        return "" if value is None else str(value)

    def _step(self) -> str:
        view = self._view()
        return view.step.value if view is not None else ComplaintStep.CLOSED.value

    available = Property(bool, _desk_ready, notify=changed)
    step = Property(str, _step, notify=changed)
    waiting = Property(bool, lambda self: self.worker.busy, notify=changed)
    digits = Property(str, lambda self: self._text("digits"), notify=changed)
    problem = Property(str, lambda self: self._text("problem"), notify=changed)
    txnRef = Property(str, lambda self: self._text("txn_ref_id"), notify=changed)
    biller = Property(str, lambda self: self._text("biller"), notify=changed)
    complaintId = Property(str, lambda self: self._text("complaint_id"), notify=changed)
    status = Property(str, lambda self: self._text("status"), notify=changed)
    assignedTo = Property(str, lambda self: self._text("assigned_to"), notify=changed)
    registeredNow = Property(bool, lambda self: bool(self._view() and self._view().registered_now), notify=changed)
