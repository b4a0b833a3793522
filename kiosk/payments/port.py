"""The payment-method port every non-cash rail implements, so a state can swap its PSP without touching the core.

A rail is asked to start a payment for one transaction and amount, then polled until it gives an outcome. Every
call may block on the network or a terminal: callers run them off the Qt thread. A rail never debits twice for one
`txn_id`: the transaction id is the client reference the rail carries to its bank or PSP, so a repeated `start` or an
`inquire` after a lost answer finds the first attempt instead of making a new one.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, runtime_checkable

from kiosk.money import Money


class Rail(enum.StrEnum):
    UPI = "upi"
    CARD = "card"
    AADHAAR_PAY = "aadhaar_pay"


class Outcome(enum.StrEnum):
    PAID = "paid"  # the rail took the money; `reference` is set
    DECLINED = "declined"  # the rail refused; nothing was taken
    PENDING = "pending"  # not known yet: keep polling until the offer's deadline
    EXPIRED = "expired"  # the offer lapsed and the rail confirmed nothing was taken
    UNKNOWN = "unknown"  # the rail cannot say now: hold for reconciliation (inquire later), never start again blind


@dataclass(frozen=True, slots=True)
class PaymentRequest:
    txn_id: str  # the stable client reference sent to the rail
    amount: Money
    attempt: int = 1  # a retry after EXPIRED/DECLINED is a new attempt (UPI: a new QR)
    details: object = None  # rail-specific input collected by the journey (Aadhaar Pay: bank IIN, number, PID)


@dataclass(frozen=True, slots=True)
class Started:
    """What the waiting screen shows: a QR to scan, or a prompt for the terminal, and until when."""

    txn_id: str
    amount: Money
    expires_at: datetime | None = None
    qr_text: str = ""  # UPI only: upi://pay?pa=…&am=…&tr=…
    prompt: str = ""  # a translation key for the waiting screen, e.g. "card.insert"


@dataclass(frozen=True, slots=True)
class RailResult:
    outcome: Outcome
    reference: str = ""  # UTR (UPI), RRN (card, Aadhaar Pay); required when PAID, printed on the receipt
    code: str = ""  # the rail's own response code (Aadhaar Pay "300", card "51" …), journaled and on the slip
    detail: str = ""  # a short reason in English for the journal; never an Aadhaar number, PAN or PID

    def __post_init__(self) -> None:
        if self.outcome is Outcome.PAID and not self.reference:
            raise ValueError("a paid result must carry the rail's reference")


class PaymentMethod(Protocol):
    """One rail as the journey sees it. Implementations live in kiosk/payments/<rail>.py or a driver plugin."""

    @property
    def rail(self) -> Rail: ...

    def available(self) -> bool:
        """Configured, its device/server reachable and in service: otherwise the method is not offered."""
        ...

    def start(self, request: PaymentRequest) -> Started: ...

    def poll(self, txn_id: str) -> RailResult: ...

    def cancel(self, txn_id: str) -> RailResult:
        """Withdraw the offer. May answer PAID when the money arrived first: the caller must honour that."""
        ...

    def inquire(self, txn_id: str, amount: Money) -> RailResult:
        """Ask the rail by reference what became of a payment whose outcome was lost."""
        ...


@runtime_checkable
class LivePrompt(Protocol):
    """A rail whose device moves through phases the villager acts on (the card terminal: insert, PIN, wait)."""

    def prompt(self, txn_id: str) -> str:
        """The waiting screen's translation key for what the device asks now; "" when it does not know."""
        ...
