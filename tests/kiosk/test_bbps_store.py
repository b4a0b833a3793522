"""BBPS payments in the kiosk's database: posted only once paid, retried with backoff, a refusal kept for the
operator and said on the receipt, the confirmation and refusal journaled and queued for the server."""

from __future__ import annotations

from datetime import timedelta

from kiosk.bbps import Confirmation, FeeRule, PaymentOrder, PaymentRefused, Quote
from kiosk.bbps_store import BbpsRecords
from kiosk.clock import FakeClock
from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.online import Unavailable
from kiosk.receipt import Identity, Line, build_receipt
from kiosk.transactions import PaymentMode


class ScriptedBbpou:
    """Answers each post with the next scripted answer and counts the posts (an injected fake of the BBPOU port)."""

    def __init__(self, *answers: Confirmation | PaymentRefused | Unavailable) -> None:
        self.answers = list(answers)
        self.posted: list[PaymentOrder] = []

    def pay(self, order: PaymentOrder) -> Confirmation | PaymentRefused | Unavailable:
        self.posted.append(order)
        return self.answers.pop(0)


def paid_order(ledger: Ledger) -> str:
    quote = Quote(Money(35_000), FeeRule(flat=Money(1_000)).fee_for(Money(35_000)))
    txn = ledger.create(service_id="avvnl-bill", service_name_hi="बिजली", service_name_en="Electricity",
                        reference="210412345675", amount_due=quote.amount, fee=quote.fee)  # fmt: skip
    BbpsRecords(ledger.store).order(txn.id, biller_id="AVVNL0000RAJ01", biller_name="Ajmer Vidyut Vitran Nigam Ltd",
                                    params={"K Number": "210412345675"}, bill=None, quote=quote,
                                    mode=PaymentMode.AADHAAR)  # fmt: skip
    ledger.await_payment(txn.id, PaymentMode.AADHAAR)
    ledger.pay_other(txn.id, payment_ref="AUTH1")
    return txn.id


def receipt_text(ledger: Ledger, txn_id: str, records: BbpsRecords, clock: FakeClock) -> str:
    layout = build_receipt(ledger.get(txn_id), Identity("K", "C"), printed_at=clock.now(), qr_text="https://x/r",
                           bbps=records.facts(txn_id))  # fmt: skip
    return "\n".join(b.text for b in layout.blocks if isinstance(b, Line))


def test_a_refused_payment_is_kept_for_the_operator_and_the_receipt_says_to_collect_the_money(
    ledger: Ledger, clock: FakeClock
) -> None:
    txn_id = paid_order(ledger)
    records = BbpsRecords(ledger.store)
    bbpou = ScriptedBbpou(Unavailable(timed_out=True), PaymentRefused("amount breaks the EXACT rule"))
    assert records.post(bbpou, clock.now()) == 0
    assert records.post(bbpou, clock.now() + timedelta(seconds=29)) == 0  # backing off: not posted again yet
    assert len(bbpou.posted) == 1
    assert bbpou.posted[0].mode == "AEPS"
    assert records.post(bbpou, clock.now() + timedelta(seconds=31)) == 0
    assert records.unconfirmed() == [(txn_id, "refused", 1)]
    assert "The biller refused this payment; collect the money from the operator" in receipt_text(
        ledger, txn_id, records, clock
    )
    kinds = [r["kind"] for r in ledger.store.read("SELECT kind FROM outbox ORDER BY seq")]
    assert kinds[-1] == "bbps.refused"
    assert records.post(bbpou, clock.now() + timedelta(days=1)) == 0  # a refusal is final: never posted again
    assert len(bbpou.posted) == 2


def test_a_confirmation_is_journaled_and_queued_with_its_reference(ledger: Ledger, clock: FakeClock) -> None:
    txn_id = paid_order(ledger)
    records = BbpsRecords(ledger.store)
    assert records.post(ScriptedBbpou(Confirmation("CC01ABCDEF123456", "AVVNL", None, None)), clock.now()) == 1
    event = ledger.store.read("SELECT kind, payload FROM outbox ORDER BY seq DESC LIMIT 1")[0]
    assert event["kind"] == "bbps.confirmed"
    assert "CC01ABCDEF123456" in event["payload"]
    assert "CC01ABCDEF123456" in receipt_text(ledger, txn_id, records, clock)
