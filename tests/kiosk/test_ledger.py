import json
from pathlib import Path

import pytest

from kiosk.clock import FakeClock
from kiosk.journal import verify_journal
from kiosk.ledger import Ledger, LedgerError
from kiosk.money import Money
from kiosk.outbox import Outbox
from kiosk.store import Store
from kiosk.transactions import ALLOWED, IllegalTransition, PaymentMode, TxnState
from tests.kiosk.helpers import cash_bill


def test_a_cash_bill_is_paid_only_when_the_credits_reach_the_amount_due(ledger: Ledger) -> None:
    txn = cash_bill(ledger, 350, fee_rupees=10)
    first = ledger.credit_cash(txn.id, Money.rupees(200), channel=5, device_ref="n1")
    assert first.txn.state is TxnState.AWAITING_PAYMENT
    assert first.txn.remaining == Money.rupees(160)
    assert first.txn.receipt_no is None
    second = ledger.credit_cash(txn.id, Money.rupees(200), channel=5, device_ref="n2")
    assert second.txn.state is TxnState.PAID
    assert second.txn.receipt_no == 1
    assert second.voucher_no is not None
    voucher = ledger.vouchers()[0]
    assert (voucher.amount, voucher.reason, voucher.state) == (Money.rupees(40), "overpaid", "open")


def test_the_same_credit_event_reported_twice_is_counted_once(ledger: Ledger) -> None:
    txn = cash_bill(ledger, 500)
    ledger.credit_cash(txn.id, Money.rupees(100), device_ref="note-7")
    again = ledger.credit_cash(txn.id, Money.rupees(100), device_ref="note-7")
    assert again.duplicate
    assert ledger.get(txn.id).amount_paid == Money.rupees(100)
    assert ledger.cash_total() == Money.rupees(100)


def test_a_note_for_a_transaction_not_taking_cash_is_refused_and_changes_nothing(ledger: Ledger, store: Store) -> None:
    txn = ledger.create(
        service_id="s", service_name_hi="स", service_name_en="s", reference="1", amount_due=Money.rupees(10)
    )
    outbox_before = Outbox(store).last_seq()
    with pytest.raises(LedgerError, match="not waiting for cash"):
        ledger.credit_cash(txn.id, Money.rupees(10))
    assert ledger.cash_total() == Money(0)
    assert Outbox(store).last_seq() == outbox_before


def test_walking_away_after_paying_part_turns_the_credit_into_a_voucher(ledger: Ledger) -> None:
    txn = cash_bill(ledger, 500)
    ledger.credit_cash(txn.id, Money.rupees(200))
    result = ledger.abandon(txn.id, reason="idle timeout")
    assert result.txn.state is TxnState.ABANDONED
    assert [(v.amount, v.reason) for v in ledger.vouchers(state="open")] == [(Money.rupees(200), "idle timeout")]
    settled = ledger.settle_voucher(ledger.vouchers()[0].no, operator="op-1")
    assert settled.state == "settled"
    with pytest.raises(LedgerError, match="already settled"):
        ledger.settle_voucher(settled.no, operator="op-1")


def test_a_part_paid_transaction_cannot_be_cancelled_only_abandoned(ledger: Ledger) -> None:
    txn = cash_bill(ledger, 100)
    ledger.credit_cash(txn.id, Money.rupees(50))
    with pytest.raises(LedgerError, match="abandon it"):
        ledger.cancel(txn.id, reason="changed mind")
    assert ledger.get(txn.id).state is TxnState.AWAITING_PAYMENT


def test_a_paid_transaction_cannot_be_cancelled(ledger: Ledger) -> None:
    txn = cash_bill(ledger, 100)
    ledger.credit_cash(txn.id, Money.rupees(100))
    with pytest.raises(IllegalTransition, match="paid to cancelled"):
        ledger.cancel(txn.id, reason="changed mind")


def test_an_unpaid_transaction_can_be_cancelled_but_not_abandoned(ledger: Ledger) -> None:
    txn = cash_bill(ledger, 100)
    with pytest.raises(LedgerError, match="cancel it instead"):
        ledger.abandon(txn.id, reason="idle")
    assert ledger.cancel(txn.id, reason="villager cancelled").state is TxnState.CANCELLED


