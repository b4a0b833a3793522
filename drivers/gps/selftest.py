"""Listen to the GPS receiver until it reports a position fix, and print the fix for the geo-tag."""

from __future__ import annotations

import argparse
import threading
import time
from collections.abc import Mapping
from typing import Any, TextIO

from drivers.gps.nmea.codec import NmeaError, decode
from drivers.gps.nmea.driver import NmeaLocator, build
from drivers.gps.nmea.emulator import PROFILES, NmeaEmulator
from drivers.plugin import Plugin
from drivers.serialline import LineReader
from kiosk.clock import SystemClock
from kiosk.devices.locator import LocatorStatus
from kiosk.devices.plugin import ProbeResult


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", default="/dev/ttyACM0", help="receiver device path (prefer /dev/serial/by-id/…)")
    parser.add_argument("--baudrate", type=int, default=9600)
    parser.add_argument("--wait-s", type=float, default=60.0, help="how long to wait for a fix")
    parser.add_argument("--emulator", action="store_true", help="test against the built-in NMEA emulator (Jaipur)")
    parser.add_argument("--profile", choices=sorted(PROFILES), default="minimal", help="the emulator's receiver kind")


def run(args: argparse.Namespace, out: TextIO) -> int:
    emulator = NmeaEmulator(profile=args.profile) if args.emulator else None
    port = emulator.path if emulator else args.port
    if emulator:
        emulator.start_replay(interval_s=0.2)
    locator = NmeaLocator(port, SystemClock(), baudrate=args.baudrate).start()
    try:
        deadline = time.monotonic() + args.wait_s
        while time.monotonic() < deadline and locator.status() not in (LocatorStatus.FIX, LocatorStatus.FAULT):
            time.sleep(0.1)
        status, fix = locator.status(), locator.last_fix()
        if locator.rejected:
            out.write(f"info  {locator.rejected} sentences refused, last: {locator.last_rejection}\n")
        if fix is None or status is not LocatorStatus.FIX:
            out.write(f"FAIL  no fix within {args.wait_s:g} s (status {status.value}); {locator.health().detail}\n")
            out.write("      move the antenna near a window, or check the port\n")
            return 1
        accuracy = f"±{fix.accuracy_m:g} m" if fix.accuracy_m is not None else "accuracy unknown"
        out.write(f"ok    fix {fix.latitude:.6f}, {fix.longitude:.6f} ({accuracy}, {fix.satellites} satellites)\n")
        out.write("PASS  GPS receiver (a fix with a valid position was received)\n")
        return 0
    finally:
        locator.close()
        if emulator:
            emulator.close()


def probe(port: str, config: Mapping[str, Any]) -> ProbeResult:
    """Listen for one valid NMEA sentence (checksum, syntax and coordinates checked by the codec)."""
    wait_s = float(config.get("probe_wait_s", 3.0))
    heard = threading.Event()
    kinds: list[str] = []

    def line(raw: bytes) -> None:
        try:
            position = decode(raw)
        except NmeaError:
            return
        kinds.append(position.kind if position is not None else "other")
        heard.set()

    reader = LineReader(
        port, on_line=line, on_overlong=lambda size: None, on_state=lambda ok, detail: None, max_line=256
    )
    reader.start()
    try:
        if not heard.wait(wait_s):
            return ProbeResult(
                False,
                f"no NMEA sentences from {port}",
                todo="check its cable and power, then kioskctl device test gps (only the geo-tag needs it)",
                serious=False,
            )
    finally:
        reader.stop()
    return ProbeResult(True, f"NMEA receiver ({kinds[0]} sentence)")


PLUGIN = Plugin(
    family="gps",
    model="nmea",
    summary=(__doc__ or "").strip().splitlines()[0],
    factory=build,
    runner=run,
    arguments=add_arguments,
    prober=probe,
    unattended_options=lambda config: {"port": str(config["port"]), "wait_s": 10.0},
    usb_ids={"1546:01a7": "u-blox 7 GPS receiver", "1546:01a8": "u-blox 8 GPS receiver"},
)
