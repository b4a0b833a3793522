"""The officers' pages under /dash: server-rendered HTML, small, no script and nothing from outside the server."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import gzip
import logging
import secrets
import time
from collections.abc import AsyncIterator, Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

import jinja2
from fastapi import APIRouter, FastAPI, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from server import partitions, reconcile
from server.dashboard import auth, fleet, i18n, report, rollup, svgmap
from server.dashboard.alerts import DEFAULT_RULES, Rules, in_state
from server.db import Database
from server.leader import Leadership
from server.service import sweep_nonces

log = logging.getLogger("kiosk-server.dashboard")
PREFIX = "/dash"
SESSION_COOKIE, LANG_COOKIE, LOGIN_CSRF_COOKIE = "dash_session", "dash_lang", "dash_login_csrf"
MAX_NAME = 80
MAX_DAYS = 90  # the machine page's history: longer ranges are clamped, not run
F = TypeVar("F", bound=Callable[..., Response])


class PageError(Exception):
    def __init__(self, status: int, key: str, detail: str = "") -> None:
        super().__init__(detail)
        self.status, self.key, self.detail = status, key, detail


class Clock:
    """The dashboard's one clock read; tests replace `now`."""

    def __init__(self, now: Callable[[], datetime] = fleet.utc_now) -> None:
        self.now = now


def templates() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).with_name("templates")),
        autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
    )  # fmt: skip
    env.filters["local"] = local_time
    env.filters["rupees"] = lambda paise: report.rupees(int(paise))
    env.filters["q"] = lambda text: quote(str(text), safe="")
    return env


def local_time(text: str | None) -> str:
    """UTC ISO text → 'YYYY-MM-DD HH:MM' in India time, for people."""
    if not text:
        return "—"
    try:
        return (rollup.parse_utc(text) + rollup.IST).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return "—"


class Dashboard:
    """What the pages and the housekeeping share, one per app (`app.state.dashboard`, set by create_app).
    `owner` is the Service whose heartbeat handler feeds rollup.Sampler.of(owner)."""

    def __init__(self, db: Database, owner: object, *, rules: Rules = DEFAULT_RULES, clock: Clock | None = None,
                 refresh_every_s: float = 5.0) -> None:  # fmt: skip
        self.db, self.rules, self.clock, self.refresh_every_s = db, rules, clock or Clock(), refresh_every_s
        self.env = templates()
        self.sampler = rollup.Sampler.of(owner)
        self.throttle = auth.Throttle()
        self.leader = Leadership(db)

    def housekeeping_pass(self, last_alerts: float) -> float:
        db, now = self.db, self.clock.now
        self.sampler.flush(db)  # this replica's own buffer: every replica writes its samples
        if not self.leader.hold():  # rollups, alerts and sweeps: one replica at a time (server/leader.py)
            return last_alerts
        try:  # whatever goes wrong here (one machine's rollup is isolated inside refresh), alerts still run
            rollup.refresh(db)
        except Exception:
            log.exception("dashboard rollup pass failed; retried on the next pass")
        if time.monotonic() - last_alerts >= max(self.refresh_every_s * 6, 1.0):
            fleet.run_alerts(db, now(), self.rules)
            rollup.prune(db, now())
            self.throttle.sweep(db, now())
            sweep_nonces(db, now())
            partitions.maintain(db, now())
            return time.monotonic()
        return last_alerts

    async def housekeeping(self) -> None:
        last_alerts = 0.0
        while True:
            try:
                last_alerts = await asyncio.to_thread(self.housekeeping_pass, last_alerts)
            except Exception:
                log.exception("dashboard rollup pass failed; retried on the next pass")
            await asyncio.sleep(self.refresh_every_s)


def of(request: Request) -> Dashboard:
    dash: Dashboard = request.app.state.dashboard
    return dash


@contextlib.asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    dash: Dashboard = app.state.dashboard
    task = asyncio.create_task(dash.housekeeping())
    yield
    task.cancel()
    with contextlib.suppress(Exception):
        dash.sampler.flush(dash.db)
    dash.leader.release()


router = APIRouter(prefix=PREFIX, lifespan=lifespan, include_in_schema=False)


def lang_of(request: Request) -> str:
    return i18n.language(request.cookies.get(LANG_COOKIE))


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    dash = of(request)
    lang = lang_of(request)
    words = i18n.WORDS[lang]
    page = dash.env.get_template(name).render(
        t=words, lang=lang, path=request.url.path, query=str(request.url.query), prefix=PREFIX,
        alert_text=functools.partial(i18n.alert_text, lang), **context,
    )  # fmt: skip
    body, encoding = squeeze(request, page.encode())
    return HTMLResponse(body, status_code=status, headers={
        "Cache-Control": "no-store", "X-Frame-Options": "DENY", "Referrer-Policy": "same-origin",
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:;"
                                   " form-action 'self'; frame-ancestors 'none'",
        "Vary": "Accept-Encoding", **encoding,
    })  # fmt: skip


