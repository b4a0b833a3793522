"""Ports for the online calls the kiosk makes (bill lookup, application status, Aadhaar payment), as Protocols."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol

from kiosk.aadhaar import AadhaarNumber
from kiosk.devices.biometric import PidBlock
from kiosk.money import Money


@dataclass(frozen=True, slots=True)
class Bill:
    account: str
    consumer_name: str  # as the biller sends it; the screen shows it masked (see mask_name)
    amount_due: Money
    due_date: date
    bill_ref: str


@dataclass(frozen=True, slots=True)
class NotFound:
    """The biller or department knows no such number."""


@dataclass(frozen=True, slots=True)
class Unavailable:
    """The server did not answer in time or is unreachable; `timed_out` tells which."""

    timed_out: bool
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Application:
    number: str
    applicant_name: str
    status: str  # "submitted" | "under_review" | "approved" | "rejected" | "ready"
    certificate_ready: bool
    updated_on: date


@dataclass(frozen=True, slots=True)
class Authorised:
    payment_ref: str


@dataclass(frozen=True, slots=True)
class Declined:
    code: str
    reason_en: str
    reason_hi: str


BillAnswer = Bill | NotFound | Unavailable
ApplicationAnswer = Application | NotFound | Unavailable
PaymentAnswer = Authorised | Declined | Unavailable


class BillLookup(Protocol):
    def lookup_bill(self, service_id: str, account: str) -> BillAnswer: ...


class ApplicationLookup(Protocol):
    def application(self, service_id: str, number: str) -> ApplicationAnswer: ...


class AadhaarPayments(Protocol):
    def authorise(self, txn_id: str, amount: Money, aadhaar: AadhaarNumber, pid: PidBlock) -> PaymentAnswer:
        """Debit the villager's bank account via AePS; the PID block is used once and not kept. `txn_id` is the
        client reference: the same for every try of one payment, so the server never debits twice."""
        ...

    def payment_status(self, txn_id: str, amount: Money) -> PaymentAnswer:
        """The outcome of the authorisation with this reference, after a timeout. The server records a reference it
        never received as void (Declined), so a request still on its way can no longer debit."""
        ...

    def verify(self, application_no: str, aadhaar: AadhaarNumber, pid: PidBlock) -> PaymentAnswer:
        """Aadhaar authentication of the applicant before a certificate is printed."""
        ...


def mask_name(name: str) -> str:
    """'Ramesh Kumar' -> 'Ra**** Ku***': enough for the villager to recognise, not for a bystander."""
    return " ".join(w[:2] + "*" * max(len(w) - 2, 1) if len(w) > 1 else w for w in name.split())
