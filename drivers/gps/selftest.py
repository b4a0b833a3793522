"""Listen to the GPS receiver until it reports a position fix, and print the fix for the geo-tag."""

from __future__ import annotations

import argparse
import time
from typing import TextIO

from drivers.gps.nmea.driver import NmeaLocator
from drivers.gps.nmea.emulator import PROFILES, NmeaEmulator
from kiosk.clock import SystemClock
from kiosk.devices.locator import LocatorStatus


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
