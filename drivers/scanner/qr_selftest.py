"""Wait for one QR/barcode scan on the serial scanner and show that it was read and checked."""

from __future__ import annotations

import argparse
import queue
import time
from typing import TextIO

from drivers.plugin import Plugin
from drivers.scanner.qr.driver import SerialQrScanner, build
from drivers.scanner.qr.emulator import PROFILES, QrScannerEmulator
from kiosk.clock import SystemClock
from kiosk.devices.scanner import CodeScanned, QrEvent, QrStatus

EMULATOR_CODE = "EMITRA-SELFTEST-0001"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", default="/dev/ttyACM0", help="scanner device path (prefer /dev/serial/by-id/…)")
    parser.add_argument("--baudrate", type=int, default=9600)
    parser.add_argument("--wait-s", type=float, default=30.0, help="how long to wait for a scan")
    parser.add_argument("--emulator", action="store_true", help="test against the built-in scanner emulator")
    parser.add_argument("--profile", choices=sorted(PROFILES), default="minimal", help="the emulator's framing")


def run(args: argparse.Namespace, out: TextIO) -> int:
    emulator = QrScannerEmulator(profile=args.profile) if args.emulator else None
    events: queue.Queue[QrEvent] = queue.Queue()
    scanner = SerialQrScanner(emulator.path if emulator else args.port, SystemClock(), baudrate=args.baudrate)
    scanner.start(events.put)
    try:
        if emulator:
            # Scan only once the driver has the port open, as a person would after the screen says so.
            deadline = time.monotonic() + 5
            while scanner.status() is not QrStatus.READY and time.monotonic() < deadline:
                time.sleep(0.02)
            emulator.scan(EMULATOR_CODE)
        else:
            out.write("      scan any QR code or barcode now\n")
        event = _next_event(events, scanner, args.wait_s)
        if event is None:
            out.write(f"FAIL  nothing scanned within {args.wait_s:g} s (status {scanner.status().value}: ")
            out.write(f"{scanner.health().detail})\n      is the scanner set to USB serial (CDC-ACM) mode?\n")
            return 1
        if not isinstance(event, CodeScanned):
            out.write(f"FAIL  the scan was refused: {event.reason}\n")
            return 1
        if emulator and event.text != EMULATOR_CODE:
            out.write(f"FAIL  read {event.text[:24]!r}, but the emulator scanned {EMULATOR_CODE!r}\n")
            return 1
        out.write(f"ok    read {len(event.text)} characters, starting {event.text[:16]!r}\n")
        out.write("PASS  QR/barcode scanner (a code was read and checked)\n")
        return 0
    finally:
        scanner.stop()
        if emulator:
            emulator.close()


def _next_event(events: queue.Queue[QrEvent], scanner: SerialQrScanner, wait_s: float) -> QrEvent | None:
    """The first scan within `wait_s`; None at once if the reader thread died (nothing would ever come)."""
    deadline = time.monotonic() + wait_s
    while (left := deadline - time.monotonic()) > 0 and scanner.status() is not QrStatus.FAULT:
        try:
            return events.get(timeout=min(left, 0.1))
        except queue.Empty:
            continue
    return None


PLUGIN = Plugin(
    family="qr",
    model="serial",
    summary=(__doc__ or "").strip().splitlines()[0],
    factory=build,
    runner=run,
    arguments=add_arguments,
    unattended_options=lambda config: {"port": str(config["port"])},
)
