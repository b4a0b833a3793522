"""The monthly report card of a district (a row per block) or a block (a row per machine), with a ranking."""

from __future__ import annotations

import calendar
import csv
import functools
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date

from server.dashboard.alerts import WEEKDAYS, published_hours
from server.dashboard.auth import Officer
from server.db import Tx

MONTH = re.compile(r"(\d{4})-(\d{2})")
MAX_MONTHS_BACK = 24


class BadMonth(ValueError):
    """The month asked for is malformed, in the future or too far back."""


def parse_month(text: str, today: date) -> tuple[str, str]:
    """'2026-10' → first and last day; refuses nonsense, the future and more than two years back."""
    found = MONTH.fullmatch(text.strip())
    if not found or not 1 <= int(found[2]) <= 12:
        raise BadMonth(f"month {text[:20]!r} is not YYYY-MM")
    year, month = int(found[1]), int(found[2])
    back = (today.year - year) * 12 + today.month - month
    if back < 0:
        raise BadMonth(f"month {text} is in the future")
    if back > MAX_MONTHS_BACK:
        raise BadMonth(f"month {text} is more than {MAX_MONTHS_BACK} months back; ask for a nearer month")
    last = calendar.monthrange(year, month)[1]
    return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"


@dataclass
class Line:
    name: str
    machines: int = 0
    txns: int = 0
    paise: int = 0
    open_hours: int = 0
    seen_hours: int = 0
    days_closed: int = 0
    incidents: int = 0
    inspected: int = 0
    last_inspected: str | None = None
    services: dict[str, tuple[int, int]] = field(default_factory=dict)
    rank: int = 0

    @property
    def uptime_pct(self) -> float:
        return round(100 * self.seen_hours / self.open_hours, 1) if self.open_hours else 0.0


def report_card(tx: Tx, officer: Officer, district: str, block: str | None, first: str, last: str) -> list[Line]:
    """Lines ranked by transactions per machine, then uptime: healthy competition, not raw size."""
    where, params = officer.where()
    where += " AND s.district = ?"
    params.append(district)
    if block is not None:
        where += " AND s.block = ?"
        params.append(block)
    by_block = block is None
    sites = tx.all(
        f"SELECT s.kiosk_id, s.code, s.block, s.hours, st.inspected_at, st.repaired_at FROM dash_sites s"
        f" LEFT JOIN dash_state st ON st.kiosk_id = s.kiosk_id WHERE {where}",
        params,
    )
    lines: dict[str, Line] = {}
    owner: dict[str, Line] = {}
    weeks: dict[str, tuple[int, ...]] = {}  # per machine: published-hours mask for Monday … Sunday
    for kiosk_id, code, blk, hours_text, inspected, repaired in sites:
        line = lines.setdefault(str(blk if by_block else code), Line(str(blk if by_block else code)))
        line.machines += 1
        owner[str(kiosk_id)] = line
        weeks[str(kiosk_id)] = week_masks(str(hours_text or "{}"))
        visit = max(filter(None, (inspected, repaired)), default=None)
        if visit is not None:
            line.inspected += 1
            line.last_inspected = max(filter(None, (line.last_inspected, str(visit)[:10])))
    days = tx.all(
        "SELECT d.kiosk_id, d.day, d.txns, d.amount_paise, d.hours_seen, d.problems FROM dash_days d"
        f" JOIN dash_sites s ON s.kiosk_id = d.kiosk_id WHERE {where} AND d.day >= ? AND d.day <= ?",
        [*params, first, last],
    )
    seen_days: set[tuple[str, str]] = set()
    for kiosk_id, day, txns, paise, seen, problems in days:
        line = owner[str(kiosk_id)]
        line.txns += int(txns)
        line.paise += int(paise)
        line.incidents += int(problems)
        _count_hours(line, weeks[str(kiosk_id)][date.fromisoformat(str(day)).weekday()], int(seen))
        seen_days.add((str(kiosk_id), str(day)))
    # Days with no row at all: the machine was silent the whole day, every published hour missed.
    month = [(day, date.fromisoformat(day).weekday()) for day in _days(first, last)]
    for kiosk_id, line in owner.items():
        for day, weekday in month:
            if (kiosk_id, day) not in seen_days:
                _count_hours(line, weeks[kiosk_id][weekday], 0)
    for kiosk_id, count in tx.all(
        f"SELECT a.kiosk_id, count(*) FROM dash_alerts a JOIN dash_sites s ON s.kiosk_id = a.kiosk_id"
        f" WHERE {where} AND a.raised_at >= ? AND a.raised_at <= ? GROUP BY a.kiosk_id",
        [*params, first, last + "T23:59:59Z"],
    ):
        owner[str(kiosk_id)].incidents += int(count)
    for kiosk_id, service, txns, paise in tx.all(
        "SELECT d.kiosk_id, d.service, sum(d.txns), sum(d.amount_paise) FROM dash_service_days d"
        f" JOIN dash_sites s ON s.kiosk_id = d.kiosk_id WHERE {where} AND d.day >= ? AND d.day <= ?"
        " GROUP BY d.kiosk_id, d.service",
        [*params, first, last],
    ):
        line = owner[str(kiosk_id)]
        had = line.services.get(str(service), (0, 0))
        line.services[str(service)] = (had[0] + int(txns), had[1] + int(paise))
    ranked = sorted(lines.values(), key=lambda x: (-x.txns / max(x.machines, 1), -x.uptime_pct, x.name))
    for n, line in enumerate(ranked, 1):
        line.rank = n
    return ranked


def _days(first: str, last: str) -> list[str]:
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    return [date.fromordinal(n).isoformat() for n in range(start.toordinal(), end.toordinal() + 1)]


@functools.lru_cache(maxsize=256)
def week_masks(hours_json: str) -> tuple[int, ...]:
    """Published-hours masks Monday … Sunday; a fleet has a handful of distinct timetables, so this is cached."""
    try:
        hours = json.loads(hours_json)
    except ValueError:
        hours = {}
    if not isinstance(hours, dict):
        hours = {}
    return tuple(published_hours(str(hours.get(day, ""))) for day in WEEKDAYS)


def _count_hours(line: Line, published: int, seen: int) -> None:
    if not published:
        return
    open_count, seen_count = bin(published).count("1"), bin(published & seen).count("1")
    line.open_hours += open_count
    line.seen_hours += seen_count
    if seen_count * 2 < open_count:
        line.days_closed += 1


def services(lines: list[Line]) -> list[str]:
    return sorted({s for line in lines for s in line.services})


def as_csv(lines: list[Line], header: list[str]) -> str:
    """Money in rupees with paise as two decimals (formatted from integer paise, never via float)."""
    names = services(lines)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*header, *(f"{s} txns" for s in names), *(f"{s} amount (Rs)" for s in names)])
    for line in lines:
        writer.writerow([
            line.rank, _safe(line.name), line.machines, line.txns, rupees(line.paise), line.uptime_pct,
            line.days_closed, line.incidents, line.inspected, line.last_inspected or "",
            *(line.services.get(s, (0, 0))[0] for s in names),
            *(rupees(line.services.get(s, (0, 0))[1]) for s in names),
        ])  # fmt: skip
    return out.getvalue()


def rupees(paise: int) -> str:
    return f"{paise // 100}.{paise % 100:02d}"


def _safe(text: str) -> str:
    """A cell a spreadsheet would run as a formula (=, +, -, @) is quoted as text."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
