"""`kioskctl provision`: one resumable sequence of steps that leaves a machine configured, installed and recorded.

Each step is idempotent and records its result in the root's state file, so a half-finished provisioning resumes
where it stopped and a re-run on a provisioned machine repairs instead of duplicating.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from drivers import registry
from kiosk.clock import Clock, iso_utc
from kiosk.config import ConfigError, DeviceConfig
from kiosk.store import Store, StoreError
from provisioning import summary
from provisioning.answers import DETECTABLE, Answers
from provisioning.configfile import ConfigFileError, devices_of, merge_table, read_document, set_devices, write_document
from provisioning.detect import detect
from provisioning.devices import self_test
from provisioning.geo import (
    MOVED_THRESHOLD_M,
    SAME_PLACE_M,
    GeoError,
    Position,
    check_in_rajasthan,
    distance_m,
    parse_manual,
    take_fix,
)
from provisioning.install import go_live, install_units, is_live, release_devices
from provisioning.privileged_setup import keep_install_keys, set_privileged_spool, takes_releases
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
    """Identity, hours, rules, server and agent from the answers, set key by key; [devices] is the next step's."""
    database = Path("/", STATE_DIR, "kiosk.db") if ctx.root == Path("/") else ctx.database
    wanted = ctx.answers.config_document(database)
    try:
        document = read_document(ctx.config_path)
        for name in ("kiosk", "hours", "rules", "server", "agent"):
            values = wanted.get(name, {})
            if name == "agent":
                values = keep_install_keys(ctx.config_path, values)
            if values or name in document:
                merge_table(document, name, values, prune=name != "server")
        changed = write_document(ctx.config_path, document)
    except ConfigFileError as exc:
        raise StepFailed(str(exc)) from None
    return f"config {'written' if changed else 'unchanged'} ({ctx.config_path})"


def step_database(ctx: Context) -> str:
    ctx.database.parent.mkdir(parents=True, exist_ok=True)
    try:
        store = Store.open(ctx.database, ctx.clock)
    except StoreError as exc:
        raise StepFailed(f"{exc}. Move the file aside and run provision again to start a fresh database") from None
    version = store.schema_version()
    store.close()
    return f"database ready, schema version {version}"


def step_devices(ctx: Context) -> str:
    """Detect what the answers do not name, write [devices], then self-test every configured device."""
    if is_live(ctx.root) and release_devices():
        ctx.out.write("info  kiosk.service stopped for the device tests; the install step starts it again\n")
    explicit = {kind: dict(section) for kind, section in ctx.answers.devices.items()}
    detection = detect(
        [kind for kind in DETECTABLE if kind not in explicit], biometric_ports=ctx.answers.biometric_ports
    )
    try:
        document = read_document(ctx.config_path)
        before = devices_of(document)
        devices = {kind: section for kind, section in before.items() if kind not in DETECTABLE}  # set by hand
        devices |= {found.kind: found.section for found in detection.found} | explicit
        set_devices(document, devices)
        changed = write_document(ctx.config_path, document)
    except ConfigFileError as exc:
        raise StepFailed(str(exc)) from None
    evidence = {found.kind: found for found in detection.found}
    ctx.facts["devices"] = {
        kind: {
            **section,
            "found_by": "detected" if kind in evidence else "answers" if kind in explicit else "config",
            **({"evidence": evidence[kind].evidence} if kind in evidence else {}),
            **({"usb_id": evidence[kind].usb_id} if kind in evidence and evidence[kind].usb_id else {}),
        }
        for kind, section in sorted(devices.items())
    }
    lines = [f"{kind} {'detected: ' + evidence[kind].evidence if kind in evidence else 'from the answers'}"
             for kind in sorted(set(evidence) | set(explicit))]  # fmt: skip
    lost = sorted(kind for kind in before if kind in DETECTABLE and kind not in devices)
    missing = [kind for kind in ctx.answers.required if kind not in devices]
    if missing:
        seen = "; ".join(detection.unconfirmed) or "no known USB serial device answered"
        raise StepFailed(
            f"no {', '.join(missing)} found ({seen}). Plug it in and power it on, check its cable, or name its port in"
            f' [devices.{missing[0]}] of the answers (e.g. port = "/dev/ttyUSB0"); a kiosk built without it:'
            " leave it out of [detect].required"
        )
    reports = []
    results: dict[str, dict[str, object]] = {}
    for kind, section in sorted(devices.items()):
        if kind == "gps":
            continue  # its handshake was the NMEA sentence; the geo-tag step's fix is its self-test
        params = {k: v for k, v in section.items() if k != "driver"}
        passed, report = self_test(kind, params, driver=str(section.get("driver", "")))
        results[kind] = {"passed": passed, "report": report}
        if not passed:
            ctx.facts["self_test"] = results
            raise StepFailed(f"{report} — check the cable and power, then run provision again")
        reports.append(report)
    ctx.facts["self_test"] = results
    head = f"[devices] {'written' if changed else 'unchanged'}"
    if lost:
        head += f"; no longer found: {', '.join(lost)}"
    return "; ".join([head, *lines, *reports]) if devices else f"{head}; no devices"


