"""Grievances on the server: registration (idempotent per kiosk request), lookups, reminders, feedback, and the
officers' actions, each written to the grievance's audited history."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from common.mobile_key import grievance_mobile_key
from common.numbers import mask_mobile
from server import grievance_rows as rows
from server.db import Tx
from server.service import Refused, iso
from sync.protocol.grievance import (
    BY_CODE,
    REMIND_EVERY_DAYS,
    TOO_SOON,
    Action,
    Grievance,
    RegisterRequest,
    Summary,
)

MAX_OFFICE, MAX_NOTE = 120, 1000
SHOWN_TO_CALLERS = ("registered", "assigned", "reminder", "disposed", "feedback")
COLUMNS = ("number, department, category, status, pending_with, registered_at, mobile_masked, reply,"
           " last_reminder_at, feedback_rating, sms_sent")  # fmt: skip


def register(tx: Tx, kiosk_id: str, asked: RegisterRequest, now: datetime) -> tuple[Grievance, bool]:
    """Once per (kiosk, request id): a repeat gets the same grievance; the same id for another complaint is 409.
    True with the grievance when it is new (its SMS is still to be sent)."""
    department = BY_CODE.get(asked.department)
    if department is None:
        raise Refused(422, f"RegisterRequest: department: no department {asked.department!r}")
    if asked.category not in {c.code for c in department.categories}:
        raise Refused(422, f"RegisterRequest: category: {asked.category!r} is not a category of {department.code}")
    digest = hashlib.sha256(asked.model_dump_json().encode()).hexdigest()
    seen = tx.one("SELECT number, request_hash FROM grievances WHERE kiosk_id = ? AND request_id = ?",
                  (kiosk_id, asked.request_id))  # fmt: skip
    if seen is not None:
        if seen[1] != digest:
            raise Refused(409, f"request id {asked.request_id} was used for another grievance")
        return lookup(tx, str(seen[0])), False
    key, shown = grievance_mobile_key(asked.mobile), mask_mobile(asked.mobile)
    return lookup(tx, rows.insert(tx, kiosk_id, asked, digest, (key, shown), now)), True


def sms_text(grievance: Grievance) -> str:
    return (f"राजस्थान सम्पर्क: आपकी शिकायत दर्ज हुई, संख्या {grievance.number}। स्थिति: कियोस्क या 181. "
            f"Grievance {grievance.number} registered; status at any e-Mitra Plus kiosk or 181.")  # fmt: skip


def lookup(tx: Tx, number: str) -> Grievance:
    row = tx.one(f"SELECT {COLUMNS} FROM grievances WHERE number = ?", (number,))
    if row is None:
        raise Refused(404, "no grievance with this number")
    actions = tx.all("SELECT at, kind, office, text FROM grievance_actions WHERE number = ? ORDER BY at, kind",
                     (number,))  # fmt: skip
    history = tuple(Action(at=str(a[0]), kind=a[1], office=str(a[2]), text=str(a[3]) if a[1] == "disposed" else "")
                    for a in actions if a[1] in SHOWN_TO_CALLERS)  # fmt: skip
    after = ""
    if row[3] == "pending" and row[8]:
        after = iso(datetime.fromisoformat(str(row[8])) + timedelta(days=REMIND_EVERY_DAYS))
    return Grievance(number=str(row[0]), department=str(row[1]), category=str(row[2]), status=row[3],
                     pending_with=str(row[4]), registered_at=str(row[5]), mobile_masked=str(row[6]),
                     history=history, reply=str(row[7]), remind_after=after,
                     feedback_rating=None if row[9] is None else int(row[9]), sms_sent=bool(row[10]))  # fmt: skip


def by_mobile(tx: Tx, mobile: str) -> tuple[Summary, ...]:
    """The latest grievances of a mobile number, each only hinted at (see Summary)."""
    rows = tx.all("SELECT number, department, status, registered_at FROM grievances WHERE mobile_hash = ?"
                  " ORDER BY registered_at DESC LIMIT 20", (grievance_mobile_key(mobile),))  # fmt: skip
    return tuple(Summary(number_hint="RJ" + "•" * 8 + str(r[0])[-4:], department=str(r[1]), status=r[2],
                         registered_at=str(r[3])) for r in rows)  # fmt: skip


def _repeat(tx: Tx, number: str, kind: str, request_id: str) -> bool:
    return tx.one("SELECT 1 FROM grievance_actions WHERE number = ? AND kind = ? AND request_id = ?",
                  (number, kind, request_id)) is not None  # fmt: skip


def remind(tx: Tx, number: str, request_id: str, now: datetime) -> Grievance:
    """A reminder to the office it is pending with, at most once in REMIND_EVERY_DAYS (a repeat of one is no-op)."""
    current = lookup(tx, number)
    if _repeat(tx, number, "reminder", request_id):
        return current
    if current.status != "pending":
        raise Refused(409, "this grievance is disposed; give feedback instead of a reminder")
    if current.remind_after and iso(now) < current.remind_after:
        raise Refused(409, TOO_SOON + current.remind_after)
    tx.execute("UPDATE grievances SET last_reminder_at = ? WHERE number = ?", (iso(now), number))
    rows.act(tx, number, now, "reminder", rows.VILLAGER, current.pending_with, "", request_id)
    return lookup(tx, number)


def feedback(tx: Tx, number: str, request_id: str, rating: int, text: str, now: datetime) -> Grievance:
    """Once, after disposal: the villager's 1-5 rating and a few words."""
    current = lookup(tx, number)
    if _repeat(tx, number, "feedback", request_id):
        return current
    if current.status != "disposed":
        raise Refused(409, "feedback is given after the grievance is disposed")
    if current.feedback_rating is not None:
        raise Refused(409, "feedback on this grievance was already given")
    tx.execute("UPDATE grievances SET feedback_rating = ?, feedback_text = ? WHERE number = ?", (rating, text, number))
    rows.act(tx, number, now, "feedback", rows.VILLAGER, current.pending_with, f"{rating}/5", request_id)
    return lookup(tx, number)


