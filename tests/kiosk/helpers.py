"""Small builders shared by the core tests."""

from __future__ import annotations

from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.transactions import PaymentMode, Txn


def cash_bill(ledger: Ledger, rupees: int = 350, fee_rupees: int = 0) -> Txn:
    txn = ledger.create(
        service_id="jvvnl-bill",
        service_name_hi="बिजली बिल भुगतान",
        service_name_en="Electricity bill",
        reference="210412345678",
        amount_due=Money.rupees(rupees),
        fee=Money.rupees(fee_rupees),
    )
    return ledger.await_payment(txn.id, PaymentMode.CASH)
