"""`kioskctl`: one command for the people who look after the kiosk; every subcommand works without prompts too."""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from pathlib import Path
from typing import TextIO

from kiosk.clock import SystemClock
from kiosk.journal import verify_journal
from kiosk.outbox import Outbox
from kiosk.store import Store, StoreError

# `kioskctl device test <family>`: each family's self-test lives beside its driver and offers
# add_arguments(parser) and run(args, out) -> exit code. Families whose module is absent are not offered.
SELF_TESTS = {
    "cash": "drivers.cash.selftest",
    "printer": "drivers.printer.selftest",
    "biometric": "drivers.biometric.selftest",
    "scanner": "drivers.scanner.selftest",
    "qr": "drivers.scanner.qr_selftest",
    "gps": "drivers.gps.selftest",
}

# Further command groups (operator, provisioning) register themselves from these modules with register(subparsers).
COMMAND_MODULES: tuple[str, ...] = (
    "provisioning.operator_cli",
    "provisioning.provision_cli",
    "provisioning.doctor",
    "provisioning.inspect_cli",
)


def _module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def cmd_db_check(args: argparse.Namespace, out: TextIO) -> int:
    try:
        store = Store.open(Path(args.db), SystemClock(), migrate=False)
    except StoreError as exc:
        out.write(f"FAIL  {exc}\n")
        return 1
    try:
        out.write(f"ok    integrity check passed, schema version {store.schema_version()}\n")
        check = verify_journal(store)
        out.write(f"{'ok  ' if check.ok else 'FAIL'}  {check.describe()}\n")
        outbox = Outbox(store)
        out.write(f"info  outbox: {outbox.depth()} pending, {outbox.quarantined()} quarantined\n")
        return 0 if check.ok else 1
    finally:
        store.close()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kioskctl", description="e-Mitra Plus kiosk: operator and engineer tools")
    sub = parser.add_subparsers(dest="command", required=True)

    db = sub.add_parser("db", help="check the kiosk database")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    check = db_sub.add_parser("check", help="integrity check, schema version, journal chain, outbox depth")
    check.add_argument("--db", required=True, help="path of the kiosk database file")
    check.set_defaults(handler=cmd_db_check)

    families = {name: module for name, module in SELF_TESTS.items() if _module_exists(module)}
    if families:
        device = sub.add_parser("device", help="device self-tests")
        device_sub = device.add_subparsers(dest="device_command", required=True)
        test = device_sub.add_parser("test", help="self-test one device and print a verdict")
        family_sub = test.add_subparsers(dest="family", required=True)
        for family, module_name in families.items():
            module = importlib.import_module(module_name)
            family_parser = family_sub.add_parser(family, help=(module.__doc__ or "").strip().splitlines()[0])
            module.add_arguments(family_parser)
            family_parser.set_defaults(handler=module.run)

    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(sub)
    return parser


def main(argv: list[str] | None = None, out: TextIO | None = None) -> int:
    args = build_parser().parse_args(argv)
    result: int = args.handler(args, out or sys.stdout)
    return result


if __name__ == "__main__":
    sys.exit(main())
