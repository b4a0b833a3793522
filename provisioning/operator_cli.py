"""`kioskctl operator add`, `kioskctl close-day` and `kioskctl report`: the operator's jobs from a terminal."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any, TextIO

from kiosk.clock import SystemClock, business_day
from kiosk.config import ConfigError, KioskConfig, load_config
from kiosk.dayclose import CloseError, DayClose, parse_count
from kiosk.journal import verify_journal
from kiosk.money import INR_NOTES
from kiosk.operator import OperatorAuth, OperatorError
from kiosk.store import Store, StoreError
from kiosk.zreport import build_zreport
from provisioning import aeps_login_cli


def _read_pin(args: argparse.Namespace, prompt: str) -> str:
    if args.pin_stdin:
        return sys.stdin.readline().strip()
    return getpass.getpass(prompt)


def _open(args: argparse.Namespace, out: TextIO) -> tuple[KioskConfig, Store] | None:
    try:
        config = load_config(Path(args.config))
        return config, Store.open(config.database, SystemClock())
    except (ConfigError, StoreError) as exc:
        out.write(f"FAIL  {exc}\n")
        return None


def cmd_operator_add(args: argparse.Namespace, out: TextIO) -> int:
    opened = _open(args, out)
    if opened is None:
        return 1
    _, store = opened
    try:
        OperatorAuth(store).add(args.id, args.name, _read_pin(args, "new 6-digit PIN: "), by=args.by)
    except OperatorError as exc:
        out.write(f"FAIL  {exc}\n")
        return 1
    finally:
        store.close()
    out.write(f"ok    operator {args.id} added\n")
    return 0


def cmd_close_day(args: argparse.Namespace, out: TextIO) -> int:
    opened = _open(args, out)
    if opened is None:
        return 1
    config, store = opened
    try:
        signed = OperatorAuth(store).sign_in(args.operator, _read_pin(args, "PIN: "))
        if not signed.ok:
            until = f" until {signed.locked_until:%H:%M} UTC" if signed.locked_until else ""
            out.write(f"FAIL  sign-in refused: {signed.message}{until}\n")
            return 1
        counted = parse_count(args.count)
        closing = DayClose(store, opening_float=config.rules.opening_float)
        result = closing.submit_count(counted, operator=args.operator, denominations=INR_NOTES, acceptor=None)
    except CloseError as exc:
        out.write(f"FAIL  {exc}\n")
        return 1
    finally:
        store.close()
    out.write(
        f"ok    day close #{result.close_no} for {result.business_day} (covers {', '.join(result.covers_days)})\n"
    )
    out.write(
        f"      counted {result.counted_total}, expected {result.expected_in_box}, difference {result.difference}\n"
    )
    for denomination, diff in result.differences_by_denomination().items():
        if diff:
            out.write(f"      ₹{denomination // 100}: {diff:+d} notes\n")
    return 0


def cmd_report(args: argparse.Namespace, out: TextIO) -> int:
    opened = _open(args, out)
    if opened is None:
        return 1
    config, store = opened
    try:
        day = args.day or business_day(store.clock.now()).isoformat()
        report = build_zreport(store, config.identity.kiosk_code, day)
        for line in report.lines():
            out.write(line + "\n")
        out.write(verify_journal(store).describe() + "\n")
    finally:
        store.close()
    return 0


def register(sub: Any) -> None:
    def common(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--config", required=True, help="the kiosk's config file (kiosk.toml)")

    operator = sub.add_parser("operator", help="manage operators")
    operator_sub = operator.add_subparsers(dest="operator_command", required=True)
    add = operator_sub.add_parser("add", help="add an operator with a personal 6-digit PIN")
    common(add)
    add.add_argument("--id", required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--by", required=True, help="who is adding the operator (engineer id)")
    add.add_argument("--pin-stdin", action="store_true", help="read the PIN from standard input (scripts)")
    add.set_defaults(handler=cmd_operator_add)
    aeps_login_cli.register(operator_sub)  # `kioskctl operator aadhaar-login`

    close = sub.add_parser("close-day", help="blind daily close: enter the cash-box count, then see the reconciliation")
    common(close)
    close.add_argument("--operator", required=True)
    close.add_argument("--count", required=True, help="notes counted, e.g. '500=3,200=1,100=12'")
    close.add_argument("--pin-stdin", action="store_true", help="read the PIN from standard input (scripts)")
    close.set_defaults(handler=cmd_close_day)

    report = sub.add_parser("report", help="the Z-report of a business day (default today, IST)")
    common(report)
    report.add_argument("--day", help="YYYY-MM-DD")
    report.set_defaults(handler=cmd_report)
