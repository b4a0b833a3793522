"""Self-test a bank-note acceptor: unit data, channel table, and every note event for a while."""

from __future__ import annotations

import argparse
import queue
import time
from typing import TextIO

from drivers.cash.ssp.driver import SspAcceptor
from kiosk.clock import SystemClock
from kiosk.devices.cash import AcceptorStatus, CashEvent, NoteCredited

DRIVERS = ("ssp",)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", required=True, help="serial port, e.g. /dev/emitra/cash (or socket://host:port)")
    parser.add_argument("--driver", choices=DRIVERS, default="ssp")
    parser.add_argument("--seconds", type=float, default=20.0, help="how long to take notes (default 20)")
    parser.add_argument("--connect-timeout", type=float, default=5.0)


def run(args: argparse.Namespace, out: TextIO) -> int:
    events: queue.Queue[CashEvent] = queue.Queue()
    acceptor = SspAcceptor(args.port, SystemClock(), poll_interval_s=0.1, reconnect_interval_s=0.5)
    acceptor.start(events.put)
    try:
        deadline = time.monotonic() + args.connect_timeout
        while time.monotonic() < deadline and acceptor.status is AcceptorStatus.DISCONNECTED:
            time.sleep(0.05)
        health = acceptor.health()
        if not health.ok:
            out.write(f"FAIL  no working acceptor on {args.port}: {health.status} {health.detail}\n")
            return 1
        notes = acceptor.denominations()
        out.write(f"ok    connected: SSP validator, firmware {acceptor.firmware}, serial {acceptor.serial_number}\n")
        out.write(
            "ok    channels: " + ", ".join(f"{n + 1}=₹{note.whole_rupees}" for n, note in enumerate(notes)) + "\n"
        )
        acceptor.enable(frozenset(notes))
        out.write(f"info  insert notes now ({args.seconds:.0f} s) / अब नोट डालें\n")
        credited = 0
        end = time.monotonic() + args.seconds
        while time.monotonic() < end:
            try:
                event = events.get(timeout=0.1)
            except queue.Empty:
                continue
            out.write(f"event {event}\n")
            credited += isinstance(event, NoteCredited)
        acceptor.disable()
        time.sleep(0.3)
        final = acceptor.health()
        if not final.ok:
            out.write(f"FAIL  acceptor ended in {final.status}: {final.detail}\n")
            return 1
        out.write(f"PASS  acceptor works; {credited} note(s) stacked during the test (count them in the box)\n")
        return 0
    finally:
        acceptor.close()
