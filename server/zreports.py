"""`/z/{token}`: a supervisor scans a printed Z-report's QR and sees whether the kiosk's key signed those figures."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from server.pages import rupees, verdict_page
from sync.protocol import Problem
from sync.protocol.signing import SignatureError, load_public_key, verify
from sync.protocol.zreports import NOT_COUNTED, parse_token

KioskKey = Callable[[str], str | None]  # kiosk code -> its enrolled public key (text), None when unknown


def add_routes(app: FastAPI, kiosk_key: KioskKey) -> None:
    @app.get("/z/{token}", response_class=HTMLResponse, responses={400: {"model": Problem}})
    async def zreport(token: str, request: Request) -> Response:
        wants_json = "application/json" in request.headers.get("accept", "")
        try:
            claim, body, signature = parse_token(token)
            key = kiosk_key(claim.kiosk_code)
            if key is None:
                raise SignatureError(f"kiosk {claim.kiosk_code[:32]} is not enrolled here")
            verify(load_public_key(key), signature, body)
        except SignatureError as exc:
            if wants_json:
                return JSONResponse({"valid": False, "detail": str(exc)}, status_code=400)
            return HTMLResponse(page(None, str(exc)), status_code=400)
        facts: dict[str, Any] = {
            "valid": True, "kiosk_code": claim.kiosk_code, "business_day": claim.business_day,
            "close_no": claim.close_no, "transactions": claim.transactions, "total_paise": claim.total_paise,
            "cash_paise": claim.cash_paise,
            "counted_paise": None if claim.counted_paise == NOT_COUNTED else claim.counted_paise,
            "difference_paise": None if claim.counted_paise == NOT_COUNTED else claim.difference_paise,
            "vouchers_open_paise": claim.vouchers_open_paise, "receipts_pending": claim.receipts_pending,
            "generated_at": claim.generated_at_iso,
        }  # fmt: skip
        return JSONResponse(facts) if wants_json else HTMLResponse(page(facts, None))


def page(facts: dict[str, Any] | None, problem: str | None) -> str:
    title = "e-Mitra Plus Z-report"
    if facts is None:
        return verdict_page(title, "Z-रिपोर्ट सत्यापित नहीं हुई / Z-report NOT verified", None, problem)
    counted = facts["counted_paise"]
    cells: list[tuple[str, object]] = [
        ("कियोस्क / Kiosk", facts["kiosk_code"]), ("दिन / Business day", facts["business_day"]),
        ("बंदी / Close no.", facts["close_no"] or "—"), ("लेन-देन / Transactions", facts["transactions"]),
        ("कुल / Total", rupees(facts["total_paise"])), ("नकद / Cash credited", rupees(facts["cash_paise"])),
        ("गिने गए / Counted", "—" if counted is None else rupees(counted)),
        ("अंतर / Difference", "—" if counted is None else rupees(facts["difference_paise"])),
        ("खुले वाउचर / Open vouchers", rupees(facts["vouchers_open_paise"])),
        ("बाकी रसीदें / Receipts pending", facts["receipts_pending"]),
        ("बनी / Generated (UTC)", facts["generated_at"]),
    ]  # fmt: skip
    return verdict_page(title, "Z-रिपोर्ट सत्यापित / Z-report verified", cells)
