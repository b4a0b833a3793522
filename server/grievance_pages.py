"""The officers' grievance pages in the dashboard: the grievances of their area, one grievance with its history, and
the actions on it (forward to an office, a note, disposal with a reply), each audited with the officer's name."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from server import grievance_store as store
from server.dashboard import auth
from server.dashboard import routes as dash
from server.db import Tx
from server.grievance_words import WORDS
from sync.protocol.grievance import BY_CODE

router = APIRouter(prefix=dash.PREFIX + "/grievances", include_in_schema=False)
STATUSES = ("pending", "disposed", "all")
PAGE_ROWS = 200


def words(request: Request) -> dict[str, str]:
    return WORDS[dash.lang_of(request)]


def department_name(code: str, lang: str) -> str:
    found = BY_CODE.get(code)
    return (found.name_hi if lang == "hi" else found.name_en) if found else code


def category_name(department: str, code: str, lang: str) -> str:
    found = BY_CODE.get(department)
    for c in found.categories if found else ():
        if c.code == code:
            return c.name_hi if lang == "hi" else c.name_en
    return code


@router.get("", response_class=HTMLResponse)
@dash.page
def listing(request: Request, status: str = "pending") -> Response:
    session = dash.signed_in(request)
    status = status if status in STATUSES else "pending"
    where, params = session.officer.where("g")
    if status != "all":
        where, params = where + " AND g.status = ?", [*params, status]
    with dash.of(request).db.tx(write=False) as tx:
        rows = tx.all("SELECT g.number, g.department, g.category, g.registered_at, g.status, g.pending_with,"
                      f" g.district, g.block FROM grievances g WHERE {where}"
                      f" ORDER BY g.registered_at DESC LIMIT {PAGE_ROWS}", params)  # fmt: skip
    return dash.render(request, "grievances.html", session=session, rows=rows, shown=status, statuses=STATUSES,
                       w=words(request), dept=department_name, cat=category_name)  # fmt: skip


def in_scope(tx: Tx, officer: auth.Officer, number: str) -> tuple[Any, ...]:
    """The grievance if the officer's area holds it; unknown and out of scope look the same (404)."""
    where, params = officer.where("g")
    row = tx.one("SELECT g.number, g.department, g.category, g.description, g.mobile_masked, g.attachments,"
                 " g.district, g.block, g.status, g.pending_with, g.registered_at, g.reply, g.feedback_rating,"
                 f" g.feedback_text FROM grievances g WHERE g.number = ? AND {where}",
                 (number[:20], *params))  # fmt: skip
    if row is None:
        raise dash.PageError(404, "not_found", f"no grievance {number[:20]!r} in your area")
    return row


def detail_page(request: Request, number: str, problem: str = "", status: int = 200) -> Response:
    session = dash.signed_in(request)
    with dash.of(request).db.tx(write=False) as tx:
        row = in_scope(tx, session.officer, number)
        history = tx.all("SELECT at, kind, actor, office, text FROM grievance_actions WHERE number = ?"
                         " ORDER BY at, kind", (row[0],))  # fmt: skip
    return dash.render(request, "grievance.html", status, session=session, g=row, history=history,
                       attachments=len(json.loads(str(row[5]))), w=words(request), dept=department_name,
                       cat=category_name, problem=problem[:200])  # fmt: skip


@router.get("/{number}", response_class=HTMLResponse)
@dash.page
def detail(request: Request, number: str) -> Response:
    return detail_page(request, number)


@router.post("/{number}/{action}", response_class=HTMLResponse)
@dash.page
def act(request: Request, number: str, action: str, text: str = Form(""), csrf: str = Form("")) -> Response:
    session = dash.signed_in(request)
    dash.check_post(request, csrf, session.csrf)
    steps = {"assign": store.assign, "note": store.note, "dispose": store.dispose}
    if action not in steps:
        raise dash.PageError(404, "not_found", f"no action {action[:20]!r}")
    board = dash.of(request)
    try:
        with board.db.tx() as tx:
            in_scope(tx, session.officer, number)
            steps[action](tx, session.officer.name or session.officer.username, number, text, board.clock.now())
    except store.ActionRefused as exc:
        return detail_page(request, number, str(exc), 400)
    return RedirectResponse(f"{dash.PREFIX}/grievances/{number}", status_code=303)
