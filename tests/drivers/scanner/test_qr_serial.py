from __future__ import annotations

import queue
from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.scanner.qr.codec import CodeError, check_code
from drivers.scanner.qr.driver import SerialQrScanner
from drivers.scanner.qr.emulator import QrScannerEmulator
from kiosk.clock import FakeClock
from kiosk.devices.scanner import CodeRejected, CodeScanned, QrEvent, QrStatus

from ..waiting import eventually

BILL_CODE = "JVVNL|K-2101-5566|420.00|2026-11-30"


@pytest.fixture
def emulator(tmp_path: Path) -> Iterator[QrScannerEmulator]:
    emu = QrScannerEmulator(tmp_path / "ttyQR")
    yield emu
    emu.close()


@pytest.fixture
def events() -> queue.Queue[QrEvent]:
    return queue.Queue()


@pytest.fixture
def scanner(emulator: QrScannerEmulator, clock: FakeClock, events: queue.Queue[QrEvent]) -> Iterator[SerialQrScanner]:
    driver = SerialQrScanner(emulator.path, clock, reconnect_s=0.05)
    driver.start(events.put)
    eventually(lambda: driver.status() is QrStatus.READY, "scanner port open")
    yield driver
    driver.stop()


def next_event(events: queue.Queue[QrEvent]) -> QrEvent:
    return events.get(timeout=10)


def test_scanned_bill_code_arrives_as_text(emulator: QrScannerEmulator, scanner: SerialQrScanner, events) -> None:
    emulator.scan(BILL_CODE)
    emulator.scan("बिल 42")
    assert next_event(events) == CodeScanned(BILL_CODE)
    assert next_event(events) == CodeScanned("बिल 42")


def test_code_with_control_characters_is_rejected_and_the_next_one_is_read(
    emulator: QrScannerEmulator, scanner: SerialQrScanner, events
) -> None:
    emulator.scan(b"http://evil\x1b[2Jx")
    emulator.scan("pay\u202eexe.bat")
    emulator.scan(BILL_CODE)
    first, second, third = next_event(events), next_event(events), next_event(events)
    assert first == CodeRejected("code has a control or invisible character U+001B at position 11")
    assert second == CodeRejected("code has a control or invisible character U+202E at position 3")
    assert third == CodeScanned(BILL_CODE)


def test_ten_kilobyte_code_is_rejected_whole_and_reading_goes_on(
    emulator: QrScannerEmulator, scanner: SerialQrScanner, events
) -> None:
    emulator.scan(b"A" * 10_240)
    emulator.scan(BILL_CODE)
    assert next_event(events) == CodeRejected("code longer than 2048 bytes")
    assert next_event(events) == CodeScanned(BILL_CODE)  # no tail of the long code leaks out as a code


def test_unplug_and_replug_of_the_scanner_is_survived(
    emulator: QrScannerEmulator, scanner: SerialQrScanner, events
) -> None:
    emulator.unplug()
    eventually(lambda: scanner.status() is QrStatus.DISCONNECTED, "unplug noticed")
    assert not scanner.health().ok
    emulator.replug()
    eventually(lambda: scanner.status() is QrStatus.READY, "reopened")
    emulator.scan(BILL_CODE)
    assert next_event(events) == CodeScanned(BILL_CODE)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty code"),
        (b"\xff\xfe", "not UTF-8 text \\(bad byte at position 0\\)"),
        (b"a\x00b", "U\\+0000 at position 1"),
    ],
)
def test_bad_codes_are_refused_with_the_reason(raw: bytes, reason: str) -> None:
    with pytest.raises(CodeError, match=reason):
        check_code(raw)
