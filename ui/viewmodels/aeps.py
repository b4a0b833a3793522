"""The Aadhaar Pay screens' view-model: the button on the choice screen, the bank step, the finger, the bank's advice.

Thin: kiosk/flows/aeps_journey.py decides everything. The finger (capture + the switch) runs on the journey's own
worker, so the waiting screen and its safe cancel are the ones every slow step uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.flows.aeps_journey import AepsJourney
from kiosk.flows.base import Phase, Step
from kiosk.flows.journey import Journey
from kiosk.payments.aadhaar_pay import AadhaarPay
from ui.viewmodels.banks import BankChoiceViewModel

if TYPE_CHECKING:
    from ui.viewmodels.journey import JourneyViewModel


class AepsScreen(QObject):
    changed = Signal()

    def __init__(self, session: JourneyViewModel) -> None:
        super().__init__(session)
        self.session = session
        self.rail = next((r for r in session.services.rails if isinstance(r, AadhaarPay)), None)
        self.steps: AepsJourney | None = None
        self.banks = BankChoiceViewModel(self.rail.banks, parent=self) if self.rail is not None else None
        if self.banks is not None:
            self.banks.chosenChanged.connect(self.chooseBank)
        session.changed.connect(self.changed)

    def begin(self, journey: Journey) -> None:
        if self.rail is not None:
            self.steps = AepsJourney(
                journey, self.rail, self.session.services.devices.biometric, self.session.services.locator
            )

    def _offered(self) -> bool:
        steps = self.steps
        return steps is not None and steps.journey.step is Step.CHOOSE_PAYMENT and steps.offered()

    def _advice(self) -> str:
        advice = self.steps.advice if self.steps is not None else None
        if advice is None:
            return ""
        return advice.hi if self.session.language == "hi" else advice.en

    @Slot()
    def choose(self) -> None:
        steps = self.steps
        if steps is not None and self.banks is not None:
            self.banks.setLanguage(self.session.language)
            self.banks.reset()
            self.session._act(lambda _j: steps.choose())

    @Slot(str)
    def chooseBank(self, iin: str) -> None:
        steps = self.steps
        if steps is not None:
            self.session._act(lambda _j: steps.choose_bank(iin))

    @Slot()
    def finger(self) -> None:
        steps = self.steps
        if steps is not None:
            self.session._act_slow(lambda _j: steps.finger(), Phase.CAPTURE)

    @Slot()
    def cancel(self) -> None:
        steps = self.steps
        if steps is None or self.session.worker.busy:
            self.session.cancel()  # while the finger is out: the journey's safe cancel
            return
        self.session._act(lambda _j: steps.cancel())

    offered = Property(bool, _offered, notify=changed)
    advice = Property(str, _advice, notify=changed)
    bankChoice = Property(QObject, lambda self: self.banks, constant=True)
