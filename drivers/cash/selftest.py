"""Self-test a bank-note acceptor: unit data, channel table, note events — PASS only for what it saw."""

from __future__ import annotations

import argparse
import queue
import time
from collections import Counter
from collections.abc import Mapping
from typing import Any, TextIO

from drivers.cash.ssp.driver import SspAcceptor
from drivers.plugin import Plugin
from kiosk.clock import SystemClock
from kiosk.devices.cash import AcceptorStatus, CashEvent, NoteCredited, NoteEscrowed, NoteRejected
from kiosk.devices.plugin import ProbeResult

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
        serial = acceptor.serial_number if acceptor.serial_number is not None else "not told by this firmware"
        out.write(f"ok    connected: SSP validator, firmware {acceptor.firmware}, serial {serial}\n")
        out.write(
            "ok    channels: " + ", ".join(f"{n + 1}=₹{note.whole_rupees}" for n, note in enumerate(notes)) + "\n"
        )
        acceptor.enable(frozenset(notes))
        if settles(acceptor, AcceptorStatus.ACCEPTING):
            out.write("ok    enable acknowledged by the acceptor\n")
        if args.seconds > 0:
            out.write(f"info  insert notes now ({args.seconds:.0f} s) / अब नोट डालें\n")
        seen = watch(events, args.seconds, out)
        acceptor.disable()
        seen["disabled"] = settles(acceptor, AcceptorStatus.DISABLED)
        return verdict(acceptor, seen, out, notes_asked=args.seconds > 0)
    finally:
        acceptor.close()


def watch(events: queue.Queue[CashEvent], seconds: float, out: TextIO) -> Counter[str]:
    """Print every event for `seconds`; count the ones that prove something."""
    seen: Counter[str] = Counter()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            event = events.get(timeout=0.1)
        except queue.Empty:
            continue
        out.write(f"event {event}\n")
        seen[type(event).__name__] += 1
    return seen


def settles(acceptor: SspAcceptor, status: AcceptorStatus, within_s: float = 2.0) -> bool:
    """Whether the driver reports the acceptor in `status` (it got the device's OK for the command) in time."""
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        if acceptor.status is status:
            return True
        time.sleep(0.02)
    return False


def verdict(acceptor: SspAcceptor, seen: Counter[str], out: TextIO, *, notes_asked: bool) -> int:
    """PASS names exactly what was seen to happen. Asked to take notes and none was stacked: UNTESTED (exit 2);
    run for a connection check only (`--seconds 0`): PASS for the connection, saying notes were not tested."""
    absent = sorted(command.name for command in acceptor.absent)
    features = ", ".join(absent) if absent else "none"
    out.write(f"info  optional commands this firmware refused (features absent): {features}\n")
    if "GET_COUNTERS" in absent:
        out.write("info  no stacked-note counter: the day close shows the acceptor's own count as unavailable\n")
    final = acceptor.health()
    if not final.ok or not seen["disabled"]:
        out.write(
            f"FAIL  acceptor ended in {final.status} (disable acknowledged: {bool(seen['disabled'])}): {final.detail}\n"
        )
        return 1
    stacked = seen[NoteCredited.__name__]
    if stacked:
        out.write(
            f"PASS  seen: {seen[NoteEscrowed.__name__]} note(s) held in escrow, {stacked} stacked into the box,"
            f" {seen[NoteRejected.__name__]} refused, disable acknowledged (count the box to confirm)\n"
        )
        return 0
    if not notes_asked:
        out.write("PASS  connection only: channel table read, disable acknowledged; taking notes was not tested\n")
        return 0
    out.write(
        "UNTESTED  connected, channel table read, disable acknowledged; no note was stacked, so taking notes was not"
        " seen — insert a note during the test\n"
    )
    return 2


def probe(port: str, config: Mapping[str, Any], timeout_s: float = 3.0) -> ProbeResult:
    """SSP SYNC, HOST PROTOCOL VERSION and SETUP REQUEST, through the driver itself."""
    acceptor = SspAcceptor(port, SystemClock(), poll_interval_s=0.2, reply_timeout_s=0.3, retries=1)
    acceptor.start(lambda event: None)
    try:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline and acceptor.status is AcceptorStatus.DISCONNECTED:
            time.sleep(0.05)
        if acceptor.status is AcceptorStatus.DISCONNECTED:
            return ProbeResult(False, f"no SSP answer at {port}")
        return ProbeResult(True, f"SSP validator, firmware {acceptor.firmware or '?'}, serial {acceptor.serial_number}")
    finally:
        acceptor.close()


PLUGIN = Plugin(
    family="cash",
    model="ssp",
    summary=(__doc__ or "").strip().splitlines()[0],
    factory=SspAcceptor.from_config,
    runner=run,
    arguments=add_arguments,
    prober=probe,
    unattended_options=lambda config: {"port": str(config["port"]), "seconds": 0.0},
    usb_ids={"191c:4104": "ITL SSP note validator (NV9/NV200)"},
)
