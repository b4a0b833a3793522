"""ECR-JSON/1 bodies, pure: build the kiosk's requests, read the terminal's answers (and refuse odd ones clearly)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from kiosk.devices.payment_terminal import SaleState, SaleStatus, TerminalStatus
from kiosk.money import MAX_PAISE, Money

PROTOCOL = "ecr-json/1"
MAX_BODY_BYTES = 16 * 1024  # a terminal's answers are a few hundred bytes; anything larger is not one
REF = re.compile(r"[A-Za-z0-9._-]{1,40}")  # what the terminals' ECR reference fields take (verify per vendor)

TERMINAL_PATH = "/ecr/v1/terminal"
SALES_PATH = "/ecr/v1/sales"

# Terminal spellings → our states. Vendors differ in case and in names for the same thing (quirky profile).
_SALE_STATES = {state.value: state for state in SaleState} | {
    "abort_requested": SaleState.ABORTING,
    "card_pulled": SaleState.CARD_REMOVED,
    "pin_timeout": SaleState.TIMED_OUT,
    "card_timeout": SaleState.TIMED_OUT,
    "cancelled": SaleState.ABORTED,
}
_TERMINAL_STATES = {"idle": TerminalStatus.READY, "busy": TerminalStatus.BUSY, "offline": TerminalStatus.HOST_OFFLINE}


class EcrProtocolError(ValueError):
    """An answer that is not ECR-JSON/1: named with where it came from and what was wrong."""


@dataclass(frozen=True, slots=True)
class TerminalInfo:
    status: TerminalStatus
    terminal_id: str
    model: str
    firmware: str
    busy_ref: str = ""


def check_ref(ref: str) -> str:
    if not isinstance(ref, str) or not REF.fullmatch(ref):
        raise ValueError(f"sale reference {ref!r}: expected 1-40 of A-Z a-z 0-9 . _ -")
    return ref


def sale_path(ref: str, action: str = "") -> str:
    return f"{SALES_PATH}/{check_ref(ref)}" + (f"/{action}" if action else "")


def sale_request(ref: str, amount: Money) -> bytes:
    if amount.paise <= 0:
        raise ValueError(f"sale {ref}: amount must be positive, got {amount.paise} paise")
    return json.dumps({"ref": check_ref(ref), "amount_paise": amount.paise, "currency": "INR"}).encode()


def decode(body: bytes, where: str) -> dict[str, Any]:
    if len(body) > MAX_BODY_BYTES:
        raise EcrProtocolError(f"{where}: answer of {len(body)} bytes is larger than any ECR answer")
    try:
        doc = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EcrProtocolError(f"{where}: not JSON ({type(exc).__name__}: {str(exc)[:60]})") from None
    if not isinstance(doc, dict):
        raise EcrProtocolError(f"{where}: expected a JSON object, got {type(doc).__name__}")
    return doc


def _text(doc: dict[str, Any], key: str, where: str, *, limit: int = 64) -> str:
    value = doc.get(key)
    if value is None:
        return ""
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise EcrProtocolError(f"{where}: {key} must be text, got {type(value).__name__}")
    return str(value).strip()[:limit]


def _paise(doc: dict[str, Any], where: str) -> Money:
    value = doc.get("amount_paise")
    # Some terminals send numbers as strings (quirky profile); a float or a sign is never a valid amount.
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if type(value) is not int or not 0 < value <= MAX_PAISE:
        raise EcrProtocolError(f"{where}: amount_paise must be a positive whole number of paise, got {value!r}")
    return Money(value)


def parse_terminal(body: bytes, where: str) -> TerminalInfo:
    doc = decode(body, where)
    protocol = _text(doc, "protocol", where)
    if protocol != PROTOCOL:
        raise EcrProtocolError(f"{where}: protocol {protocol!r} is not {PROTOCOL}")
    state = _text(doc, "state", where).lower()
    if state not in _TERMINAL_STATES:
        raise EcrProtocolError(f"{where}: terminal state {state!r} is not one of {', '.join(_TERMINAL_STATES)}")
    return TerminalInfo(
        _TERMINAL_STATES[state],
        _text(doc, "terminal_id", where),
        _text(doc, "model", where),
        _text(doc, "firmware", where),
        _text(doc, "busy_ref", where),
    )


def parse_sale(body: bytes, where: str, expected_ref: str) -> SaleStatus:
    doc = decode(body, where)
    ref = _text(doc, "ref", where)
    if ref != expected_ref:
        raise EcrProtocolError(f"{where}: answer is about sale {ref!r}, not {expected_ref!r}")
    state_text = _text(doc, "state", where).lower()
    state = _SALE_STATES.get(state_text)
    if state is None:
        raise EcrProtocolError(f"{where}: sale state {state_text!r} is not an ECR-JSON/1 state")
    last4 = _text(doc, "pan_last4", where)
    if not re.fullmatch(r"[0-9]{0,4}", last4):
        # Never keep more of the card number than the last four digits, even when a terminal sends it.
        raise EcrProtocolError(f"{where}: pan_last4 is not at most four digits ({len(last4)} characters)")
    try:
        return SaleStatus(
            ref=ref,
            state=state,
            amount=_paise(doc, where),
            rrn=_text(doc, "rrn", where, limit=12).replace(" ", ""),
            approval_code=_text(doc, "approval_code", where, limit=8),
            pan_last4=last4,
            scheme=_text(doc, "scheme", where, limit=16).upper(),
            response_code=_text(doc, "response_code", where, limit=4),
            message=_text(doc, "message", where, limit=80),
        )
    except ValueError as exc:
        raise EcrProtocolError(f"{where}: {exc}") from None


def parse_error(body: bytes, where: str) -> tuple[str, str]:
    """An error answer's (code, detail); an unreadable one still yields a code naming the HTTP failure."""
    try:
        doc = decode(body, where)
    except EcrProtocolError as exc:
        return "bad_answer", str(exc)
    return _text(doc, "error", where) or "bad_answer", _text(doc, "detail", where, limit=120)
