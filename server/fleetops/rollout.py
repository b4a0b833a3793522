"""Staged rollout of a release: waves of kiosks (pilot → block → district → all) written into release_targets,
advanced when a wave reports the version running, paused when too many fail, resumed by an officer."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from server.dashboard.auth import Officer
from server.db import Database, Tx
from server.fleetops.remote import CommandError, check_role, iso, load_officer

log = logging.getLogger("kiosk-server.rollout")
WAVE = re.compile(r"^(pilot:[1-9][0-9]{0,4}|block:[^,:]{1,80}|district:[^,:]{1,80}|all)$")
VERSION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.+_-]{0,31}$")
BUSY = ("downloading", "downloaded", "waiting", "switching")
ROLLOUTS = 0x6B696F736B03  # pg_advisory lock key ("kiosk" + 3), next to server/leader.py's


def parse_waves(text: str) -> list[str]:
    """'pilot:5,block:Chaksu,district:Jaipur,all' → the wave specs in order; a bad one is named."""
    waves = [w.strip() for w in text.split(",") if w.strip()]
    if not waves:
        raise CommandError("--waves needs at least one wave, e.g. pilot:5,block:Chaksu,district:Jaipur,all")
    for wave in waves:
        if not WAVE.match(wave):
            raise CommandError(f"wave {wave[:40]!r}: expected pilot:N, block:<name>, district:<name> or all")
    if len(set(waves)) != len(waves):
        raise CommandError("a wave appears twice in --waves")
    return waves


def start(db: Database, username: str, version: str, waves_text: str, now: datetime, *, manifest_sha256: str = "",
          threshold: float = 0.2, advance_at: float = 0.9) -> list[str]:  # fmt: skip
    """Create the rollout and start its first wave. Only a district officer (or the division) may."""
    if not VERSION.match(version):
        raise CommandError(f"version {version[:40]!r}: 1-32 letters, digits, '.', '+', '_' or '-'")
    if not (0.0 < threshold < 1.0 and 0.0 < advance_at <= 1.0):
        raise CommandError("--pause-above must be between 0 and 1 and --advance-at in (0, 1]")
    waves = parse_waves(waves_text)
    with db.tx() as tx:
        officer = load_officer(tx, username)
        check_role(officer, "rollout")
        if tx.one("SELECT 1 FROM rollouts WHERE version = ?", (version,)) is not None:
            raise CommandError(f"version {version} is already being rolled out (see `admin rollout-status`)")
        tx.execute(
            "INSERT INTO rollouts (version, manifest_sha256, created_by, created_at, failure_threshold, advance_at,"
            " state, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'running', ?)",
            (version, manifest_sha256, officer.username, iso(now), threshold, advance_at, iso(now)),
        )
        tx.many("INSERT INTO rollout_waves (version, position, spec) VALUES (?, ?, ?)",
                [(version, n, wave) for n, wave in enumerate(waves)])  # fmt: skip
        for wave in waves:
            _check_place(tx, officer, wave)
        _start_wave(tx, officer, version, 0, waves[0], now)
    log.info("officer %s started rolling out %s in waves %s", username, version, ",".join(waves))
    return waves


def resume(db: Database, username: str, version: str, now: datetime) -> None:
    """An officer looked at the failures and lets the rollout go on; those failures no longer count against it."""
    with db.tx() as tx:
        officer = load_officer(tx, username)
        check_role(officer, "rollout")
        row = tx.one("SELECT state FROM rollouts WHERE version = ?", (version,))
        if row is None:
            raise CommandError(f"no rollout of version {version[:32]!r}")
        if row[0] != "paused":
            raise CommandError(f"the rollout of {version} is {row[0]}, not paused")
        failed = progress(tx, version).failed
        tx.execute("UPDATE rollouts SET state = 'running', paused_reason = NULL, acked_failures = ?, updated_at = ?"
                   " WHERE version = ?", (failed, iso(now), version))  # fmt: skip
    log.info("officer %s resumed the rollout of %s", username, version)


def _check_place(tx: Tx, officer: Officer, wave: str) -> None:
    """A block or district wave names a place with machines this officer can see (a typo would be an empty wave)."""
    kind, _, name = wave.partition(":")
    if kind not in ("block", "district"):
        return
    where, params = officer.where()
    if tx.one(f"SELECT 1 FROM dash_sites s WHERE {where} AND s.{kind} = ? LIMIT 1", [*params, name]) is None:
        raise CommandError(f"wave {wave!r}: no {kind} {name!r} among the machines {officer.username} looks after")


def _start_wave(tx: Tx, officer: Officer, version: str, position: int, spec: str, now: datetime) -> int:
    """Point the wave's kiosks (within the starting officer's scope, not yet on this version) at the release."""
    where, params = officer.where()
    kind, _, name = spec.partition(":")
    if kind in ("block", "district"):
        where += f" AND s.{kind} = ?"
        params.append(name)
    limit = f" LIMIT {int(name)}" if kind == "pilot" else ""
    rows = tx.all(
        "SELECT s.kiosk_id FROM dash_sites s JOIN kiosks k ON k.id = s.kiosk_id WHERE k.revoked = 0 AND " + where
        + " AND s.kiosk_id NOT IN (SELECT kiosk_id FROM release_targets WHERE version = ?) ORDER BY s.code" + limit,
        [*params, version],
    )  # fmt: skip
    label = f"{position}:{spec}"
    tx.many(
        "INSERT INTO release_targets (kiosk_id, version, wave, assigned_at) VALUES (?, ?, ?, ?) ON CONFLICT (kiosk_id)"
        " DO UPDATE SET version = excluded.version, wave = excluded.wave, assigned_at = excluded.assigned_at",
        [(str(r[0]), version, label, iso(now)) for r in rows],
    )
    tx.execute(
        "UPDATE rollout_waves SET started_at = ? WHERE version = ? AND position = ?", (iso(now), version, position)
    )
    log.info("rollout %s: wave %s started with %d kiosks", version, label, len(rows))
    return len(rows)


@dataclass
class Progress:
    assigned: int = 0
    running: int = 0
    busy: int = 0
    failed: int = 0  # failed or rolled back
    wave_assigned: int = 0
    wave_running: int = 0
    wave_failed: int = 0
    by_kiosk: dict[str, str] = field(default_factory=dict)


def software_state(body: str | None, version: str) -> str:
    """'running', 'busy', 'failed' or 'waiting' for this version, from a heartbeat body's `software`."""
    try:
        software = json.loads(body).get("software") if body else None
    except (ValueError, AttributeError):
        software = None
    if not isinstance(software, dict):
        return "waiting"
    if software.get("running") == version and software.get("update_state") not in ("failed", "rolled_back"):
        return "running"
    if software.get("update_version") == version:
        state = software.get("update_state")
        return "failed" if state in ("failed", "rolled_back") else "busy" if state in BUSY else "waiting"
    return "waiting"