def page(handler: F) -> F:
    """Every page: kiosks refused, a clear page for bad input, never a stack trace."""

    @functools.wraps(handler)
    def wrapper(request: Request, *args: Any, **kwargs: Any) -> Response:
        if any(h in request.headers for h in ("x-kiosk-id", "x-signature")):
            log.warning("kiosk credentials presented to %s: refused", request.url.path)
            return render(request, "error.html", 403, key="forbidden",
                          detail="kiosk credentials cannot read the dashboard", session=None)  # fmt: skip
        try:
            return handler(request, *args, **kwargs)
        except NeedLogin:
            back = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse(f"{PREFIX}/login?next={quote(back, safe='')}", status_code=303)
        except PageError as exc:
            return render(request, "error.html", exc.status, key=exc.key, detail=exc.detail,
                          session=None)  # fmt: skip
        except Exception:
            log.exception("dashboard page %s failed", request.url.path)
            return render(request, "error.html", 500, key="server_error",
                          detail="something went wrong on the server; it is logged", session=None)  # fmt: skip

    return wrapper  # type: ignore[return-value]


def signed_in(request: Request) -> auth.Session:
    dash = of(request)
    found = auth.session(dash.db, request.cookies.get(SESSION_COOKIE, ""), dash.clock.now())
    if found is None:
        raise NeedLogin()
    return found


def check_post(request: Request, sent: str, expected: str) -> None:
    origin = request.headers.get("origin")
    if origin and origin != f"{request.url.scheme}://{request.url.netloc}":
        raise PageError(403, "forbidden", f"form posted from another site ({origin[:60]})")
    if not expected or not secrets.compare_digest(sent.encode(), expected.encode()):
        raise PageError(403, "csrf", "missing or wrong CSRF token")


def name(text: str) -> str:
    if not text or len(text) > MAX_NAME or any(ord(c) < 32 for c in text):
        raise PageError(400, "bad_request", "a district, block or machine name must be 1-80 printable characters")
    return text


def in_scope(request: Request, session: auth.Session, district: str, block: str | None = None) -> dict[str, list[str]]:
    dash = of(request)
    with dash.db.tx(write=False) as tx:
        known = fleet.places(tx, session.officer)
    if district not in known or (block is not None and block not in known[district]):
        # Unknown and out-of-scope look the same: an officer learns nothing about other blocks.
        what = f"district {district!r}" + (f", block {block!r}" if block is not None else "")
        raise PageError(404, "not_found", f"no {what} among the machines you can see")
    return known


@router.get("/login", response_class=HTMLResponse)
@page
def login_form(request: Request, next: str = "") -> Response:
    token = secrets.token_urlsafe(24)
    response = render(request, "login.html", csrf=token, next=safe_next(next), failed=False, session=None)
    response.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict", path=PREFIX)
    return response


@router.post("/login", response_class=HTMLResponse)
@page
def login(request: Request, username: str = Form(""), password: str = Form(""), csrf: str = Form(""),
          next: str = Form("")) -> Response:  # fmt: skip
    dash = of(request)
    check_post(request, csrf, request.cookies.get(LOGIN_CSRF_COOKIE, ""))
    who, now = username.strip().lower()[:32], dash.clock.now()
    address = request.client.host if request.client else "unknown"
    if not dash.throttle.attempt(dash.db, who, address, now):
        log.warning("dashboard login for %r from %s refused: too many failures", who, address)
        raise PageError(429, "too_many", f"too many failed logins for {who!r} or from {address}: wait 15 minutes")
    signed = auth.sign_in(dash.db, who, password, now)
    if signed is None:
        log.warning("dashboard login failed for %r", who)
        token = secrets.token_urlsafe(24)
        again = render(request, "login.html", 401, csrf=token, next=safe_next(next), failed=True, session=None)
        again.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict", path=PREFIX)
        return again
    dash.throttle.succeeded(dash.db, who, address)
    response = RedirectResponse(safe_next(next) or PREFIX + "/", status_code=303)
    response.set_cookie(SESSION_COOKIE, signed[0], httponly=True, samesite="strict", path=PREFIX,
                        secure=request.url.scheme == "https", max_age=auth.SESSION_HOURS * 3600)  # fmt: skip
    response.delete_cookie(LOGIN_CSRF_COOKIE, path=PREFIX)
    return response


