"""The receipt layout as data: what a villager's receipt says, and what cannot become a receipt."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.receipt import Identity, Line, Pair, Qr, ReceiptError, build_receipt
from kiosk.transactions import PaymentMode, Txn

IDENTITY = Identity("RJ-JPR-0412", "ग्राम पंचायत श्रीनगर")
QR = "https://emitra-sync.example.in/r/RJ-JPR-0412.000104.20261123.Zk3qL9vX2mB7tR0pWc4nH8sYd1eA6uJfQ5gKoPq"
WHEN = datetime(2026, 11, 23, 6, 15, tzinfo=UTC)


def _paid(ledger: Ledger, rupees: int) -> Txn:
    txn = ledger.create(
        service_id="water",
        service_name_hi="पानी बिल",
        service_name_en="Water bill",
        reference="W-77",
        amount_due=Money.rupees(rupees),
    )
    ledger.await_payment(txn.id, PaymentMode.AADHAAR)
    return ledger.pay_other(txn.id, payment_ref="AEPS-1")


def _texts(blocks: tuple[object, ...]) -> list[str]:
    out: list[str] = []
    for b in blocks:
        if isinstance(b, Line):
            out.append(b.text)
        elif isinstance(b, Pair):
            out.append(f"{b.label}={b.value}")
    return out


def test_receipt_shows_amount_with_indian_grouping_and_in_hindi_words(ledger: Ledger) -> None:
    layout = build_receipt(_paid(ledger, 123456), IDENTITY, printed_at=WHEN, qr_text=QR)
    texts = _texts(layout.blocks)
    assert "₹1,23,456.00" in texts
    assert any("एक लाख तेईस हज़ार" in t or "एक लाख तेईस हजार" in t for t in texts)
    assert "Date=23-11-2026 11:45 IST" in texts  # 06:15 UTC is 11:45 in India
    assert texts[0] == "ई-मित्र प्लस"


def test_receipt_carries_qr_text_unchanged_and_receipt_number(ledger: Ledger) -> None:
    txn = _paid(ledger, 50)
    layout = build_receipt(txn, IDENTITY, printed_at=WHEN, qr_text=QR)
    assert [b.text for b in layout.blocks if isinstance(b, Qr)] == [QR]
    assert f"Receipt No.={txn.receipt_no}" in _texts(layout.blocks)


def test_duplicate_receipt_says_so_in_hindi_and_english(ledger: Ledger) -> None:
    layout = build_receipt(_paid(ledger, 50), IDENTITY, printed_at=WHEN, qr_text=QR, duplicate=True)
    assert "प्रतिलिपि / DUPLICATE" in _texts(layout.blocks)


def test_unpaid_transaction_gets_no_receipt(ledger: Ledger) -> None:
    txn = ledger.create(
        service_id="w", service_name_hi="पानी", service_name_en="Water", reference="1", amount_due=Money.rupees(5)
    )
    with pytest.raises(ReceiptError, match="only a paid transaction"):
        build_receipt(txn, IDENTITY, printed_at=WHEN, qr_text=QR)


@pytest.mark.parametrize(("qr", "why"), [("  ", "empty"), ("x" * 401, "more than 400"), ("a\nb", "control")])
def test_bad_qr_text_is_refused_with_reason(ledger: Ledger, qr: str, why: str) -> None:
    with pytest.raises(ReceiptError, match=why):
        build_receipt(_paid(ledger, 5), IDENTITY, printed_at=WHEN, qr_text=qr)


def test_change_due_voucher_and_notes_appear_on_cash_receipt(ledger: Ledger) -> None:
    txn = ledger.create(
        service_id="w", service_name_hi="पानी", service_name_en="Water", reference="1", amount_due=Money.rupees(460)
    )
    ledger.await_payment(txn.id, PaymentMode.CASH)
    credit = ledger.credit_cash(txn.id, Money.rupees(500))
    assert credit.voucher_no is not None
    layout = build_receipt(
        credit.txn,
        IDENTITY,
        printed_at=WHEN,
        qr_text=QR,
        notes=[Money.rupees(500)],
        voucher=(credit.voucher_no, Money.rupees(40)),
    )
    texts = _texts(layout.blocks)
    assert "Notes: ₹500 x 1" in texts
    assert f"Change due voucher No. {credit.voucher_no}: ₹40.00" in texts


def test_overpaid_receipt_shows_the_bill_total_big_and_the_paid_amount_apart(ledger: Ledger) -> None:
    txn = ledger.create(
        service_id="w", service_name_hi="पानी", service_name_en="Water", reference="1", amount_due=Money.rupees(460)
    )
    ledger.await_payment(txn.id, PaymentMode.CASH)
    paid = ledger.credit_cash(txn.id, Money.rupees(500)).txn
    texts = _texts(build_receipt(paid, IDENTITY, printed_at=WHEN, qr_text=QR).blocks)
    assert "₹460.00" in texts
    assert "चार सौ साठ रुपये" in texts
    assert "जमा / Paid=₹500.00" in texts