# -- officers' actions (dashboard) -------------------------------------------------------------------------------
class ActionRefused(ValueError):
    """An officer's action that cannot be taken; the message says why, and nothing changed."""


def _pending(tx: Tx, number: str) -> str:
    row = tx.one("SELECT status, pending_with FROM grievances WHERE number = ?", (number,))
    if row is None:
        raise ActionRefused("no grievance with this number")
    if row[0] != "pending":
        raise ActionRefused("this grievance is already disposed")
    return str(row[1])


def _text(what: str, text: str, limit: int) -> str:
    text = text.strip()
    if not text or len(text) > limit or any(ord(c) < 32 and c not in "\n\r\t" for c in text):
        raise ActionRefused(f"{what} must be 1-{limit} printable characters")
    return text


def assign(tx: Tx, officer: str, number: str, office: str, now: datetime) -> None:
    _pending(tx, number)
    office = _text("the office", office, MAX_OFFICE)
    tx.execute("UPDATE grievances SET pending_with = ? WHERE number = ?", (office, number))
    rows.act(tx, number, now, "assigned", officer, office, "")


def note(tx: Tx, officer: str, number: str, text: str, now: datetime) -> None:
    office = _pending(tx, number)
    rows.act(tx, number, now, "note", officer, office, _text("the note", text, MAX_NOTE))


def dispose(tx: Tx, officer: str, number: str, reply: str, now: datetime) -> None:
    office = _pending(tx, number)
    reply = _text("the reply", reply, MAX_NOTE)
    tx.execute("UPDATE grievances SET status = 'disposed', reply = ? WHERE number = ?", (reply, number))
    rows.act(tx, number, now, "disposed", officer, office, reply)
