"""Scan one page through SANE, check it comes out as a grey 200–300 dpi document image, and run the page checks."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import TextIO

from drivers.plugin import Plugin
from drivers.scanner.pages import check_page
from drivers.scanner.sane.driver import SaneScanner, build
from drivers.scanner.sane.emulator import SaneTestBackend
from kiosk.clock import SystemClock
from kiosk.devices.scanner import ScannedDocument


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--device", default="", help="SANE device name (see `scanimage -L`)")
    parser.add_argument("--emulator", action="store_true", help="scan from SANE's test backend instead")


def run(args: argparse.Namespace, out: TextIO) -> int:
    with tempfile.TemporaryDirectory(prefix="kiosk-sane-") as folder:
        if args.emulator:
            backend = SaneTestBackend(Path(folder))
            scanner = SaneScanner(
                SystemClock(),
                device=backend.device,
                area_mm=(200, 200),
                sane_config_dir=backend.config_dir,
                device_options=backend.options(),
            )
        elif args.device:
            scanner = SaneScanner(SystemClock(), device=args.device)
        else:
            out.write("FAIL  name the scanner with --device (list them with `scanimage -L`), or use --emulator\n")
            return 2
        result = scanner.scan()
    if not isinstance(result, ScannedDocument):
        out.write(f"FAIL  {result.status.value}: {result.detail}\n")
        return 1
    # The resolution is what was asked of the scanner; the page size and the image are what came back.
    size = f"{result.width_px}×{result.height_px} px"
    out.write(f"ok    page {size} (asked for {result.dpi} dpi), {len(result.png)} bytes PNG\n")
    # What a journey would get from this page (an empty glass is BLANK: the scanner still works).
    page = check_page(result.png, result.dpi)
    sent = f"{len(page.jpeg)} bytes {page.media_type} at {page.dpi} dpi"
    out.write(f"ok    page checks: {page.verdict.value} ({page.detail}); for upload {sent}\n")
    out.write("PASS  document scanner (a page image came back and passed the checks)\n")
    return 0


PLUGIN = Plugin(
    family="scanner",
    model="sane",
    summary=(__doc__ or "").strip().splitlines()[0],
    factory=build,
    runner=run,
    arguments=add_arguments,
)
