"""UPI dynamic QR on the wire: the kiosk asks its server for a QR and its status; the PSP calls the server back.

The kiosk never talks to the PSP. The server plays the merchant's side of a PSP dynamic-QR API (PhonePe DQR,
Razorpay QR): it registers each QR with the PSP, receives the PSP's signed callback, and answers the kiosk's polls.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Literal

from pydantic import Field

from sync.protocol import Model

TXN_REF_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
TR_PATTERN = r"^[A-Za-z0-9]{1,35}$"  # NPCI: the transaction reference is at most 35 alphanumerics
VPA_PATTERN = r"^[A-Za-z0-9._-]{2,64}@[A-Za-z0-9]{2,64}$"
UTR_PATTERN = r"^[A-Za-z0-9]{6,35}$"
MAX_AMOUNT_PAISE = 1_00_000_00  # ₹1 lakh: the UPI limit for a bill payment to a merchant
SIGNATURE_HEADER = "X-Psp-Signature"

# What the kiosk hears. `pending`: no outcome yet (or the payer's bank has not answered); `expired`: the QR lapsed
# or was closed and the PSP confirmed nothing was taken; `unknown`: the PSP could not be asked.
KioskStatus = Literal["pending", "paid", "expired", "declined", "unknown"]


class UpiQrRequest(Model):
    txn_ref: str = Field(pattern=TXN_REF_PATTERN)  # the kiosk's transaction id: one QR per (txn_ref, attempt)
    attempt: int = Field(ge=1, le=20)
    amount_paise: int = Field(ge=100, le=MAX_AMOUNT_PAISE)
    payee_vpa: str = Field(pattern=VPA_PATTERN)
    payee_name: str = Field(min_length=1, max_length=50)
    note: str = Field(default="", max_length=50)


class UpiQr(Model):
    txn_ref: str = Field(pattern=TXN_REF_PATTERN)
    attempt: int = Field(ge=1, le=20)
    tr: str = Field(pattern=TR_PATTERN)
    amount_paise: int = Field(ge=100, le=MAX_AMOUNT_PAISE)
    expires_at: str = Field(min_length=20, max_length=32)  # ISO 8601 UTC


class UpiStatusQuery(Model):
    txn_ref: str = Field(pattern=TXN_REF_PATTERN)
    inquire: bool = False  # True: the server asks the PSP now (at the deadline, at start-up) instead of its record


class UpiStatus(Model):
    txn_ref: str = Field(pattern=TXN_REF_PATTERN)
    tr: str = Field(default="", max_length=35)
    status: KioskStatus
    amount_paise: int = Field(ge=0, le=MAX_AMOUNT_PAISE)
    utr: str = Field(default="", max_length=35)
    code: str = Field(default="", max_length=16)


class PspCallback(Model):
    """What the PSP posts to the server when a QR is paid (or the payment fails), signed with the shared secret."""

    tr: str = Field(pattern=TR_PATTERN)
    status: Literal["SUCCESS", "FAILED", "PENDING"]
    amount_paise: int = Field(ge=0, le=MAX_AMOUNT_PAISE)
    utr: str = Field(default="", max_length=35)
    payer_vpa: str = Field(default="", max_length=100)
    code: str = Field(default="", max_length=16)
    paid_at: str = Field(default="", max_length=32)


def psp_signature(secret: bytes, body: bytes) -> str:
    """HMAC-SHA256 over the exact body bytes, hex: how PSPs sign webhooks (Razorpay's X-Razorpay-Signature)."""
    return hmac.new(secret, body, hashlib.sha256).hexdigest()


def signature_ok(secret: bytes, body: bytes, signature: str) -> bool:
    return hmac.compare_digest(psp_signature(secret, body), signature.strip().lower())


def qr_tr(kiosk_code: str, txn_ref: str, attempt: int) -> str:
    """One transaction reference per (kiosk, transaction, attempt): a repeated create finds the same QR, a retry
    gets a new one. 35 alphanumerics at most, as NPCI allows."""
    digest = hashlib.sha256(f"{kiosk_code}|{txn_ref}|{attempt}".encode()).hexdigest()[:24].upper()
    return f"EM{digest}A{attempt:02d}"
