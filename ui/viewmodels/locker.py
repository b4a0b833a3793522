"""The Done screen's "send to my locker" for a paid certificate: mobile number, OTP, then the push — each server
call off the Qt thread with a waiting state. QML reads it as `locker` (StepLocker*.qml)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.catalogue import FlowKind
from kiosk.clock import Clock
from kiosk.delivery import receipt_token
from kiosk.flows.locker_steps import LockerStep, LockerSteps
from kiosk.locker import LockerPort, queue_delivery
from kiosk.store import Store
from sync.protocol.receipts import parse_token
from ui.viewmodels.app import AppViewModel
from ui.worker import OffThread

log = logging.getLogger("kiosk.locker")


class LockerViewModel(QObject):
    changed = Signal()

    def __init__(
        self, app: AppViewModel, port: LockerPort | None, store: Store, clock: Clock, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.app = app

        def queue(link_id: str, receipt: str, number: str) -> None:
            # The outbox gets the receipt's number, not its token (a bearer secret): kiosk/locker.queue_delivery.
            queue_delivery(store, link_id, parse_token(receipt)[0].receipt_no, number)

        self.port, self.steps = port, LockerSteps(port, clock, queue) if port is not None else None
        self._offered = False  # asked of the port on each Done screen: a server without a locker is not offered
        self.worker = OffThread(self)
        self._busy = False
        self._receipt, self._application = "", ""
        app.changed.connect(self._follow)

    def _follow(self) -> None:
        """Offered on the Done screen of a paid certificate; leaving that screen closes the panel (and forgets)."""
        journey = self.app.journey
        flow, receipt, application = journey.journey, "", ""
        if flow is not None and journey._step() == "done" and flow.service.flow is FlowKind.CERTIFICATE_PRINT:
            receipt = receipt_token(journey._text("qr_text")) or ""
            application = flow.application.number if receipt and flow.application is not None else ""
        if (receipt, application) == (self._receipt, self._application):
            return
        self._receipt, self._application = receipt, application
        self._offered = bool(application) and self.port is not None and self.port.offered()
        if self.steps is not None and self.steps.step is not LockerStep.CLOSED:
            self.steps.close()
        self.changed.emit()

    def _tap(self) -> bool:
        self.app.touched()
        return self.steps is not None and not self._busy

    @Slot()
    def open(self) -> None:
        if self._tap() and self.steps is not None and self._offered:
            self.steps.open(self._receipt, self._application)
            self.changed.emit()

    @Slot()
    def close(self) -> None:
        if self._tap() and self.steps is not None:
            self.steps.close()
            self.changed.emit()

    @Slot(str)
    def press(self, digit: str) -> None:
        if self._tap() and self.steps is not None and self.steps.press(digit):
            self.changed.emit()

    @Slot()
    def backspace(self) -> None:
        if self._tap() and self.steps is not None and self.steps.backspace():
            self.changed.emit()

    @Slot()
    def submit(self) -> None:
        self._off_thread(lambda steps, language: steps.submit(language))

    @Slot()
    def resend(self) -> None:
        self._off_thread(lambda steps, language: steps.resend(language))

    def _off_thread(self, work: Callable[[LockerSteps, str], bool]) -> None:
        steps = self.steps
        if not self._tap() or steps is None or steps.step not in (LockerStep.MOBILE, LockerStep.OTP):
            return
        language = self.app._language
        self._busy = True
        self.changed.emit()
        self.worker.run(lambda: work(steps, language), self._done, self._failed)

    def _done(self, _: object) -> None:
        self._busy = False
        self.app.touched()
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        log.error("locker step failed: %s", type(exc).__name__)  # the message could hold what was typed
        self._busy = False
        if self.steps is not None:
            self.steps.close()
        self.changed.emit()

    def _view(self, name: str) -> object:
        if self.steps is None:
            return "" if name != "tries_left" else 0
        view = self.steps.view()
        return getattr(view, name)

    available = Property(bool, lambda self: self._offered and self._application != "", notify=changed)
    panelOpen = Property(bool, lambda self: self.steps is not None and self.steps.step is not LockerStep.CLOSED,
                         notify=changed)  # fmt: skip
    step = Property(str, lambda self: str(self._view("step")), notify=changed)
    digits = Property(str, lambda self: str(self._view("digits")), notify=changed)
    problem = Property(str, lambda self: str(self._view("problem")), notify=changed)
    triesLeft = Property(int, lambda self: int(self._view("tries_left")), notify=changed)
    sentTo = Property(str, lambda self: str(self._view("sent_to")), notify=changed)
    account = Property(str, lambda self: str(self._view("account")), notify=changed)
    busy = Property(bool, lambda self: self._busy, notify=changed)
