"""The card rail: a PaymentMethod over a payment terminal (EDC), aborting on timeout and never losing an approval.

Each attempt of a transaction is its own sale on the terminal (`<txn_id>`, then `<txn_id>.2`, …): a retry after a
decline must not find the declined sale, and a repeated start of the same attempt finds the first one (the terminal
treats the same reference and amount as the same sale). `inquire` walks a transaction's attempts, so an approval
that arrived after an abort, or while the kiosk was restarting, is found and reported PAID.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from kiosk.clock import Clock
from kiosk.devices.payment_terminal import (
    PaymentTerminal,
    SaleState,
    SaleStatus,
    TerminalRefused,
    TerminalStatus,
    TerminalUnreachable,
)
from kiosk.money import Money
from kiosk.payments.port import Outcome, PaymentRequest, Rail, RailResult, Started

MAX_ATTEMPTS = 9  # a villager retrying more often than this is sent to another method
# What the waiting screen asks for in each phase (translation keys; the journey owns the texts).
PROMPTS = {
    SaleState.WAITING_CARD: "card.insert",
    SaleState.WAITING_PIN: "card.pin",
    SaleState.AUTHORISING: "card.wait",
    SaleState.ABORTING: "card.wait",
}
# Sales that ended with nothing taken: the card holder's act (retry is fine) or the offer lapsing.
_NOTHING_TAKEN = {
    SaleState.DECLINED: Outcome.DECLINED,
    SaleState.CARD_REMOVED: Outcome.DECLINED,
    SaleState.TIMED_OUT: Outcome.EXPIRED,
    SaleState.ABORTED: Outcome.EXPIRED,
}


class CardUnavailable(RuntimeError):
    """The terminal refused to start the sale (busy with another, no bank link, reference reused): nothing taken."""


@dataclass
class _Attempt:
    ref: str
    amount: Money
    deadline: float  # clock.monotonic() after which the kiosk aborts the sale


def sale_ref(txn_id: str, attempt: int) -> str:
    if not 1 <= attempt <= MAX_ATTEMPTS:
        raise ValueError(f"card payment {txn_id}: attempt {attempt} is not 1-{MAX_ATTEMPTS}")
    return txn_id if attempt == 1 else f"{txn_id}.{attempt}"


def result_of(sale: SaleStatus, amount: Money) -> RailResult:
    """The rail's outcome for one sale as the terminal reports it."""
    if sale.state is SaleState.APPROVED:
        if sale.amount != amount:
            detail = f"terminal approved {sale.amount.paise} paise, expected {amount.paise}: reconcile"
            return RailResult(Outcome.UNKNOWN, code=sale.response_code, detail=detail)
        card = f" {sale.scheme} card ending {sale.pan_last4}".rstrip() if sale.pan_last4 else ""
        detail = f"approval {sale.approval_code}{card}".strip()
        return RailResult(Outcome.PAID, reference=sale.rrn, code=sale.response_code or "00", detail=detail)
    if sale.state in _NOTHING_TAKEN:
        return RailResult(_NOTHING_TAKEN[sale.state], code=sale.response_code or sale.state.value, detail=sale.message)
    return RailResult(Outcome.PENDING, detail=f"terminal: {sale.state.value}")


