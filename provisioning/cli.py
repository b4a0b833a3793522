"""`kioskctl`: one command for the people who look after the kiosk; every subcommand works without prompts too."""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path
from typing import Any, TextIO

from drivers import registry
from kiosk.clock import SystemClock
from kiosk.devices.plugin import DevicePlugin
from kiosk.journal import verify_journal
from kiosk.outbox import Outbox
from kiosk.store import Store, StoreError

# Further command groups (operator, provisioning) register themselves from these modules with register(subparsers).
COMMAND_MODULES: tuple[str, ...] = (
    "provisioning.operator_cli",
    "provisioning.provision_cli",
    "provisioning.doctor",
    "provisioning.inspect_cli",
    "provisioning.update_cli",
)


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

    families = registry.families()
    if families:
        device = sub.add_parser("device", help="device self-tests")
        device_sub = device.add_subparsers(dest="device_command", required=True)
        test = device_sub.add_parser("test", help="self-test one device and print a verdict")
        family_sub = test.add_subparsers(dest="family", required=True)
        for family, models in sorted(families.items()):
            _add_family(family_sub, family, models)

    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(sub)
    return parser


def _add_family(family_sub: Any, family: str, models: list[DevicePlugin]) -> None:
    """`kioskctl device test <family> [--model M] …`: every model's options (they share --port and friends)."""
    default = models[0]  # the registry lists a family's models by rank
    parser = family_sub.add_parser(family, help=default.summary, conflict_handler="resolve")
    parser.add_argument(
        "--model", choices=[m.model for m in models], default=default.model, help="the device model (driver)"
    )
    for model in sorted(models, key=lambda m: m is default):
        model.add_arguments(parser)  # the default model's options win where two models define one differently
    parser.set_defaults(handler=cmd_device_test)


def cmd_device_test(args: argparse.Namespace, out: TextIO) -> int:
    plugin = registry.plugin(args.family, args.model)
    # The family's parser carries every model's options; this model gets only its own.
    own = argparse.ArgumentParser(add_help=False)
    plugin.add_arguments(own)
    mine = {action.dest for action in own._actions}
    options = {key: value for key, value in vars(args).items() if key in mine}

    def say(line: str) -> None:
        out.write(line + "\n")
        out.flush()

    return plugin.selftest(options, say).verdict.exit_code


def main(argv: list[str] | None = None, out: TextIO | None = None) -> int:
    args = build_parser().parse_args(argv)
    result: int = args.handler(args, out or sys.stdout)
    return result


if __name__ == "__main__":
    sys.exit(main())
