"""The journey's payment-rail steps: "choose how to pay" with the rails on offer, the waiting step, and its end."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from kiosk.clock import Clock
from kiosk.flows.base import Problem, Step
from kiosk.flows.journey import Journey
from kiosk.flows.rail_payment import RailPayment, RailState, mode_of, offered_rails
from kiosk.payments.port import LivePrompt, Outcome, PaymentMethod, Rail

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RailView:
    """What the waiting screen shows, already formatted."""

    rail: str = ""
    qr_text: str = ""
    prompt: str = ""
    seconds_left: int = 0
    attempt: int = 0
    state: str = ""


class RailSteps:
    """Delegated to by the journey's screen: the journey keeps its steps, this object moves them for rails.
    Single-threaded like the journey; `poll` and `cancel` block on the rail and run off the Qt thread."""

    def __init__(self, journey: Journey, methods: Sequence[PaymentMethod], clock: Clock) -> None:
        self.journey = journey
        self.methods = {m.rail: m for m in methods}
        self.clock = clock
        self.payment: RailPayment | None = None

    def offered(self) -> tuple[str, ...]:
        """Cash and each configured rail that is in service now; nothing online for a provisional (offline) bill."""
        modes = self.journey.view().payment_modes
        available = self.journey.availability()
        shown = tuple(m for m in modes if m != "cash" or available.cash)
        if self.journey.provisional_amount is not None or not available.payments:
            return shown
        rails = offered_rails(self.methods.values(), self.journey.service.payment_modes)
        return shown + tuple(r.value for r in rails if r.value not in shown)

    def choose(self, rail: Rail) -> bool:
        journey = self.journey
        if journey.step is not Step.CHOOSE_PAYMENT or rail.value not in self.offered():
            return False
        due, fee = journey._amounts()  # the journey's own figures: bill, provisional amount or certificate fee
        txn = journey.payment.open(journey.entry.value, due, fee, mode_of(rail))
        self.payment = RailPayment(journey.payment.ledger, self.methods[rail], self.clock, txn)
        return self._offer()

    def retry(self) -> bool:
        """After a lapse or refusal: a new attempt on the same rail (UPI: a new QR)."""
        if self.journey.step is not Step.RAIL_RETRY or self.payment is None:
            return False
        return self._offer()

    def other_method(self) -> bool:
        """After a lapse or refusal: back to the choice; the unpaid transaction is cancelled (nothing was taken)."""
        if self.journey.step is not Step.RAIL_RETRY or self.payment is None:
            return False
        self.payment.cancel()
        self.payment = None
        self.journey.payment.txn = None
        self.journey.problem = None
        self.journey.step = Step.CHOOSE_PAYMENT
        return True

    def poll(self) -> bool:
        """Ask once; True when the step changed."""
        if self.journey.step is not Step.RAIL_WAIT or self.payment is None:
            return False
        return self._follow(self.payment.poll())

    def cancel(self) -> bool:
        if self.journey.step not in (Step.RAIL_WAIT, Step.RAIL_RETRY) or self.payment is None:
            return False
        state = self.payment.cancel()
        if state is RailState.CANCELLED:
            self.journey.payment.txn = self.payment.txn
            self.journey.step = Step.CLOSED
            return True
        return self._follow(state)

    def view(self) -> RailView:
        payment = self.payment
        if payment is None or payment.started is None:
            return RailView()
        prompt = payment.started.prompt
        if isinstance(payment.method, LivePrompt):  # the terminal moved on (card in → PIN → bank)
            prompt = payment.method.prompt(payment.txn.id) or prompt
        return RailView(payment.method.rail.value, payment.started.qr_text, prompt,
                        payment.seconds_left(), payment.attempt, payment.state.value)  # fmt: skip

    def _offer(self) -> bool:
        payment = self.payment
        assert payment is not None
        try:
            payment.start()
        except Exception:  # the server or terminal could not make the offer: nothing was shown, nothing payable
            log.exception("rail %s: no offer made", payment.method.rail.value)
            self.journey.problem = Problem.UNAVAILABLE
            if payment.started is None:
                self.journey.payment.txn = payment.ledger.cancel(payment.txn.id, reason="rail: no offer made")
                self.payment = None
                self.journey.step = Step.CHOOSE_PAYMENT
            return False
        self.journey.problem = None
        self.journey.step = Step.RAIL_WAIT
        return True

    def _follow(self, state: RailState) -> bool:
        assert self.payment is not None
        journey = self.journey
        journey.payment.txn = self.payment.txn
        if state is RailState.PAID:
            journey._print()  # the journey's one print path: receipt (with the UTR/RRN), then any certificate
            return True
        if state is RailState.HELD:
            journey._status_unknown()  # the slip; the operator's list; inquired again at start-up
            return True
        if state is RailState.RETRY:
            last = self.payment.last
            declined = last is not None and last.outcome is Outcome.DECLINED
            journey.problem = Problem.RAIL_DECLINED if declined else Problem.RAIL_EXPIRED
            journey.step = Step.RAIL_RETRY
            return True
        return False
