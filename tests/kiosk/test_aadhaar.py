from __future__ import annotations

import pytest

from common.numbers import verhoeff_check_digit, verhoeff_ok
from kiosk.aadhaar import AadhaarError, AadhaarNumber, mask

BASE = "23412341234"
VALID = BASE + str(verhoeff_check_digit(BASE))


def test_verhoeff_accepts_the_published_example_and_rejects_one_changed_digit() -> None:
    assert verhoeff_check_digit("236") == 3  # the textbook example: 2363
    assert verhoeff_ok("2363")
    assert not verhoeff_ok("2364")
    assert not verhoeff_ok("2633")  # adjacent transposition is caught


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("12345", "expected 12 digits, got 5"),
        ("1234 5678 9012", "cannot start with 0 or 1"),
        ("2341 2341 234x", "only digits"),
        ("२३४१२३४१२३४१", "only digits"),
    ],
)
def test_bad_aadhaar_entries_are_refused_without_echoing_the_digits(text: str, reason: str) -> None:
    with pytest.raises(AadhaarError, match=reason) as caught:
        AadhaarNumber.parse(text)
    assert "2341" not in str(caught.value)


def test_wrong_check_digit_is_refused() -> None:
    wrong = VALID[:-1] + str((int(VALID[-1]) + 1) % 10)
    with pytest.raises(AadhaarError, match="check digit"):
        AadhaarNumber.parse(wrong)


def test_number_prints_only_masked_in_every_form() -> None:
    number = AadhaarNumber.parse(f"{VALID[:4]} {VALID[4:8]}-{VALID[8:]}")
    expected = f"XXXX-XXXX-{VALID[-4:]}"
    assert number.masked == str(number) == expected
    assert VALID not in repr(number)
    assert VALID not in f"{number}"
    assert mask(VALID) == expected
    assert number.digits_for_auth_request() == VALID
