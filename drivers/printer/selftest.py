"""Print a test receipt (Hindi + English + QR) and show the printer's reported status."""

from __future__ import annotations

import argparse
from typing import TextIO

from drivers.printer.driver import EscposPrinter, PrinterConfigError, create, describe
from kiosk.clock import SystemClock
from kiosk.receipt import Align, Line, Qr, ReceiptLayout, Rule, Size

TEST_QR = "https://emitra.rajasthan.gov.in/r/SELFTEST"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--port", help="serial device, e.g. /dev/ttyUSB0")
    where.add_argument("--host", help="network printer address (TCP 9100)")
    parser.add_argument("--width", type=int, choices=(384, 576), default=384, help="dots: 384 = 58 mm, 576 = 80 mm")
    parser.add_argument("--baudrate", type=int, default=9600)


def test_layout(status: str) -> ReceiptLayout:
    blocks = (
        Line("ई-मित्र प्लस — परीक्षण रसीद", Size.LARGE, bold=True, align=Align.CENTER),
        Line("e-Mitra Plus printer test", bold=True, align=Align.CENTER),
        Rule(),
        Line("क्ष त्र श्री द्वार हिन्दी"),
        Line("यह पंक्ति साफ़ पढ़ी जानी चाहिए।"),
        Line(f"Status before printing: {status}"),
        Qr(TEST_QR),
        Line("QR scans to the test address", Size.SMALL, align=Align.CENTER),
    )
    return ReceiptLayout(0, "selftest", TEST_QR, blocks)


def run(args: argparse.Namespace, out: TextIO) -> int:
    params: dict[str, object] = {"width": args.width}
    if args.port:
        params |= {"transport": "serial", "port": args.port, "baudrate": args.baudrate}
    else:
        params |= {"transport": "network", "host": args.host}
    try:
        printer: EscposPrinter = create(params, SystemClock())
    except PrinterConfigError as exc:
        out.write(f"FAIL  {exc}\n")
        return 1
    try:
        before = printer.status()
        out.write(f"info  status before: {before.value}\n")
        if not before.can_print:
            out.write(f"FAIL  printer cannot print: {describe(before)}\n")
            return 1
        outcome = printer.print_job(f"selftest-{SystemClock().now().timestamp():.0f}", test_layout(before.value))
        out.write(f"info  status after: {outcome.status.value}\n")
        if outcome.printed:
            out.write("ok    test receipt printed: check the Hindi line reads क्ष त्र श्री द्वार हिन्दी and the QR scans\n")
            return 0
        out.write(f"FAIL  not printed ({outcome.detail}): {describe(outcome.status)}\n")
        return 1
    finally:
        printer.close()
