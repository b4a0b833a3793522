"""The Aadhaar Pay (AePS) bodies of /api/v1: bank list, payment with bank and position, status, operator 2FA."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from sync.protocol import AADHAAR_REF_PATTERN, Model

IIN_PATTERN = r"^\d{6}$"  # the issuer identification number NPCI gives each AePS bank
MAX_ATTEMPTS = 3  # fingerprint tries per payment: a 300 (mismatch) may be tried again up to this many times
AEPS_LIMIT_PAISE = 10_000_00  # the per-transaction cap of Aadhaar Pay


class Bank(Model):
    iin: str = Field(pattern=IIN_PATTERN)
    name_en: str = Field(min_length=1, max_length=80)
    name_hi: str = Field(min_length=1, max_length=80)
    short: str = Field(default="", max_length=12)  # what villagers say: "SBI", "PNB"


class BankList(Model):
    version: str = Field(min_length=1, max_length=64)  # changes when the list changes: a kiosk keeps its copy
    banks: list[Bank] = Field(max_length=500)


class Position(Model):
    """The kiosk's position from its GPS, as the switch wants it with each AePS request."""

    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)


class AepsPayRequest(Model):
    """One try of one payment. `txn_ref` is stable across tries; `attempt` counts them (1…MAX_ATTEMPTS): the server
    decides a later attempt only when the earlier one was a retryable decline (300), never after a debit."""

    uid: str = Field(pattern=r"^\d{12}$")
    iin: str = Field(pattern=IIN_PATTERN)
    txn_ref: str = Field(pattern=AADHAAR_REF_PATTERN)
    attempt: int = Field(ge=1, le=MAX_ATTEMPTS)
    amount_paise: int = Field(gt=0, le=AEPS_LIMIT_PAISE)
    position: Position | None = None  # None when the GPS has no fix: the switch still decides
    pid_data: str = Field(min_length=1, max_length=200_000)


class AepsStatusQuery(Model):
    """What became of this reference? Asking closes it: no later attempt with it can debit any more."""

    txn_ref: str = Field(pattern=AADHAAR_REF_PATTERN)
    amount_paise: int = Field(gt=0, le=AEPS_LIMIT_PAISE)


class AepsAnswer(Model):
    """The switch's outcome, bound to the reference and amount; `bank_code` "00" is a debit with RRN `rrn`."""

    ret: Literal["y", "n"]
    bank_code: str = Field(min_length=1, max_length=12)
    rrn: str = Field(default="", pattern=r"^(\d{12})?$")
    iin: str = Field(default="", max_length=6)
    attempt: int = Field(ge=1, le=MAX_ATTEMPTS)
    uid_masked: str
    txn_ref: str
    amount_paise: int = Field(ge=0)


class OperatorTwoFactorRequest(Model):
    """The operator's daily second factor: a fresh finger capture matched against their own Aadhaar."""

    operator_id: str = Field(pattern=r"^[A-Za-z0-9_-]{2,32}$")
    uid: str = Field(pattern=r"^\d{12}$")
    business_day: str = Field(pattern=r"^\d{4}-\d\d-\d\d$")
    pid_data: str = Field(min_length=1, max_length=200_000)


class OperatorTwoFactorAnswer(Model):
    ok: bool
    code: str = Field(max_length=12)  # "00" matched, else the AUA's code (300 mismatch, 330 locked …)
    operator_id: str
    business_day: str
    auth_ref: str = Field(default="", max_length=40)
