"""`kioskctl device test printer` prints a test receipt into the emulator and reports the status."""

from __future__ import annotations

import io

import zxingcpp
from PIL import Image

from drivers.printer.emulator import PrinterEmulator
from drivers.printer.selftest import TEST_QR
from provisioning.cli import main


def test_selftest_prints_hindi_english_and_qr_and_reports_status(emulator: PrinterEmulator) -> None:
    port = emulator.serve_pty()
    out = io.StringIO()
    assert main(["device", "test", "printer", "--port", port, "--width", "384"], out) == 0
    assert "status before: ready" in out.getvalue()
    with Image.open(emulator.receipts[0]) as paper:
        assert [b.text for b in zxingcpp.read_barcodes(paper.convert("L"))] == [TEST_QR]


def test_selftest_fails_clearly_when_paper_is_out(emulator: PrinterEmulator) -> None:
    port = emulator.serve_pty()
    emulator.fault_after_rows(0, "paper_out")
    out = io.StringIO()
    assert main(["device", "test", "printer", "--port", port], out) == 1
    assert "paper roll finished" in out.getvalue()
    assert emulator.receipts == []