class CardPayment:
    """Implements kiosk.payments.port.PaymentMethod over kiosk.devices.payment_terminal.PaymentTerminal."""

    def __init__(self, terminal: PaymentTerminal, clock: Clock, *, card_timeout_s: float = 120.0) -> None:
        self.terminal = terminal
        self.clock = clock
        self.card_timeout_s = card_timeout_s
        self._attempts: dict[str, _Attempt] = {}
        self._phases: dict[str, SaleState] = {}  # txn id → the terminal's last reported state, for the prompt

    @property
    def rail(self) -> Rail:
        return Rail.CARD

    def prompt(self, txn_id: str) -> str:
        """What the terminal asks for now (kiosk.payments.port.LivePrompt), as of the last start or poll."""
        state = self._phases.get(txn_id)
        return PROMPTS.get(state, "card.wait") if state is not None else ""

    def close(self) -> None:
        """Ends the terminal driver's watch (the kiosk's shutdown)."""
        self.terminal.close()

    def available(self) -> bool:
        return self.terminal.terminal_status() is TerminalStatus.READY

    def start(self, request: PaymentRequest) -> Started:
        ref = sale_ref(request.txn_id, request.attempt)
        try:
            sale = self.terminal.init(ref, request.amount)
        except TerminalRefused as exc:
            raise CardUnavailable(f"card payment {ref}: {exc}") from exc
        except TerminalUnreachable:
            # The request may have reached the terminal and started the sale: never treat it as not started.
            # Polling asks about it, and the abort on timeout or an inquiry settles it.
            sale = None
        self._remember(request.txn_id, ref, request.amount)
        self._phases.pop(request.txn_id, None)
        if sale is not None:
            self._phases[request.txn_id] = sale.state
        expires = self.clock.now() + timedelta(seconds=self.card_timeout_s)
        prompt = PROMPTS.get(sale.state, "card.wait") if sale is not None else "card.wait"
        return Started(request.txn_id, request.amount, expires, prompt=prompt)

    def _remember(self, txn_id: str, ref: str, amount: Money) -> None:
        self._attempts[txn_id] = _Attempt(ref, amount, self.clock.monotonic() + self.card_timeout_s)

    def _recall(self, txn_id: str) -> _Attempt | RailResult:
        """This run's attempt; after a restart, the transaction's last sale on the terminal, already overdue (the
        villager's wait ended with the restart), so polling or cancelling it aborts it."""
        attempt = self._attempts.get(txn_id)
        if attempt is not None:
            return attempt
        found: SaleStatus | None = None
        for number in range(1, MAX_ATTEMPTS + 1):
            try:
                found = self.terminal.status(sale_ref(txn_id, number))
            except TerminalRefused as exc:
                if exc.code == "unknown_ref":
                    break
                return RailResult(Outcome.UNKNOWN, code=exc.code, detail=exc.detail)
            except TerminalUnreachable as exc:
                return RailResult(Outcome.UNKNOWN, detail=f"terminal not answering: {exc}"[:200])
        if found is None:
            return RailResult(Outcome.EXPIRED, code="unknown_ref", detail="the terminal never started this sale")
        attempt = self._attempts[txn_id] = _Attempt(found.ref, found.amount, self.clock.monotonic())
        return attempt

    def poll(self, txn_id: str) -> RailResult:
        attempt = self._recall(txn_id)
        if isinstance(attempt, RailResult):
            return attempt
        overdue = self.clock.monotonic() >= attempt.deadline
        try:
            sale = self.terminal.status(attempt.ref)
        except (TerminalUnreachable, TerminalRefused) as exc:
            if overdue:
                return RailResult(Outcome.UNKNOWN, detail=f"terminal silent after the deadline: {exc}"[:200])
            return RailResult(Outcome.PENDING, detail=f"terminal not answering: {exc}"[:200])
        self._phases[txn_id] = sale.state
        result = result_of(sale, attempt.amount)
        if result.outcome is Outcome.PENDING and overdue:
            return self.cancel(txn_id)  # abort on timeout; the abort's answer says what the sale became
        return result

    def cancel(self, txn_id: str) -> RailResult:
        attempt = self._recall(txn_id)
        if isinstance(attempt, RailResult):
            return attempt
        try:
            sale = self.terminal.abort(attempt.ref)
        except TerminalRefused as exc:
            if exc.code == "unknown_ref":
                return RailResult(Outcome.EXPIRED, code="unknown_ref", detail="the terminal never started this sale")
            return RailResult(Outcome.UNKNOWN, code=exc.code, detail=f"abort refused: {exc.detail}; inquire later")
        except TerminalUnreachable as exc:
            return RailResult(Outcome.UNKNOWN, detail=f"abort not answered: {exc}; inquire later"[:200])
        result = result_of(sale, attempt.amount)
        if result.outcome is Outcome.PENDING:
            # Already with the bank: an approval may still come. Hold it; inquire finds the answer.
            return RailResult(Outcome.UNKNOWN, detail=f"abort asked while {sale.state.value}; inquire later")
        return result

    def inquire(self, txn_id: str, amount: Money) -> RailResult:
        """Every attempt of the transaction: any approval wins; otherwise what the last attempt became."""
        last = RailResult(Outcome.EXPIRED, code="unknown_ref", detail="the terminal has no sale for this payment")
        for attempt in range(1, MAX_ATTEMPTS + 1):
            try:
                sale = self.terminal.status(sale_ref(txn_id, attempt))
            except TerminalRefused as exc:
                if exc.code == "unknown_ref":
                    break
                return RailResult(Outcome.UNKNOWN, code=exc.code, detail=exc.detail)
            except TerminalUnreachable as exc:
                return RailResult(Outcome.UNKNOWN, detail=f"terminal not answering: {exc}"[:200])
            result = result_of(sale, amount)
            if result.outcome in (Outcome.PAID, Outcome.UNKNOWN):
                return result
            # A sale still running is not settled: hold it (cancel aborts it, even after a restart).
            held = RailResult(Outcome.UNKNOWN, detail=result.detail)
            last = held if result.outcome is Outcome.PENDING else result
        return last
