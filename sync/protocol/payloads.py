"""Schemas of the event payloads the fleet dashboard reads, checked at ingest: a bad one is refused, not folded."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from jsonschema import Draft202012Validator

MAX_PAISE = 10**13  # ₹1,000 crore: far above any kiosk payment, far below what SQL BIGINT or float() chokes on
EARLIEST = datetime(2020, 1, 1, tzinfo=UTC)  # before the first e-Mitra Plus kiosk: a clock that was never set
MAX_AHEAD = timedelta(days=1)  # a kiosk clock a day fast is broken; year 9999 is poison for every rollup

_TEXT = {"type": "string", "maxLength": 200}
_TEXT_OR_NULL = {"type": ["string", "null"], "maxLength": 200}
_PAISE = {"type": "integer", "minimum": 0, "maximum": MAX_PAISE}
_LAT = {"type": "number", "minimum": -90, "maximum": 90}
_LON = {"type": "number", "minimum": -180, "maximum": 180}
_POSITION = {"type": "object", "required": ["lat", "lon"], "properties": {"lat": _LAT, "lon": _LON}}
_SITE_TEXT = {name: _TEXT_OR_NULL for name in (
    "code", "district", "block", "gram_panchayat", "centre", "centre_name_hi", "centre_name_en", "nodal_officer",
)}  # fmt: skip


def _object(properties: dict[str, Any], required: tuple[str, ...] = ()) -> dict[str, Any]:
    """Fields the dashboard reads are typed and bounded; anything else the kiosk sends is kept as it is."""
    return {"type": "object", "properties": {"subject": _TEXT, **properties}, "required": list(required)}


SCHEMAS: dict[str, dict[str, Any]] = {
    "txn.created": _object({"service_id": {"type": ["string", "null"], "maxLength": 64}}),
    "txn.paid": _object({"amount_paid": _PAISE}, ("amount_paid",)),
    "cash.credit": _object(
        {"amount_paid": _PAISE, "state": {"type": "string", "maxLength": 32}}, ("amount_paid", "state")
    ),
    "day.closed": _object({}),
    "problem.reported": _object({"screen": {"type": "string", "maxLength": 64}}),
    "kiosk.inspection": _object(
        {"engineer": _TEXT, "notes": {"type": "string", "maxLength": 1000}, "healthy": {"type": "boolean"}}
    ),
    "kiosk.geotagged": _object({"lat": _LAT, "lon": _LON}, ("lat", "lon")),
    # As `kioskctl provision` sends it (identity, hours, position) or flat (`admin place`, older kiosks).
    "kiosk.provisioned": _object(
        {
            **_SITE_TEXT,
            "identity": {"type": "object", "properties": _SITE_TEXT},
            "hours": {
                "type": "object",
                "maxProperties": 16,
                "additionalProperties": {
                    "anyOf": [
                        {"type": "string", "maxLength": 100},
                        {"type": "array", "maxItems": 400, "items": {"type": "string", "maxLength": 32}},
                    ]
                },
            },
            "position": {"anyOf": [{"type": "null"}, _POSITION]},
        }
    ),
}
SCHEMAS["kiosk.repair"] = SCHEMAS["kiosk.inspection"]
_VALIDATORS = {kind: Draft202012Validator(schema) for kind, schema in SCHEMAS.items()}


def payload_problem(kind: str, payload: dict[str, Any]) -> str | None:
    """Why this payload cannot be read by the dashboard (naming the field), or None when it can."""
    validator = _VALIDATORS.get(kind)
    if validator is None:
        return None
    error = next(iter(sorted(validator.iter_errors(payload), key=lambda e: list(e.absolute_path))), None)
    if error is None:
        return None
    where = ".".join(str(p) for p in ("payload", *error.absolute_path))
    return f"{kind} {where}: {error.message[:160]}"


def occurred_at_problem(text: str, now: datetime) -> str | None:
    """Why an event's time is not believable (unreadable, before 2020, or more than a day ahead of the server)."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return f"occurred_at {text[:40]!r} is not an ISO date and time"
    if moment.tzinfo is None:
        return f"occurred_at {text[:40]!r} has no time zone (send UTC with Z)"
    if moment < EARLIEST:
        return f"occurred_at {text[:40]} is before {EARLIEST:%Y-%m-%d}: the kiosk clock was not set"
    if moment > now + MAX_AHEAD:
        return f"occurred_at {text[:40]} is more than a day ahead of the server's clock"
    return None
