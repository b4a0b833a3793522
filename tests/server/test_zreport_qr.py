"""The Z-report end to end: a closed day printed by the real ESC/POS driver into the printer emulator, its QR read
back from the PNG, and the real server process verifying the kiosk's signature at /z/<token>."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
import requests
import zxingcpp
from PIL import Image

from drivers.printer.driver import create
from drivers.printer.emulator import PrinterEmulator
from kiosk.clock import FakeClock
from kiosk.dayclose import DayClose
from kiosk.ledger import Ledger
from kiosk.money import INR_NOTES, Money
from kiosk.receipt import Identity
from kiosk.store import Store
from kiosk.zreport import build_zreport
from kiosk.zreport_print import print_zreport
from sync.protocol.zreports import make_token, qr_text
from sync.signers import signed_zreport_qr
from sync.signers import zreport_claim as claim_for
from tests.kiosk.helpers import cash_bill
from tests.server.conftest import Kiosk
from tests.sync.harness import KIOSK_CODE

IDENTITY = Identity(KIOSK_CODE, "राजीव गांधी सेवा केंद्र, चाकसू")


def pay(ledger: Ledger, *notes: int) -> None:
    txn = cash_bill(ledger, sum(notes))
    for note in notes:
        ledger.credit_cash(txn.id, Money.rupees(note))
    ledger.receipt_printed(txn.id, job_id=f"j-{txn.id}")
    ledger.complete(txn.id)


@pytest.fixture
def closed_day(store: Store, ledger: Ledger) -> None:
    pay(ledger, 500, 200)
    pay(ledger, 100, 100, 50)
    txn = cash_bill(ledger, 350)
    ledger.credit_cash(txn.id, Money.rupees(100))
    ledger.abandon(txn.id, reason="walked away")  # a ₹100 change-due voucher stays open
    # The operator counts ₹50 short.
    DayClose(store).submit_count(
        {50000: 1, 20000: 1, 10000: 3, 5000: 0}, operator="op-1", denominations=INR_NOTES, acceptor=None
    )


def test_printed_zreport_qr_is_verified_by_the_server(
    tmp_path: Path, store: Store, clock: FakeClock, closed_day: None, kiosk: Kiosk
) -> None:
    report = build_zreport(store, KIOSK_CODE, "2026-11-23")
    assert (report.close_no, report.cash_total, report.difference) == (1, Money.rupees(1050), -Money.rupees(50))
    url = signed_zreport_qr(kiosk.server.url, kiosk.key, clock)(report)
    (tmp_path / "paper").mkdir()
    emulator = PrinterEmulator(tmp_path / "paper", width=384)
    printer = create({"transport": "serial", "port": emulator.serve_pty(), "baudrate": 115200}, clock)
    try:
        outcome = print_zreport(printer, report, IDENTITY, qr_text=url, printed_at=clock.now(), job_id="z-1")
    finally:
        printer.close()
        emulator.stop()
    assert outcome.printed
    [png] = emulator.receipts
    if os.environ.get("KIOSK_SHOTS"):
        shutil.copy(png, Path(os.environ["KIOSK_SHOTS"]) / "zreport-58mm.png")
    with Image.open(png) as image:
        paper = image.convert("L")
    assert paper.width == 384
    assert paper.height > 900
    found = [b.text for b in zxingcpp.read_barcodes(paper) if b.format == zxingcpp.BarcodeFormat.QRCode]
    assert found == [url]

    facts = requests.get(found[0], headers={"Accept": "application/json"}, timeout=10).json()
    assert facts == {
        "valid": True, "kiosk_code": KIOSK_CODE, "business_day": "2026-11-23", "close_no": 1, "transactions": 2,
        "total_paise": 95_000, "cash_paise": 105_000, "counted_paise": 100_000, "difference_paise": -5_000,
        "vouchers_open_paise": 10_000, "receipts_pending": 0, "generated_at": "2026-11-23T04:30:00.000000Z",
    }  # fmt: skip
    page = requests.get(found[0], timeout=10)
    assert page.status_code == 200
    assert "Z-रिपोर्ट सत्यापित" in page.text
    assert "-₹50.00" in page.text


def test_a_zreport_with_changed_figures_is_not_verified(store: Store, clock: FakeClock, kiosk: Kiosk) -> None:
    report = build_zreport(store, KIOSK_CODE, "2026-11-23")
    honest = make_token(claim_for(report, "2026-11-23T04:30:00.000000Z"), kiosk.key)
    signature = honest.split(".")[1]
    inflated = make_token(replace(claim_for(report, "2026-11-23T04:30:00.000000Z"), cash_paise=1), kiosk.key)
    forged = qr_text(kiosk.server.url, inflated.split(".")[0] + "." + signature)
    refused = requests.get(forged, timeout=10)
    assert refused.status_code == 400
    assert "NOT verified" in refused.text
    garbage = requests.get(qr_text(kiosk.server.url, "not-a-token"), headers={"Accept": "application/json"}, timeout=10)
    assert garbage.status_code == 400
    assert garbage.json()["valid"] is False
    assert requests.get(qr_text(kiosk.server.url, honest), timeout=10).status_code == 200
