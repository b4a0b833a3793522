"""Fixtures: the emulator on a pty, the real driver opened on it, and a paid transaction in a real ledger."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.printer.driver import EscposPrinter, create
from drivers.printer.emulator import PrinterEmulator
from kiosk.clock import FakeClock
from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.receipt import Identity
from kiosk.transactions import PaymentMode, Txn

QR_TEXT = "https://emitra-sync.rajasthan.example.in/r/RJ-JPR-0412.000104.20261123.Zk3qL9vX2mB7tR0pWc4nH8sYd1eA6uJfQ5gKo"
IDENTITY = Identity("RJ-JPR-0412", "ग्राम पंचायत श्रीनगर, द्वार क्षेत्र")


@pytest.fixture
def emulator(tmp_path: Path) -> Iterator[PrinterEmulator]:
    out = tmp_path / "paper"
    out.mkdir()
    emu = PrinterEmulator(out, width=384)
    yield emu
    emu.stop()


@pytest.fixture
def printer(emulator: PrinterEmulator, clock: FakeClock) -> Iterator[EscposPrinter]:
    port = emulator.serve_pty()
    driver = create({"transport": "serial", "port": port, "baudrate": 115200, "status_timeout": 0.3}, clock)
    yield driver
    driver.close()


def qr_for(txn: Txn) -> str:
    del txn
    return QR_TEXT


@pytest.fixture
def paid_txn(ledger: Ledger) -> Txn:
    txn = ledger.create(
        service_id="elec-jvvnl",
        service_name_hi="बिजली बिल भुगतान (जयपुर डिस्कॉम)",
        service_name_en="Electricity bill (Jaipur Discom)",
        reference="K-2107-55431",
        amount_due=Money.rupees(1240),
        fee=Money.rupees(10),
    )
    ledger.await_payment(txn.id, PaymentMode.CASH)
    ledger.credit_cash(txn.id, Money.rupees(500))
    ledger.credit_cash(txn.id, Money.rupees(500))
    return ledger.credit_cash(txn.id, Money.rupees(500)).txn
