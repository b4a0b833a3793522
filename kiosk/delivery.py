"""Receipts to a phone, as the kiosk sees it: a port that turns a receipt into a short link, optionally by SMS."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

# The same rule as the wire model (sync/protocol/delivery.py); the core cannot import it, and the keypad needs it
# to say at once what is wrong: 10 digits, the first 6-9.
_MOBILE = re.compile(r"^[6-9][0-9]{9}$")


def mobile_problem(digits: str) -> str | None:
    """None for a usable Indian mobile number, else why not ('length' or 'start')."""
    if len(digits) != 10 or not digits.isdigit():
        return "length"
    if not _MOBILE.fullmatch(digits):
        return "start"
    return None


def mask_mobile(number: str) -> str:
    return "XXXXXX" + number[-4:] if len(number) >= 4 else "XXXXXX"


class DeliveryUnavailable(Exception):
    """No link now (offline, server refused): the screen keeps the offline QR and says so."""


@dataclass(frozen=True, slots=True)
class PhoneLink:
    url: str
    expires_at: str  # ISO 8601, UTC
    sent_to: str | None = None  # masked, when an SMS went out
    sms_failed: bool = False


class PhoneDelivery(Protocol):
    def link(
        self, receipt_token: str, mobile: str | None = None, language: str = "hi", *, certificate: str | None = None
    ) -> PhoneLink:
        """A short link to the receipt — or, with `certificate` (its application number), to the certificate that
        receipt paid for; with `mobile`, also sent there. Raises DeliveryUnavailable."""
        ...


def receipt_token(qr_text: str) -> str | None:
    """The signed token inside a receipt's QR text (`<server>/r/<token>`), if it is one."""
    head, sep, token = qr_text.rpartition("/r/")
    return token if sep and head and token else None
