"""Bharat BillPay rules the kiosk enforces before money is taken: what a villager may pay a biller, and the fee."""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from kiosk.money import Money

# The BBPS ceiling for one cash bill payment (NPCI BBPS: cash up to ₹49,999 per transaction).
MAX_BBPS_AMOUNT = Money.rupees(49_999)


class BbpsError(ValueError):
    """An amount, customer parameter or biller rule that cannot be used; the message names what and where."""


class Exactness(enum.StrEnum):
    """BBPS payment exactness of a biller (the biller's master data)."""

    EXACT = "EXACT"  # exactly the bill amount
    ADHOC = "ADHOC"  # any amount (prepaid top-ups, billers without a bill)
    EXACT_UP = "EXACT_UP"  # "Exact and above": the bill amount or more (advance payment)
    EXACT_DOWN = "EXACT_DOWN"  # "Exact and below": the bill amount or less (part payment)


class FetchRequirement(enum.StrEnum):
    MANDATORY = "MANDATORY"  # no payment without a fetched bill
    OPTIONAL = "OPTIONAL"
    NOT_SUPPORTED = "NOT_SUPPORTED"  # the biller has no bill to fetch: the villager says the amount


@dataclass(frozen=True, slots=True)
class FeeRule:
    """Customer convenience fee: flat + a share of the bill in basis points (rounded up to the paisa), clamped."""

    flat: Money = Money(0)
    basis_points: int = 0  # 100 = 1 %
    minimum: Money = Money(0)
    maximum: Money | None = None

    def __post_init__(self) -> None:
        if self.flat.is_negative() or self.minimum.is_negative() or not 0 <= self.basis_points <= 10_000:
            raise BbpsError(f"fee rule: flat, minimum and basis points must not be negative ({self})")
        if self.maximum is not None and self.maximum < self.minimum:
            raise BbpsError(f"fee rule: maximum {self.maximum.format()} is below minimum {self.minimum.format()}")

    def fee_for(self, amount: Money) -> Money:
        if amount.is_negative():
            raise BbpsError(f"fee for a negative amount {amount.format()}")
        share = -(-amount.paise * self.basis_points // 10_000)  # ceiling division in integers
        fee = max(self.flat.paise + share, self.minimum.paise)
        if self.maximum is not None:
            fee = min(fee, self.maximum.paise)
        return Money(fee)


@dataclass(frozen=True, slots=True)
class CustomerParam:
    """One customer parameter the biller needs (K-number, mobile number …), with its BBPS validation regex."""

    name: str
    label_hi: str
    label_en: str
    pattern: str  # a full-match regular expression, as in the biller's master data

    def problem(self, value: str) -> str | None:
        if not value:
            return f"{self.name}: required"
        if re.fullmatch(self.pattern, value) is None:
            return f"{self.name}: {value[:40]!r} does not match {self.pattern}"
        return None


@dataclass(frozen=True, slots=True)
class Biller:
    biller_id: str
    name_hi: str
    name_en: str
    params: tuple[CustomerParam, ...]
    fetch: FetchRequirement
    exactness: Exactness
    fee: FeeRule
    code: str = ""  # the catalogue's biller field (JVVNL, PHED …) that names this biller's services

    def check_params(self, values: Mapping[str, str]) -> dict[str, str]:
        """The parameters in the biller's order; raises naming the first missing, malformed or unknown one."""
        unknown = sorted(set(values) - {p.name for p in self.params})
        if unknown:
            raise BbpsError(f"biller {self.biller_id}: unknown customer parameter {unknown[0]!r}")
        for param in self.params:
            problem = param.problem(values.get(param.name, ""))
            if problem is not None:
                raise BbpsError(f"biller {self.biller_id}: {problem}")
        return {p.name: values[p.name] for p in self.params}


@dataclass(frozen=True, slots=True)
class FetchedBill:
    """A bill as the BBPOU fetched it from the biller."""

    ref_id: str  # the fetch's reference id; the payment quotes it
    biller_id: str
    biller_name: str
    customer_name: str
    amount: Money
    bill_date: date
    due_date: date
    bill_number: str


@dataclass(frozen=True, slots=True)
class AmountRange:
    """What the villager may pay: `low` to `high` inclusive; `fixed` when the only choice is the bill amount."""

    low: Money
    high: Money

    @property
    def fixed(self) -> bool:
        return self.low == self.high

    def __contains__(self, amount: object) -> bool:
        return isinstance(amount, Money) and self.low <= amount <= self.high


def allowed_amounts(exactness: Exactness, due: Money | None, *, ceiling: Money = MAX_BBPS_AMOUNT) -> AmountRange:
    """The amounts a biller accepts for this bill. Without a fetched bill only ADHOC makes sense (`due` None)."""
    one_paisa = Money(1)
    if due is None or exactness is Exactness.ADHOC:
        return AmountRange(one_paisa, ceiling)
    if due.paise <= 0:
        raise BbpsError(f"bill amount {due.format()}: nothing is due")
    if due > ceiling:
        raise BbpsError(f"bill amount {due.format()} is above the {ceiling.format()} limit for one payment")
    if exactness is Exactness.EXACT:
        return AmountRange(due, due)
    if exactness is Exactness.EXACT_UP:
        return AmountRange(due, ceiling)
    return AmountRange(one_paisa, due)


def check_amount(exactness: Exactness, due: Money | None, amount: Money, *, ceiling: Money = MAX_BBPS_AMOUNT) -> None:
    """Raise naming the rule when `amount` is not one the biller accepts."""
    allowed = allowed_amounts(exactness, due, ceiling=ceiling)
    if amount not in allowed:
        span = allowed.low.format() if allowed.fixed else f"{allowed.low.format()} to {allowed.high.format()}"
        raise BbpsError(f"amount {amount.format()}: this biller ({exactness.value}) accepts {span}")


@dataclass(frozen=True, slots=True)
class Quote:
    """Shown before the villager pays: the bill amount chosen, the convenience fee, and their total."""

    amount: Money
    fee: Money

    @property
    def total(self) -> Money:
        return self.amount + self.fee


def quote(biller: Biller, due: Money | None, amount: Money) -> Quote:
    """Check `amount` against the biller's exactness and add its fee (integer paise throughout)."""
    check_amount(biller.exactness, due, amount)
    return Quote(amount, biller.fee.fee_for(amount))


# -- the BBPOU as the kiosk sees it (sync/bbps_client.py implements it over HTTP) --------------------------------
@dataclass(frozen=True, slots=True)
class PaymentOrder:
    """A payment already collected from the villager, to post to the BBPOU. `idempotency_key` is the kiosk's
    transaction id: posting the same order again (after a lost answer, a restart) can never pay twice."""

    idempotency_key: str
    biller_id: str
    params: Mapping[str, str]
    fetch_ref_id: str | None
    amount: Money
    fee: Money
    mode: str = "Cash"


@dataclass(frozen=True, slots=True)
class Confirmation:
    """The BBPOU accepted the payment: its BBPS transaction reference is the approval number on the receipt."""

    txn_ref_id: str
    biller_name: str
    bill_date: date | None
    due_date: date | None


@dataclass(frozen=True, slots=True)
class PaymentRefused:
    """The BBPOU refused the payment for good (the money collected is owed back to the villager)."""

    reason: str


@dataclass(frozen=True, slots=True)
class BbpsFacts:
    """What the receipt prints about a BBPS payment. `txn_ref_id` is None while the biller's confirmation is
    pending (the receipt says so honestly; a re-print after confirmation carries the reference)."""

    biller_name: str
    txn_ref_id: str | None
    bill_date: date | None
    due_date: date | None
    refused: bool = False


@dataclass(frozen=True, slots=True)
class ComplaintState:
    complaint_id: str
    txn_ref_id: str
    status: str  # ASSIGNED | RESOLVED | REJECTED
    assigned_to: str
    remarks: str


class ComplaintReason(enum.StrEnum):
    NOT_CREDITED = "NOT_CREDITED"  # the biller does not show the payment
    WRONG_AMOUNT = "WRONG_AMOUNT"
    DUPLICATE = "DUPLICATE"
    OTHER = "OTHER"


TXN_REF_PATTERN = r"[A-Z0-9]{8,40}"


def check_txn_ref(text: str) -> str:
    """A BBPS transaction reference as typed or scanned (upper-cased); raises naming the problem."""
    ref = text.strip().upper()
    if re.fullmatch(TXN_REF_PATTERN, ref) is None:
        raise BbpsError(f"BBPS reference {text[:40]!r}: 8 to 40 letters and digits expected")
    return ref