def progress(tx: Tx, version: str, wave: str | None = None) -> Progress:
    rows = tx.all("SELECT t.kiosk_id, t.wave, h.body FROM release_targets t LEFT JOIN heartbeats h"
                  " ON h.kiosk_id = t.kiosk_id WHERE t.version = ?", (version,))  # fmt: skip
    found = Progress()
    for kiosk_id, label, body in rows:
        state = software_state(body, version)
        found.by_kiosk[str(kiosk_id)] = state
        found.assigned += 1
        found.running += state == "running"
        found.busy += state == "busy"
        found.failed += state == "failed"
        if label == wave:
            found.wave_assigned += 1
            found.wave_running += state == "running"
            found.wave_failed += state == "failed"
    return found


def advance(db: Database, now: datetime) -> list[str]:
    """One pass over running rollouts: pause on failures, start the next wave when this one is done enough.

    Returns what happened, for the log and tests. Safe to run on several replicas: a wave starts once (its
    started_at is checked in the same transaction) and release_targets is an upsert.
    """
    happened: list[str] = []
    with db.tx() as tx:
        if db.postgres:  # replicas take turns: one pass at a time sees and starts a wave
            tx.execute("SELECT pg_advisory_xact_lock(?)", (ROLLOUTS,))
        for version, threshold, advance_at, acked, creator in tx.all(
            "SELECT version, failure_threshold, advance_at, acked_failures, created_by FROM rollouts"
            " WHERE state = 'running'"
        ):
            happened += _advance_one(tx, str(version), float(threshold), float(advance_at), int(acked), str(creator),
                                     now)  # fmt: skip
    for line in happened:
        log.warning("rollout: %s", line)
    return happened


def _advance_one(tx: Tx, version: str, threshold: float, advance_at: float, acked: int, creator: str,
                 now: datetime) -> list[str]:  # fmt: skip
    waves = tx.all("SELECT position, spec, started_at, finished_at FROM rollout_waves WHERE version = ?"
                   " ORDER BY position", (version,))  # fmt: skip
    current = next((w for w in waves if w[2] is not None and w[3] is None), None)
    label = None if current is None else f"{current[0]}:{current[1]}"
    found = progress(tx, version, label)
    new_failures = found.failed - acked
    if new_failures > 0 and new_failures / max(found.assigned, 1) > threshold:
        reason = f"{new_failures} of {found.assigned} kiosks failed or rolled back (limit {threshold:.0%})"
        tx.execute("UPDATE rollouts SET state = 'paused', paused_reason = ?, updated_at = ? WHERE version = ?",
                   (reason, iso(now), version))  # fmt: skip
        return [f"{version} paused: {reason}"]
    if current is None:
        return []
    # Failures that did not pause the rollout (few, or accepted by an officer) are settled: waiting for them to
    # recover would stall every later wave, and their rollback already put them back on a working version.
    settled = found.wave_assigned - found.wave_failed
    if settled > 0 and found.wave_running / settled < advance_at:
        return []
    tx.execute("UPDATE rollout_waves SET finished_at = ? WHERE version = ? AND position = ?",
               (iso(now), version, current[0]))  # fmt: skip
    following = [w for w in waves if int(w[0]) == int(current[0]) + 1]
    if not following:
        tx.execute("UPDATE rollouts SET state = 'done', updated_at = ? WHERE version = ?", (iso(now), version))
        return [f"{version} done: every wave finished"]
    position, spec = int(following[0][0]), str(following[0][1])
    count = _start_wave(tx, load_officer(tx, creator), version, position, spec, now)
    return [f"{version} wave {position}:{spec} started with {count} kiosks"]


def status(tx: Tx) -> list[dict[str, Any]]:
    """Every rollout with its waves, for the CLI and the dashboard."""
    out = []
    for version, state, reason, threshold, created_by, created_at in tx.all(
        "SELECT version, state, paused_reason, failure_threshold, created_by, created_at FROM rollouts"
        " ORDER BY created_at DESC"
    ):
        waves = tx.all("SELECT position, spec, started_at, finished_at FROM rollout_waves WHERE version = ?"
                       " ORDER BY position", (version,))  # fmt: skip
        found = progress(tx, str(version))
        out.append({"version": version, "state": state, "reason": reason or "", "threshold": threshold,
                    "created_by": created_by, "created_at": created_at, "assigned": found.assigned,
                    "running": found.running, "busy": found.busy, "failed": found.failed,
                    "waves": [{"position": w[0], "spec": w[1], "started_at": w[2], "finished_at": w[3]}
                              for w in waves]})  # fmt: skip
    return out
