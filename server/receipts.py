"""`/r/{token}`: anyone scans a receipt's QR and sees whether the kiosk's key signed that payment."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from server.deps import ServiceDep
from server.pages import check_kiosk_signature, rupees, verdict_page, verdict_response
from sync.protocol import Problem
from sync.protocol.receipts import parse_token

router = APIRouter()


@router.get("/r/{token}", response_class=HTMLResponse, responses={400: {"model": Problem}})
def receipt(token: str, request: Request, service: ServiceDep) -> Response:
    def facts() -> dict[str, Any]:
        claim, body, signature = parse_token(token)
        check_kiosk_signature(service.kiosk_keys, claim.kiosk_code, body, signature, claim.paid_at_iso)
        return {
            "kiosk_code": claim.kiosk_code, "receipt_no": claim.receipt_no, "txn_id": claim.txn_id,
            "amount_paise": claim.amount_paise, "paid_at": claim.paid_at_iso,
        }  # fmt: skip

    return verdict_response(request, facts, page)


def page(facts: dict[str, Any] | None, problem: str | None) -> str:
    if facts is None:
        return verdict_page("e-Mitra Plus", "रसीद सत्यापित नहीं हुई / Receipt NOT verified", None, problem)
    cells: list[tuple[str, object]] = [
        ("कियोस्क / Kiosk", facts["kiosk_code"]), ("रसीद संख्या / Receipt no.", facts["receipt_no"]),
        ("लेन-देन / Transaction", facts["txn_id"]), ("राशि / Amount", rupees(int(facts["amount_paise"]))),
        ("भुगतान समय / Paid at (UTC)", facts["paid_at"]),
    ]  # fmt: skip
    return verdict_page("e-Mitra Plus", "रसीद सत्यापित / Receipt verified", cells)
