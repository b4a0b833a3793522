"""Writing grievance rows: a fresh number, the first office, the audited action; and registering a grievance a kiosk
queued offline. Imports no route code, so the dashboard's rollup (which folds the queued ones) can use it."""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

from pydantic import ValidationError

from server.db import Tx
from sync.protocol.grievance import BY_CODE, QueuedGrievance, RegisterRequest

log = logging.getLogger("kiosk-server.grievances")
IST = timezone(timedelta(hours=5, minutes=30))
VILLAGER = "villager"


def iso(moment: datetime) -> str:
    """As server.service.iso writes times (imported from there, this module would close an import cycle)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def first_office(department: str, district: str) -> str:
    name = BY_CODE[department].name_en
    return f"{name} office, {district}" if district else f"{name} office (district not known)"


@dataclass(frozen=True)
class Place:
    district: str
    block: str


def site_of(tx: Tx, kiosk_id: str) -> Place:
    row = tx.one("SELECT district, block FROM dash_sites WHERE kiosk_id = ?", (kiosk_id,))
    return Place(str(row[0]), str(row[1])) if row else Place("", "")


def fresh_number(tx: Tx, now: datetime) -> str:
    day = now.astimezone(IST).strftime("%y%m%d")
    while True:  # a million numbers a day: a clash is rare, and simply drawn again
        number = f"RJ{day}{secrets.randbelow(1_000_000):06d}"
        if tx.one("SELECT 1 FROM grievances WHERE number = ?", (number,)) is None:
            return number


def act(tx: Tx, number: str, now: datetime, kind: str, actor: str, office: str, text: str,
        request_id: str | None = None) -> None:  # fmt: skip
    tx.execute("INSERT INTO grievance_actions (number, at, kind, actor, office, text, request_id)"
               " VALUES (?, ?, ?, ?, ?, ?, ?)", (number, iso(now), kind, actor, office, text, request_id))  # fmt: skip


def insert(tx: Tx, kiosk_id: str, asked: RegisterRequest | QueuedGrievance, digest: str,
           mobile: tuple[str, str], now: datetime) -> str:  # fmt: skip
    place = site_of(tx, kiosk_id)
    number = fresh_number(tx, now)
    office = first_office(asked.department, place.district)
    attachments = json.dumps([a.model_dump() for a in asked.attachments])
    tx.execute("INSERT INTO grievances (number, kiosk_id, request_id, request_hash, department, category, description,"
               " mobile_hash, mobile_masked, attachments, district, block, status, pending_with, registered_at)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)",
               (number, kiosk_id, asked.request_id, digest, asked.department, asked.category, asked.description,
                *mobile, attachments, place.district, place.block, office, iso(now)))  # fmt: skip
    act(tx, number, now, "registered", VILLAGER, office, "", asked.request_id)
    return number


def fold_queued(tx: Tx, kiosk_id: str, payload: dict[str, object], now: datetime) -> None:
    """A grievance a kiosk queued while offline (outbox event `grievance.queued`), registered as its event is folded.
    One that cannot be read is logged and passed over: a villager's bad queue entry must not halt the rollup."""
    try:
        fields = {k: v for k, v in payload.items() if k in QueuedGrievance.model_fields}
        queued = QueuedGrievance.model_validate_json(json.dumps(fields))
    except ValidationError as exc:
        log.warning("queued grievance from %s not registered: %s", kiosk_id, str(exc.errors()[0]["loc"]))
        return
    department = BY_CODE.get(queued.department)
    if department is None or queued.category not in {c.code for c in department.categories}:
        log.warning("queued grievance %s: unknown department or category; not registered", queued.request_id)
        return
    seen = tx.one("SELECT 1 FROM grievances WHERE kiosk_id = ? AND request_id = ?", (kiosk_id, queued.request_id))
    if seen is None:
        digest = hashlib.sha256(queued.model_dump_json().encode()).hexdigest()
        number = insert(tx, kiosk_id, queued, digest, (queued.mobile_key, queued.mobile_masked), now)
        tx.execute("UPDATE grievances SET provisional = ? WHERE number = ?", (queued.provisional, number))
