"""Property: every rupee a rail took has exactly one ledger entry, and nothing it did not take has one, whatever order
the answers come in — payments, polls that have not heard yet, duplicate answers, deadlines, cancels and restarts."""

from __future__ import annotations

import json
import os
import tempfile
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.clock import FakeClock
from kiosk.flows.rail_payment import RailPayment, RailState, reconcile_rails
from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.payments.port import Outcome, Rail, RailResult
from kiosk.store import Store
from kiosk.transactions import PaymentMode, TxnState
from tests.kiosk.flows.rail_fakes import MemoryRail

EXAMPLES = 1000 if os.environ.get("KIOSK_SOAK") else 60
ACTIONS = ("new", "pay", "poll", "poll_unheard", "poll_duplicate", "tick", "deadline", "cancel", "retry",
           "restart", "inquiry_lost")  # fmt: skip


def paid_events(ledger: Ledger) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for row in ledger.store.read("SELECT payload FROM outbox WHERE kind = 'txn.paid'"):
        payload = json.loads(row["payload"])
        found.setdefault(payload["subject"], []).append(payload["payment_ref"])
    return found


def run(actions: list[str], folder: Path) -> None:
    clock = FakeClock()
    store = Store.open(folder / "kiosk.db", clock)
    ledger = Ledger(store)
    rail = MemoryRail(clock)
    current: RailPayment | None = None
    try:
        for action in actions:
            if action == "new" and (current is None or current.state is not RailState.WAITING):
                txn = ledger.create(service_id="bill", service_name_hi="बिल", service_name_en="Bill", reference="1",
                                    amount_due=Money(35_000))  # fmt: skip
                current = RailPayment(ledger, rail, clock, ledger.await_payment(txn.id, PaymentMode.UPI))
                current.start()
            elif current is None:
                continue
            elif action == "pay":
                rail.pay(current.txn.id)
            elif action == "poll":
                current.poll()
            elif action == "poll_unheard":  # the callback has not reached the server yet
                rail.poll_says.append(RailResult(Outcome.PENDING))
                current.poll()
            elif action == "poll_duplicate" and current.txn.id in rail.taken:  # the same PAID answer again
                rail.poll_says.append(RailResult(Outcome.PAID, rail.taken[current.txn.id]))
                current.poll()
            elif action == "tick":
                clock.advance(45)
            elif action == "deadline" and current.deadline is not None:  # its poll has not heard: the race
                clock.set(current.deadline)
                rail.poll_says.append(RailResult(Outcome.PENDING))
                current.poll()
            elif action == "cancel":
                current.cancel()
            elif action == "retry" and current.state is RailState.RETRY:
                current.start()
            elif action == "inquiry_lost":  # the next status query gets no answer
                rail.inquire_says.append(RailResult(Outcome.UNKNOWN, detail="timeout"))
            elif action == "restart":
                current = None
                reconcile_rails(ledger, {Rail.UPI: rail})
            rail.poll_says.clear()  # a scripted answer is for this step's poll only, never another payment's
            check_no_double_entry(ledger, rail)
        clock.advance(600)
        rail.inquire_says.clear()
        assert reconcile_rails(ledger, {Rail.UPI: rail}) == [], "a truthful rail settles every held payment"
        if current is not None and current.state is RailState.WAITING:
            current.poll()
        check_no_double_entry(ledger, rail)
        events = paid_events(ledger)
        for txn_id, reference in rail.taken.items():
            state = ledger.get(txn_id).state
            if state is not TxnState.AWAITING_PAYMENT:  # still on screen: the villager's next poll finds it
                assert events.get(txn_id) == [reference], (
                    f"{txn_id}: taken by the rail, ledger has {events.get(txn_id)}"
                )
        assert set(events) <= set(rail.taken), "a ledger entry for money the rail never took"
    finally:
        store.close()


def check_no_double_entry(ledger: Ledger, rail: MemoryRail) -> None:
    for txn_id, refs in paid_events(ledger).items():
        assert len(refs) == 1, f"{txn_id} paid {len(refs)} times"
        assert refs == [rail.taken[txn_id]]


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(ACTIONS), min_size=1, max_size=30))
def test_every_rupee_taken_has_exactly_one_ledger_entry_whatever_the_order(actions: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        run(["new", *actions], Path(folder))


def test_a_payment_taken_after_a_lost_inquiry_and_a_restart_is_committed_once() -> None:
    with tempfile.TemporaryDirectory() as folder:
        run(["new", "pay", "poll_unheard", "inquiry_lost", "deadline", "restart", "restart"], Path(folder))


def test_expiry_is_confirmed_by_the_rail_not_assumed() -> None:
    clock = FakeClock()
    rail = MemoryRail(clock, ttl=timedelta(seconds=5))
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "k.db", clock)
        ledger = Ledger(store)
        txn = ledger.create(service_id="bill", service_name_hi="बिल", service_name_en="Bill", reference="1",
                            amount_due=Money(100))  # fmt: skip
        payment = RailPayment(ledger, rail, clock, ledger.await_payment(txn.id, PaymentMode.UPI))
        payment.start()
        rail.pay(txn.id)
        rail.poll_says.append(RailResult(Outcome.PENDING))
        clock.advance(60)
        payment.poll()  # the deadline: the status query says paid, though every poll said pending
        assert ledger.get(txn.id).payment_ref == rail.taken[txn.id]
        store.close()
