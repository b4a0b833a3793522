"""Fleet operations on the web: the rollout's background pass, and the officers' command and rollout pages."""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import json
import logging
from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter, FastAPI, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from server.dashboard import i18n
from server.dashboard import routes as dash
from server.db import Database
from server.fleetops import rollout
from server.fleetops.remote import NEEDS, CommandError, audit, kiosk_in_scope, may
from server.fleetops.versions import version_counts
from server.fleetops.words import WORDS
from server.service import now_utc
from sync.protocol.remote import REMOTE_KINDS

log = logging.getLogger("kiosk-server.rollout")
ROLLOUT_EVERY_S = 1.0  # a wave starts within a second of the last one reaching its share


@contextlib.asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """The rollout's advance pass, run for as long as the app runs."""
    db: Database = app.state.service.db

    async def passes() -> None:
        while True:
            try:
                await asyncio.to_thread(rollout.advance, db, now_utc())
            except Exception:
                log.exception("rollout pass failed; tried again on the next pass")
            await asyncio.sleep(ROLLOUT_EVERY_S)

    task = asyncio.create_task(passes())
    yield
    task.cancel()


# The pages sit on the dashboard's prefix and use its helpers, so they look and refuse exactly like its own.
router = APIRouter(prefix=dash.PREFIX, lifespan=lifespan, include_in_schema=False)


def words(request: Request) -> dict[str, str]:
    return WORDS[i18n.language(request.cookies.get("dash_lang"))]


def commands_page(request: Request, code: str, problem: str = "", status: int = 200) -> Response:
    session = dash.signed_in(request)
    board = dash.of(request)
    with board.db.tx(write=False) as tx:
        try:
            kiosk_in_scope(tx, session.officer, dash.name(code))
        except CommandError as exc:
            raise dash.PageError(404, "not_found", str(exc)) from None
        lines = audit(tx, session.officer, board.clock.now(), code, 50)
    kinds = [k for k in REMOTE_KINDS if may(session.officer, k)]
    return dash.render(request, "fleet_commands.html", status, session=session, code=code, kinds=kinds,
                       lines=lines, w=words(request), problem=problem)  # fmt: skip


@router.get("/k/{code}/commands", response_class=HTMLResponse)
@dash.page
def machine_commands(request: Request, code: str) -> Response:
    return commands_page(request, code)


@router.post("/k/{code}/command", response_class=HTMLResponse)
@dash.page
def order(request: Request, code: str, kind: str = Form(""), lines: str = Form("200"), reason: str = Form(""),
          config: str = Form(""), csrf: str = Form("")) -> Response:  # fmt: skip
    session = dash.signed_in(request)
    dash.check_post(request, csrf, session.csrf)
    try:
        args = form_arguments(kind, lines, reason, config)
        request.app.state.service.remote.issue(session.officer.username, dash.name(code), kind, args,
                                               dash.of(request).clock.now())  # fmt: skip
    except CommandError as exc:
        return commands_page(request, code, str(exc), 400)
    return RedirectResponse(f"{request.url.path.rsplit('/', 1)[0]}/commands", status_code=303)


@router.get("/commands/{command_id}/output")
@dash.page
def output(request: Request, command_id: str) -> Response:
    session = dash.signed_in(request)
    with dash.of(request).db.tx(write=False) as tx:
        row = tx.one("SELECT k.code, c.kind, c.result_output FROM remote_commands c JOIN kiosks k"
                     " ON k.id = c.kiosk_id WHERE c.id = ?", (command_id[:40],))  # fmt: skip
        try:
            if row is None or row[2] is None:
                raise CommandError("no output")
            kiosk_in_scope(tx, session.officer, str(row[0]))
        except CommandError:
            raise dash.PageError(404, "not_found", f"no output for command {command_id[:40]!r}") from None
    if row[1] == "screenshot":
        try:
            return Response(base64.b64decode(str(row[2]), validate=True), media_type="image/png",
                            headers={"Cache-Control": "no-store"})  # fmt: skip
        except binascii.Error:
            raise dash.PageError(404, "not_found", "the kiosk's picture is not readable") from None
    return Response(str(row[2]), media_type="text/plain; charset=utf-8", headers={"Cache-Control": "no-store"})


@router.get("/rollouts", response_class=HTMLResponse)
@dash.page
def rollouts(request: Request, problem: str = "") -> Response:
    session = dash.signed_in(request)
    with dash.of(request).db.tx(write=False) as tx:
        found = rollout.status(tx)
        counts = version_counts(tx, session.officer)
    return dash.render(request, "fleet_rollouts.html", session=session, rollouts=found, counts=counts,
                       w=words(request), may_resume=may(session.officer, "rollout"),
                       problem=problem[:200])  # fmt: skip


@router.post("/rollouts/{version}/resume")
@dash.page
def resume(request: Request, version: str, csrf: str = Form("")) -> Response:
    session = dash.signed_in(request)
    dash.check_post(request, csrf, session.csrf)
    try:
        rollout.resume(dash.of(request).db, session.officer.username, dash.name(version), dash.of(request).clock.now())
    except CommandError as exc:
        raise dash.PageError(403 if "needs a" in str(exc) else 400, "bad_request", str(exc)) from None
    return RedirectResponse(str(request.url.path).rsplit("/", 2)[0], status_code=303)


def form_arguments(kind: str, lines: str, reason: str, config: str) -> dict[str, Any]:
    if kind not in REMOTE_KINDS:
        raise CommandError(f"unknown command {kind[:30]!r}")
    if kind == "send_logs":
        if not (lines.isascii() and lines.isdigit() and len(lines) <= 5):
            raise CommandError("send_logs: lines must be a whole number from 1 to 2000")
        return {"lines": int(lines)}
    if kind == "out_of_service":
        return {"reason": " ".join(reason.split())}
    if kind == "set_config":
        try:
            change = json.loads(config)
        except ValueError as exc:
            raise CommandError(f"set_config: the settings are not JSON ({exc})") from None
        if not isinstance(change, dict):
            raise CommandError('set_config: give a JSON object like {"kiosk": {"helpline": "181"}}')
        return change
    return {}


__all__ = ["NEEDS", "router"]
