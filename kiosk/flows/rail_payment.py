"""Paying on one rail (UPI QR, card terminal, Aadhaar Pay): offer, wait, and an honest end whatever the rail answers.

The rail is asked, never trusted blindly: PAID commits with the rail's reference; EXPIRED/DECLINED (nothing taken)
allows a new attempt or another method; a cancel the rail answers PAID is honoured; an outcome still unknown at the
deadline is held in the ledger as status_unknown (a slip for the villager, an inquiry at start-up, the operator's
list) and never started again blind. Every call to the rail may block: callers run this off the Qt thread.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from kiosk.clock import Clock
from kiosk.ledger import Ledger
from kiosk.payments.port import Outcome, PaymentMethod, PaymentRequest, Rail, RailResult, Started
from kiosk.transactions import RAIL_MODES, PaymentMode, Txn, TxnState

log = logging.getLogger(__name__)

# Without an expiry from the rail (a card terminal), this is how long the villager may take.
DEFAULT_WAIT = timedelta(minutes=3)
# After the offer's expiry, callbacks and polls still in flight get this long before the status query.
GRACE = timedelta(seconds=10)


class RailState(enum.StrEnum):
    WAITING = "waiting"  # the offer is out: QR on screen, or the terminal prompting
    PAID = "paid"  # committed with the rail's reference
    RETRY = "retry"  # lapsed or refused, nothing taken: a new attempt on this rail, or another method
    HELD = "held"  # outcome unknown: status_unknown in the ledger, inquired later, on the operator's list
    CANCELLED = "cancelled"  # withdrawn and the rail confirmed nothing was taken


def ask(call: Callable[[], RailResult], what: str) -> RailResult:
    """A rail adapter that raises must not lose money: whatever went wrong, the outcome is unknown."""
    try:
        return call()
    except Exception as exc:  # an adapter bug or a network error the adapter did not map
        log.exception("rail %s failed; treated as an unknown outcome", what)
        return RailResult(Outcome.UNKNOWN, detail=f"{type(exc).__name__}: {exc}"[:200])


@dataclass
class RailPayment:
    """One transaction paid on one rail. The transaction is already AWAITING_PAYMENT in this rail's mode."""

    ledger: Ledger
    method: PaymentMethod
    clock: Clock
    txn: Txn
    grace: timedelta = GRACE
    state: RailState = RailState.WAITING
    attempt: int = 0
    started: Started | None = None
    last: RailResult | None = None
    deadline: datetime | None = field(default=None)

    def start(self) -> Started:
        """The first offer, or a new one after RETRY (UPI: a new QR; the rail keeps the transaction id)."""
        first = self.state is RailState.WAITING and self.started is None
        if not first and self.state is not RailState.RETRY:
            raise ValueError(f"payment {self.txn.id} is {self.state.value}: no new offer")
        self.attempt += 1
        request = PaymentRequest(self.txn.id, self.txn.total_due, self.attempt)
        self.started = self.method.start(request)
        expires = self.started.expires_at or self.clock.now() + DEFAULT_WAIT
        self.deadline = expires + self.grace
        self.state = RailState.WAITING
        self.last = None
        return self.started

    def seconds_left(self) -> int:
        """For the countdown: until the offer's own expiry (the grace after it is not shown)."""
        if self.deadline is None or self.state is not RailState.WAITING:
            return 0
        left = (self.deadline - self.grace - self.clock.now()).total_seconds()
        return max(0, int(left))

    def poll(self) -> RailState:
        if self.state is not RailState.WAITING or self.started is None:
            return self.state
        result = ask(lambda: self.method.poll(self.txn.id), "poll")
        if result.outcome in (Outcome.PAID, Outcome.DECLINED, Outcome.EXPIRED):
            return self._settle(result)
        assert self.deadline is not None
        if self.clock.now() < self.deadline:
            return self.state  # PENDING or a passing UNKNOWN: keep polling until the deadline
        # The deadline: the status query decides; what it cannot decide is held, never offered again blind. A question
        # that got no answer at all (UNKNOWN: a connection reset, a pooled connection the server had just closed) is
        # asked once more at once: the inquiry is by reference, so asking twice takes nothing twice.
        answer = ask(lambda: self.method.inquire(self.txn.id, self.txn.total_due), "inquire")
        if answer.outcome is Outcome.UNKNOWN:
            answer = ask(lambda: self.method.inquire(self.txn.id, self.txn.total_due), "inquire again")
        if answer.outcome in (Outcome.PAID, Outcome.DECLINED, Outcome.EXPIRED):
            return self._settle(answer)
        return self._hold(answer, "no outcome by the deadline")

    def cancel(self) -> RailState:
        """The villager withdraws. The rail may answer that the money arrived first: then it is paid."""
        if self.state is RailState.RETRY:
            return self._cancelled("cancelled by villager after the offer lapsed")
        if self.state is not RailState.WAITING:
            return self.state
        result = ask(lambda: self.method.cancel(self.txn.id), "cancel")
        if result.outcome is Outcome.PAID:
            return self._settle(result)
        if result.outcome in (Outcome.DECLINED, Outcome.EXPIRED):
            self.last = result
            return self._cancelled("cancelled by villager")
        return self._hold(result, "cancelled but the rail could not confirm nothing was taken")

    def _settle(self, result: RailResult) -> RailState:
        self.last = result
        self.txn = settle_rail(self.ledger, self.txn, result)
        if result.outcome is Outcome.PAID:
            self.state = RailState.PAID
        else:
            self.state = RailState.RETRY
        return self.state

    def _cancelled(self, reason: str) -> RailState:
        self.txn = self.ledger.cancel(self.txn.id, reason=reason)
        self.state = RailState.CANCELLED
        return self.state

    def _hold(self, result: RailResult, why: str) -> RailState:
        self.last = result
        detail = f"{self.method.rail.value}: {why}" + (f" ({result.detail})" if result.detail else "")
        self.txn = self.ledger.outcome_unknown(self.txn.id, reason=detail)
        self.state = RailState.HELD
        return self.state


