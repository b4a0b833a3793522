"""Receipts to a phone, as the kiosk sees it: a port that turns a receipt into a short link, optionally by SMS."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

# The keypad's check and the masking are the wire model's own rule (sync/protocol/delivery.py uses the same module).
from common.numbers import mask_mobile, mobile_problem

__all__ = ["DeliveryUnavailable", "PhoneDelivery", "PhoneLink", "mask_mobile", "mobile_problem", "receipt_token"]


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
