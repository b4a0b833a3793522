"""The payment-rail screens' view-model: rail buttons, the QR or card prompt with its countdown, retry or another way.

Thin: kiosk/flows/rail_steps.py decides everything. Every call to a rail (make the QR, poll, cancel) runs off the
Qt thread; the poll repeats every second while the QR is on screen.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from kiosk.clock import SystemClock
from kiosk.flows.base import Step
from kiosk.flows.journey import Journey, JourneyView
from kiosk.flows.rail_payment import reconcile_rails
from kiosk.flows.rail_steps import RailSteps
from kiosk.payments.port import Rail
from ui.qr import qr_source
from ui.worker import OffThread

if TYPE_CHECKING:
    from ui.viewmodels.journey import JourneyViewModel

log = logging.getLogger(__name__)
POLL_MS = 1000  # the kiosk asks its server once a second: well inside the 2 s confirmation goal


def _reconciled(still: object) -> None:
    if isinstance(still, list) and still:
        log.warning("%d rail payment(s) still of unknown outcome: on the operator's Z-report", len(still))


class RailScreen(QObject):
    changed = Signal()

    def __init__(self, session: JourneyViewModel) -> None:
        super().__init__(session)
        self.session = session
        self.steps: RailSteps | None = None
        self.worker = OffThread(self)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._tick)
        session.changed.connect(self.changed)
        # Rail payments a crash or a silent PSP left open are asked about by reference at start (never cancelled
        # blind); the taps of the first villager do not wait for it.
        methods = {m.rail: m for m in session.services.rails}
        if methods:
            self.worker.run(lambda: reconcile_rails(session.services.ledger, methods), _reconciled)

    def begin(self, journey: Journey) -> None:
        # The QR's expiry is the server's (real) time, whatever clock the screens run on.
        self.steps = RailSteps(journey, self.session.services.rails, SystemClock())

    def modes(self, view: JourneyView | None) -> list[str]:
        """What the choice screen offers: cash, Aadhaar, and each rail that is configured and up (Invariant 5)."""
        if view is None:
            return []
        if self.steps is None or view.step is not Step.CHOOSE_PAYMENT:
            return list(view.payment_modes)
        return list(self.steps.offered())

    def waiting(self) -> bool:
        """The QR (or the terminal) is out: no idle timeout, the countdown governs."""
        return self.steps is not None and self.steps.journey.step is Step.RAIL_WAIT

    # -- taps ----------------------------------------------------------------------------------
    @Slot()
    def chooseUpi(self) -> None:
        self._run(lambda steps: steps.choose(Rail.UPI))

    @Slot()
    def chooseCard(self) -> None:
        self._run(lambda steps: steps.choose(Rail.CARD))

    @Slot()
    def retry(self) -> None:
        self._run(RailSteps.retry)

    @Slot()
    def otherMethod(self) -> None:
        self._run(RailSteps.other_method)

    @Slot()
    def cancel(self) -> None:
        self._run(RailSteps.cancel)

    def _run(self, work: object) -> None:
        steps = self.steps
        if steps is None or self.worker.busy or self.session.worker.busy:
            return
        self.worker.run(lambda: work(steps), self._done, self._done)  # type: ignore[operator]
        self.changed.emit()

    def _tick(self) -> None:
        if not self.waiting():
            self.timer.stop()
            return
        self.changed.emit()  # the countdown moves even while the poll is out
        if not self.worker.busy:
            self._run(RailSteps.poll)

    def _done(self, _result: object) -> None:
        if self.waiting():
            self.timer.start()
        self.session._after()

    def _view_text(self, name: str) -> str:
        if self.steps is None:
            return ""
        return str(getattr(self.steps.view(), name))

    def _qr(self) -> str:
        text = self._view_text("qr_text")
        return qr_source(text) if text else ""

    busy = Property(bool, lambda self: self.worker.busy, notify=changed)
    qrImage = Property(str, _qr, notify=changed)
    secondsLeft = Property(int, lambda self: int(self._view_text("seconds_left") or 0), notify=changed)
    attempt = Property(int, lambda self: int(self._view_text("attempt") or 0), notify=changed)
    # Which rail is waiting ("upi", "card") and, for the card, what the terminal asks for (card.insert/pin/wait).
    rail = Property(str, lambda self: self._view_text("rail"), notify=changed)
    prompt = Property(str, lambda self: self._view_text("prompt"), notify=changed)
