"""The wire models of the BBPOU (Bharat BillPay operating unit) API: billers, async bill fetch, payment, complaints."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from sync.protocol import Model

BBPS_PREFIX = "/bbps"
REF_PATTERN = r"^[A-Za-z0-9_-]{8,64}$"  # fetch reference ids, idempotency keys: safe in a path and a log line
BILLER_ID_PATTERN = r"^[A-Z0-9]{6,20}$"
DATE_PATTERN = r"^\d{4}-\d\d-\d\d$"
PARAM_VALUE_PATTERN = r"^[A-Za-z0-9 ./-]{1,40}$"
MAX_PAISE = 10_000_000_00

Exactness = Literal["EXACT", "ADHOC", "EXACT_UP", "EXACT_DOWN"]
FetchRequirement = Literal["MANDATORY", "OPTIONAL", "NOT_SUPPORTED"]
FetchStatus = Literal["pending", "ready", "not_found", "failed"]
ComplaintStatus = Literal["ASSIGNED", "RESOLVED", "REJECTED"]
ComplaintReason = Literal["NOT_CREDITED", "WRONG_AMOUNT", "DUPLICATE", "OTHER"]


class ParamSpec(Model):
    name: str = Field(min_length=1, max_length=40)
    label_en: str = Field(max_length=80)
    label_hi: str = Field(max_length=80)
    pattern: str = Field(min_length=1, max_length=200)


class FeeSpec(Model):
    flat_paise: int = Field(ge=0, le=MAX_PAISE)
    basis_points: int = Field(ge=0, le=10_000)
    min_paise: int = Field(ge=0, le=MAX_PAISE)
    max_paise: int | None = Field(default=None, ge=0, le=MAX_PAISE)


class BillerInfo(Model):
    biller_id: str = Field(pattern=BILLER_ID_PATTERN)
    code: str = Field(min_length=1, max_length=32)  # the catalogue's biller field (JVVNL, PHED …)
    name_en: str = Field(max_length=120)
    name_hi: str = Field(max_length=120)
    category: str = Field(max_length=40)
    params: list[ParamSpec] = Field(min_length=1, max_length=5)
    fetch: FetchRequirement
    exactness: Exactness
    fee: FeeSpec


class BillerDirectory(Model):
    billers: list[BillerInfo] = Field(max_length=500)


class FetchRequest(Model):
    """Fetch a bill. `ref_id` is the kiosk's fresh reference for this fetch; the answer is polled by it."""

    ref_id: str = Field(pattern=REF_PATTERN)
    agent_id: str = Field(min_length=1, max_length=40)
    biller_id: str = Field(pattern=BILLER_ID_PATTERN)
    params: dict[str, str] = Field(min_length=1, max_length=5)


class BbpsBill(Model):
    biller_id: str
    biller_name: str = Field(max_length=120)
    customer_name: str = Field(max_length=120)
    amount_paise: int = Field(ge=0, le=MAX_PAISE)
    bill_date: str = Field(pattern=DATE_PATTERN)
    due_date: str = Field(pattern=DATE_PATTERN)
    bill_number: str = Field(max_length=40)


class FetchAnswer(Model):
    """`pending`: ask again after `retry_after_ms`; `ready` carries the bill; `not_found`/`failed` end the fetch."""

    ref_id: str
    status: FetchStatus
    retry_after_ms: int = Field(default=0, ge=0, le=60_000)
    bill: BbpsBill | None = None
    reason: str = Field(default="", max_length=200)


class PaymentRequest(Model):
    """Post a payment already collected by the kiosk. `idempotency_key` is the kiosk's transaction id: the same key
    is the same payment forever (a retry after a lost answer gets the first answer, never a second payment)."""

    idempotency_key: str = Field(pattern=REF_PATTERN)
    agent_id: str = Field(min_length=1, max_length=40)
    biller_id: str = Field(pattern=BILLER_ID_PATTERN)
    params: dict[str, str] = Field(min_length=1, max_length=5)
    fetch_ref_id: str | None = Field(default=None, pattern=REF_PATTERN)  # None for billers without a fetch
    amount_paise: int = Field(ge=1, le=MAX_PAISE)
    fee_paise: int = Field(ge=0, le=MAX_PAISE)
    payment_mode: Literal["Cash", "UPI", "Card", "AEPS"]


class PaymentAnswer(Model):
    idempotency_key: str
    status: Literal["SUCCESS", "FAILED"]
    txn_ref_id: str = Field(max_length=40)  # the BBPS approval (transaction) reference number; "" when FAILED
    biller_name: str = Field(max_length=120)
    bill_date: str = Field(default="", pattern=r"^(\d{4}-\d\d-\d\d)?$")
    due_date: str = Field(default="", pattern=r"^(\d{4}-\d\d-\d\d)?$")
    amount_paise: int = Field(ge=0)
    fee_paise: int = Field(ge=0)
    reason: str = Field(default="", max_length=200)


class ComplaintRequest(Model):
    txn_ref_id: str = Field(pattern=r"^[A-Z0-9]{8,40}$")
    agent_id: str = Field(min_length=1, max_length=40)
    reason: ComplaintReason
    description: str = Field(default="", max_length=300)


class Complaint(Model):
    complaint_id: str = Field(max_length=40)
    txn_ref_id: str
    reason: ComplaintReason
    status: ComplaintStatus
    assigned_to: str = Field(max_length=120)
    remarks: str = Field(default="", max_length=300)
    registered_at: str
