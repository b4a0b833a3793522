"""Day close and Z-report total Bharat BillPay payments apart, by the biller's answer, and list every paid bill the
biller has not confirmed with what the operator must do (Hindi and English)."""

from __future__ import annotations

import json

from kiosk.bbps import Confirmation, FeeRule, PaymentRefused, Quote
from kiosk.bbps_store import BbpsRecords
from kiosk.clock import FakeClock, business_day
from kiosk.dayclose import DayClose
from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.online import Unavailable
from kiosk.receipt import Identity, Line, Pair
from kiosk.store import Store
from kiosk.transactions import PaymentMode
from kiosk.zreport import build_zreport
from kiosk.zreport_print import zreport_layout
from tests.kiosk.test_bbps_store import ScriptedBbpou

NOTES = (Money.rupees(100), Money.rupees(200), Money.rupees(500))


def paid_bill(ledger: Ledger, rupees: int, mode: PaymentMode = PaymentMode.UPI) -> str:
    quote = Quote(Money.rupees(rupees), FeeRule(flat=Money(1_000)).fee_for(Money.rupees(rupees)))
    txn = ledger.create(service_id="avvnl-bill", service_name_hi="बिजली", service_name_en="Electricity",
                        reference="210412345675", amount_due=quote.amount, fee=quote.fee)  # fmt: skip
    BbpsRecords(ledger.store).order(txn.id, biller_id="AVVNL0000RAJ01", biller_name="Ajmer Vidyut Vitran Nigam Ltd",
                                    params={"K Number": "210412345675"}, bill=None, quote=quote, mode=mode)  # fmt: skip
    ledger.await_payment(txn.id, mode)
    ledger.pay_other(txn.id, payment_ref=f"UTR{rupees}")
    return txn.id


def a_day_of_bill_payments(ledger: Ledger, clock: FakeClock) -> tuple[str, str]:
    """Two bills confirmed, one the BBPOU refused, one it has not answered yet; returns (refused, pending)."""
    records = BbpsRecords(ledger.store)
    for rupees in (350, 150):
        txn_id = paid_bill(ledger, rupees)
        records.post(ScriptedBbpou(Confirmation(f"CC0{rupees}", "AVVNL", None, None)), clock.now(), txn_id=txn_id)
    refused = paid_bill(ledger, 999)
    records.post(ScriptedBbpou(PaymentRefused("amount breaks the EXACT rule")), clock.now(), txn_id=refused)
    pending = paid_bill(ledger, 420)
    records.post(ScriptedBbpou(Unavailable(timed_out=True)), clock.now(), txn_id=pending)
    return refused, pending


def test_zreport_totals_bbps_by_the_billers_answer_and_lists_what_the_operator_must_do(
    ledger: Ledger, store: Store, clock: FakeClock
) -> None:
    refused, pending = a_day_of_bill_payments(ledger, clock)
    report = build_zreport(store, "RJ-JPR-0001", business_day(clock.now()).isoformat())
    assert {t.state: (t.count, t.amount, t.fee) for t in report.bbps} == {
        "confirmed": (2, Money.rupees(500), Money.rupees(20)),
        "refused": (1, Money.rupees(999), Money.rupees(10)),
        "to_post": (1, Money.rupees(420), Money.rupees(10)),
    }
    assert [(a.txn_id, a.state, a.amount) for a in report.bbps_awaiting] == [
        (refused, "refused", Money.rupees(1009)), (pending, "to_post", Money.rupees(430)),
    ]  # fmt: skip
    text = "\n".join(report.lines())
    assert "पुष्टि हुई / confirmed  ·  2  ·  ₹500.00  + शुल्क/fee ₹20.00" in text
    assert "give the villager the amount back against the receipt" in text
    assert "Take no money again" in text
    assert "ग्रामीण से दोबारा पैसे न लें" in text


def test_printed_zreport_carries_the_bbps_block_and_each_unconfirmed_bill(
    ledger: Ledger, store: Store, clock: FakeClock
) -> None:
    a_day_of_bill_payments(ledger, clock)
    report = build_zreport(store, "RJ-JPR-0001", business_day(clock.now()).isoformat())
    layout = zreport_layout(report, Identity("RJ-JPR-0001", "Chaksu"), qr_text="Z", printed_at=clock.now())
    pairs = {b.label: b.value for b in layout.blocks if isinstance(b, Pair)}
    assert pairs["पुष्टि हुई / confirmed × 2"] == "₹500.00 + ₹20.00"
    lines = [b.text for b in layout.blocks if isinstance(b, Line)]
    assert any(line.startswith("बिलर ने मना किया / refused by the biller: ₹1,009.00") for line in lines), lines
    assert any(line.startswith("पुष्टि बाकी / awaiting the biller: ₹430.00") for line in lines), lines


def test_a_day_without_bill_payments_prints_no_bbps_block(ledger: Ledger, store: Store, clock: FakeClock) -> None:
    report = build_zreport(store, "RJ-JPR-0001", business_day(clock.now()).isoformat())
    assert (report.bbps, report.bbps_awaiting) == ((), ())
    assert not any("Bharat BillPay" in line for line in report.lines())


def test_day_close_event_tells_the_server_the_bbps_totals_and_the_unconfirmed_bills(
    ledger: Ledger, store: Store, clock: FakeClock
) -> None:
    refused, pending = a_day_of_bill_payments(ledger, clock)
    DayClose(store).submit_count({}, operator="op-1", denominations=NOTES, acceptor=None)
    row = store.read_one("SELECT payload FROM outbox WHERE kind = 'day.closed'")
    assert row is not None
    payload = json.loads(row["payload"])
    assert payload["bbps"] == {
        "confirmed": {"count": 2, "amount": 50_000, "fee": 2_000},
        "refused": {"count": 1, "amount": 99_900, "fee": 1_000},
        "to_post": {"count": 1, "amount": 42_000, "fee": 1_000},
    }
    assert payload["bbps_unconfirmed"] == [
        {"txn_id": refused, "state": "refused", "amount": 100_900},
        {"txn_id": pending, "state": "to_post", "amount": 43_000},
    ]
    assert payload["rails"]["upi"]["count"] == 4  # the money itself still counts under the rail it came by