def settle_rail(ledger: Ledger, txn: Txn, result: RailResult) -> Txn:
    """Apply a rail's answer to its transaction. PAID commits the reference (UTR/RRN) with the ledger entry, outbox
    event and journal row in one SQLite transaction; DECLINED/EXPIRED leave an awaiting payment open for a new
    attempt but cancel a held one (nothing was taken); PENDING/UNKNOWN change nothing."""
    txn = ledger.get(txn.id)  # the ledger's word, not a copy an earlier answer may have outdated
    if result.outcome is Outcome.PAID:
        if txn.state in (TxnState.AWAITING_PAYMENT, TxnState.STATUS_UNKNOWN):
            return ledger.pay_other(txn.id, payment_ref=result.reference)
        return txn  # already paid (a duplicate answer): one ledger entry only
    if result.outcome in (Outcome.DECLINED, Outcome.EXPIRED) and txn.state is TxnState.STATUS_UNKNOWN:
        code = f" {result.code}" if result.code else ""
        return ledger.cancel(txn.id, reason=f"{txn.payment_mode}: {result.outcome.value}{code} on inquiry")
    return txn


def rail_of(txn: Txn) -> Rail | None:
    return Rail(txn.payment_mode.value) if txn.payment_mode in RAIL_MODES and txn.payment_mode else None


def reconcile_rails(ledger: Ledger, methods: Mapping[Rail, PaymentMethod]) -> list[Txn]:
    """At start-up: a rail payment left waiting by a crash may have been taken, so it is held and asked about by
    reference (never cancelled blind). Returns the rail payments still unknown, for the operator."""
    for txn in ledger.open_transactions():
        if txn.state is TxnState.AWAITING_PAYMENT and rail_of(txn) is not None:
            ledger.outcome_unknown(txn.id, reason="interrupted: the kiosk restarted during the payment")
    for txn in held_rail_payments(ledger):
        rail = rail_of(txn)
        method = methods.get(rail) if rail else None
        if method is not None:
            answer = ask(lambda m=method, t=txn: m.inquire(t.id, t.total_due), "inquire at start-up")  # type: ignore[misc]
            settle_rail(ledger, txn, answer)
    return held_rail_payments(ledger)


def held_rail_payments(ledger: Ledger) -> list[Txn]:
    return [t for t in ledger.unknown_outcomes() if rail_of(t) is not None]


def offered_rails(methods: Iterable[PaymentMethod], service_modes: Iterable[str]) -> tuple[Rail, ...]:
    """The rails a villager may choose for a service: configured, in service right now (Invariant 5), and taken by
    the service. UPI and card settle exactly the amount due, so they go wherever cash does."""
    modes = set(service_modes)
    wanted = {r for r in Rail if r.value in modes}
    if "cash" in modes:
        wanted |= {Rail.UPI, Rail.CARD}
    return tuple(m.rail for m in methods if m.rail in wanted and ask_available(m))


def ask_available(method: PaymentMethod) -> bool:
    try:
        return method.available()
    except Exception:  # a rail that cannot even say is not offered
        log.exception("rail %s: availability check failed; not offered", method.rail.value)
        return False


def mode_of(rail: Rail) -> PaymentMode:
    return PaymentMode(rail.value)
