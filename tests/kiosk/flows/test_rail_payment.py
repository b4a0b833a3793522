"""Paying a bill on a payment rail (UPI here): the choice, the QR wait, expiry, retry, cancel races, holds, restart."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from kiosk.cash_recovery import resolve_stuck, settle_open_payments, stuck_payments
from kiosk.clock import FakeClock
from kiosk.flows.base import Devices, Problem, Step
from kiosk.flows.journey import Journey
from kiosk.flows.rail_payment import GRACE, reconcile_rails
from kiosk.flows.rail_steps import RailSteps
from kiosk.ledger import Ledger, LedgerError
from kiosk.payments.port import Outcome, Rail, RailResult
from kiosk.receipt import Line, Pair
from kiosk.transactions import PaymentMode, TxnState
from tests.fakes.devices import MemoryPrinter, demo_account
from tests.kiosk.flows.rail_fakes import MemoryRail

GOOD = demo_account("21041234567")  # ₹350 due


@pytest.fixture
def upi(clock: FakeClock) -> MemoryRail:
    return MemoryRail(clock)


@pytest.fixture
def at_choice(start: Callable[[str], Journey], upi: MemoryRail, clock: FakeClock) -> RailSteps:
    journey = start("jvvnl-bill")
    for digit in GOOD:
        journey.press(digit)
    journey.submit()
    assert journey.step is Step.CHOOSE_PAYMENT
    return RailSteps(journey, [upi], clock)


def waiting(steps: RailSteps) -> str:
    assert steps.choose(Rail.UPI)
    assert steps.journey.step is Step.RAIL_WAIT
    txn = steps.journey.payment.txn
    assert txn is not None
    return txn.id


def printed_text(printer: object, job_prefix: str = "") -> str:
    assert isinstance(printer, MemoryPrinter)
    parts: list[str] = []
    for job_id, layout in printer.jobs.items():
        if job_id.startswith(job_prefix):
            for block in layout.blocks:  # type: ignore[attr-defined]
                if isinstance(block, Line):
                    parts.append(block.text)
                elif isinstance(block, Pair):
                    parts.append(f"{block.label}: {block.value}")
    return "\n".join(parts)


def test_choice_lists_cash_and_each_configured_rail_that_is_up(at_choice: RailSteps, upi: MemoryRail) -> None:
    assert at_choice.offered() == ("cash", "aadhaar", "upi")
    upi.up = False
    assert at_choice.offered() == ("cash", "aadhaar")
    assert at_choice.choose(Rail.UPI) is False, "a rail that is down is not offered, even to a stale tap"
    assert at_choice.journey.step is Step.CHOOSE_PAYMENT


def test_a_rail_not_configured_is_not_offered(start: Callable[[str], Journey], clock: FakeClock) -> None:
    steps = RailSteps(start("jvvnl-bill"), [], clock)
    assert "upi" not in steps.offered()
    assert steps.choose(Rail.UPI) is False


def test_upi_paid_commits_once_with_the_utr_and_the_receipt_prints_it(
    at_choice: RailSteps, upi: MemoryRail, ledger: Ledger, devices: Devices
) -> None:
    txn_id = waiting(at_choice)
    view = at_choice.view()
    assert view.qr_text.startswith("upi://pay?")
    assert "am=350.00" in view.qr_text
    assert view.seconds_left == 120
    assert at_choice.poll() is False  # nothing paid yet: still waiting
    upi.pay(txn_id)
    assert at_choice.poll() is True
    assert at_choice.journey.step is Step.DONE
    txn = ledger.get(txn_id)
    assert (txn.state, txn.payment_mode, txn.payment_ref) == (TxnState.COMPLETED, PaymentMode.UPI, upi.taken[txn_id])
    paid = ledger.store.read("SELECT payload FROM outbox WHERE kind = 'txn.paid'")
    assert [json.loads(r["payload"])["payment_ref"] for r in paid] == [upi.taken[txn_id]]
    receipt = printed_text(devices.printer)
    assert f"UTR: {upi.taken[txn_id]}" in receipt
    assert "Payment mode: UPI" in receipt


def test_an_expired_qr_offers_a_new_qr_or_another_method_and_nothing_is_taken(
    at_choice: RailSteps, upi: MemoryRail, clock: FakeClock, ledger: Ledger
) -> None:
    txn_id = waiting(at_choice)
    first_qr = at_choice.view().qr_text
    upi.poll_says.append(RailResult(Outcome.EXPIRED))
    assert at_choice.poll()
    assert (at_choice.journey.step, at_choice.journey.problem) == (Step.RAIL_RETRY, Problem.RAIL_EXPIRED)
    assert at_choice.retry()
    assert at_choice.view().attempt == 2
    assert at_choice.view().qr_text != first_qr
    upi.decline(txn_id)
    at_choice.poll()
    assert (at_choice.journey.step, at_choice.journey.problem) == (Step.RAIL_RETRY, Problem.RAIL_DECLINED)
    assert at_choice.other_method()
    assert at_choice.journey.step is Step.CHOOSE_PAYMENT
    assert ledger.get(txn_id).state is TxnState.CANCELLED
    assert at_choice.journey.choose_cash(), "cash is still there after the rail failed"


def test_cancel_after_the_money_arrived_is_honoured_as_paid(
    at_choice: RailSteps, upi: MemoryRail, ledger: Ledger
) -> None:
    txn_id = waiting(at_choice)
    upi.pay(txn_id)  # paid between the last poll and the villager's tap on Cancel
    assert at_choice.cancel()
    assert at_choice.journey.step is Step.DONE
    assert ledger.get(txn_id).payment_ref == upi.taken[txn_id]


def test_cancel_before_any_payment_closes_the_offer_so_a_late_pay_is_refused(
    at_choice: RailSteps, upi: MemoryRail, ledger: Ledger
) -> None:
    txn_id = waiting(at_choice)
    assert at_choice.cancel()
    assert at_choice.journey.step is Step.CLOSED
    assert ledger.get(txn_id).state is TxnState.CANCELLED
    assert upi.pay(txn_id) is False


def test_payment_landing_after_the_last_poll_is_found_by_the_status_query_at_the_deadline(
    at_choice: RailSteps, upi: MemoryRail, clock: FakeClock, ledger: Ledger
) -> None:
    txn_id = waiting(at_choice)
    clock.advance(119)
    at_choice.poll()  # pending
    upi.pay(txn_id)  # the race: paid in the last second, its callback lost
    upi.poll_says.append(RailResult(Outcome.PENDING))
    clock.advance(1 + GRACE.total_seconds())
    assert at_choice.poll()
    assert at_choice.journey.step is Step.DONE
    assert ledger.get(txn_id).payment_ref == upi.taken[txn_id]
    assert upi.calls.count("inquire") == 1


def test_a_status_query_cut_off_at_the_deadline_is_asked_once_more_and_the_payment_it_finds_is_paid(
    at_choice: RailSteps, upi: MemoryRail, clock: FakeClock, ledger: Ledger
) -> None:
    txn_id = waiting(at_choice)
    upi.pay(txn_id)  # paid; the callback lost
    upi.poll_says.append(RailResult(Outcome.PENDING))
    upi.inquire_says.append(RailResult(Outcome.UNKNOWN, detail="ConnectionError: Connection reset by peer"))
    clock.advance(120 + GRACE.total_seconds())
    assert at_choice.poll()
    assert at_choice.journey.step is Step.DONE
    assert ledger.get(txn_id).payment_ref == upi.taken[txn_id]
    assert upi.calls.count("inquire") == 2


def test_pending_at_the_deadline_is_held_with_a_slip_and_never_offered_again(
    at_choice: RailSteps, upi: MemoryRail, clock: FakeClock, ledger: Ledger, devices: Devices
) -> None:
    txn_id = waiting(at_choice)
    upi.poll_says.append(RailResult(Outcome.PENDING, detail="payer's bank has not answered"))
    upi.inquire_says.append(RailResult(Outcome.PENDING, detail="payer's bank has not answered"))
    clock.advance(120 + GRACE.total_seconds())
    assert at_choice.poll()
    assert at_choice.journey.step is Step.STATUS_UNKNOWN
    assert ledger.get(txn_id).state is TxnState.STATUS_UNKNOWN
    assert at_choice.retry() is False
    assert at_choice.poll() is False
    assert upi.calls.count("start 1") == 1
    assert "start 2" not in upi.calls
    slip = printed_text(devices.printer, "slip-")
    assert "Do not pay again" in slip
    assert "दोबारा भुगतान न करें" in slip


def test_a_rail_adapter_that_raises_holds_the_payment_instead_of_losing_it(
    at_choice: RailSteps, upi: MemoryRail, clock: FakeClock, ledger: Ledger
) -> None:
    txn_id = waiting(at_choice)

    def broken(_txn_id: str) -> RailResult:
        raise ConnectionResetError("cut")

    upi.cancel = broken  # type: ignore[method-assign,assignment]
    assert at_choice.cancel()
    assert ledger.get(txn_id).state is TxnState.STATUS_UNKNOWN


def test_start_up_inquiry_settles_interrupted_and_held_rail_payments_by_reference(
    at_choice: RailSteps, upi: MemoryRail, ledger: Ledger
) -> None:
    interrupted = waiting(at_choice)  # the kiosk "dies" here
    upi.pay(interrupted)
    other = ledger.create(service_id="jvvnl-bill", service_name_hi="बिल", service_name_en="Bill", reference="1",
                          amount_due=ledger.get(interrupted).amount_due)  # fmt: skip
    ledger.await_payment(other.id, PaymentMode.UPI)
    upi.attempts[other.id] = 1  # offered, never paid
    still = reconcile_rails(ledger, {Rail.UPI: upi})
    assert still == []
    assert ledger.get(interrupted).state is TxnState.PAID
    assert ledger.get(interrupted).payment_ref == upi.taken[interrupted]
    assert ledger.get(other.id).state is TxnState.CANCELLED


def test_start_up_recovery_never_cancels_a_rail_payment_blind(at_choice: RailSteps, ledger: Ledger) -> None:
    txn_id = waiting(at_choice)
    settlement = settle_open_payments(ledger, "restart")
    assert txn_id in settlement.left_open
    assert ledger.get(txn_id).state is TxnState.AWAITING_PAYMENT


def test_leaving_the_journey_while_a_rail_waits_holds_the_payment_not_cancels_it(
    at_choice: RailSteps, ledger: Ledger
) -> None:
    txn_id = waiting(at_choice)
    at_choice.journey.idle_timeout()
    assert ledger.get(txn_id).state is TxnState.STATUS_UNKNOWN


def test_the_operator_cannot_close_a_rail_payment_by_hand(at_choice: RailSteps, ledger: Ledger) -> None:
    txn_id = waiting(at_choice)
    assert txn_id not in [t.id for t in stuck_payments(ledger)]
    with pytest.raises(LedgerError, match="only the rail's answer ends it"):
        resolve_stuck(ledger, txn_id, reason="villager left", operator="op-1")
    assert ledger.get(txn_id).state is TxnState.AWAITING_PAYMENT
