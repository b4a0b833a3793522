"""Aadhaar numbers: the Verhoeff check and the masking UIDAI requires wherever a number is shown or printed."""

from __future__ import annotations

from dataclasses import dataclass

from common.numbers import mask_aadhaar, verhoeff_ok


class AadhaarError(ValueError):
    """An entry that is not a usable Aadhaar number; the message never repeats the digits."""


@dataclass(frozen=True, slots=True)
class AadhaarNumber:
    """A checked 12-digit number whose printed forms are always masked; the digits go only onto the auth wire."""

    _digits: str

    @classmethod
    def parse(cls, text: str) -> AadhaarNumber:
        cleaned = text.replace(" ", "").replace("-", "")
        if not cleaned.isascii() or not cleaned.isdigit():
            raise AadhaarError("Aadhaar number: only digits (spaces and dashes allowed between groups)")
        if len(cleaned) != 12:
            raise AadhaarError(f"Aadhaar number: expected 12 digits, got {len(cleaned)}")
        if cleaned[0] in "01":
            raise AadhaarError("Aadhaar number: cannot start with 0 or 1")
        if not verhoeff_ok(cleaned):
            raise AadhaarError("Aadhaar number: check digit does not match (typing mistake?)")
        return cls(cleaned)

    @property
    def masked(self) -> str:
        return mask(self._digits)

    def digits_for_auth_request(self) -> str:
        """The full number, only for building the one authentication request."""
        return self._digits

    def __repr__(self) -> str:
        return f"AadhaarNumber({self.masked})"

    def __str__(self) -> str:
        return self.masked


def mask(number: str) -> str:
    """XXXX-XXXX-1234: the first eight digits hidden, as UIDAI requires for display and print."""
    try:
        return mask_aadhaar(number)
    except ValueError as exc:
        raise AadhaarError(str(exc)) from None
