"""The small bilingual pages a phone opens from a printed QR code (a receipt, a Z-report): a verdict and a table."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from server.service import EpochKey
from sync.protocol.signing import SignatureError, load_public_key, verify

KioskKeys = Callable[[str], list[EpochKey]]  # kiosk code -> every enrolment's key, newest first ([] when unknown)


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


def check_kiosk_signature(keys_of: KioskKeys, kiosk_code: str, body: bytes, signature: str, signed_at: str) -> int:
    """The epoch whose key signed `body`; SignatureError unless one of `kiosk_code`'s keys did while it was valid.

    A key is valid from its enrolment until it is revoked or the kiosk is re-enrolled: what it signed before
    that still verifies (a genuine receipt printed before a repair), what it claims to have signed after does not.
    """
    keys = keys_of(kiosk_code)
    if not keys:
        raise SignatureError(f"kiosk {kiosk_code[:32]} is not enrolled here")
    for key in keys:
        try:
            verify(load_public_key(key.public_key), signature, body)
        except SignatureError:
            continue
        if key.revoked_at is not None and not _before(signed_at, key.revoked_at):
            raise SignatureError(f"the kiosk's key was revoked on {_day(key.revoked_at)}; this was signed after that")
        if key.replaced_at is not None and not _before(signed_at, key.replaced_at):
            raise SignatureError(f"the kiosk was re-enrolled on {_day(key.replaced_at)} and this key replaced; "
                                 "this was signed after that")  # fmt: skip
        return key.epoch
    raise SignatureError("signature does not match")


def _moment(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _before(signed_at: str, ended_at: str) -> bool:
    """An unreadable signing time counts as after: a revoked key gets no benefit of the doubt."""
    signed, ended = _moment(signed_at), _moment(ended_at)
    return signed is not None and ended is not None and signed < ended


def _day(text: str) -> str:
    moment = _moment(text)
    return text[:19] if moment is None else moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


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
