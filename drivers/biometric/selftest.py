"""Find the fingerprint RD service, report its id, version and certificate expiry, and optionally capture once."""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from contextlib import ExitStack
from typing import Any, TextIO

from drivers.biometric.rdservice.driver import RdServiceReader, build
from drivers.biometric.rdservice.emulator import RdServiceEmulator
from drivers.plugin import Plugin
from kiosk.clock import SystemClock
from kiosk.devices.biometric import CaptureOk, CaptureRequest
from kiosk.devices.plugin import ProbeResult


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


def probe(port: str, config: Mapping[str, Any]) -> ProbeResult:
    """RDSERVICE discovery on loopback, then DEVICEINFO; `port` is a range "first-last" (or the config's range)."""
    first, _, last = port.partition("-")
    ports = {"first_port": int(first), "last_port": int(last or first)} if first else {}
    reader = build({**config, **ports}, SystemClock())
    info = reader.discover()
    if info is None:
        return ProbeResult(False, reader.health().detail, todo="start the vendor's RD service; plug the reader in")
    health = reader.health()
    endpoint = reader.find_endpoint()
    evidence = (
        f"RD service {info.rd_service_id} {info.rd_service_version} on port {endpoint.port if endpoint else '?'},"
        f" {info.device_provider} {info.device_model}"
    )
    # The whole range goes in the config: an RD service may come back on another port after an update.
    section = {"first_port": reader.ports[0], "last_port": reader.ports[-1]}
    if not health.ok:
        todo = "update the RD service / renew its device certificate (vendor)"
        return ProbeResult(True, evidence, section, warning=health.detail, todo=todo)
    if "expires in" in health.detail:
        todo = "ask the vendor to renew the RD service certificate"
        return ProbeResult(True, evidence, section, warning=health.detail, todo=todo, serious=False)
    return ProbeResult(True, evidence, section)


PLUGIN = Plugin(
    family="biometric",
    model="rdservice",
    summary=(__doc__ or "").strip().splitlines()[0],
    factory=build,
    runner=run,
    arguments=add_arguments,
    prober=probe,
    unattended_options=lambda config: {
        "first_port": int(config.get("first_port", 11100)),
        "last_port": int(config.get("last_port", 11120)),
    },
)
