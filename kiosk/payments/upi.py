"""The UPI dynamic-QR rail: one single-use, fixed-amount QR per attempt, its outcome learnt from the kiosk's server.

The QR text is NPCI's UPI deep link `upi://pay?pa=…&pn=…&am=…&tr=…&tn=…&cu=INR`; the server (sync/upi_client.py
behind `UpiGateway`) registers it with the PSP and hears the PSP's callback. The kiosk never talks to the PSP.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol
from urllib.parse import parse_qsl, quote, urlsplit

from kiosk.clock import Clock
from kiosk.money import Money
from kiosk.payments.port import Outcome, PaymentRequest, Rail, RailResult, Started

VPA = re.compile(r"^[A-Za-z0-9._-]{2,64}@[A-Za-z0-9]{2,64}$")
TR = re.compile(r"^[A-Za-z0-9]{1,35}$")
# After a failed call to the server, UPI is not offered for this long (Invariant 5: a rail that is down is hidden).
DOWN_FOR = timedelta(seconds=60)


class UpiError(ValueError):
    """A UPI link or payee that is not well formed; names what is wrong."""


@dataclass(frozen=True, slots=True)
class Payee:
    vpa: str  # the merchant's virtual payment address, from the kiosk config's [payments] section
    name: str

    def __post_init__(self) -> None:
        if not VPA.match(self.vpa):
            raise UpiError(f"payee VPA {self.vpa!r} is not a UPI address like name@bank")
        if not 1 <= len(self.name.strip()) <= 50:
            raise UpiError("payee name must be 1 to 50 characters")


def upi_link(payee: Payee, amount: Money, tr: str, note: str) -> str:
    """The QR's text. Amount in rupees with two decimals (NPCI), fixed: the payer's app cannot change it."""
    if amount.paise <= 0:
        raise UpiError(f"a UPI QR needs a positive amount, got {amount}")
    if not TR.match(tr):
        raise UpiError(f"transaction reference {tr!r} must be 1 to 35 letters or digits")
    rupees = f"{amount.paise // 100}.{amount.paise % 100:02d}"
    parts = [("pa", payee.vpa), ("pn", payee.name), ("am", rupees), ("tr", tr), ("tn", note[:50]), ("cu", "INR")]
    return "upi://pay?" + "&".join(f"{k}={quote(v, safe='@.-_')}" for k, v in parts)


def parse_upi_link(text: str) -> dict[str, str]:
    """The fields of a UPI link (what a payer's app reads), refused when it is not one."""
    url = urlsplit(text)
    if url.scheme != "upi" or url.netloc != "pay":
        raise UpiError("not a upi://pay link")
    fields = dict(parse_qsl(url.query, strict_parsing=True))
    missing = {"pa", "am", "tr", "cu"} - fields.keys()
    if missing:
        raise UpiError(f"UPI link lacks {', '.join(sorted(missing))}")
    return fields


@dataclass(frozen=True, slots=True)
class QrOffer:
    tr: str
    expires_at: datetime


class Unreachable(Exception):
    """The kiosk's server did not answer usably (network, 5xx, a malformed answer)."""


class UpiGateway(Protocol):
    """The kiosk's server as the UPI rail needs it (sync/upi_client.py). Each call may raise Unreachable."""

    def create_qr(self, txn_id: str, attempt: int, amount: Money, payee: Payee, note: str) -> QrOffer: ...

    def status(self, txn_id: str, *, inquire: bool) -> RailResult: ...

    def cancel(self, txn_id: str) -> RailResult: ...


@dataclass
class UpiRail:
    """Implements kiosk.payments.port.PaymentMethod for UPI."""

    gateway: UpiGateway
    payee: Payee
    clock: Clock
    note: str = "e-Mitra bill"
    down_until: datetime | None = None
    offers: dict[str, QrOffer] = field(default_factory=dict)

    @property
    def rail(self) -> Rail:
        return Rail.UPI

    def available(self) -> bool:
        return self.down_until is None or self.clock.now() >= self.down_until

    def start(self, request: PaymentRequest) -> Started:
        try:
            offer = self.gateway.create_qr(request.txn_id, request.attempt, request.amount, self.payee, self.note)
        except Unreachable:
            self.down_until = self.clock.now() + DOWN_FOR
            raise
        self.offers[request.txn_id] = offer
        text = upi_link(self.payee, request.amount, offer.tr, self.note)
        return Started(request.txn_id, request.amount, offer.expires_at, qr_text=text, prompt="upi.scan")

    def poll(self, txn_id: str) -> RailResult:
        return self._ask(lambda: self.gateway.status(txn_id, inquire=False))

    def cancel(self, txn_id: str) -> RailResult:
        return self._ask(lambda: self.gateway.cancel(txn_id))

    def inquire(self, txn_id: str, amount: Money) -> RailResult:
        return self._ask(lambda: self.gateway.status(txn_id, inquire=True))

    def _ask(self, call: _Call) -> RailResult:
        try:
            result = call()
        except Unreachable as exc:
            self.down_until = self.clock.now() + DOWN_FOR
            return RailResult(Outcome.UNKNOWN, detail=str(exc)[:200])
        self.down_until = None
        return result


class _Call(Protocol):
    def __call__(self) -> RailResult: ...
