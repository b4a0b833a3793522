"""`kioskctl doctor`: one screen that says what is wrong with this kiosk and what to do about it."""

from __future__ import annotations

import argparse
import enum
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from kiosk.availability import MIN_FREE_DISK_BYTES
from kiosk.clock import Clock, SystemClock
from kiosk.config import ConfigError, KioskConfig, load_config
from kiosk.journal import verify_journal
from kiosk.outbox import Outbox
from kiosk.store import Store, StoreError

OUTBOX_STUCK_AFTER_S = 6 * 3600  # a day of 2G outages is normal; six hours with nothing delivered is worth a look


class Level(enum.StrEnum):
    OK = "ok"
    WARN = "warn"
    FAIL = "FAIL"


@dataclass(frozen=True, slots=True)
class Finding:
    level: Level
    what: str
    todo: str = ""


@dataclass
class Patient:
    config: KioskConfig
    store: Store
    clock: Clock


Check = Callable[[Patient], list[Finding]]


def check_database(p: Patient) -> list[Finding]:
    journal = verify_journal(p.store)
    findings = [Finding(Level.OK, f"database {p.store.path}: integrity ok, schema {p.store.schema_version()}")]
    if journal.ok:
        findings.append(Finding(Level.OK, journal.describe()))
    else:
        findings.append(
            Finding(Level.FAIL, journal.describe(), "do not delete anything; report it to the district office")
        )
    return findings


def check_disk(p: Patient) -> list[Finding]:
    free = shutil.disk_usage(p.store.path.parent).free
    if free < MIN_FREE_DISK_BYTES:
        return [Finding(Level.FAIL, f"disk almost full: {free // 2**20} MB free", "remove old logs in /var/log")]
    return [Finding(Level.OK, f"disk: {free // 2**20} MB free")]


def check_outbox(p: Patient) -> list[Finding]:
    outbox = Outbox(p.store)
    findings = []
    age = outbox.oldest_pending_age_s(p.clock.now())
    if age is not None and age > OUTBOX_STUCK_AFTER_S:
        findings.append(
            Finding(
                Level.WARN,
                f"outbox stuck: {outbox.depth()} events waiting, oldest {age / 3600:.1f} h",
                "check the network (SIM, antenna) and that kiosk-agent is running",
            )
        )
    else:
        findings.append(Finding(Level.OK, f"outbox: {outbox.depth()} waiting"))
    if outbox.quarantined():
        findings.append(
            Finding(Level.WARN, f"{outbox.quarantined()} events refused by the server", "the district office must look")
        )
    return findings


def check_services(p: Patient) -> list[Finding]:
    systemctl = shutil.which("systemctl")
    if not Path("/run/systemd/system").is_dir():  # sd_booted(): this machine did not boot with systemd
        return [Finding(Level.OK, "services: not running under systemd here (a test root); nothing to check")]
    if systemctl is None:
        return [Finding(Level.WARN, "cannot ask systemd about the services (systemctl missing)")]
    findings = []
    for unit in ("kiosk.service", "kiosk-agent.service"):
        state = subprocess.run([systemctl, "is-active", unit], capture_output=True, text=True, check=False)
        active = state.stdout.strip()
        if active == "active":
            findings.append(Finding(Level.OK, f"{unit} running"))
        else:
            findings.append(
                Finding(
                    Level.FAIL, f"{unit} is {active or 'unknown'}", f"systemctl restart {unit}; journalctl -u {unit}"
                )
            )
    return findings


def check_server(p: Patient) -> list[Finding]:
    if not p.config.server.url:
        return [Finding(Level.FAIL, "no central server configured", "run kioskctl provision")]
    return [Finding(Level.OK, f"server: {p.config.server.url}")]


CHECKS: list[Check] = [check_database, check_disk, check_outbox, check_services, check_server]


def examine(config_path: Path, clock: Clock, checks: list[Check] | None = None) -> list[Finding]:
    try:
        config = load_config(config_path)
    except ConfigError as exc:
        return [Finding(Level.FAIL, str(exc), "fix the config file or run kioskctl provision again")]
    try:
        store = Store.open(config.database, clock)
    except StoreError as exc:
        return [Finding(Level.FAIL, str(exc), "call the district office before touching the database file")]
    patient = Patient(config, store, clock)
    try:
        return [finding for check in (checks or CHECKS) for finding in check(patient)]
    finally:
        store.close()


def cmd_doctor(args: argparse.Namespace, out: TextIO) -> int:
    findings = examine(Path(args.config), SystemClock())
    for finding in findings:
        out.write(f"{finding.level.value:<5} {finding.what}\n")
        if finding.todo:
            out.write(f"      → {finding.todo}\n")
    worst = max((f.level for f in findings), key=[Level.OK, Level.WARN, Level.FAIL].index)
    out.write({Level.OK: "all green\n", Level.WARN: "working, with warnings\n", Level.FAIL: "NOT OK\n"}[worst])
    return 0 if worst is not Level.FAIL else 1


def register(sub: Any) -> None:
    doctor = sub.add_parser("doctor", help="what is wrong with this kiosk, and what to do")
    doctor.add_argument("--config", default="/etc/kiosk/kiosk.toml")
    doctor.set_defaults(handler=cmd_doctor)
