"""Wait for one QR/barcode scan on the serial scanner and show that it was read and checked."""

from __future__ import annotations

import argparse
import queue
import time
from typing import TextIO

from drivers.scanner.qr.driver import SerialQrScanner
from drivers.scanner.qr.emulator import QrScannerEmulator
from kiosk.clock import SystemClock
from kiosk.devices.scanner import CodeScanned, QrEvent, QrStatus


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", default="/dev/ttyACM0", help="scanner device path (prefer /dev/serial/by-id/…)")
    parser.add_argument("--baudrate", type=int, default=9600)
    parser.add_argument("--wait-s", type=float, default=30.0, help="how long to wait for a scan")
    parser.add_argument("--emulator", action="store_true", help="test against the built-in scanner emulator")


def run(args: argparse.Namespace, out: TextIO) -> int:
    emulator = QrScannerEmulator() if args.emulator else None
    events: queue.Queue[QrEvent] = queue.Queue()
    scanner = SerialQrScanner(emulator.path if emulator else args.port, SystemClock(), baudrate=args.baudrate)
    scanner.start(events.put)
    try:
        if emulator:
            # Scan only once the driver has the port open, as a person would after the screen says so.
            deadline = time.monotonic() + 5
            while scanner.status() is not QrStatus.READY and time.monotonic() < deadline:
                time.sleep(0.02)
            emulator.scan("EMITRA-SELFTEST-0001")
        else:
            out.write("      scan any QR code or barcode now\n")
        try:
            event = events.get(timeout=args.wait_s)
        except queue.Empty:
            out.write(f"FAIL  nothing scanned within {args.wait_s:g} s ({scanner.health().detail})\n")
            out.write("      is the scanner set to USB serial (CDC-ACM) mode?\n")
            return 1
        if not isinstance(event, CodeScanned):
            out.write(f"FAIL  the scan was refused: {event.reason}\n")
            return 1
        out.write(f"ok    read {len(event.text)} characters, starting {event.text[:16]!r}\n")
        out.write("PASS  QR/barcode scanner\n")
        return 0
    finally:
        scanner.stop()
        if emulator:
            emulator.close()
