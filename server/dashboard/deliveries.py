"""The dashboard's "certificate deliveries" page: issued certificates delivered per district, block and day, by
channel (printed at the kiosk, SMS link, QR link opened, pushed to the villager's locker), in the officer's scope."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from server.channels import CHANNELS, business_day
from server.dashboard import i18n
from server.dashboard import routes as dash
from server.dashboard.auth import Officer
from server.db import Tx

MAX_DAYS = 92
HI = {
    "deliveries": "प्रमाण-पत्र वितरण", "by_channel": "माध्यम अनुसार वितरण", "day": "दिन", "total": "कुल",
    "print": "कियोस्क पर छपा", "sms": "एसएमएस लिंक", "qr": "क्यूआर लिंक", "locker": "लॉकर में",
    "none": "इस अवधि में कोई प्रमाण-पत्र वितरित नहीं हुआ।", "days": "दिन",
    "refused": "लॉकर में नहीं भेजे जा सके (कियोस्क ने ऑफ़लाइन कतार में रखे थे)", "when": "कब", "kiosk": "कियोस्क",
    "application": "आवेदन संख्या", "reason": "कारण",
}  # fmt: skip
EN = {
    "deliveries": "Certificate deliveries", "by_channel": "Deliveries by channel", "day": "Day", "total": "Total",
    "print": "Printed at kiosk", "sms": "SMS link", "qr": "QR link", "locker": "To locker",
    "none": "No certificates were delivered in this period.", "days": "days",
    "refused": "Not pushed to the locker (queued offline at the kiosk, refused later)", "when": "When",
    "kiosk": "Kiosk", "application": "Application no.", "reason": "Reason",
}  # fmt: skip
WORDS = {"hi": HI, "en": EN}


def by_channel(tx: Tx, officer: Officer, since_day: str) -> list[dict[str, Any]]:
    """One row per (day, district, block) with a count per channel and the total, newest day first."""
    where, params = officer.where()
    found: dict[tuple[str, str, str], dict[str, Any]] = {}
    for day, district, block, channel, count in tx.all(
        "SELECT d.day, s.district, s.block, d.channel, SUM(d.count) FROM delivery_channel_days d"
        f" JOIN dash_sites s ON s.kiosk_id = d.kiosk_id WHERE {where} AND d.day >= ?"
        " GROUP BY d.day, s.district, s.block, d.channel",
        [*params, since_day],
    ):
        key = (str(day), str(district), str(block))
        row = found.setdefault(key, {"day": key[0], "district": key[1], "block": key[2], "total": 0,
                                     **dict.fromkeys(CHANNELS, 0)})  # fmt: skip
        if channel in CHANNELS:
            row[str(channel)] += int(count)
            row["total"] += int(count)
    return sorted(found.values(), key=lambda r: (-int(r["day"].replace("-", "")), r["district"], r["block"]))


def locker_refused(tx: Tx, officer: Officer, since_iso: str, limit: int = 200) -> list[dict[str, str]]:
    """Pushes kiosks queued offline that the server later refused (server/locker_link.drain_queued), newest first:
    the villager was told "it will reach your locker", so the operator must see the ones that did not."""
    where, params = officer.where()
    rows = tx.all(
        "SELECT q.handled_at, s.district, s.block, s.code, q.outcome, e.payload FROM locker_queued q"
        " JOIN dash_sites s ON s.kiosk_id = q.kiosk_id LEFT JOIN events e ON e.kiosk_id = q.kiosk_id"
        f" AND e.epoch = q.epoch AND e.seq = q.seq WHERE {where} AND q.outcome LIKE ? AND q.handled_at >= ?"
        " ORDER BY q.handled_at DESC LIMIT ?",
        [*params, "refused%", since_iso, limit],  # a bound pattern: PostgreSQL's driver reads a bare % as its own
    )
    return [{"when": str(when), "district": str(district), "block": str(block), "kiosk": str(code),
             "application": application_of(payload), "reason": str(outcome).removeprefix("refused: ")}
            for when, district, block, code, outcome, payload in rows]  # fmt: skip


def application_of(payload: object) -> str:
    try:
        return str(json.loads(str(payload)).get("application_no", "")) if payload is not None else ""
    except (ValueError, AttributeError):
        return ""


router = APIRouter(prefix=dash.PREFIX, include_in_schema=False)


@router.get("/deliveries", response_class=HTMLResponse)
@dash.page
def deliveries_page(request: Request, days: str = "30") -> Response:
    session = dash.signed_in(request)
    if not (days.isascii() and days.isdigit() and len(days) <= 3) or not 1 <= int(days) <= MAX_DAYS:
        raise dash.PageError(400, "bad_request", f"days must be a whole number from 1 to {MAX_DAYS}")
    board = dash.of(request)
    since = business_day(board.clock.now() - timedelta(days=int(days) - 1))
    with board.db.tx(write=False) as tx:
        rows = by_channel(tx, session.officer, since)
        refused = locker_refused(tx, session.officer, since)
    totals = {c: sum(r[c] for r in rows) for c in (*CHANNELS, "total")}
    words = WORDS[i18n.language(request.cookies.get(dash.LANG_COOKIE))]
    return dash.render(request, "deliveries.html", session=session, rows=rows, totals=totals, w=words,
                       channels=CHANNELS, days=int(days), refused=refused)  # fmt: skip
