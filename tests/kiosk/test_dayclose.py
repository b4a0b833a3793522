import json

import pytest

from kiosk.clock import FakeClock
from kiosk.dayclose import CloseError, DayClose, parse_count
from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.store import Store
from tests.kiosk.helpers import cash_bill

NOTES = tuple(Money.rupees(r) for r in (10, 20, 50, 100, 200, 500))


def pay(ledger: Ledger, *notes: int) -> None:
    txn = cash_bill(ledger, sum(notes))
    for note in notes:
        ledger.credit_cash(txn.id, Money.rupees(note))
    ledger.receipt_printed(txn.id, job_id=f"j-{txn.id}")
    ledger.complete(txn.id)


def test_a_matching_count_reconciles_three_ways(store: Store, ledger: Ledger) -> None:
    pay(ledger, 500, 100)
    pay(ledger, 100, 50)
    closing = DayClose(store, opening_float=Money(0))
    counted = {50000: 1, 10000: 2, 5000: 1}
    result = closing.submit_count(counted, operator="op-1", denominations=NOTES, acceptor=dict(counted))
    assert result.difference == Money(0)
    assert result.ledger == counted
    assert result.acceptor_agrees() is True
    assert result.close_no == 1


def test_a_shortage_is_shown_per_denomination(store: Store, ledger: Ledger) -> None:
    pay(ledger, 500, 100)
    result = DayClose(store).submit_count({50000: 0, 10000: 1}, operator="op-1", denominations=NOTES, acceptor=None)
    assert result.difference == -Money.rupees(500)
    assert result.differences_by_denomination() == {10000: 0, 50000: -1}
    assert result.acceptor_agrees() is None


def test_the_count_is_committed_with_the_reveal_and_cannot_be_redone_the_same_day(store: Store, ledger: Ledger) -> None:
    pay(ledger, 200)
    closing = DayClose(store)
    closing.submit_count({20000: 0}, operator="op-1", denominations=NOTES, acceptor=None)
    with pytest.raises(CloseError, match="already closed"):
        closing.submit_count({20000: 1}, operator="op-1", denominations=NOTES, acceptor=None)
    saved = store.read("SELECT counted, difference FROM day_closes")
    assert saved == [{"counted": json.dumps({"20000": 0}), "difference": -20000}]
    assert store.read_one("SELECT kind FROM outbox ORDER BY seq DESC LIMIT 1") == {"kind": "day.closed"}


def test_a_close_is_refused_while_a_payment_is_open(store: Store, ledger: Ledger) -> None:
    cash_bill(ledger, 100)
    with pytest.raises(CloseError, match="still open"):
        DayClose(store).submit_count({}, operator="op-1", denominations=NOTES, acceptor=None)
    assert store.read("SELECT * FROM day_closes") == []


@pytest.mark.parametrize(("counted", "why"), [({30000: 1}, "not a note"), ({10000: 999_999}, "believable")])
def test_absurd_counts_are_refused(store: Store, counted: dict[int, int], why: str) -> None:
    with pytest.raises(CloseError, match=why):
        DayClose(store).submit_count(counted, operator="op-1", denominations=NOTES, acceptor=None)


@pytest.mark.parametrize("text", ["500", "500=x", "abc=1", "500=-1", "५००=1"])
def test_bad_count_entries_are_refused_with_the_entry_named(text: str) -> None:
    with pytest.raises(CloseError, match="'"):
        parse_count(text)


def test_count_entries_parse_to_paise() -> None:
    assert parse_count("500=3, 100=12; 10=0") == {50000: 3, 10000: 12, 1000: 0}


def test_a_forgotten_close_is_caught_up_next_morning(store: Store, ledger: Ledger, clock: FakeClock) -> None:
    pay(ledger, 100)
    clock.advance(24 * 3600)
    closing = DayClose(store)
    status = closing.status()
    assert status.overdue_days == ("2026-11-23",)
    result = closing.submit_count({10000: 1}, operator="op-1", denominations=NOTES, acceptor=None)
    assert result.covers_days == ("2026-11-23", "2026-11-24")
    assert result.difference == Money(0)
    assert closing.status().overdue_days == ()


def test_the_box_level_resets_only_after_the_server_acknowledges_the_close(
    store: Store, ledger: Ledger, clock: FakeClock
) -> None:
    pay(ledger, 500)
    closing = DayClose(store)
    result = closing.submit_count({50000: 1}, operator="op-1", denominations=NOTES, acceptor=None)
    assert closing.cash_box_level() == (1, Money.rupees(500))
    closing.acknowledge(result.close_no)
    assert closing.cash_box_level() == (0, Money(0))
    clock.advance(3600)
    pay(ledger, 20)
    assert closing.cash_box_level() == (1, Money.rupees(20))


def test_vouchers_paid_out_of_the_box_are_expected_to_be_missing(store: Store, ledger: Ledger) -> None:
    txn = cash_bill(ledger, 150)
    ledger.credit_cash(txn.id, Money.rupees(200))  # ₹50 change due
    ledger.receipt_printed(txn.id, job_id="j")
    ledger.settle_voucher(ledger.vouchers()[0].no, operator="op-1")
    result = DayClose(store, opening_float=Money.rupees(100)).submit_count(
        {20000: 1, 5000: 1}, operator="op-1", denominations=NOTES, acceptor=None
    )
    # ₹200 note + ₹100 float − ₹50 paid out = ₹250 expected; the operator counted ₹250.
    assert result.expected_in_box == Money.rupees(250)
    assert result.vouchers_settled == Money.rupees(50)
    assert result.difference == Money(0)