@pytest.mark.parametrize("state", list(TxnState))
def test_only_the_allowed_transitions_exist(state: TxnState) -> None:
    terminal = {TxnState.COMPLETED, TxnState.CANCELLED, TxnState.ABANDONED}
    assert (not ALLOWED[state]) == (state in terminal)


def test_illegal_transitions_are_rejected_and_change_nothing(ledger: Ledger, store: Store) -> None:
    txn = cash_bill(ledger, 100)
    seq_before = Outbox(store).last_seq()
    with pytest.raises(IllegalTransition, match="awaiting_payment to completed"):
        ledger.complete(txn.id)
    with pytest.raises(IllegalTransition):
        ledger.receipt_printed(txn.id, job_id="j")
    assert ledger.get(txn.id).state is TxnState.AWAITING_PAYMENT
    assert Outbox(store).last_seq() == seq_before
    ledger.credit_cash(txn.id, Money.rupees(100))
    ledger.receipt_pending(txn.id, reason="paper out")
    ledger.receipt_printed(txn.id, job_id="reprint-1")
    assert ledger.complete(txn.id).state is TxnState.COMPLETED
    with pytest.raises(IllegalTransition):
        ledger.cancel(txn.id, reason="too late")


def test_an_aadhaar_payment_pays_the_whole_amount_at_once(ledger: Ledger) -> None:
    txn = ledger.create(
        service_id="phed", service_name_hi="पानी", service_name_en="Water", reference="9", amount_due=Money.rupees(80)
    )
    ledger.await_payment(txn.id, PaymentMode.AADHAAR)
    paid = ledger.pay_other(txn.id, payment_ref="AEPS-123")
    assert (paid.state, paid.amount_paid, paid.payment_ref) == (TxnState.PAID, Money.rupees(80), "AEPS-123")
    assert ledger.cash_total() == Money(0)


def test_every_state_change_writes_one_journal_row_and_one_outbox_row(ledger: Ledger, store: Store) -> None:
    txn = cash_bill(ledger, 100)
    ledger.credit_cash(txn.id, Money.rupees(100))
    kinds = [row["kind"] for row in store.read("SELECT kind FROM outbox ORDER BY seq")]
    actions = [row["action"] for row in store.read("SELECT action FROM journal ORDER BY id")]
    assert kinds == actions == ["txn.created", "txn.awaiting_payment", "cash.credit"]
    payloads = [json.loads(r["payload"]) for r in store.read("SELECT payload FROM outbox ORDER BY seq")]
    hashes = [r["hash"] for r in store.read("SELECT hash FROM journal ORDER BY id")]
    assert [p["journal_hash"] for p in payloads] == hashes
    assert [r["seq"] for r in store.read("SELECT seq FROM outbox ORDER BY seq")] == [1, 2, 3]


FAULT_POINTS = ["after_cash_event", "after_ledger", "after_journal", "after_outbox", "before_commit"]


class Boom(RuntimeError):
    pass


@pytest.mark.parametrize("point", FAULT_POINTS)
def test_a_failure_between_the_statements_of_a_credit_leaves_none_of_its_rows(
    tmp_path: Path, clock: FakeClock, point: str
) -> None:
    armed = {"on": False}

    def fault(name: str) -> None:
        if armed["on"] and name == point:
            raise Boom(name)

    store = Store.open(tmp_path / "k.db", clock, fault=fault)
    ledger = Ledger(store)
    txn = cash_bill(ledger, 100)
    counts_before = {t: store.db[t].count for t in ("cash_events", "outbox", "journal", "vouchers")}
    armed["on"] = True
    with pytest.raises(Boom):
        ledger.credit_cash(txn.id, Money.rupees(200), device_ref="n1")  # overpays: also a voucher
    armed["on"] = False
    assert {t: store.db[t].count for t in counts_before} == counts_before
    assert ledger.get(txn.id).amount_paid == Money(0)
    assert store.read_one("SELECT value FROM counters WHERE name = 'outbox_seq'") == {"value": 2}
    # The same note can then be credited for real, exactly once.
    ledger.credit_cash(txn.id, Money.rupees(200), device_ref="n1")
    assert ledger.cash_total() == Money.rupees(200)
    assert verify_journal(store).ok
    store.close()
