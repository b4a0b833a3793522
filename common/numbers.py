"""Numbers people type, one rule for kiosk and server: Luhn and Verhoeff check digits, mobile numbers, masking."""

from __future__ import annotations

import re

# Luhn: many billers' consumer numbers, application numbers. Verhoeff: UIDAI's Aadhaar numbers, some departments'
# application numbers.


def luhn_ok(digits: str) -> bool:
    if not digits.isascii() or not digits.isdigit():
        return False
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def luhn_complete(stem: str) -> str:
    """Append the Luhn check digit to `stem` (used by the generator and tests to make valid numbers)."""
    return next(stem + d for d in "0123456789" if luhn_ok(stem + d))


# Verhoeff's dihedral-group tables (multiplication, permutation, inverse).
_D = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 2, 3, 4, 0, 6, 7, 8, 9, 5),
    (2, 3, 4, 0, 1, 7, 8, 9, 5, 6),
    (3, 4, 0, 1, 2, 8, 9, 5, 6, 7),
    (4, 0, 1, 2, 3, 9, 5, 6, 7, 8),
    (5, 9, 8, 7, 6, 0, 4, 3, 2, 1),
    (6, 5, 9, 8, 7, 1, 0, 4, 3, 2),
    (7, 6, 5, 9, 8, 2, 1, 0, 4, 3),
    (8, 7, 6, 5, 9, 3, 2, 1, 0, 4),
    (9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
)
_P = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 5, 7, 6, 2, 8, 3, 0, 9, 4),
    (5, 8, 0, 3, 7, 9, 6, 1, 4, 2),
    (8, 9, 1, 6, 0, 4, 3, 5, 2, 7),
    (9, 4, 5, 3, 1, 2, 6, 8, 7, 0),
    (4, 2, 8, 6, 5, 7, 3, 9, 0, 1),
    (2, 7, 9, 3, 8, 0, 6, 4, 1, 5),
    (7, 0, 4, 6, 9, 1, 3, 2, 5, 8),
)
_INV = (0, 4, 3, 2, 1, 5, 6, 7, 8, 9)


def verhoeff_ok(digits: str) -> bool:
    if not digits.isascii() or not digits.isdigit():
        return False
    check = 0
    for position, char in enumerate(reversed(digits)):
        check = _D[check][_P[position % 8][int(char)]]
    return check == 0


def verhoeff_check_digit(digits: str) -> int:
    """The digit to append to `digits` so that the whole passes the Verhoeff check."""
    check = 0
    for position, char in enumerate(reversed(digits)):
        check = _D[check][_P[(position + 1) % 8][int(char)]]
    return _INV[check]


# Indian mobile numbers: 10 digits, the first 6-9 (TRAI numbering plan); no +91 or leading 0 on the kiosk keypad.
MOBILE = re.compile(r"^[6-9][0-9]{9}$")


def valid_mobile(number: str) -> bool:
    return bool(MOBILE.fullmatch(number))


def mobile_problem(digits: str) -> str | None:
    """None for a usable Indian mobile number, else why not ('length' or 'start'), so the keypad can say which."""
    if len(digits) != 10 or not digits.isdigit():
        return "length"
    if not valid_mobile(digits):
        return "start"
    return None


def mask_mobile(number: str) -> str:
    """Shown on screen, logged and kept on the server: only the last four digits."""
    return "XXXXXX" + number[-4:] if len(number) >= 4 else "XXXXXX"


def mask_aadhaar(number: str) -> str:
    """XXXX-XXXX-1234: the first eight digits hidden, as UIDAI requires for display, print and storage.

    Raises ValueError (without the digits) for anything that is not 12 digits once spaces and dashes are dropped."""
    cleaned = number.replace(" ", "").replace("-", "")
    if len(cleaned) != 12 or not cleaned.isascii() or not cleaned.isdigit():
        raise ValueError("Aadhaar number: expected 12 digits to mask")
    return f"XXXX-XXXX-{cleaned[-4:]}"
