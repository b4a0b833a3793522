"""Day close and Z-report total every payment rail separately and list held payments with what the operator does."""

from __future__ import annotations

import json

from kiosk.clock import FakeClock, business_day
from kiosk.dayclose import DayClose
from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.receipt import Identity, Line, Pair
from kiosk.store import Store
from kiosk.transactions import PaymentMode, Txn
from kiosk.zreport import build_zreport
from kiosk.zreport_print import zreport_layout
from tests.kiosk.helpers import cash_bill

NOTES = (Money.rupees(100), Money.rupees(200), Money.rupees(500))


def rail_bill(ledger: Ledger, mode: PaymentMode, rupees: int) -> Txn:
    txn = ledger.create(service_id="jvvnl-bill", service_name_hi="बिजली बिल", service_name_en="Electricity bill",
                        reference="210412345678", amount_due=Money.rupees(rupees))  # fmt: skip
    return ledger.await_payment(txn.id, mode)


def a_day_of_every_rail(ledger: Ledger) -> Txn:
    cash = cash_bill(ledger, 200)
    ledger.credit_cash(cash.id, Money.rupees(200))
    for mode, rupees, ref in ((PaymentMode.UPI, 350, "612345678901"), (PaymentMode.UPI, 150, "612345678902"),
                              (PaymentMode.CARD, 999, "RRN000111")):  # fmt: skip
        ledger.pay_other(rail_bill(ledger, mode, rupees).id, payment_ref=ref)
    held = rail_bill(ledger, PaymentMode.UPI, 420)
    return ledger.outcome_unknown(held.id, reason="upi: no outcome by the deadline")


def test_zreport_totals_each_rail_separately_and_lists_held_payments_with_what_to_do(
    ledger: Ledger, store: Store, clock: FakeClock
) -> None:
    held = a_day_of_every_rail(ledger)
    report = build_zreport(store, "RJ-JPR-0001", business_day(clock.now()).isoformat())
    assert {t.mode: (t.count, t.amount) for t in report.rails} == {
        "cash": (1, Money.rupees(200)), "upi": (2, Money.rupees(500)), "card": (1, Money.rupees(999)),
    }  # fmt: skip
    assert [h.txn_id for h in report.held] == [held.id]
    text = "\n".join(report.lines())
    assert "यूपीआई / UPI  ·  2  ·  ₹500.00" in text
    assert f"Ref {held.id[:8].upper()}" in text
    assert "Take no cash for it" in text
    assert "नकद न लें" in text


def test_printed_zreport_carries_the_rail_lines_and_the_held_payment(
    ledger: Ledger, store: Store, clock: FakeClock
) -> None:
    a_day_of_every_rail(ledger)
    report = build_zreport(store, "RJ-JPR-0001", business_day(clock.now()).isoformat())
    layout = zreport_layout(report, Identity("RJ-JPR-0001", "Chaksu"), qr_text="Z", printed_at=clock.now())
    pairs = {b.label: b.value for b in layout.blocks if isinstance(b, Pair)}
    assert pairs["यूपीआई / UPI × 2"] == "₹500.00"
    assert pairs["कार्ड / Card × 1"] == "₹999.00"
    assert any(isinstance(b, Line) and b.text.startswith("अज्ञात / Unknown: यूपीआई / UPI ₹420.00") for b in layout.blocks)


def test_day_close_event_tells_the_server_each_rails_total_and_the_held_payments(ledger: Ledger, store: Store) -> None:
    held = a_day_of_every_rail(ledger)
    DayClose(store).submit_count({20000: 1}, operator="op-1", denominations=NOTES, acceptor=None)
    row = store.read_one("SELECT payload FROM outbox WHERE kind = 'day.closed'")
    assert row is not None
    payload = json.loads(row["payload"])
    assert payload["rails"]["upi"] == {"count": 2, "amount": 50_000}
    assert payload["rails"]["card"] == {"count": 1, "amount": 99_900}
    assert payload["held"] == [{"txn_id": held.id, "mode": "upi", "amount": 42_000}]
