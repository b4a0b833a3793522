"""What the pages show, read from the rollups in a few grouped queries (never one query per machine)."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from server.dashboard import alerts
from server.dashboard.auth import Officer
from server.dashboard.rollup import IST, iso, local_day_hour, parse_utc
from server.db import Database, Tx

log = logging.getLogger("kiosk-server.dashboard")
ONLINE_WITHIN = timedelta(minutes=10)
TRANSACTING_DAYS = 30


@dataclass
class Row:
    """One line of the overview table: a district, a block, or the whole scope."""

    name: str
    installed: int = 0
    inspected: int = 0
    last_inspected: str | None = None
    transacting: int = 0
    online: int = 0
    geotagged: int = 0
    alerts: int = 0

    def pct(self, count: int) -> int:
        return round(100 * count / self.installed) if self.installed else 0


def _stamp(now: datetime, ago: timedelta) -> str:
    return iso(now - ago)


def overview(tx: Tx, officer: Officer, now: datetime, district: str | None, block: str | None) -> list[Row]:
    """Rows grouped one level below where we are: division → districts, district → blocks."""
    where, params = officer.where()
    if district is not None:
        where += " AND s.district = ?"
        params.append(district)
    if block is not None:
        where += " AND s.block = ?"
        params.append(block)
    group = "s.district" if district is None else "s.block"
    rows = tx.all(
        f"SELECT {group}, count(*),"
        " sum(CASE WHEN st.inspected_at IS NOT NULL OR st.repaired_at IS NOT NULL THEN 1 ELSE 0 END),"
        " max(CASE WHEN st.repaired_at > st.inspected_at OR st.inspected_at IS NULL THEN st.repaired_at"
        " ELSE st.inspected_at END),"
        " sum(CASE WHEN st.last_txn_at >= ? THEN 1 ELSE 0 END),"
        " sum(CASE WHEN h.received_at >= ? THEN 1 ELSE 0 END),"
        " sum(CASE WHEN st.geo_lat IS NOT NULL OR s.reg_lat IS NOT NULL THEN 1 ELSE 0 END),"
        " sum(CASE WHEN a.n > 0 THEN 1 ELSE 0 END)"
        " FROM dash_sites s LEFT JOIN dash_state st ON st.kiosk_id = s.kiosk_id"
        " LEFT JOIN heartbeats h ON h.kiosk_id = s.kiosk_id"
        " LEFT JOIN (SELECT kiosk_id, count(*) AS n FROM dash_alerts WHERE cleared_at IS NULL GROUP BY kiosk_id) a"
        " ON a.kiosk_id = s.kiosk_id"
        f" WHERE {where} GROUP BY {group} ORDER BY {group}",
        [_stamp(now, timedelta(days=TRANSACTING_DAYS)), _stamp(now, ONLINE_WITHIN), *params],
    )
    return [Row(str(r[0]), int(r[1]), int(r[2] or 0), r[3], int(r[4] or 0), int(r[5] or 0), int(r[6] or 0),
                int(r[7] or 0)) for r in rows]  # fmt: skip


def total(rows: list[Row], name: str) -> Row:
    inspected = [r.last_inspected for r in rows if r.last_inspected]
    return Row(name, sum(r.installed for r in rows), sum(r.inspected for r in rows), max(inspected, default=None),
               sum(r.transacting for r in rows), sum(r.online for r in rows), sum(r.geotagged for r in rows),
               sum(r.alerts for r in rows))  # fmt: skip


def machines(tx: Tx, officer: Officer, now: datetime, district: str, block: str) -> list[dict[str, Any]]:
    where, params = officer.where()
    since = (now + IST - timedelta(days=TRANSACTING_DAYS)).strftime("%Y-%m-%d")
    rows = tx.all(
        "SELECT s.code, s.gram_panchayat, s.centre, h.received_at, st.last_txn_at, st.inspected_at, st.repaired_at,"
        " COALESCE(st.geo_lat, s.reg_lat), COALESCE(st.geo_lon, s.reg_lon), COALESCE(d.txns, 0),"
        " COALESCE(a.n, 0), h.body FROM dash_sites s LEFT JOIN dash_state st ON st.kiosk_id = s.kiosk_id"
        " LEFT JOIN heartbeats h ON h.kiosk_id = s.kiosk_id"
        " LEFT JOIN (SELECT kiosk_id, sum(txns) AS txns FROM dash_days WHERE day >= ? AND kiosk_id IN"
        " (SELECT kiosk_id FROM dash_sites WHERE district = ? AND block = ?) GROUP BY kiosk_id) d"
        " ON d.kiosk_id = s.kiosk_id"
        " LEFT JOIN (SELECT kiosk_id, count(*) AS n FROM dash_alerts WHERE cleared_at IS NULL GROUP BY kiosk_id) a"
        " ON a.kiosk_id = s.kiosk_id"
        f" WHERE {where} AND s.district = ? AND s.block = ? ORDER BY s.code",
        [since, district, block, *params, district, block],
    )
    online_since = _stamp(now, ONLINE_WITHIN)
    return [
        {"code": r[0], "gp": r[1], "centre": r[2], "last_beat": r[3], "online": bool(r[3] and r[3] >= online_since),
         "last_txn": r[4], "inspected": max(filter(None, (r[5], r[6])), default=None),
         "geo": r[7] is not None, "txns": int(r[9]), "alerts": int(r[10]), "rd_expires": rd_expiry(r[11])}
        for r in rows
    ]  # fmt: skip


RD_SOON = timedelta(days=30)


def rd_expiry(body: str | None) -> str | None:
    """The RD service certificate's expiry from a machine's last heartbeat (None if not reported or unreadable)."""
    try:
        found = json.loads(body).get("rd_cert_expires_at") if body else None
        return iso(parse_utc(found)) if isinstance(found, str) else None
    except (ValueError, AttributeError):
        return None


def rd_first(kiosks: list[dict[str, Any]], now: datetime) -> list[dict[str, Any]]:
    """Machines whose RD certificate expires within 30 days (or has expired) first, soonest first: Aadhaar payments
    stop there next. The rest keep the order they came in (the officer's chosen sort)."""
    soon = iso(now + RD_SOON)
    for kiosk in kiosks:
        kiosk["rd_soon"] = kiosk["rd_expires"] is not None and kiosk["rd_expires"] <= soon
    urgent = sorted((k for k in kiosks if k["rd_soon"]), key=lambda k: str(k["rd_expires"]))
    return urgent + [k for k in kiosks if not k["rd_soon"]]


def points(
    tx: Tx, officer: Officer, now: datetime, district: str | None, block: str | None
) -> list[tuple[float, float, str]]:
    """(lat, lon, state) of every geo-tagged machine in view: state is online, offline or idle."""
    where, params = officer.where()
    if district is not None:
        where += " AND s.district = ?"
        params.append(district)
    if block is not None:
        where += " AND s.block = ?"
        params.append(block)
    rows = tx.all(
        "SELECT COALESCE(st.geo_lat, s.reg_lat), COALESCE(st.geo_lon, s.reg_lon), h.received_at, st.last_txn_at"
        " FROM dash_sites s LEFT JOIN dash_state st ON st.kiosk_id = s.kiosk_id"
        f" LEFT JOIN heartbeats h ON h.kiosk_id = s.kiosk_id WHERE {where}"
        " AND COALESCE(st.geo_lat, s.reg_lat) IS NOT NULL",
        params,
    )
    online_since, active_since = _stamp(now, ONLINE_WITHIN), _stamp(now, timedelta(days=TRANSACTING_DAYS))
    out = []
    for lat, lon, beat, txn in rows:
        state = "offline" if not beat or beat < online_since else "idle" if not txn or txn < active_since else "online"
        out.append((float(lat), float(lon), state))
    return out


def unplaced(tx: Tx) -> int:
    """Enrolled machines with no district and block yet: counted nowhere else, so the division sees them here."""
    row = tx.one("SELECT count(*) FROM kiosks k LEFT JOIN dash_sites s ON s.kiosk_id = k.id"
                 " WHERE s.kiosk_id IS NULL AND k.revoked = 0")  # fmt: skip
    return int(row[0]) if row else 0


def places(tx: Tx, officer: Officer) -> dict[str, list[str]]:
    where, params = officer.where()
    found: dict[str, list[str]] = {}
    for district, block in tx.all(f"SELECT DISTINCT s.district, s.block FROM dash_sites s WHERE {where}"
                                  " ORDER BY s.district, s.block", params):  # fmt: skip
        found.setdefault(str(district), []).append(str(block))
    return found


def search(tx: Tx, officer: Officer, text: str) -> list[tuple[str, str, str, str]]:
    """Machines in scope whose code, gram panchayat or centre contains the text (parameterised LIKE)."""
    where, params = officer.where()
    needle = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return [tuple(str(c) for c in r) for r in tx.all(  # type: ignore[misc]
        "SELECT s.code, s.district, s.block, s.gram_panchayat FROM dash_sites s"
        f" WHERE {where} AND (lower(s.code) LIKE lower(?) ESCAPE '\\' OR lower(s.gram_panchayat) LIKE lower(?)"
        " ESCAPE '\\' OR lower(s.centre) LIKE lower(?) ESCAPE '\\') ORDER BY s.code LIMIT 50",
        [*params, needle, needle, needle],
    )]  # fmt: skip


def machine(tx: Tx, officer: Officer, code: str, now: datetime, days: int) -> dict[str, Any] | None:
    """Everything the machine page shows, or None when the machine is unknown or outside the officer's scope."""
    where, params = officer.where()
    row = tx.one(
        "SELECT s.kiosk_id, s.code, s.district, s.block, s.gram_panchayat, s.centre, s.nodal_officer, s.reg_lat,"
        " s.reg_lon, s.hours, k.enrolled_at, k.out_of_service, h.received_at, h.body, st.last_txn_at,"
        " st.inspected_at, st.repaired_at, st.inspection_healthy, st.open_problems, k.epoch,"
        " (SELECT c.enrolled_at FROM kiosk_keys c WHERE c.kiosk_id = k.id AND c.epoch = k.epoch)"
        " FROM dash_sites s JOIN kiosks k ON k.id = s.kiosk_id LEFT JOIN dash_state st ON st.kiosk_id = s.kiosk_id"
        f" LEFT JOIN heartbeats h ON h.kiosk_id = s.kiosk_id WHERE s.code = ? AND {where}",
        [code, *params],
    )
    if row is None:
        return None
    kiosk_id = str(row[0])
    beat = json.loads(row[13]) if row[13] else {}
    since_day = (now + IST - timedelta(days=days)).strftime("%Y-%m-%d")
    daily = tx.all("SELECT day, txns, amount_paise, hours_seen, closes, problems FROM dash_days"
                   " WHERE kiosk_id = ? AND day >= ? ORDER BY day", (kiosk_id, since_day))  # fmt: skip
    samples = tx.all("SELECT at, body FROM dash_beats WHERE kiosk_id = ? AND at >= ? ORDER BY at",
                     (kiosk_id, _stamp(now, timedelta(days=min(days, 7)))))  # fmt: skip
    visits = tx.all(
        "SELECT kind, occurred_at, payload FROM events WHERE kiosk_id = ? AND status = 'accepted'"
        " AND kind IN ('kiosk.inspection', 'kiosk.repair', 'problem.reported', 'kiosk.geotagged')"
        " ORDER BY epoch DESC, seq DESC LIMIT 60",
        (kiosk_id,),
    )
    open_alerts = tx.all("SELECT kind, raised_at, detail FROM dash_alerts WHERE kiosk_id = ? AND cleared_at IS NULL"
                         " ORDER BY raised_at", (kiosk_id,))  # fmt: skip
    geo = beat.get("geo")
    here = (geo["lat"], geo["lon"]) if isinstance(geo, dict) else None
    registered = (row[7], row[8]) if row[7] is not None else None
    moved = alerts.distance_m(here, registered) if here and registered else None
    return {
        "code": row[1], "district": row[2], "block": row[3], "gp": row[4], "centre": row[5], "nodal": row[6],
        "registered": registered, "here": here, "moved_m": moved, "hours": weekly(json.loads(row[9] or "{}")),
        "enrolled_at": row[10], "out_of_service": row[11] or beat.get("out_of_service"), "last_beat": row[12],
        "online": bool(row[12] and row[12] >= _stamp(now, ONLINE_WITHIN)), "beat": beat, "last_txn": row[14],
        "inspected_at": row[15], "repaired_at": row[16], "healthy": row[17], "open_problems": int(row[18] or 0),
        "epoch": int(row[19]), "epoch_enrolled_at": row[20] or row[10],
        "days": [{"day": d[0], "txns": int(d[1]), "paise": int(d[2]), "hours": int(d[3]), "closes": int(d[4]),
                  "problems": int(d[5])} for d in daily],
        "samples": [(s[0], json.loads(s[1])) for s in samples],
        "visits": [(v[0], v[1], json.loads(v[2])) for v in visits],
        "alerts": [(a[0], a[1], json.loads(a[2])) for a in open_alerts],
        "timeline": timeline([s[0] for s in samples], now),
        "device_changes": device_changes([(s[0], json.loads(s[1])) for s in samples]),
    }  # fmt: skip


def weekly(hours: dict[str, str]) -> dict[str, str]:
    """Opening hours in weekday order, Monday first."""
    return {day: hours[day] for day in alerts.WEEKDAYS if day in hours}


def timeline(stamps: list[str], now: datetime, hours: int = 48, slot_s: int = 900) -> list[bool]:
    """One flag per quarter hour of the last `hours`: was a heartbeat sampled in it (oldest first)."""
    slots = hours * 3600 // slot_s
    seen = [False] * slots
    end = now.timestamp()
    for stamp in stamps:
        back = int((end - parse_utc(stamp).timestamp()) // slot_s)
        if 0 <= back < slots:
            seen[slots - 1 - back] = True
    return seen


def device_changes(samples: list[tuple[str, dict[str, Any]]]) -> list[tuple[str, str, str]]:
    """(when, device, new status) each time a device's reported status changed, newest first, at most 50."""
    last: dict[str, str] = {}
    changes = []
    for at, body in samples:
        for device, status in sorted((body.get("devices") or {}).items()):
            if last.get(device) != status:
                changes.append((at, str(device), str(status)))
                last[device] = status
    return changes[::-1][:50]


def scoped_alerts(tx: Tx, officer: Officer) -> list[tuple[str, str, str, str, str, dict[str, Any]]]:
    where, params = officer.where()
    rows = tx.all(
        "SELECT s.code, s.district, s.block, a.kind, a.raised_at, a.detail FROM dash_alerts a"
        f" JOIN dash_sites s ON s.kiosk_id = a.kiosk_id WHERE a.cleared_at IS NULL AND {where}"
        " ORDER BY a.raised_at DESC, s.code LIMIT 200",
        params,
    )
    return [(str(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]), json.loads(r[5])) for r in rows]


# -- alerts: evaluated for the whole fleet in one pass -------------------------------------------------------


def load_facts(tx: Tx, now: datetime) -> list[alerts.Facts]:
    yesterday, _ = local_day_hour(now - timedelta(days=1))
    rows = tx.all(
        "SELECT k.id, k.enrolled_at, h.received_at, h.body, st.last_txn_at, s.hours, d.hours_seen, s.reg_lat,"
        " s.reg_lon, st.halted_reason FROM kiosks k LEFT JOIN dash_sites s ON s.kiosk_id = k.id"
        " LEFT JOIN dash_state st ON st.kiosk_id = k.id LEFT JOIN heartbeats h ON h.kiosk_id = k.id"
        " LEFT JOIN dash_days d ON d.kiosk_id = k.id AND d.day = ? WHERE k.revoked = 0",
        (yesterday,),
    )
    return [
        alerts.Facts(
            kiosk_id=str(r[0]), enrolled_at=parse_utc(str(r[1])),
            last_beat_at=parse_utc(str(r[2])) if r[2] else None, beat=json.loads(r[3]) if r[3] else {},
            last_txn_at=parse_utc(str(r[4])) if r[4] else None, hours=json.loads(r[5] or "{}"),
            yesterday_seen=int(r[6] or 0), registered=(float(r[7]), float(r[8])) if r[7] is not None else None,
            rollup_halted=None if r[9] is None else str(r[9]),
        )
        for r in rows
    ]  # fmt: skip


def run_alerts(db: Database, now: datetime, rules: alerts.Rules = alerts.DEFAULT_RULES) -> tuple[int, int]:
    """Evaluate every machine, raise new alerts and clear gone ones; returns (raised, cleared)."""
    with db.tx() as tx:
        facts = load_facts(tx, now)
        open_rows = tx.all("SELECT kiosk_id, kind, raised_at FROM dash_alerts WHERE cleared_at IS NULL")
        by_kiosk: dict[str, dict[str, str]] = {}
        for kiosk_id, kind, raised_at in open_rows:
            by_kiosk.setdefault(str(kiosk_id), {})[str(kind)] = str(raised_at)
        raised = cleared = 0
        stamp = iso(now)
        for fact in facts:
            current = by_kiosk.get(fact.kiosk_id, {})
            try:
                wanted = alerts.evaluate(fact, set(current), now, rules)
            except Exception:  # one machine's odd facts must not stop every other machine's alerts
                log.exception("alerts of kiosk %s could not be evaluated", fact.kiosk_id)
                continue
            to_raise, to_clear = alerts.transitions(current, wanted)
            for kind, detail in to_raise.items():
                tx.execute("INSERT INTO dash_alerts (kiosk_id, kind, raised_at, detail) VALUES (?, ?, ?, ?)",
                           (fact.kiosk_id, kind, stamp, json.dumps(detail)))  # fmt: skip
            for kind in to_clear:
                tx.execute("UPDATE dash_alerts SET cleared_at = ? WHERE kiosk_id = ? AND kind = ? AND raised_at = ?",
                           (stamp, fact.kiosk_id, kind, current[kind]))  # fmt: skip
            raised, cleared = raised + len(to_raise), cleared + len(to_clear)
    return raised, cleared


def utc_now() -> datetime:
    return datetime.now(UTC)
