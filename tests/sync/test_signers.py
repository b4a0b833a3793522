"""The receipt's and the Z-report's QR codes come from one module in sync/, signed with the kiosk's key."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.clock import FakeClock
from kiosk.dayclose import DayClose
from kiosk.ledger import Ledger
from kiosk.money import INR_NOTES, Money
from kiosk.store import Store
from kiosk.zreport import build_zreport
from sync.protocol import receipts, zreports
from sync.signers import signed_receipt_qr, signed_zreport_qr
from tests.kiosk.helpers import cash_bill

SERVER = "https://emitra.example.in"


def test_receipt_and_zreport_qr_are_signed_by_the_kiosk_key_and_name_their_amounts(tmp_path: Path) -> None:
    clock = FakeClock()
    store = Store.open(tmp_path / "kiosk.db", clock)
    ledger = Ledger(store)
    key = Ed25519PrivateKey.generate()
    txn = cash_bill(ledger, 350)
    ledger.credit_cash(txn.id, Money.rupees(500))
    ledger.receipt_printed(txn.id, job_id=f"j-{txn.id}")
    done = ledger.complete(txn.id)
    DayClose(store).submit_count({50000: 1}, operator="op-1", denominations=INR_NOTES, acceptor=None)
    report = build_zreport(store, "RJ-JPR-BSS-0001", "2026-11-23")
    receipt_url = signed_receipt_qr("RJ-JPR-BSS-0001", SERVER, key)(done)
    zreport_url = signed_zreport_qr(SERVER, key, clock)(report)
    store.close()

    assert receipt_url.startswith(f"{SERVER}/r/")
    assert zreport_url.startswith(f"{SERVER}/z/")
    receipt = receipts.verify_token(receipt_url.rsplit("/", 1)[1], key.public_key())
    assert (receipt.receipt_no, receipt.amount_paise) == (done.receipt_no, 50_000)
    day = zreports.verify_token(zreport_url.rsplit("/", 1)[1], key.public_key())
    assert (day.cash_paise, day.counted_paise, day.difference_paise) == (50_000, 50_000, 0)
