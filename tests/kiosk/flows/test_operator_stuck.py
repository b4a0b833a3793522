"""Operator mode resolves a payment the start could not settle (an Aadhaar answer that never came), with a reason."""

from __future__ import annotations

import pytest

from kiosk.cash_recovery import STUCK_REASONS, stuck_payments
from kiosk.flows.base import Devices
from kiosk.flows.operator import Notice, OperatorMode, OpStep
from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.operator import OperatorAuth
from kiosk.store import Store
from kiosk.transactions import PaymentMode, TxnState
from tests.kiosk.flows.test_operator import PIN, make_mode, sign_in
from tests.kiosk.helpers import cash_bill


@pytest.fixture
def mode(store: Store, ledger: Ledger, devices: Devices) -> OperatorMode:
    OperatorAuth(store).add("op-1", "Sunita", PIN, by="engineer")
    return make_mode(store, ledger, devices)


def aadhaar_payment_left_open(ledger: Ledger) -> str:
    txn = ledger.create(
        service_id="jvvnl-bill", service_name_hi="बिल", service_name_en="Bill", reference="210412345678",
        amount_due=Money.rupees(350),
    )  # fmt: skip
    return ledger.await_payment(txn.id, PaymentMode.AADHAAR).id


def test_a_stuck_payment_blocks_the_close_until_the_operator_resolves_it_with_a_reason(
    mode: OperatorMode, ledger: Ledger, store: Store
) -> None:
    stuck = aadhaar_payment_left_open(ledger)
    assert sign_in(mode)
    assert not mode.start_close()
    assert mode.message is not None
    assert mode.message.notice is Notice.PAYMENT_OPEN
    assert not mode.resolve_stuck(stuck, 0)  # only from its own page
    mode.show_stuck()
    assert mode.step is OpStep.STUCK
    assert [t.id for t in stuck_payments(ledger)] == [stuck]
    assert not mode.resolve_stuck(stuck, len(STUCK_REASONS))  # no such reason: nothing changes
    assert ledger.get(stuck).state is TxnState.AWAITING_PAYMENT
    assert mode.resolve_stuck(stuck, 0)
    assert mode.message is not None
    assert mode.message.notice is Notice.STUCK_RESOLVED
    assert mode.message.args == ("210412345678", "")
    assert ledger.get(stuck).state is TxnState.CANCELLED
    row = store.read_one("SELECT actor, details FROM journal WHERE action = 'payment.resolved_by_operator'")
    assert row is not None
    assert row["actor"] == "op-1"
    assert STUCK_REASONS[0] in row["details"]
    assert not mode.resolve_stuck(stuck, 0)  # already resolved: refused with the reason
    assert mode.message.notice is Notice.STUCK_REFUSED
    mode.back()
    assert mode.start_close(), mode.message


def test_a_part_paid_stuck_payment_becomes_a_voucher_for_the_villager(mode: OperatorMode, ledger: Ledger) -> None:
    txn = cash_bill(ledger, 350)
    ledger.credit_cash(txn.id, Money.rupees(100))
    assert sign_in(mode)
    mode.show_stuck()
    assert mode.resolve_stuck(txn.id, 1)
    (voucher,) = ledger.vouchers(state="open")
    assert mode.message is not None
    assert mode.message.args == (txn.reference, str(voucher.no))
    assert voucher.amount == Money.rupees(100)
    assert ledger.get(txn.id).state is TxnState.ABANDONED
