"""`/z/{token}`: a supervisor scans a printed Z-report's QR and sees whether the kiosk's key signed those figures."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from server.deps import ServiceDep
from server.pages import check_kiosk_signature, rupees, verdict_page, verdict_response
from sync.protocol import Problem
from sync.protocol.zreports import NOT_COUNTED, parse_token

router = APIRouter()


@router.get("/z/{token}", response_class=HTMLResponse, responses={400: {"model": Problem}})
def zreport(token: str, request: Request, service: ServiceDep) -> Response:
    def facts() -> dict[str, Any]:
        claim, body, signature = parse_token(token)
        check_kiosk_signature(service.kiosk_keys, claim.kiosk_code, body, signature, claim.generated_at_iso)
        counted = None if claim.counted_paise == NOT_COUNTED else claim.counted_paise
        return {
            "kiosk_code": claim.kiosk_code, "business_day": claim.business_day, "close_no": claim.close_no,
            "transactions": claim.transactions, "total_paise": claim.total_paise, "cash_paise": claim.cash_paise,
            "counted_paise": counted, "difference_paise": None if counted is None else claim.difference_paise,
            "vouchers_open_paise": claim.vouchers_open_paise, "receipts_pending": claim.receipts_pending,
            "generated_at": claim.generated_at_iso,
        }  # fmt: skip

    return verdict_response(request, facts, page)


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
