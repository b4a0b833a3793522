"""The Z-report token: what the kiosk signs round-trips exactly, and anything else is refused with a reason."""

from __future__ import annotations

from dataclasses import replace

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sync.protocol.signing import SignatureError, b64url
from sync.protocol.zreports import NOT_COUNTED, ZReportClaim, make_token, parse_token, qr_text, verify_token

CLAIM = ZReportClaim("RJ-JPR-0001", "2026-11-23", 4, 37, 1_234_500, 1_100_000, 1_095_000, -5_000, 10_000, 1,
                     "2026-11-23T12:30:00.000000Z")  # fmt: skip


def test_a_signed_claim_round_trips_with_a_negative_difference() -> None:
    key = Ed25519PrivateKey.generate()
    token = make_token(CLAIM, key)
    assert verify_token(token, key.public_key()) == CLAIM
    assert qr_text("https://emitra.example/", token) == f"https://emitra.example/z/{token}"
    assert len(qr_text("https://emitra.example", token)) < 400  # fits the receipt's QR budget


def test_a_day_not_yet_closed_is_marked_not_counted() -> None:
    open_day = replace(CLAIM, close_no=0, counted_paise=NOT_COUNTED, difference_paise=0)
    key = Ed25519PrivateKey.generate()
    assert verify_token(make_token(open_day, key), key.public_key()).counted_paise == NOT_COUNTED


def test_another_kiosks_key_is_refused() -> None:
    token = make_token(CLAIM, Ed25519PrivateKey.generate())
    with pytest.raises(SignatureError):
        verify_token(token, Ed25519PrivateKey.generate().public_key())


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("z0|RJ|2026-11-23|1|1|1|1|1|0|0|0|t", "12 fields starting with z1"),
        ("z1|RJ|2026-11-23|1|1|1|1|1|0|0|0", "12 fields"),
        ("z1|RJ|2026-11-23|one|1|1|1|1|0|0|0|t", "close_no in the token must be a whole number"),
        ("z1|RJ|2026-11-23|1|1|1|1|1|--5|0|0|t", "difference in the token must be a whole number"),
    ],
)
def test_malformed_bodies_are_refused_with_what_was_wrong(body: str, reason: str) -> None:
    with pytest.raises(SignatureError, match=reason):
        parse_token(b64url(body.encode()) + "." + b64url(b"x" * 64))


def test_oversized_and_shapeless_tokens_are_refused() -> None:
    with pytest.raises(SignatureError, match="at most 600"):
        parse_token("a" * 601)
    with pytest.raises(SignatureError, match=r"<body>\.<signature>"):
        parse_token("no-dot-here")
    with pytest.raises(SignatureError, match="UTF-8"):
        parse_token(b64url(b"\xff\xfe") + "." + b64url(b"x" * 64))


def test_a_claim_that_cannot_be_written_is_refused_before_signing() -> None:
    with pytest.raises(ValueError, match="must not contain"):
        replace(CLAIM, kiosk_code="RJ|X").body()
    with pytest.raises(ValueError, match="must not be negative"):
        replace(CLAIM, cash_paise=-1).body()