@router.post("/logout")
@page
def logout(request: Request, csrf: str = Form("")) -> Response:
    dash = of(request)
    session = signed_in(request)
    check_post(request, csrf, session.csrf)
    auth.sign_out(dash.db, request.cookies.get(SESSION_COOKIE, ""))
    response = RedirectResponse(PREFIX + "/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path=PREFIX)
    return response


@router.get("/lang/{to}")
@page
def switch_language(request: Request, to: str, next: str = "") -> Response:
    response = RedirectResponse(safe_next(next) or PREFIX + "/", status_code=303)
    response.set_cookie(LANG_COOKIE, i18n.language(to), samesite="lax", path=PREFIX, max_age=365 * 86400)
    return response


@router.get("/", response_class=HTMLResponse)
@page
def home(request: Request, sort: str = "name", desc: str = "0") -> Response:
    session = signed_in(request)
    officer = session.officer
    if officer.role == "district":
        return RedirectResponse(f"{PREFIX}/d/{quote(str(officer.district), safe='')}", status_code=303)
    if officer.role == "block":
        return RedirectResponse(
            f"{PREFIX}/d/{quote(str(officer.district), safe='')}/{quote(str(officer.block), safe='')}",
            status_code=303,
        )
    return overview_page(request, session, None, None, sort, desc)


@router.get("/d/{district}", response_class=HTMLResponse)
@page
def district_page(request: Request, district: str, sort: str = "name", desc: str = "0") -> Response:
    session = signed_in(request)
    in_scope(request, session, name(district))
    return overview_page(request, session, district, None, sort, desc)


@router.get("/d/{district}/{block}", response_class=HTMLResponse)
@page
def block_page(request: Request, district: str, block: str, sort: str = "code", desc: str = "0") -> Response:
    session = signed_in(request)
    in_scope(request, session, name(district), name(block))
    return overview_page(request, session, district, block, sort, desc)


def overview_page(request: Request, session: auth.Session, district: str | None, block: str | None,
                  sort: str, desc_text: str) -> Response:  # fmt: skip
    dash = of(request)
    desc = 1 if desc_text == "1" else 0
    now = dash.clock.now()
    words = i18n.WORDS[lang_of(request)]
    with dash.db.tx(write=False) as tx:
        if block is None:
            rows = fleet.overview(tx, session.officer, now, district, None)
            whole = fleet.total(rows, district or words["division"])
            kiosks: list[dict[str, Any]] = []
        else:
            rows = fleet.overview(tx, session.officer, now, district, block)
            whole = fleet.total(rows, block)
            kiosks = fleet.machines(tx, session.officer, now, str(district), block)
        dots = fleet.points(tx, session.officer, now, district, block)
        unplaced = fleet.unplaced(tx) if session.officer.role == "division" and district is None else 0
    rows = sort_rows(rows, sort, desc, ROW_KEYS)
    kiosks = fleet.rd_first(sort_rows(kiosks, sort, desc, MACHINE_KEYS), now)  # issue 18.3
    svg, outside = svgmap.render(dots, words["map"])
    return render(request, "overview.html", session=session, district=district, block=block, rows=rows,
                  whole=whole, kiosks=kiosks, svg=svg, outside=outside, sort=sort, desc=desc, unplaced=unplaced,
                  month=(now + rollup.IST).strftime("%Y-%m"))  # fmt: skip


@router.get("/k/{code}", response_class=HTMLResponse)
@page
def machine_page(request: Request, code: str, days: str = "30") -> Response:
    dash = of(request)
    session = signed_in(request)
    digits = days.strip().removeprefix("-")
    if not (digits.isascii() and digits.isdigit()) or len(days) > 12:  # '²'.isdigit() is True
        raise PageError(400, "bad_request", f"days must be a whole number from 1 to {MAX_DAYS}")
    span = max(1, min(int(days), MAX_DAYS))  # a huge range is clamped to what the rollups keep
    with dash.db.tx(write=False) as tx:
        found = fleet.machine(tx, session.officer, name(code), dash.clock.now(), span)
    if found is None:
        raise PageError(404, "not_found", f"no machine {code!r} among the machines you can see")
    outside = [p for p in (found["here"], found["registered"]) if p is not None and not in_state(p)]
    return render(request, "machine.html", session=session, m=found, days=span, outside=bool(outside),
                  max_days=MAX_DAYS)  # fmt: skip


@router.get("/alerts", response_class=HTMLResponse)
@page
def alerts_page(request: Request) -> Response:
    dash = of(request)
    session = signed_in(request)
    with dash.db.tx(write=False) as tx:
        found = fleet.scoped_alerts(tx, session.officer)
    return render(request, "alerts.html", session=session, alerts=found)


@router.get("/reconciliation", response_class=HTMLResponse)
@page
def reconciliation_page(request: Request) -> Response:
    """Rail settlement mismatches (server/reconcile.py): money is the division's to settle."""
    session = signed_in(request)
    if session.officer.role != "division":
        raise PageError(403, "forbidden", "payment reconciliation is for division officers")
    return render(request, "reconciliation.html", session=session, rows=reconcile.mismatches(of(request).db))


@router.get("/search", response_class=HTMLResponse)
@page
def search_page(request: Request, q: str = "") -> Response:
    dash = of(request)
    session = signed_in(request)
    text = q.strip()[:MAX_NAME]
    found: list[tuple[str, str, str, str]] = []
    if text:
        with dash.db.tx(write=False) as tx:
            found = fleet.search(tx, session.officer, text)
    return render(request, "search.html", session=session, q=text, found=found)


@router.get("/report/{district}", response_class=HTMLResponse)
@page
def district_report(request: Request, district: str, month: str = "", format: str = "html") -> Response:
    return report_page(request, name(district), None, month, format)


@router.get("/report/{district}/{block}", response_class=HTMLResponse)
@page
def block_report(request: Request, district: str, block: str, month: str = "", format: str = "html") -> Response:
    return report_page(request, name(district), name(block), month, format)


def report_page(request: Request, district: str, block: str | None, month: str, fmt: str) -> Response:
    dash = of(request)
    session = signed_in(request)
    in_scope(request, session, district, block)
    if block is None and session.officer.role == "block":
        raise PageError(403, "forbidden", "the district report card ranks every block: it is for district officers")
    now = dash.clock.now()
    month = month or (now + rollup.IST).strftime("%Y-%m")
    try:
        first, last = report.parse_month(month, (now + rollup.IST).date())
    except report.BadMonth as exc:
        raise PageError(400, "bad_request", str(exc)) from None
    with dash.db.tx(write=False) as tx:
        lines = report.report_card(tx, session.officer, district, block, first, last)
    words = i18n.WORDS["en"]
    if fmt == "csv":
        header = [words["rank"], words["block"] if block is None else words["machine"], words["machines"],
                  words["txns"], words["amount"], words["uptime"], words["days_closed"], words["incidents"],
                  words["inspected"], words["last_inspected"]]  # fmt: skip
        filename = "report-" + "-".join(safe_file(p) for p in (district, block or "", month) if p) + ".csv"
        body, encoding = squeeze(request, report.as_csv(lines, header).encode())
        headers = {"Content-Disposition": f'attachment; filename="{filename}"', "Vary": "Accept-Encoding"}
        return Response(body, media_type="text/csv; charset=utf-8", headers={**headers, **encoding})
    if fmt != "html":
        raise PageError(400, "bad_request", "format must be html or csv")
    return render(request, "report.html", session=session, district=district, block=block, month=month,
                  lines=lines, services=report.services(lines))  # fmt: skip


class NeedLogin(Exception):
    pass


def squeeze(request: Request, body: bytes) -> tuple[bytes, dict[str, str]]:
    """gzip for browsers that take it: a district office's slow link carries ~8× fewer bytes of table and map."""
    if len(body) < 1400 or "gzip" not in request.headers.get("accept-encoding", ""):
        return body, {}
    return gzip.compress(body, compresslevel=6, mtime=0), {"Content-Encoding": "gzip"}


def safe_next(target: str) -> str:
    """Only a path inside the dashboard: never another site (no open redirect)."""
    return target if target.startswith(PREFIX + "/") and not target.startswith("//") and "\\" not in target else ""


def safe_file(text: str) -> str:
    return "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "_" for c in text)[:40]


ROW_KEYS: dict[str, Callable[[Any], Any]] = {
    "name": lambda r: r.name, "installed": lambda r: r.installed, "inspected": lambda r: r.inspected,
    "transacting": lambda r: r.pct(r.transacting), "online": lambda r: r.pct(r.online),
    "geotagged": lambda r: r.pct(r.geotagged), "alerts": lambda r: r.alerts,
}  # fmt: skip
MACHINE_KEYS: dict[str, Callable[[Any], Any]] = {
    "code": lambda m: m["code"], "gp": lambda m: m["gp"], "online": lambda m: m["online"],
    "last_txn": lambda m: m["last_txn"] or "", "txns": lambda m: m["txns"], "alerts": lambda m: m["alerts"],
    "inspected": lambda m: m["inspected"] or "",
}  # fmt: skip


def sort_rows(rows: list[Any], sort: str, desc: int, keys: dict[str, Callable[[Any], Any]]) -> list[Any]:
    key = keys.get(sort)
    return sorted(rows, key=key, reverse=bool(desc)) if key else rows
