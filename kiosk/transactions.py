"""A villager's transaction and the only state changes it may go through."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from kiosk.money import Money


class TxnState(enum.StrEnum):
    CREATED = "created"
    AWAITING_PAYMENT = "awaiting_payment"
    PAID = "paid"
    RECEIPT_PRINTED = "receipt_printed"
    RECEIPT_PENDING = "receipt_pending"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    ABANDONED = "abandoned"  # left with part paid: the credit became a change-due voucher
    # An online payment whose outcome is not known (timeout, cut answer): it may have been debited, so it is
    # never cancelled blind; only the server's answer by reference moves it on (or the operator's reconciliation).
    STATUS_UNKNOWN = "status_unknown"


ALLOWED: dict[TxnState, frozenset[TxnState]] = {
    TxnState.CREATED: frozenset({TxnState.AWAITING_PAYMENT, TxnState.CANCELLED}),
    TxnState.AWAITING_PAYMENT: frozenset(
        {TxnState.PAID, TxnState.CANCELLED, TxnState.ABANDONED, TxnState.STATUS_UNKNOWN}
    ),
    TxnState.STATUS_UNKNOWN: frozenset({TxnState.PAID, TxnState.CANCELLED}),
    TxnState.PAID: frozenset({TxnState.RECEIPT_PRINTED, TxnState.RECEIPT_PENDING}),
    TxnState.RECEIPT_PENDING: frozenset({TxnState.RECEIPT_PRINTED}),
    TxnState.RECEIPT_PRINTED: frozenset({TxnState.COMPLETED}),
    TxnState.COMPLETED: frozenset(),
    TxnState.CANCELLED: frozenset(),
    TxnState.ABANDONED: frozenset(),
}

# States in which the money is the kiosk's: the villager has paid in full.
PAID_STATES = frozenset({TxnState.PAID, TxnState.RECEIPT_PRINTED, TxnState.RECEIPT_PENDING, TxnState.COMPLETED})


class IllegalTransition(ValueError):
    """A state change the transaction's state machine does not allow."""

    def __init__(self, txn_id: str, current: TxnState, wanted: TxnState) -> None:
        super().__init__(f"transaction {txn_id}: cannot go from {current.value} to {wanted.value}")
        self.current = current
        self.wanted = wanted


def check_transition(txn_id: str, current: TxnState, wanted: TxnState) -> None:
    if wanted not in ALLOWED[current]:
        raise IllegalTransition(txn_id, current, wanted)


class PaymentMode(enum.StrEnum):
    CASH = "cash"
    AADHAAR = "aadhaar"
    # The payment rails behind kiosk/payments/port.py: the same words as `Rail`, so a rail is its payment mode.
    UPI = "upi"
    CARD = "card"
    AADHAAR_PAY = "aadhaar_pay"


RAIL_MODES = frozenset({PaymentMode.UPI, PaymentMode.CARD, PaymentMode.AADHAAR_PAY})


@dataclass(frozen=True, slots=True)
class Txn:
    id: str
    service_id: str
    service_name_hi: str
    service_name_en: str
    reference: str
    amount_due: Money
    fee: Money
    amount_paid: Money
    payment_mode: PaymentMode | None
    payment_ref: str | None
    state: TxnState
    receipt_no: int | None
    business_day: str
    created_at: str
    updated_at: str

    @property
    def total_due(self) -> Money:
        return self.amount_due + self.fee

    @property
    def remaining(self) -> Money:
        """What the villager still has to pay (never negative)."""
        left = self.total_due - self.amount_paid
        return left if left.paise > 0 else Money(0)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Txn:
        return cls(
            id=row["id"],
            service_id=row["service_id"],
            service_name_hi=row["service_name_hi"],
            service_name_en=row["service_name_en"],
            reference=row["reference"],
            amount_due=Money(row["amount_due"]),
            fee=Money(row["fee"]),
            amount_paid=Money(row["amount_paid"]),
            payment_mode=PaymentMode(row["payment_mode"]) if row["payment_mode"] else None,
            payment_ref=row["payment_ref"],
            state=TxnState(row["state"]),
            receipt_no=row["receipt_no"],
            business_day=row["business_day"],
            created_at=row["created_at"],
            updated_at=row["updated_at"],
        )
