"""Ask the CUPS queue for the document printer's state (prints nothing): UNTESTED unless it cannot print."""

from __future__ import annotations

import argparse
from typing import TextIO

from drivers.plugin import Plugin
from drivers.printer.cups import DocumentError, create
from kiosk.clock import SystemClock


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--queue", required=True, help="the CUPS queue name (see `lpstat -p`)")
    parser.add_argument("--server", default="/run/cups/cups.sock", help="the CUPS scheduler's socket or host")


def run(args: argparse.Namespace, out: TextIO) -> int:
    try:
        printer = create({"queue": args.queue, "server": args.server}, SystemClock())
    except DocumentError as exc:
        out.write(f"FAIL  {exc}\n")
        return 1
    try:
        status = printer.status()
    finally:
        printer.close()
    if not status.can_print:
        out.write(f"FAIL  queue {args.queue} is {status.value}: {printer.health().detail}\n")
        return 1
    # Only the queue's state was seen, not a page: print one from the operator's screen to see the paper.
    out.write(f"UNTESTED  queue {args.queue} is {status.value}; no page was printed by this test\n")
    return 2


PLUGIN = Plugin(
    family="document_printer",
    model="cups",
    summary=(__doc__ or "").strip().splitlines()[0],
    factory=create,
    runner=run,
    arguments=add_arguments,
)
