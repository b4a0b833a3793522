"""The serial QR reader against four kinds of scanner framing, refused codes, and a death of its thread."""

from __future__ import annotations

import queue
from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.scanner.qr.driver import SerialQrScanner
from drivers.scanner.qr.emulator import PROFILES, QrScannerEmulator
from kiosk.clock import FakeClock
from kiosk.devices.scanner import CodeRejected, CodeScanned, QrEvent, QrStatus

from ..waiting import eventually

HINDI_BILL = "बिल|K-2101-5566|₹420.00"  # multi-byte characters: the quirky and slow framings split them


@pytest.fixture(params=sorted(PROFILES))
def emulator(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[QrScannerEmulator]:
    emu = QrScannerEmulator(tmp_path / "ttyQR", profile=request.param)
    yield emu
    emu.close()


def open_scanner(emulator: QrScannerEmulator, clock: FakeClock, listener: queue.Queue[QrEvent]) -> SerialQrScanner:
    driver = SerialQrScanner(emulator.path, clock, reconnect_s=0.05)
    driver.start(listener.put)
    eventually(lambda: driver.status() is QrStatus.READY, "scanner port open")
    return driver


def test_each_scanner_profile_delivers_the_code_whole_and_the_next_after_a_refused_one(
    emulator: QrScannerEmulator, clock: FakeClock
) -> None:
    events: queue.Queue[QrEvent] = queue.Queue()
    driver = open_scanner(emulator, clock, events)
    try:
        emulator.scan(HINDI_BILL)
        assert events.get(timeout=10) == CodeScanned(HINDI_BILL)
        emulator.scan(b"BILL\x1b[2J42")  # a terminal escape inside a code
        assert isinstance(events.get(timeout=10), CodeRejected)
        emulator.scan("K-2101-5567")
        assert events.get(timeout=10) == CodeScanned("K-2101-5567")
        assert events.empty()  # blank lines and split pieces made no extra events
        assert driver.refusals.count == 1
        health = driver.health()
        assert health.ok
        assert "1 codes refused, last: code has a control or invisible character U+001B at position 4" in health.detail
    finally:
        driver.stop()


def test_a_reader_thread_that_dies_outside_the_code_check_reports_fault_with_the_reason(
    tmp_path: Path, clock: FakeClock
) -> None:
    emulator = QrScannerEmulator(tmp_path / "ttyQR")
    seen: list[QrEvent] = []

    def broken_listener(event: QrEvent) -> None:
        seen.append(event)
        raise RuntimeError("screen gone")

    driver = SerialQrScanner(emulator.path, clock, reconnect_s=0.05)
    driver.start(broken_listener)
    try:
        eventually(lambda: driver.status() is QrStatus.READY, "scanner port open")
        emulator.scan("K-2101-5566")
        eventually(lambda: driver.status() is QrStatus.FAULT, "the death noticed")
        health = driver.health()
        assert (health.status, health.ok) == ("fault", False)
        assert "qr-serial thread died: RuntimeError: screen gone" in health.detail
        assert seen == [CodeScanned("K-2101-5566")]
    finally:
        driver.stop()
        emulator.close()