def step_geotag(ctx: Context) -> str:
    """A GPS fix when there is a receiver; the manual position only without one or without a fix."""
    devices = ctx.facts.get("devices")
    gps = devices.get("gps") if isinstance(devices, dict) else None
    manual = ctx.answers.geotag
    how = ""
    position: Position | None = None
    if isinstance(gps, dict) and isinstance(gps.get("port"), str):
        attempt = take_fix(
            gps["port"], wait_s=ctx.answers.gps_wait_s, max_accuracy_m=ctx.answers.gps_max_accuracy_m,
            baudrate=int(gps.get("baudrate", 9600)),
        )  # fmt: skip
        position = attempt.position
        self_tests = ctx.facts.setdefault("self_test", {})
        if isinstance(self_tests, dict):
            self_tests["gps"] = {"passed": position is not None, "report": f"gps: {attempt.report}"}
        if position is not None:
            try:
                check_in_rajasthan(position.latitude, position.longitude)
            except GeoError:
                raise StepFailed(
                    f"the GPS receiver reports {position.latitude:.5f}, {position.longitude:.5f}, outside Rajasthan."
                    " Put the antenna where it sees the sky and run provision again; if the receiver is faulty,"
                    ' replace it, or unplug it and give [geotag].manual = "lat, lon"'
                ) from None
            how = "GPS fix"
        elif not manual:
            raise StepFailed(
                f"{attempt.detail} from the GPS receiver and no manual position: move the antenna near a window"
                ' and run provision again, or give [geotag].manual = "lat, lon" (e.g. "26.9124, 75.7873")'
            )
        else:
            how = f"manual position: {attempt.detail} from the GPS receiver"
    elif manual:
        how = "manual position: no GPS receiver"
    else:
        raise StepFailed('no GPS receiver and no manual position: give [geotag].manual = "lat, lon" in the answers')
    if position is None:
        try:
            position = parse_manual(manual)
        except GeoError as exc:
            raise StepFailed(str(exc)) from None
    ctx.facts["geotag_how"] = how
    return _register_position(ctx, position, how)


def _register_position(ctx: Context, position: Position, how: str) -> str:
    store = Store.open(ctx.database, ctx.clock)
    try:
        # The agent reports meta geo_tag in every heartbeat ({lat, lon, accuracy_m, source, fixed_at}).
        registered = json.loads(store.get_meta(GEO_TAG_KEY) or "null")
        note = ""
        if isinstance(registered, dict):
            old = Position(registered["lat"], registered["lon"], registered.get("accuracy_m"), registered["source"])
            moved = distance_m(old, position)
            # Two GPS fixes of a machine that has not moved differ by metres: keep the registered one.
            if old.source == position.source and moved <= SAME_PLACE_M:
                return f"geo-tag unchanged ({old.latitude:.5f}, {old.longitude:.5f}, {how}; {moved:.0f} m away)"
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
    return f"geo-tag {position.latitude:.5f}, {position.longitude:.5f} ({how}){note}"


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


def step_install(ctx: Context) -> str:
    try:
        result = install_units(ctx.root, releases=takes_releases(ctx.config_path))
        spool_set = set_privileged_spool(ctx.config_path, ctx.root)
    except PermissionError as exc:
        raise StepFailed(f"cannot install units ({exc}); run as root") from None
    except ConfigFileError as exc:
        raise StepFailed(str(exc)) from None
    enabled = "enabled" if result.enabled else "NOT enabled (systemctl missing)"
    message = f"units installed: {len(result.written)} written, {len(result.unchanged)} unchanged; services {enabled}"
    if spool_set:
        message += "; [agent].privileged_spool set"
    if is_live(ctx.root):
        failed = go_live()
        if failed:
            raise StepFailed(f"{message}, but {'; '.join(failed)} failed: see journalctl -xe, then run provision again")
        message += "; kiosk-agent and kiosk restarted"
    return message


def step_summary(ctx: Context) -> str:
    """Send the `kiosk.provisioned` event (once per distinct summary), then print the summary on the receipt printer."""
    store = Store.open(ctx.database, ctx.clock)
    try:
        devices = ctx.facts.get("devices", {})
        self_tests = ctx.facts.get("self_test", {})
        document = summary.payload(
            identity=ctx.answers.identity,
            hours=ctx.answers.hours,
            kiosk_id=SyncState(store).get("kiosk_id") or "",
            engineer=ctx.answers.engineer,
            geo_tag=json.loads(store.get_meta(GEO_TAG_KEY) or "null"),
            geotag_how=str(ctx.facts.get("geotag_how", "")),
            devices=devices if isinstance(devices, dict) else {},
            self_test=self_tests if isinstance(self_tests, dict) else {},
        )
        digest = summary.digest(document)
        seq: int | None = None
        if store.get_meta(summary.DIGEST_KEY) != digest:
            with store.write(ctx.answers.engineer) as uow:
                seq = uow.record(summary.EVENT, "kiosk", document).seq
                uow.set_meta(summary.DIGEST_KEY, digest)
    finally:
        store.close()
    sent = (
        f"{summary.EVENT} queued for the server (event {seq})" if seq is not None else "summary unchanged, sent before"
    )
    printer = document["devices"].get("printer")
    if not isinstance(printer, dict):
        return f"{sent}; not printed (no receipt printer)"
    layout = summary.receipt(document, printed_at=ctx.clock.now(), event_seq=seq, server_url=ctx.answers.server_url)
    config = DeviceConfig("printer", str(printer["driver"]), {k: v for k, v in printer.items() if k != "driver"})
    device = registry.build(config, ctx.clock)
    try:
        outcome = device.print_job(f"provision-{ctx.clock.now().timestamp():.0f}", layout)
    finally:
        device.close()
    if not outcome.printed:
        raise StepFailed(f"{sent}, but the summary did not print ({outcome.status.value}: {outcome.detail});"
                         " load paper / close the cover and run provision again")  # fmt: skip
    return f"{sent}; printed on the receipt printer"


STEPS: list[tuple[str, Step]] = [
    ("config", step_config),
    ("database", step_database),
    ("devices", step_devices),
    ("geotag", step_geotag),
    ("enrol", step_enrol),
    ("install", step_install),
    ("summary", step_summary),
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
