"""Find the fingerprint RD service, report its id, version and certificate expiry, and optionally capture once."""

from __future__ import annotations

import argparse
from contextlib import ExitStack
from typing import TextIO

from drivers.biometric.rdservice.driver import RdServiceReader
from drivers.biometric.rdservice.emulator import RdServiceEmulator
from kiosk.clock import SystemClock
from kiosk.devices.biometric import CaptureOk, CaptureRequest


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--first-port", type=int, default=11100, help="first RD service port to probe")
    parser.add_argument("--last-port", type=int, default=11120, help="last RD service port to probe")
    parser.add_argument("--capture", action="store_true", help="also take one capture (place a finger when asked)")
    parser.add_argument("--emulator", action="store_true", help="test against the built-in RD service emulator")


def run(args: argparse.Namespace, out: TextIO) -> int:
    clock = SystemClock()
    with ExitStack() as stack:
        ports = tuple(range(args.first_port, args.last_port + 1))
        if args.emulator:
            emulator = stack.enter_context(RdServiceEmulator(clock))
            ports = (emulator.port,)
        reader = RdServiceReader(clock, ports=ports)
        info = reader.discover()
        if info is None:
            out.write(f"FAIL  no RD service answered on 127.0.0.1 ports {ports[0]}-{ports[-1]}\n")
            out.write("      is the vendor's RD service installed and running? is the reader plugged in?\n")
            return 1
        out.write(f"ok    RD service {info.rd_service_id} version {info.rd_service_version}\n")
        out.write(f"ok    device {info.device_provider} {info.device_model}\n")
        health = reader.health()
        out.write(f"{'ok  ' if health.ok else 'FAIL'}  status {health.status}: {health.detail}\n")
        out.write(f"info  device certificate expires {info.certificate_expiry or 'unknown (not reported)'}\n")
        if not health.ok:
            return 1
        if args.capture:
            out.write("      place a finger on the reader now\n")
            result = reader.capture(CaptureRequest(timeout_ms=15_000))
            if isinstance(result, CaptureOk):
                out.write(f"ok    capture succeeded, quality {result.quality} (PID block discarded)\n")
            else:
                out.write(f"FAIL  capture: {result.message_en} ({result.code})\n")
                return 1
        out.write("PASS  fingerprint reader\n")
        return 0
