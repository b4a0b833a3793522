"""`kioskctl provision`: one resumable sequence of steps that leaves a machine configured, installed and recorded.

Each step is idempotent and records its result in the root's state file, so a half-finished provisioning resumes
where it stopped and a re-run on a provisioned machine repairs instead of duplicating.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import tomli_w

from kiosk.clock import Clock, iso_utc
from kiosk.config import ConfigError
from kiosk.store import Store, StoreError
from provisioning.answers import Answers
from provisioning.devices import detect_usb_serial, self_test
from provisioning.geo import MOVED_THRESHOLD_M, GeoError, Position, distance_m, parse_manual
from provisioning.install import install_units
from sync.agent import enrol
from sync.client import Refusal, TransportError
from sync.identity import SyncState
from sync.settings import load_settings

CONFIG_PATH = "etc/kiosk/kiosk.toml"
GEO_TAG_KEY = "geo_tag"
STATE_DIR = "var/lib/kiosk"


class StepFailed(RuntimeError):
    """A step that could not finish; the message says what went wrong and how to fix it."""


@dataclass
class Context:
    root: Path
    answers: Answers
    clock: Clock
    out: TextIO
    facts: dict[str, object] = field(default_factory=dict)

    @property
    def config_path(self) -> Path:
        return self.root / CONFIG_PATH

    @property
    def database(self) -> Path:
        return self.root / STATE_DIR / "kiosk.db"

    @property
    def state_path(self) -> Path:
        return self.root / STATE_DIR / "provision.json"


Step = Callable[[Context], str]


def step_config(ctx: Context) -> str:
    document = ctx.answers.config_document(Path("/", STATE_DIR, "kiosk.db") if ctx.root == Path("/") else ctx.database)
    text = tomli_w.dumps(document)
    try:
        ctx.config_path.parent.mkdir(parents=True, exist_ok=True)
        if ctx.config_path.exists() and ctx.config_path.read_text(encoding="utf-8") == text:
            return f"config unchanged ({ctx.config_path})"
        temporary = ctx.config_path.with_suffix(".toml.new")
        temporary.write_text(text, encoding="utf-8")
        os.chmod(temporary, 0o640)
        temporary.replace(ctx.config_path)
    except PermissionError:
        raise StepFailed(f"cannot write {ctx.config_path}: run kioskctl provision as root (sudo)") from None
    except OSError as exc:
        raise StepFailed(f"cannot write {ctx.config_path} ({exc.strerror}): check that folder") from None
    return f"config written ({ctx.config_path})"


def step_database(ctx: Context) -> str:
    ctx.database.parent.mkdir(parents=True, exist_ok=True)
    try:
        store = Store.open(ctx.database, ctx.clock)
    except StoreError as exc:
        raise StepFailed(f"{exc}. Move the file aside and run provision again to start a fresh database") from None
    version = store.schema_version()
    store.close()
    return f"database ready, schema version {version}"


def step_geotag(ctx: Context) -> str:
    if not ctx.answers.geotag:
        raise StepFailed('no GPS fix and no manual position: give [geotag].manual = "lat, lon" in the answers')
    try:
        position = parse_manual(ctx.answers.geotag)
    except GeoError as exc:
        raise StepFailed(str(exc)) from None
    store = Store.open(ctx.database, ctx.clock)
    try:
        # The agent reports meta geo_tag in every heartbeat ({lat, lon, accuracy_m, source, fixed_at}).
        registered = json.loads(store.get_meta(GEO_TAG_KEY) or "null")
        note = ""
        if isinstance(registered, dict):
            old = Position(registered["lat"], registered["lon"], registered.get("accuracy_m"), registered["source"])
            if (old.latitude, old.longitude, old.source) == (position.latitude, position.longitude, position.source):
                return f"geo-tag unchanged ({position.latitude:.5f}, {position.longitude:.5f})"
            moved = distance_m(old, position)
            if moved > MOVED_THRESHOLD_M:
                note = f"; moved {moved / 1000:.1f} km from the registered position — the dashboard will flag it"
        value = {
            "lat": position.latitude,
            "lon": position.longitude,
            "accuracy_m": position.accuracy_m,
            "source": position.source,
            "fixed_at": iso_utc(ctx.clock.now()),
        }
        with store.write(ctx.answers.engineer) as uow:
            uow.set_meta(GEO_TAG_KEY, json.dumps(value, sort_keys=True))
            uow.record("kiosk.geotagged", "kiosk", value)
    finally:
        store.close()
    return f"geo-tag {position.latitude:.5f}, {position.longitude:.5f} ({position.source}){note}"


def step_enrol(ctx: Context) -> str:
    """Generate the kiosk key and trade the engineer's one-time token for a kiosk id (skipped once enrolled)."""
    try:
        settings = load_settings(ctx.config_path)
    except ConfigError as exc:
        raise StepFailed(str(exc)) from None
    store = Store.open(ctx.database, ctx.clock)
    try:
        known = SyncState(store).get("kiosk_id")
        if known:
            return f"already enrolled as kiosk {known}"
        try:
            enrolment = enrol(settings, store, ctx.answers.enrolment_token)
        except Refusal as exc:
            raise StepFailed(
                f"the server refused the enrolment token ({exc}); ask the district office for a new token"
            ) from None
        except TransportError as exc:
            raise StepFailed(f"{exc}; check the SIM/network and run provision again — done steps are kept") from None
    finally:
        store.close()
    return f"enrolled as kiosk {enrolment.kiosk_id}; key in {settings.key_file}"


