"""The agent posts bill payments the touch app could not post (network down after the money was taken) to the
real reference server as BBPOU: once each, only when paid, and never a second payment on a second run."""

from __future__ import annotations

from pathlib import Path

from kiosk.bbps import FeeRule, Quote
from kiosk.bbps_store import BbpsRecords
from kiosk.clock import SystemClock
from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.transactions import PaymentMode
from sync.agent import Agent
from tests.sync.harness import ServerProcess, enrolled_kiosk

POSTPAID_FEE = FeeRule(Money(0), 100, Money(500), Money(2_500))


def ordered(ledger: Ledger, *, paid: bool) -> str:
    amount = Money(49_900)
    quote = Quote(amount, POSTPAID_FEE.fee_for(amount))
    txn = ledger.create(service_id="mobile-postpaid", service_name_hi="मोबाइल", service_name_en="Mobile postpaid",
                        reference="9876543210", amount_due=quote.amount, fee=quote.fee)  # fmt: skip
    BbpsRecords(ledger.store).order(txn.id, biller_id="POSTPAID0NAT01", biller_name="Mobile Postpaid",
                                    params={"Mobile Number": "9876543210"}, bill=None, quote=quote,
                                    mode=PaymentMode.AADHAAR)  # fmt: skip
    ledger.await_payment(txn.id, PaymentMode.AADHAAR)
    if paid:
        ledger.pay_other(txn.id, payment_ref="AUTH00000001")
    return txn.id


def test_the_agent_posts_a_queued_bill_payment_once_and_leaves_unpaid_ones_alone(
    tmp_path: Path, server: ServerProcess
) -> None:
    settings, store = enrolled_kiosk(tmp_path, server, server.url, "RJ-JP-BBPS-AG01")
    ledger = Ledger(store)
    paid, unpaid = ordered(ledger, paid=True), ordered(ledger, paid=False)
    agent = Agent(settings, store, SystemClock())
    records = BbpsRecords(store)
    assert records.unconfirmed() == [(paid, "to_post", 0)]
    assert agent.post_bbps() == 1
    assert agent.post_bbps() == 0
    facts = records.facts(paid)
    assert facts is not None
    assert facts.txn_ref_id is not None
    assert facts.txn_ref_id.startswith("CC01")
    assert records.unconfirmed() == []
    assert records.facts(unpaid) is not None
    assert records.facts(unpaid).txn_ref_id is None  # type: ignore[union-attr]
    rows = server_payments(server.db)
    assert rows == [(paid,)]


def server_payments(db: str) -> list[tuple[object, ...]]:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT idempotency_key FROM bbps_payments").fetchall()
