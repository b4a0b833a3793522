"""ECR-JSON/1 answers: every vendor spelling read the same way, anything odd refused with where and what."""

from __future__ import annotations

import json

import pytest

from drivers.payment_terminal.codec import EcrProtocolError, parse_sale, parse_terminal, sale_request
from kiosk.devices.payment_terminal import SaleState, TerminalStatus
from kiosk.money import Money


def _sale(**fields: object) -> bytes:
    approved = {"ref": "T1", "state": "approved", "amount_paise": 12300, "rrn": "634012000001"}
    return json.dumps(approved | fields).encode()


def test_an_approved_sale_is_read_with_its_rrn_and_last_four_digits() -> None:
    sale = parse_sale(_sale(pan_last4="4242", scheme="rupay", approval_code="123456"), "t", "T1")
    assert (sale.state, sale.amount, sale.rrn, sale.pan_last4, sale.scheme) == (
        SaleState.APPROVED,
        Money(12300),
        "634012000001",
        "4242",
        "RUPAY",
    )


def test_vendor_spellings_capitals_and_string_amounts_mean_the_same_states() -> None:
    assert parse_sale(_sale(state="ABORT_REQUESTED", amount_paise="12300", rrn=""), "t", "T1").state is (
        SaleState.ABORTING
    )
    assert parse_sale(_sale(state="CARD_PULLED"), "t", "T1").state is SaleState.CARD_REMOVED
    assert parse_sale(_sale(state="pin_timeout"), "t", "T1").state is SaleState.TIMED_OUT


@pytest.mark.parametrize(
    ("body", "named"),
    [
        (b"\x00\xff garbage", "not JSON"),
        (b"[1, 2]", "expected a JSON object"),
        (_sale(ref="OTHER"), "answer is about sale 'OTHER'"),
        (_sale(state="exploded"), "sale state 'exploded'"),
        (_sale(amount_paise=123.5), "amount_paise must be a positive whole number"),
        (_sale(amount_paise=-5), "amount_paise must be a positive whole number"),
        (_sale(rrn=""), "approved sale must carry its RRN"),
        (b"{" + b" " * 20000 + b"}", "larger than any ECR answer"),
    ],
)
def test_odd_sale_answers_are_refused_naming_what_was_wrong(body: bytes, named: str) -> None:
    with pytest.raises(EcrProtocolError, match=r"^terminal-x: ") as caught:
        parse_sale(body, "terminal-x", "T1")
    assert named in str(caught.value)


def test_a_full_card_number_is_refused_and_never_repeated_in_the_error() -> None:
    with pytest.raises(EcrProtocolError) as caught:
        parse_sale(_sale(pan_last4="4111111111111111"), "t", "T1")
    assert "4111" not in str(caught.value)
    assert "pan_last4 is not at most four digits (16 characters)" in str(caught.value)


def test_terminal_state_needs_the_protocol_and_a_known_state() -> None:
    assert parse_terminal(b'{"protocol": "ecr-json/1", "state": "IDLE"}', "t").status is TerminalStatus.READY
    with pytest.raises(EcrProtocolError, match="protocol 'acme/2' is not ecr-json/1"):
        parse_terminal(b'{"protocol": "acme/2", "state": "idle"}', "t")


def test_a_sale_request_refuses_bad_references_and_amounts_before_anything_is_sent() -> None:
    assert json.loads(sale_request("TXN-1.2", Money(100))) == {"ref": "TXN-1.2", "amount_paise": 100, "currency": "INR"}
    with pytest.raises(ValueError, match="sale reference 'a/b'"):
        sale_request("a/b", Money(100))
    with pytest.raises(ValueError, match="amount must be positive"):
        sale_request("T1", Money(0))
