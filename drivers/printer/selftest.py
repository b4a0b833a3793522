"""Print a test receipt (Hindi + English + QR) and show the printer's reported status."""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TextIO

from drivers.plugin import Plugin
from drivers.printer.driver import EscposPrinter, PrinterConfigError, create, describe
from drivers.printer.emulator import PROFILES, PrinterEmulator
from kiosk.clock import SystemClock
from kiosk.devices.plugin import ProbeResult
from kiosk.devices.printer import PrinterStatus
from kiosk.receipt import Align, Line, Qr, ReceiptLayout, Rule, Size

TEST_QR = "https://emitra.rajasthan.gov.in/r/SELFTEST"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--port", help="serial device, e.g. /dev/ttyUSB0")
    where.add_argument("--host", help="network printer address (TCP 9100)")
    where.add_argument("--emulator", action="store_true", help="print into the built-in ESC/POS emulator")
    parser.add_argument("--profile", choices=PROFILES, default="full", help="the emulator's kind of printer")
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
    if not args.emulator:
        return _run(args, out)
    with tempfile.TemporaryDirectory(prefix="kiosk-printer-") as folder:
        emulator = PrinterEmulator(Path(folder), width=args.width, profile=args.profile)
        try:
            args.port, args.baudrate = emulator.serve_pty(), 115200
            verdict = _run(args, out)
            if verdict == 0 and len(emulator.receipts) != 1:
                out.write(f"FAIL  the emulator cut {len(emulator.receipts)} receipts, not one\n")
                return 1
            return verdict
        finally:
            emulator.stop()


def _run(args: argparse.Namespace, out: TextIO) -> int:
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
        if printer.absent:
            absent = ", ".join(map(str, sorted(printer.absent)))
            out.write(f"info  the printer does not answer DLE EOT {absent}: paper-low warnings cannot be seen\n")
        if not outcome.printed:
            out.write(f"FAIL  not printed ({outcome.detail}): {describe(outcome.status)}\n")
            return 1
        # What was seen: the printer took every byte and answered its status after the cut. The paper itself is
        # for the engineer's eyes, so the verdict says so instead of claiming it.
        out.write("ok    the printer took the test receipt and answered its status after the cut\n")
        out.write("PASS  receipt printer (check the paper: the Hindi line reads क्ष त्र श्री द्वार हिन्दी, the QR scans)\n")
        return 0
    finally:
        printer.close()


def probe(port: str, config: Mapping[str, Any]) -> ProbeResult:
    """ESC/POS real-time status request (DLE EOT): any status byte back means an ESC/POS printer."""
    try:
        printer = create({"transport": "serial", "status_timeout": 0.5, **config, "port": port}, SystemClock())
    except PrinterConfigError as exc:
        return ProbeResult(False, str(exc), todo="fix [devices.printer] in the config")
    try:
        status = printer.status()
    finally:
        printer.close()
    if status is PrinterStatus.DISCONNECTED:
        return ProbeResult(False, f"no ESC/POS answer at {port}")
    evidence = f"ESC/POS printer, status {status.value}"
    if status is PrinterStatus.PAPER_NEAR_END:
        return ProbeResult(True, evidence, warning="paper nearly out", todo="load a new roll soon", serious=False)
    if not status.can_print:
        return ProbeResult(True, evidence, warning=f"printer {status.value}", todo="load paper / close the cover")
    return ProbeResult(True, evidence)


def unattended(config: Mapping[str, Any]) -> Mapping[str, Any]:
    return {"port": str(config["port"])} if "port" in config else {"host": str(config["host"])}


PLUGIN = Plugin(
    family="printer",
    model="escpos",
    summary=(__doc__ or "").strip().splitlines()[0],
    factory=create,
    runner=run,
    arguments=add_arguments,
    prober=probe,
    unattended_options=unattended,
)
