"""Self-test a card terminal over its ECR-JSON/1 local API: it answers, its bank link, and a sale when asked."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Mapping
from contextlib import ExitStack
from typing import Any, TextIO

from drivers.payment_terminal.driver import EcrTerminal
from drivers.payment_terminal.emulator import PROFILES, TerminalEmulator
from drivers.payment_terminal.transport import Endpoint, HttpTransport
from drivers.plugin import Plugin
from kiosk.clock import SystemClock
from kiosk.devices.payment_terminal import SaleState, TerminalError, TerminalStatus
from kiosk.devices.plugin import ProbeResult
from kiosk.money import Money

PASSED, FAILED, UNTESTED = 0, 1, 2
_NOT_READY = {
    TerminalStatus.HOST_OFFLINE: "has no link to its bank: check its SIM or network",
    TerminalStatus.BUSY: "is busy with a sale: finish or cancel it on the terminal",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", default="", help="the terminal's ECR address, e.g. http://192.168.1.50:8080")
    parser.add_argument("--sale", action="store_true", help="also run a ₹1 sale (pay it with a test card)")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to wait for the test card")
    parser.add_argument("--emulator", action="store_true", help="test against the built-in terminal emulator")
    parser.add_argument("--profile", choices=sorted(PROFILES), default="full", help="the emulator's firmware")


def run(args: argparse.Namespace, out: TextIO) -> int:
    with ExitStack() as stack:
        address = args.port
        if args.emulator:
            address = stack.enter_context(TerminalEmulator(profile=args.profile, auto_pay_after_s=0.2)).address
        if not address:
            out.write("FAIL  no terminal address: give --port http://<terminal ip>:<port> (or --emulator)\n")
            return FAILED
        endpoint = Endpoint.parse(address)
        terminal = EcrTerminal(HttpTransport(endpoint, 5.0), SystemClock(), where=str(endpoint))
        status = terminal.refresh()
        health = terminal.health()
        if terminal.info is None:
            out.write(f"FAIL  no ECR-JSON/1 terminal answered at {endpoint}: {health.detail}\n")
            return FAILED
        info = terminal.info
        out.write(
            f"ok    terminal {info.terminal_id} {info.model or '(model not told)'} {info.firmware}".rstrip() + "\n"
        )
        if status is not TerminalStatus.READY:
            why = _NOT_READY.get(status, status.value)
            out.write(f"FAIL  the terminal {why} ({health.detail})\n")
            return FAILED
        out.write("ok    idle, with its bank link up\n")
        if not (args.sale or args.emulator):
            out.write("PASS  connection only: the terminal answered idle and online; a sale was not tested\n")
            return PASSED
        return _sale(terminal, args.seconds, out)


def _sale(terminal: EcrTerminal, seconds: float, out: TextIO) -> int:
    ref = f"SELFTEST{int(time.time())}"
    try:
        sale = terminal.init(ref, Money.rupees(1))
        out.write(f"ok    sale {ref} for ₹1 started: {sale.state.value}; present the test card now\n")
        deadline = time.monotonic() + seconds
        while not sale.state.final and time.monotonic() < deadline:
            time.sleep(0.2)
            sale = terminal.status(ref)
        if not sale.state.final:
            sale = terminal.abort(ref)
            out.write(f"info  no card in {seconds:.0f} s: aborted, the terminal says {sale.state.value}\n")
    except TerminalError as exc:
        out.write(f"FAIL  sale: {exc}\n")
        return FAILED
    if sale.state is SaleState.APPROVED:
        card = f" card ending {sale.pan_last4}" if sale.pan_last4 else ""
        out.write(f"PASS  seen: ₹1 sale approved, RRN {sale.rrn}{card} (void it on the terminal)\n")
        return PASSED
    out.write(f"UNTESTED  the terminal answered, but the sale ended {sale.state.value}: no approval was seen\n")
    return UNTESTED


def probe(port: str, config: Mapping[str, Any]) -> ProbeResult:
    """One GET of the terminal's status: it never starts a sale. `port` is the terminal's ECR address."""
    address = port or str(config.get("port", ""))
    try:
        endpoint = Endpoint.parse(address)
    except ValueError as exc:
        return ProbeResult(False, str(exc))
    terminal = EcrTerminal(HttpTransport(endpoint, 2.0), SystemClock(), where=str(endpoint))
    status = terminal.refresh()
    if terminal.info is None:
        return ProbeResult(False, f"no ECR-JSON/1 answer at {endpoint}: {terminal.health().detail}")
    evidence = f"ECR-JSON/1 terminal {terminal.info.terminal_id} {terminal.info.model}".rstrip() + f" at {endpoint}"
    if status is TerminalStatus.HOST_OFFLINE:
        return ProbeResult(True, evidence, {"port": str(endpoint)}, warning="no bank link", todo="check its SIM")
    return ProbeResult(True, evidence, {"port": str(endpoint)})


def _unattended(config: Mapping[str, Any]) -> Mapping[str, Any]:
    return {"port": str(config["port"])}


PLUGIN = Plugin(
    family="payment_terminal",
    model="ecr_json",
    summary=(__doc__ or "").strip().splitlines()[0],
    factory=EcrTerminal.from_config,
    runner=run,
    arguments=add_arguments,
    prober=probe,
    unattended_options=_unattended,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m drivers.payment_terminal.selftest", description=__doc__)
    add_arguments(parser)
    return run(parser.parse_args(argv), sys.stdout)


if __name__ == "__main__":
    sys.exit(main())
