"""`kioskctl doctor`: one screen that says what is wrong with this kiosk and what to do about it."""

from __future__ import annotations

import argparse
import enum
import json
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from kiosk.availability import MIN_FREE_DISK_BYTES
from kiosk.clock import Clock, SystemClock, iso_utc, parse_iso_utc
from kiosk.config import ConfigError, KioskConfig, load_config
from kiosk.journal import verify_journal
from kiosk.outbox import Outbox
from kiosk.store import Store, StoreError
from provisioning.detect import probe_configured
from provisioning.doctor_privileged import check_privileged
from provisioning.doctor_software import check_software
from sync.identity import SyncState
from sync.settings import agent_settings

EARLIEST_YEAR = 2025
HEARTBEAT_LATE_S = 3600
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
    config_path: Path = Path("/etc/kiosk/kiosk.toml")


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


def check_clock(p: Patient) -> list[Finding]:
    now = p.clock.now()
    if now.year < EARLIEST_YEAR:  # a flat RTC battery boots the board in 1970 or 2000
        return [
            Finding(Level.FAIL, f"clock says {now:%Y-%m-%d}", "set the time (timedatectl) and replace the RTC cell")
        ]
    return [Finding(Level.OK, f"clock: {iso_utc(now)}")]


def check_enrolment(p: Patient) -> list[Finding]:
    state = SyncState(p.store)
    kiosk_id = state.get("kiosk_id")
    if not kiosk_id:
        return [Finding(Level.FAIL, "not enrolled with the server", "run kioskctl provision with a new token")]
    beat = state.get("last_heartbeat")
    if not beat:
        return [Finding(Level.OK, f"enrolled as {kiosk_id}; no heartbeat yet (kiosk-agent sends one within minutes)")]
    age = (p.clock.now() - parse_iso_utc(beat)).total_seconds()
    if age > HEARTBEAT_LATE_S:
        return [
            Finding(
                Level.WARN,
                f"enrolled as {kiosk_id}; last heartbeat {age / 3600:.1f} h ago",
                "check the SIM/network and that kiosk-agent is running",
            )
        ]
    return [Finding(Level.OK, f"enrolled as {kiosk_id}; last heartbeat {age:.0f} s ago")]


def check_catalogue(p: Patient) -> list[Finding]:
    try:
        path = agent_settings(p.config).catalogue_file  # the config the doctor already loaded
    except ConfigError as exc:
        return [Finding(Level.FAIL, str(exc), "fix the [agent] section or run kioskctl provision again")]
    try:
        document = json.loads(path.read_bytes())
        version, expires = int(document["version"]), str(document["expires_at"])
        expired = parse_iso_utc(expires) <= p.clock.now()
    except FileNotFoundError:
        if SyncState(p.store).get("last_heartbeat"):
            return [Finding(Level.WARN, "no service catalogue yet", "check that kiosk-agent is running")]
        return [Finding(Level.OK, "service catalogue: not fetched yet (kiosk-agent fetches it at first contact)")]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return [Finding(Level.FAIL, f"service catalogue {path} unreadable ({exc})", "delete it: the agent refetches")]
    if expired:
        return [
            Finding(
                Level.FAIL,
                f"service catalogue v{version} expired at {expires}: the kiosk offers no services",
                "check the network and kiosk-agent (journalctl -u kiosk-agent)",
            )
        ]
    return [Finding(Level.OK, f"service catalogue v{version}, valid until {expires}")]


def check_devices(p: Patient) -> list[Finding]:
    """Each configured device answers its protocol — unless the touch app is running and owns the ports."""
    if _app_running():
        return [Finding(Level.OK, "devices: in use by kiosk.service (the screen's operator page shows their status)")]
    findings = []
    for kind, device in sorted(p.config.devices.items()):
        port = device.params.get("port")
        if isinstance(port, str) and port.startswith("/") and not Path(port).exists():
            findings.append(
                Finding(Level.FAIL, f"{kind}: {port} is missing", "check its USB cable and power; kioskctl provision")
            )
            continue
        answer = probe_configured(kind, dict(device.params), device.driver)
        if answer is None:
            findings.append(Finding(Level.OK, f"{kind}: not checked here (run kioskctl device test {kind})"))
        elif answer.ok:
            findings.append(Finding(Level.OK, f"{kind}: {answer.detail}"))
        else:
            level = Level.FAIL if answer.serious else Level.WARN
            findings.append(Finding(level, f"{kind}: {answer.detail}", answer.todo))
    return findings or [Finding(Level.WARN, "no devices configured", "run kioskctl provision to detect them")]


def _app_running() -> bool:
    systemctl = shutil.which("systemctl")
    if systemctl is None or not Path("/run/systemd/system").is_dir():
        return False
    state = subprocess.run([systemctl, "is-active", "kiosk.service"], capture_output=True, text=True, check=False)
    return state.stdout.strip() == "active"


CHECKS: list[Check] = [
    check_database,
    check_disk,
    check_clock,
    check_outbox,
    check_services,
    check_server,
    check_enrolment,
    check_catalogue,
    check_software,
    check_privileged,
    check_devices,
]


def examine(config_path: Path, clock: Clock, checks: list[Check] | None = None) -> list[Finding]:
    try:
        config = load_config(config_path)
    except ConfigError as exc:
        return [Finding(Level.FAIL, str(exc), "fix the config file or run kioskctl provision again")]
    try:
        store = Store.open(config.database, clock)
    except StoreError as exc:
        return [Finding(Level.FAIL, str(exc), "call the district office before touching the database file")]
    patient = Patient(config, store, clock, config_path)
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
