"""A kiosk killed mid-payment: the next start settles what was left open, and the next villager can pay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.cash_payment import CashDesk
from kiosk.cash_recovery import resolve_stuck, stuck_payments
from kiosk.clock import FakeClock
from kiosk.dayclose import DayClose
from kiosk.devices.cash import NoteCredited, NoteEscrowed
from kiosk.ledger import Ledger, LedgerError
from kiosk.money import INR_NOTES, Money
from kiosk.receipt import Line, ReceiptLayout
from kiosk.store import Store
from kiosk.transactions import PaymentMode, TxnState
from tests.fakes.devices import MemoryCashAcceptor, MemoryPrinter
from tests.fakes.services import memory_services
from tests.kiosk.helpers import cash_bill
from ui.composition import DEMO_START


def killed_mid_payment(ledger: Ledger, bill: int, notes: tuple[int, ...]) -> str:
    """A first process opens a cash payment, takes these notes, and dies without ending anything."""
    cash = MemoryCashAcceptor()
    desk = CashDesk(ledger, cash)
    desk.attach()
    txn = cash_bill(ledger, bill)
    desk.begin(txn.id)
    for note in notes:
        assert cash.insert(note)
    return txn.id


def restart(ledger: Ledger) -> CashDesk:
    desk = CashDesk(ledger, MemoryCashAcceptor())
    desk.attach()
    return desk


def journal_actions(ledger: Ledger) -> list[str]:
    return [str(r["action"]) for r in ledger.store.read("SELECT action FROM journal ORDER BY id")]


def test_part_paid_payment_left_by_a_crash_becomes_a_voucher_and_the_next_villager_can_pay(ledger: Ledger) -> None:
    first = killed_mid_payment(ledger, 350, (100, 50))
    desk = restart(ledger)
    assert ledger.get(first).state is TxnState.ABANDONED
    (voucher,) = ledger.vouchers(state="open")
    assert (voucher.txn_id, voucher.amount) == (first, Money.rupees(150))
    assert desk.open_session() is None
    assert "payments.settled_at_start" in journal_actions(ledger)
    following = cash_bill(ledger, 20)
    assert desk.begin(following.id)  # no "another cash payment is still open"
    desk.handle(NoteCredited(Money.rupees(20), 2, event_id="after-restart-1"))
    assert ledger.get(following.id).state is TxnState.PAID


def test_payment_paid_in_full_before_a_crash_is_kept_with_its_receipt_pending(ledger: Ledger) -> None:
    first = killed_mid_payment(ledger, 150, (100, 50))
    assert ledger.get(first).state is TxnState.PAID  # the process died before the receipt was printed
    restart(ledger)
    assert ledger.get(first).state is TxnState.RECEIPT_PENDING
    assert ledger.vouchers() == []


def test_payment_with_nothing_paid_before_a_crash_is_cancelled_and_the_day_can_close(ledger: Ledger) -> None:
    first = killed_mid_payment(ledger, 350, ())
    restart(ledger)
    assert ledger.get(first).state is TxnState.CANCELLED
    close = DayClose(ledger.store).submit_count(
        {n.paise: 0 for n in INR_NOTES}, operator="op", denominations=INR_NOTES, acceptor=None
    )
    assert close.counted_total == Money(0)


def test_a_second_start_of_the_same_desk_settles_nothing_twice(ledger: Ledger) -> None:
    killed_mid_payment(ledger, 350, (100,))
    desk = restart(ledger)
    desk.attach()
    desk.settle_interrupted()
    assert len(ledger.vouchers()) == 1
    assert journal_actions(ledger).count("payments.settled_at_start") == 1


def test_an_aadhaar_payment_awaiting_its_answer_is_left_for_the_operator_who_resolves_it_with_a_reason(
    ledger: Ledger,
) -> None:
    txn = ledger.create(
        service_id="jvvnl-bill", service_name_hi="बिल", service_name_en="Bill", reference="1", amount_due=Money(100)
    )
    ledger.await_payment(txn.id, PaymentMode.AADHAAR)
    restart(ledger)
    assert [t.id for t in stuck_payments(ledger)] == [txn.id]
    with pytest.raises(LedgerError, match="reason"):
        resolve_stuck(ledger, txn.id, reason="  ", operator="op-1")
    assert ledger.get(txn.id).state is TxnState.AWAITING_PAYMENT  # refused: nothing changed
    assert resolve_stuck(ledger, txn.id, reason="The villager left", operator="op-1") is None
    assert ledger.get(txn.id).state is TxnState.CANCELLED
    row = ledger.store.read_one("SELECT actor, details FROM journal WHERE action = 'payment.resolved_by_operator'")
    assert row is not None
    assert row["actor"] == "op-1"
    assert "The villager left" in row["details"]
    with pytest.raises(LedgerError, match="not stuck"):
        resolve_stuck(ledger, txn.id, reason="again", operator="op-1")


def test_the_app_start_settles_and_prints_the_receipt_a_crash_left_unprinted(tmp_path: Path) -> None:
    """Through the composition the app starts with (the demo's, which calls the field's `start_cash`)."""
    store = Store.open(tmp_path / "kiosk.db", FakeClock(DEMO_START))
    ledger = Ledger(store)
    paid = cash_bill(ledger, 100)
    ledger.credit_cash(paid.id, Money.rupees(100), device_ref="before-the-crash-1")
    part = cash_bill(ledger, 350)
    ledger.credit_cash(part.id, Money.rupees(50), device_ref="before-the-crash-2")
    store.close()
    services = memory_services(tmp_path)
    try:
        assert services.ledger.get(paid.id).state is TxnState.RECEIPT_PRINTED
        assert services.ledger.get(part.id).state is TxnState.ABANDONED
        (voucher,) = services.ledger.vouchers(state="open")
        assert voucher.amount == Money.rupees(50)
        assert isinstance(services.devices.printer, MemoryPrinter)
        jobs = services.devices.printer.jobs
        assert len(jobs) == 2  # the pending receipt, and the slip of the voucher the start issued
        slip = jobs[f"voucher-{voucher.no}"]
        assert isinstance(slip, ReceiptLayout)
        text = " ".join(b.text for b in slip.blocks if isinstance(b, Line))
        assert "Change-due voucher" in text
        assert "₹50.00" in text
        assert "ऑपरेटर" in text
        row = services.ledger.store.read_one("SELECT subject FROM journal WHERE action = 'voucher.slip_printed'")
        assert row is not None
        assert row["subject"] == part.id
    finally:
        services.close()


def test_a_note_whose_fate_the_acceptor_never_tells_is_journaled_for_the_operator_not_guessed(ledger: Ledger) -> None:
    cash = MemoryCashAcceptor()
    desk = CashDesk(ledger, cash)
    desk.attach()
    txn = cash_bill(ledger, 350)
    desk.begin(txn.id)
    desk.handle(NoteEscrowed(Money.rupees(200), 5))  # recorded; then the process died before the device said more
    again = CashDesk(ledger, MemoryCashAcceptor())  # it reports nothing at connect (no counter to ask)
    again.attach(settle_wait_s=0.2)
    row = ledger.store.read_one("SELECT details FROM journal WHERE action = 'cash.note_uncertain'")
    assert row is not None
    assert json.loads(row["details"])["denomination"] == 20000
    assert ledger.cash_total() == Money(0)  # not credited on a guess …
    assert ledger.get(txn.id).state is TxnState.CANCELLED  # … and the payment is settled all the same
