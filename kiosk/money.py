"""Money as integer paise: parsing operator/config input, arithmetic, and ₹ formatting with Indian grouping."""

from __future__ import annotations

import re
from dataclasses import dataclass

PAISE_PER_RUPEE = 100
# The largest amount any single entry may hold: ₹99,99,99,999.99 (far above any bill).
MAX_PAISE = 99_99_99_999_99

# ASCII digits only: \d would also accept Devanagari digits, which int() then silently converts.
_RUPEE_STRING = re.compile(r"(?P<rupees>[0-9]{1,10})(?:\.(?P<paise>[0-9]{1,2}))?")


class MoneyError(ValueError):
    """A money value that cannot be accepted, with the text that was wrong."""


@dataclass(frozen=True, order=True, slots=True)
class Money:
    """An amount in paise. Arithmetic stays in integers; floats are refused at construction."""

    paise: int

    def __post_init__(self) -> None:
        if type(self.paise) is not int:  # bool and float are both refused on purpose
            raise MoneyError(f"money must be whole paise (int), got {type(self.paise).__name__} {self.paise!r}")
        if abs(self.paise) > MAX_PAISE:
            raise MoneyError(f"amount {self.paise} paise is beyond the largest allowed ({MAX_PAISE} paise)")

    @classmethod
    def rupees(cls, rupees: int) -> Money:
        if type(rupees) is not int:
            raise MoneyError(f"rupees must be a whole number, got {rupees!r}")
        return cls(rupees * PAISE_PER_RUPEE)

    @classmethod
    def zero(cls) -> Money:
        return cls(0)

    @classmethod
    def parse(cls, text: str) -> Money:
        """Parse a non-negative rupee amount such as "12", "12.5" or "12.50" (at most 2 decimals)."""
        if not isinstance(text, str):
            raise MoneyError(f"amount must be text like '12.50', got {type(text).__name__} {text!r}")
        cleaned = text.strip().replace(",", "").removeprefix("₹").strip()
        match = _RUPEE_STRING.fullmatch(cleaned)
        if match is None:
            raise MoneyError(
                f"amount {text!r} is not valid: expected rupees with at most two decimals, e.g. '12' or '12.50'"
            )
        paise_text = (match.group("paise") or "0").ljust(2, "0")
        return cls(int(match.group("rupees")) * PAISE_PER_RUPEE + int(paise_text))

    @property
    def whole_rupees(self) -> int:
        return abs(self.paise) // PAISE_PER_RUPEE

    @property
    def paise_part(self) -> int:
        return abs(self.paise) % PAISE_PER_RUPEE

    def __add__(self, other: Money) -> Money:
        return Money(self.paise + other.paise)

    def __sub__(self, other: Money) -> Money:
        return Money(self.paise - other.paise)

    def __mul__(self, count: int) -> Money:
        if type(count) is not int:
            raise MoneyError(f"money can only be multiplied by a whole count, got {count!r}")
        return Money(self.paise * count)

    def __neg__(self) -> Money:
        return Money(-self.paise)

    def __bool__(self) -> bool:
        return self.paise != 0

    def is_negative(self) -> bool:
        return self.paise < 0

    def format(self, *, decimals: bool = True) -> str:
        """₹1,23,456.50 — Indian digit grouping (last three digits, then pairs)."""
        sign = "−" if self.paise < 0 else ""
        text = f"{sign}₹{group_indian(self.whole_rupees)}"
        if decimals:
            text += f".{self.paise_part:02d}"
        return text

    def plain(self) -> str:
        """Machine form for storage and the wire: '-12.50', '1234.00' (no grouping, no symbol)."""
        sign = "-" if self.paise < 0 else ""
        return f"{sign}{self.whole_rupees}.{self.paise_part:02d}"

    def __str__(self) -> str:
        return self.format()


def group_indian(number: int) -> str:
    """Group a non-negative integer the Indian way: 1234567 -> '12,34,567'."""
    if number < 0:
        raise ValueError("group_indian takes a non-negative number")
    digits = str(number)
    if len(digits) <= 3:
        return digits
    head, tail = digits[:-3], digits[-3:]
    pairs: list[str] = []
    while len(head) > 2:
        pairs.insert(0, head[-2:])
        head = head[:-2]
    if head:
        pairs.insert(0, head)
    return ",".join([*pairs, tail])


# Bank notes in circulation that a kiosk acceptor may take (₹2,000 was withdrawn from circulation in 2023).
INR_NOTES = tuple(Money.rupees(r) for r in (10, 20, 50, 100, 200, 500))


def total(amounts: list[Money] | tuple[Money, ...]) -> Money:
    return Money(sum(a.paise for a in amounts))
