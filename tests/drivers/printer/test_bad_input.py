"""Receipts with odd content still print and stay readable; bad config names the key."""

from __future__ import annotations

import dataclasses

import pytest
import zxingcpp
from PIL import Image

from drivers.printer import render
from drivers.printer.driver import EscposPrinter, PrinterConfigError, create
from drivers.printer.emulator import PrinterEmulator
from kiosk.clock import FakeClock
from kiosk.money import MAX_PAISE, Money
from kiosk.receipt import Line, build_receipt
from kiosk.transactions import Txn

from .conftest import IDENTITY, QR_TEXT


def test_characters_no_font_has_print_as_question_marks(
    printer: EscposPrinter, emulator: PrinterEmulator, paid_txn: Txn, clock: FakeClock
) -> None:
    odd = dataclasses.replace(paid_txn, service_name_hi="बिजली 😀 中文 \x07 தமிழ்", service_name_en="Bill \u2603")
    layout = build_receipt(odd, IDENTITY, printed_at=clock.now(), qr_text=QR_TEXT)
    assert render.clean("बिजली 😀 中") == "बिजली ? ?"
    assert printer.print_job("odd-1", layout).printed
    assert len(emulator.receipts) == 1


def test_huge_amount_and_empty_service_name_still_print_a_decodable_receipt(
    printer: EscposPrinter, emulator: PrinterEmulator, paid_txn: Txn, clock: FakeClock
) -> None:
    huge = dataclasses.replace(
        paid_txn,
        amount_due=Money(MAX_PAISE - 1000),
        amount_paid=Money(MAX_PAISE),
        service_name_hi=" ",
        service_name_en="",
    )
    layout = build_receipt(huge, IDENTITY, printed_at=clock.now(), qr_text=QR_TEXT)
    texts = [b.text for b in layout.blocks if isinstance(b, Line)]
    assert "₹99,99,99,999.99" in texts  # the fee (₹10) makes the total the largest amount
    assert "सेवा: सेवा" in texts
    assert printer.print_job("huge-1", layout).printed
    with Image.open(emulator.receipts[0]) as paper:
        assert paper.width == 384  # nothing drawn past the paper edge
        decoded = zxingcpp.read_barcodes(paper.convert("L"))
    assert [b.text for b in decoded] == [QR_TEXT]


@pytest.mark.parametrize(
    ("params", "named"),
    [({"transport": "serial"}, "port"), ({"transport": "carrier-pigeon"}, "carrier-pigeon")],
)
def test_bad_printer_config_names_what_is_wrong(params: dict[str, object], named: str, clock: FakeClock) -> None:
    with pytest.raises(PrinterConfigError, match=named):
        create(params, clock)


def test_width_that_is_not_whole_bytes_is_refused(clock: FakeClock) -> None:
    with pytest.raises(PrinterConfigError, match="385"):
        create({"transport": "file", "devfile": "/dev/null", "width": 385}, clock)


def test_unplugged_printer_reports_disconnected(clock: FakeClock) -> None:
    driver = create({"transport": "serial", "port": "/dev/nonexistent-printer", "status_timeout": 0.1}, clock)
    try:
        assert driver.status().value == "disconnected"
        assert not driver.health().ok
    finally:
        driver.close()


def test_network_transport_prints_to_tcp_emulator(emulator: PrinterEmulator, paid_txn: Txn, clock: FakeClock) -> None:
    port = emulator.serve_tcp()
    driver = create({"transport": "network", "host": "127.0.0.1", "tcp_port": port, "width": 384}, clock)
    try:
        layout = build_receipt(paid_txn, IDENTITY, printed_at=clock.now(), qr_text=QR_TEXT)
        assert driver.status().value == "ready"
        assert driver.print_job("net-1", layout).printed
    finally:
        driver.close()
    assert len(emulator.receipts) == 1