def step_devices(ctx: Context) -> str:
    """Self-test every device in the config; without any, say which known USB devices are plugged in."""
    devices = ctx.answers.devices
    if not devices:
        found = detect_usb_serial()
        if not found:
            return "no devices configured and none of the known USB devices found (a test root, or unplugged)"
        listed = "; ".join(f"{f.family} at {f.node} ({f.vendor}:{f.product})" for f in found)
        raise StepFailed(f"found {listed}: add a [devices.<kind>] section with its port to the answers")
    reports = []
    for kind, section in sorted(devices.items()):
        params = {k: v for k, v in section.items() if k != "driver"} if isinstance(section, dict) else {}
        passed, report = self_test(kind, params)
        if not passed:
            raise StepFailed(f"{report} — check the cable and power, then run provision again")
        reports.append(report)
    return "; ".join(reports)


def step_install(ctx: Context) -> str:
    try:
        result = install_units(ctx.root)
    except PermissionError as exc:
        raise StepFailed(f"cannot install units ({exc}); run as root") from None
    enabled = "enabled" if result.enabled else "NOT enabled (systemctl missing)"
    return f"units installed: {len(result.written)} written, {len(result.unchanged)} unchanged; services {enabled}"


STEPS: list[tuple[str, Step]] = [
    ("config", step_config),
    ("database", step_database),
    ("geotag", step_geotag),
    ("devices", step_devices),
    ("enrol", step_enrol),
    ("install", step_install),
]


def run(ctx: Context, steps: list[tuple[str, Step]] | None = None) -> bool:
    """Run every step in order; stop at the first failure, keeping what was done for the next run."""
    state = _load_state(ctx.state_path)
    for name, step in steps or STEPS:
        try:
            message = step(ctx)
        except StepFailed as exc:
            state[name] = {"ok": False, "at": iso_utc(ctx.clock.now()), "message": str(exc)}
            _save_state(ctx.state_path, state)
            ctx.out.write(f"FAIL  {name}: {exc}\n")
            ctx.out.write("      fix this and run the same command again; finished steps are kept\n")
            return False
        state[name] = {"ok": True, "at": iso_utc(ctx.clock.now()), "message": message}
        _save_state(ctx.state_path, state)
        ctx.out.write(f"ok    {name}: {message}\n")
    return True


def _load_state(path: Path) -> dict[str, dict[str, object]]:
    if not path.exists():
        return {}
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _save_state(path: Path, state: dict[str, dict[str, object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".json.new")
    temporary.write_text(json.dumps(state, indent=2, ensure_ascii=False), encoding="utf-8")
    temporary.replace(path)
