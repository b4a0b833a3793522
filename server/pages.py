"""The small bilingual pages a phone opens from a printed QR code (a receipt, a Z-report): a verdict and a table."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from sync.protocol.signing import SignatureError, load_public_key, verify

KioskKey = Callable[[str], str | None]  # kiosk code -> its enrolled public key (text), None when unknown


def rupees(paise: int) -> str:
    sign = "-" if paise < 0 else ""
    return f"{sign}₹{abs(paise) // 100}.{abs(paise) % 100:02d}"


def verdict_page(title: str, head: str, cells: list[tuple[str, object]] | None, problem: str | None = None) -> str:
    """`cells` (label, value) when verified; otherwise the problem in plain words. Everything is escaped."""
    if cells is None:
        body = f"<p>{html.escape(problem or '')}</p>"
    else:
        body = (
            "<table>"
            + "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>" for k, v in cells)
            + "</table>"
        )
    return (
        f'<!doctype html><html lang="hi"><head><meta charset="utf-8"><title>{html.escape(title)}</title></head>'
        f"<body><h1>{html.escape(head)}</h1>{body}</body></html>"
    )


def check_kiosk_signature(kiosk_key: KioskKey, kiosk_code: str, body: bytes, signature: str) -> None:
    """Raise SignatureError unless `body` was signed by the enrolled key of `kiosk_code`."""
    key = kiosk_key(kiosk_code)
    if key is None:
        raise SignatureError(f"kiosk {kiosk_code[:32]} is not enrolled here")
    verify(load_public_key(key), signature, body)


def verdict_response(
    request: Request, facts_of: Callable[[], dict[str, Any]], page: Callable[[dict[str, Any] | None, str | None], str]
) -> Response:
    """What a scanned QR opens: the facts when `facts_of` verifies them, else the reason (400); JSON on request."""
    wants_json = "application/json" in request.headers.get("accept", "")
    try:
        facts = {"valid": True, **facts_of()}
    except SignatureError as exc:
        if wants_json:
            return JSONResponse({"valid": False, "detail": str(exc)}, status_code=400)
        return HTMLResponse(page(None, str(exc)), status_code=400)
    return JSONResponse(facts) if wants_json else HTMLResponse(page(facts, None))
