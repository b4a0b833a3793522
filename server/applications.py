"""The officers' list of applications made at kiosks, in the dashboard, and the status change that moves one on."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from server.application_records import NEXT, STATUSES, ApplicationError, advance
from server.dashboard import auth, i18n
from server.dashboard import routes as dash
from server.service import iso, now_utc

router = APIRouter(prefix=dash.PREFIX + "/applications", include_in_schema=False)
LIMIT = 200  # the newest first; an officer's block makes far fewer in the time they look at it

WORDS = {
    "hi": {"heading": "कियोस्क से आवेदन", "number": "आवेदन संख्या", "service": "सेवा", "machine": "मशीन",
           "submitted": "जमा", "expected": "अपेक्षित तिथि", "status": "स्थिति", "move": "आगे बढ़ाएँ", "none": "कोई आवेदन नहीं",
           "s.submitted": "जमा हुआ", "s.documents_received": "दस्तावेज़ प्राप्त", "s.under_review": "जाँच में",
           "s.issued": "जारी", "s.rejected": "अस्वीकृत"},
    "en": {"heading": "Applications made at kiosks", "number": "Application No.", "service": "Service",
           "machine": "Machine", "submitted": "Submitted", "expected": "Expected by", "status": "Status",
           "move": "Move on", "none": "No applications", "s.submitted": "Submitted",
           "s.documents_received": "Documents received", "s.under_review": "Under review", "s.issued": "Issued",
           "s.rejected": "Rejected"},
}  # fmt: skip


def _rows(request: Request, officer: auth.Officer, status: str) -> list[dict[str, Any]]:
    where, params = officer.where("s")
    # A division officer sees every application; others only their district's or block's machines'.
    join = "LEFT JOIN" if officer.role == "division" else "JOIN"
    sql = (
        "SELECT a.application_no, a.service, a.service_name_hi, a.kiosk_code, a.submitted_at, a.expected_on, a.status"
        f" FROM kiosk_applications a {join} dash_sites s ON s.kiosk_id = a.kiosk_id WHERE ({where})"
        + (" AND a.status = ?" if status else "")
        + f" ORDER BY a.submitted_at DESC LIMIT {LIMIT}"
    )
    with dash.of(request).db.tx(write=False) as tx:
        found = tx.all(sql, (*params, *([status] if status else [])))
    keys = ("number", "service", "service_hi", "kiosk_code", "submitted_at", "expected_on", "status")
    return [dict(zip(keys, row, strict=True)) | {"next": NEXT[str(row[6])]} for row in found]


@router.get("", response_class=HTMLResponse)
@dash.page
def applications_page(request: Request, status: str = "") -> Response:
    session = dash.signed_in(request)
    if status and status not in STATUSES:
        raise dash.PageError(400, "bad_request", f"status must be one of {', '.join(STATUSES)}")
    words = WORDS[i18n.language(request.cookies.get(dash.LANG_COOKIE))]
    return dash.render(request, "applications.html", session=session, rows=_rows(request, session.officer, status),
                       w=words, statuses=STATUSES)  # fmt: skip


@router.post("/{number}/status")
@dash.page
def move_on(request: Request, number: str, status: str = Form(""), csrf: str = Form("")) -> Response:
    session = dash.signed_in(request)
    dash.check_post(request, csrf, session.csrf)
    if not any(r["number"] == number for r in _rows(request, session.officer, "")):
        raise dash.PageError(404, "not_found", f"no application {number[:20]!r} among the machines you can see")
    try:
        advance(dash.of(request).db, number, status, actor=session.officer.username, now=iso(now_utc()))
    except ApplicationError as exc:
        raise dash.PageError(400, "bad_request", str(exc)) from None
    return RedirectResponse(dash.PREFIX + "/applications", status_code=303)
