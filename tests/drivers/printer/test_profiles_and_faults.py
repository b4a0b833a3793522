"""The ESC/POS driver against four kinds of printer status behaviour, a hung printer, and a job it cannot render."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.printer.driver import EscposPrinter, create, link_from_config
from drivers.printer.emulator import PROFILES, PrinterEmulator
from drivers.printer.selftest import test_layout as selftest_layout
from kiosk.clock import FakeClock
from kiosk.devices.printer import PrinterStatus
from kiosk.receipt import Qr, ReceiptLayout

from ..waiting import eventually


@pytest.fixture(params=PROFILES)
def emulator(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[PrinterEmulator]:
    emu = PrinterEmulator(tmp_path, width=384, profile=request.param)
    yield emu
    emu.stop()


def open_printer(emulator: PrinterEmulator, clock: FakeClock, job_timeout: float | None = None) -> EscposPrinter:
    params = {"transport": "serial", "port": emulator.serve_pty(), "baudrate": 115200, "status_timeout": 0.3}
    if job_timeout is not None:
        return EscposPrinter(link_from_config(params), status_timeout=0.3, job_timeout=job_timeout)
    return create(params, clock)


def test_each_printer_profile_prints_a_receipt_and_answers_ready(emulator: PrinterEmulator, clock: FakeClock) -> None:
    printer = open_printer(emulator, clock)
    try:
        assert printer.status() is PrinterStatus.READY
        outcome = printer.print_job("job-1", selftest_layout("ready"))
        assert (outcome.printed, outcome.status, outcome.detail) == (True, PrinterStatus.READY, "")
        assert len(emulator.receipts) == 1
        if emulator.profile == "minimal":
            # Asked once, unanswered, then known absent: no half-second wait for them on every later check.
            assert (emulator.status_queries.count(2), emulator.status_queries.count(4)) == (1, 1)
            assert printer.absent == {2, 4}
            assert "does not answer DLE EOT 2, 4" in printer.health().detail
        else:
            assert printer.absent == set()
        emulator.cover_open = True
        assert not printer.status().can_print  # a stopped printer is seen on every profile (DLE EOT 1 offline bit)
    finally:
        printer.close()


def test_a_hung_printer_is_a_fault_at_once_and_recovers_when_it_reads_again(tmp_path: Path, clock: FakeClock) -> None:
    emulator = PrinterEmulator(tmp_path, width=384)
    printer = open_printer(emulator, clock, job_timeout=1.0)
    try:
        assert printer.status() is PrinterStatus.READY
        emulator.stalled = True  # the receipt's bytes fill the line and the driver's write blocks
        outcome = printer.print_job("job-1", selftest_layout("ready"))
        assert (outcome.printed, outcome.status) == (False, PrinterStatus.FAULT)
        assert outcome.detail == "driver fault: a job took more than 1 s"
        assert printer.status() is PrinterStatus.FAULT  # answered without queueing behind the stuck job
        health = printer.health()
        assert (health.status, health.ok) == ("fault", False)
        assert "I/O thread stuck" in health.detail
        emulator.stalled = False
        eventually(lambda: printer.status() is PrinterStatus.READY, "the printer answers again")
    finally:
        emulator.stalled = False
        printer.close()
        emulator.stop()


def test_a_job_the_driver_cannot_render_is_a_fault_outcome_not_an_exception(tmp_path: Path, clock: FakeClock) -> None:
    emulator = PrinterEmulator(tmp_path, width=384)
    printer = open_printer(emulator, clock)
    try:
        too_big = ReceiptLayout(0, "selftest", "x", (Qr("x" * 8000),))  # more than a version-40 QR code holds
        outcome = printer.print_job("job-1", too_big)
        assert (outcome.printed, outcome.status) == (False, PrinterStatus.FAULT)
        assert outcome.detail.startswith("driver fault: ValueError")
        assert printer.status() is PrinterStatus.READY  # the device itself is fine
        assert "1 driver faults, last: ValueError" in printer.health().detail
        assert emulator.receipts == []
    finally:
        printer.close()
        emulator.stop()
