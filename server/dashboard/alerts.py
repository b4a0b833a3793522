"""Alerts that are right: pure functions from a machine's facts (and the alerts already open) to the open set.

No clock is read here: `now` is passed in, so tests move time by hand. Offline has hysteresis (raised after
RAISE silence, cleared only once beats are fresher than CLEAR), every alert is raised once (the caller keeps one
open row per machine and kind) and cleared automatically when its condition goes away.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from server.dashboard.rollup import IST, parse_utc

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Rajasthan's bounding box, with a margin: a position outside it is a bad fix (0,0 is in the Gulf of Guinea).
STATE_BOX = (22.8, 30.4, 69.3, 78.5)  # lat min, lat max, lon min, lon max


@dataclass(frozen=True)
class Rules:
    offline_raise: timedelta = timedelta(minutes=20)
    offline_clear: timedelta = timedelta(minutes=5)
    idle_days: int = 7
    cash_box_capacity: int = 1000
    cash_box_near_full: float = 0.9
    rd_warn_days: int = 30
    min_rd_version: str = ""
    outbox_stuck_s: float = 3600.0
    vault_stuck_min: float = 180.0  # captured documents (e.g. a scanned certificate) the office is waiting for
    moved_m: float = 500.0


@dataclass(frozen=True)
class Facts:
    """What the server knows about one machine, as plain data."""

    kiosk_id: str
    enrolled_at: datetime
    last_beat_at: datetime | None = None
    beat: dict[str, Any] = field(default_factory=dict)
    last_txn_at: datetime | None = None
    hours: dict[str, str] = field(default_factory=dict)
    yesterday_seen: int = 0  # hours_seen mask of the last complete local day
    registered: tuple[float, float] | None = None
    rollup_halted: str | None = None  # why this machine's events could not be folded (rollup.halt)


KINDS = (
    "offline", "idle", "closed_in_hours", "paper_out", "cash_box_full", "rd_expiring", "outbox_stuck",
    "quarantined", "geo_moved", "geo_invalid", "rollup_halted", "vault_stuck",
)  # fmt: skip


def published_hours(text: str) -> int:
    """Bit mask of local hours fully inside the published spans ('07:00-21:00', '09:00-13:00,14:00-18:00')."""
    mask = 0
    for span in text.replace("–", "-").split(","):
        parts = span.strip().split("-")
        if len(parts) != 2:
            continue
        try:
            (h1, m1), (h2, _) = ((int(x) for x in p.strip().split(":")) for p in parts)
        except ValueError:
            continue
        first = h1 + (1 if m1 else 0)
        for hour in range(max(first, 0), min(h2, 24)):
            mask |= 1 << hour
    return mask


def distance_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine), good to metres at these scales."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6_371_000 * math.asin(math.sqrt(h))


def in_state(position: tuple[float, float]) -> bool:
    lat_min, lat_max, lon_min, lon_max = STATE_BOX
    return lat_min <= position[0] <= lat_max and lon_min <= position[1] <= lon_max


def _version(text: str) -> tuple[int, ...]:
    parts = []
    for piece in text.split("."):
        digits = "".join(c for c in piece if "0" <= c <= "9")[:18]  # not isdigit(): '²' passes it, int() fails
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


DEFAULT_RULES = Rules()


def evaluate(
    facts: Facts, open_kinds: set[str], now: datetime, rules: Rules = DEFAULT_RULES
) -> dict[str, dict[str, Any]]:
    """The alerts that should be open now, each with the numbers its message needs."""
    wanted: dict[str, dict[str, Any]] = {}
    beat = facts.beat
    silent = now - facts.last_beat_at if facts.last_beat_at else now - facts.enrolled_at
    last_heard = ((facts.last_beat_at or facts.enrolled_at) + IST).strftime("%Y-%m-%d %H:%M")
    if "offline" in open_kinds:
        if silent > rules.offline_clear:
            wanted["offline"] = {"last_heard": last_heard}
    elif silent > rules.offline_raise:
        wanted["offline"] = {"last_heard": last_heard}
    alive = facts.last_beat_at is not None and silent <= timedelta(days=1)

    since_txn = now - (facts.last_txn_at or facts.enrolled_at)
    if alive and since_txn > timedelta(days=rules.idle_days):
        wanted["idle"] = {"days": since_txn.days, "never": facts.last_txn_at is None}

    yesterday = (now + IST - timedelta(days=1)).date()
    published = published_hours(facts.hours.get(WEEKDAYS[yesterday.weekday()], ""))
    if published and alive:
        seen = bin(facts.yesterday_seen & published).count("1")
        if seen * 2 < bin(published).count("1"):
            wanted["closed_in_hours"] = {"day": yesterday.isoformat(), "seen": seen,
                                         "published": bin(published).count("1")}  # fmt: skip

    devices = beat.get("devices") or {}
    printers = [k for k, v in devices.items() if "printer" in k and v == "paper_out"]
    if printers:
        wanted["paper_out"] = {"device": printers[0]}
    notes = beat.get("cash_box_notes")
    if isinstance(notes, int) and notes >= rules.cash_box_capacity * rules.cash_box_near_full:
        wanted["cash_box_full"] = {"notes": notes, "capacity": rules.cash_box_capacity}

    expires_text = beat.get("rd_cert_expires_at")
    version = str(beat.get("rd_service_version") or "")
    if isinstance(expires_text, str):
        try:
            left = (parse_utc(expires_text) - now).days
        except ValueError:
            left = None
        if left is not None and left < rules.rd_warn_days:
            wanted["rd_expiring"] = {"days": left, "version": version}
    retiring = version and rules.min_rd_version and _version(version) < _version(rules.min_rd_version)
    if "rd_expiring" not in wanted and retiring:
        wanted["rd_expiring"] = {"days": None, "version": version, "minimum": rules.min_rd_version}

    oldest = beat.get("outbox_oldest_age_s")
    if alive and isinstance(oldest, int | float) and oldest > rules.outbox_stuck_s:
        wanted["outbox_stuck"] = {"hours": round(oldest / 3600, 1), "depth": beat.get("outbox_depth", 0)}
    waited = beat.get("vault_oldest_age_min")  # older agents and servers leave it out: no alert
    if alive and isinstance(waited, int | float) and waited > rules.vault_stuck_min:
        wanted["vault_stuck"] = {"hours": round(waited / 60, 1), "files": beat.get("vault_waiting") or 0}
    quarantined = beat.get("quarantined")
    if isinstance(quarantined, int) and quarantined > 0:
        wanted["quarantined"] = {"items": quarantined}

    if facts.rollup_halted is not None:
        wanted["rollup_halted"] = {"reason": facts.rollup_halted[:120]}
    geo = beat.get("geo")
    here = (float(geo["lat"]), float(geo["lon"])) if isinstance(geo, dict) and "lat" in geo else None
    for position in (here, facts.registered):
        if position is not None and not in_state(position):
            wanted["geo_invalid"] = {"lat": round(position[0], 5), "lon": round(position[1], 5)}
            break
    if here and facts.registered and "geo_invalid" not in wanted:
        moved = distance_m(here, facts.registered)
        if moved > rules.moved_m:
            wanted["geo_moved"] = {"km": round(moved / 1000, 1)}
    return wanted


def transitions(
    open_alerts: dict[str, str], wanted: dict[str, dict[str, Any]]
) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """(alerts to raise, kinds to clear): an open alert is never raised again, only cleared when not wanted."""
    raise_now = {kind: detail for kind, detail in wanted.items() if kind not in open_alerts}
    clear_now = [kind for kind in open_alerts if kind not in wanted]
    return raise_now, clear_now
