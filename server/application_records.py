"""Applications submitted at kiosks, as the server keeps them: taken from the `application.submitted` event at ingest,
their status (submitted → documents received → under review → issued/rejected) with its history, and the row the
existing status check (server/online.py) answers from."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from common.numbers import luhn_ok
from server.db import Database, Tx

SUBMITTED = "application.submitted"
STATUSES = ("submitted", "documents_received", "under_review", "issued", "rejected")
# The status check's wire vocabulary (sync.protocol.ApplicationStatus) predates these statuses: mapped, not changed.
WIRE_STATUS = {"submitted": "received", "documents_received": "received", "under_review": "in_process",
               "issued": "approved", "rejected": "rejected"}  # fmt: skip
NEXT = {"submitted": ("documents_received", "rejected"), "documents_received": ("under_review", "rejected"),
        "under_review": ("issued", "rejected"), "issued": (), "rejected": ()}  # fmt: skip
SHA256 = re.compile(r"^[0-9a-f]{64}$")


class ApplicationError(ValueError):
    """A status change the server refuses (unknown number, a step out of order); nothing changed."""


def payload_problem(payload: dict[str, Any]) -> str | None:
    """Why this submission cannot be kept, naming the field, or None."""
    number = payload.get("application_no")
    if not (isinstance(number, str) and len(number) == 10 and number.isdigit() and luhn_ok(number)):
        return "application.submitted payload.application_no: must be 10 digits with a Luhn check digit"
    for key in ("service_id", "office_en", "expected_on", "kiosk_code"):
        value = payload.get(key)
        if not isinstance(value, str) or not 0 < len(value) <= 200:
            return f"application.submitted payload.{key}: must be text of 1 to 200 characters"
    try:
        date.fromisoformat(str(payload["expected_on"]))
    except ValueError:
        return "application.submitted payload.expected_on: must be an ISO date"
    fields = payload.get("fields")
    if not isinstance(fields, dict) or not all(isinstance(v, str) and len(v) <= 200 for v in fields.values()):
        return "application.submitted payload.fields: must map field ids to text of at most 200 characters"
    blobs = payload.get("blobs")
    if not isinstance(blobs, list) or not all(_blob_ok(b) for b in blobs):
        return "application.submitted payload.blobs: each needs sha256 (64 hex), size (> 0) and media_type"
    return None


def _blob_ok(blob: object) -> bool:
    if not isinstance(blob, dict) or not isinstance(blob.get("sha256"), str) or not SHA256.match(blob["sha256"]):
        return False
    return type(blob.get("size")) is int and blob["size"] > 0 and isinstance(blob.get("media_type"), str)


def take_submission(tx: Tx, kiosk_id: str, kind: str, payload: dict[str, Any], now: str) -> str | None:
    """At ingest, in the batch's transaction: keep a submitted application, or say why the event is rejected. The
    same application again from the same kiosk (a second attempt at its fee) is kept once."""
    if kind != SUBMITTED:
        return None
    problem = payload_problem(payload)
    if problem is not None:
        return problem
    number = str(payload["application_no"])
    held = tx.one("SELECT kiosk_id FROM kiosk_applications WHERE application_no = ?", (number,))
    if held is not None:
        if str(held[0]) == kiosk_id:
            return None
        return f"application number {number} is already held by another kiosk (each kiosk's serial must be unique)"
    if tx.one("SELECT 1 FROM applications WHERE application_no = ?", (number,)):
        return f"application number {number} is already used by an application not made at a kiosk"
    fields = {str(k): str(v) for k, v in payload["fields"].items()}
    tx.execute(
        "INSERT INTO kiosk_applications (application_no, kiosk_id, kiosk_code, service, service_name_hi, txn_id,"
        " fee_paise, status, office, expected_on, fields, blobs, submitted_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?, ?)",
        (number, kiosk_id, payload["kiosk_code"], payload["service_id"], str(payload.get("service_name_hi", "")),
         payload.get("txn_id"), int(payload.get("fee") or 0), payload["office_en"], payload["expected_on"],
         json.dumps(fields, ensure_ascii=False), json.dumps(payload["blobs"]), now, now),
    )  # fmt: skip
    tx.execute(
        "INSERT INTO applications (application_no, service, status, updated_at, applicant_name) VALUES (?, ?, ?, ?, ?)",
        (number, payload["service_id"], WIRE_STATUS["submitted"], now, fields.get("applicant_name", "")[:120]),
    )
    _history(tx, number, "submitted", now, f"kiosk {payload['kiosk_code']}", "")
    documents_arrived(tx, kiosk_id, now)
    return None


def _history(tx: Tx, number: str, status: str, now: str, actor: str, note: str) -> None:
    tx.execute(
        "INSERT INTO application_history (application_no, status, at, actor, note) VALUES (?, ?, ?, ?, ?)",
        (number, status, now, actor[:80], note[:200]),
    )


def advance(db: Database, number: str, status: str, *, actor: str, now: str, note: str = "") -> str:
    """Move one application to its next status (an officer, or the upload once every document is held)."""
    with db.tx() as tx:
        row = tx.one("SELECT status FROM kiosk_applications WHERE application_no = ?", (number,))
        if row is None:
            raise ApplicationError(f"no application {number[:20]!r} made at a kiosk")
        current = str(row[0])
        if status not in NEXT[current]:
            allowed = ", ".join(NEXT[current]) or "nothing (it is final)"
            raise ApplicationError(f"application {number} is {current}: it can move to {allowed}, not {status[:30]!r}")
        _set_status(tx, number, status, now, actor, note)
    return status


def _set_status(tx: Tx, number: str, status: str, now: str, actor: str, note: str) -> None:
    tx.execute("UPDATE kiosk_applications SET status = ?, updated_at = ? WHERE application_no = ?",
               (status, now, number))  # fmt: skip
    tx.execute("UPDATE applications SET status = ?, updated_at = ? WHERE application_no = ?",
               (WIRE_STATUS[status], now, number))  # fmt: skip
    _history(tx, number, status, now, actor, note)


def documents_arrived(tx: Tx, kiosk_id: str, now: str) -> list[str]:
    """This kiosk's applications still `submitted` whose every page and photo the server now holds whole
    (server/blobs.py's kiosk_blobs) move to `documents_received`: called when a blob completes and when an
    application arrives (the agent may upload the files before or after the event). Returns the numbers moved."""
    held = {
        str(r[0])
        for r in tx.all("SELECT sha256 FROM kiosk_blobs WHERE kiosk_id = ? AND completed_at IS NOT NULL", (kiosk_id,))
    }
    moved = []
    waiting = tx.all(
        "SELECT application_no, blobs FROM kiosk_applications WHERE kiosk_id = ? AND status = 'submitted'", (kiosk_id,)
    )
    for number, blobs in waiting:
        if all(str(b["sha256"]) in held for b in json.loads(blobs)):
            _set_status(tx, str(number), "documents_received", now, "upload", "every page and photo received")
            moved.append(str(number))
    return moved


def history(db: Database, number: str) -> list[tuple[str, str, str, str]]:
    with db.tx(write=False) as tx:
        rows = tx.all("SELECT status, at, actor, note FROM application_history WHERE application_no = ? ORDER BY at",
                      (number,))  # fmt: skip
    return [(str(a), str(b), str(c), str(d)) for a, b, c, d in rows]
