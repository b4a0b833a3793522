"""`kioskctl inspect`: an inspection or repair record — evidence for the dashboard, journaled and synced."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any, TextIO

from kiosk.clock import SystemClock
from kiosk.config import ConfigError, load_config
from kiosk.store import Store, StoreError
from provisioning.doctor import Level, examine

KINDS = ("inspection", "repair")
_ENGINEER = re.compile(r"[A-Za-z0-9_-]{2,32}")
_ITEM = re.compile(r"[\w .,/()+-]{2,60}")


def _items(values: list[str] | None, what: str) -> list[str]:
    items = [v.strip() for value in values or [] for v in value.split(",") if v.strip()]
    for item in items:
        if not _ITEM.fullmatch(item):
            raise ValueError(f"{what} {item!r}: use 2–60 letters, digits and simple punctuation")
    return items


def cmd_inspect(args: argparse.Namespace, out: TextIO) -> int:
    if not _ENGINEER.fullmatch(args.engineer):
        out.write("FAIL  --engineer must be your engineer id (2–32 letters, digits, '-' or '_')\n")
        return 1
    try:
        checked = _items(args.checked, "checked item")
        replaced = _items(args.replaced, "replaced part")
        config = load_config(Path(args.config))
        store = Store.open(config.database, SystemClock())
    except (ValueError, ConfigError, StoreError) as exc:
        out.write(f"FAIL  {exc}\n")
        return 1
    try:
        findings = examine(Path(args.config), SystemClock())
        geo = json.loads(store.get_meta("geo_tag") or "null")
        record = {
            "kind": args.kind,
            "engineer": args.engineer,
            "checked": checked,
            "replaced": replaced,
            "notes": " ".join((args.notes or "").split())[:500],
            "self_test": {f.what: f.level.value for f in findings},
            "healthy": all(f.level is not Level.FAIL for f in findings),
            "geo_tag": geo,
        }
        with store.write(args.engineer) as uow:
            item = uow.record(f"kiosk.{args.kind}", "kiosk", record)
    finally:
        store.close()
    out.write(f"ok    {args.kind} recorded (event {item.seq}); kiosk-agent delivers it to the server\n")
    for finding in findings:
        out.write(f"      {finding.level.value:<5} {finding.what}\n")
    return 0


def register(sub: Any) -> None:
    inspect = sub.add_parser("inspect", help="record an inspection or repair visit (synced to the dashboard)")
    inspect.add_argument("--config", default="/etc/kiosk/kiosk.toml")
    inspect.add_argument("--engineer", required=True, help="your engineer id")
    inspect.add_argument("--kind", choices=KINDS, default="inspection")
    inspect.add_argument("--checked", action="append", help="what was checked (repeat, or comma-separated)")
    inspect.add_argument("--replaced", action="append", help="parts replaced (repeat, or comma-separated)")
    inspect.add_argument("--notes", help="free text, up to 500 characters")
    inspect.set_defaults(handler=cmd_inspect)
