"""Phone delivery on the wire: a kiosk asks for a short, expiring link to a receipt, optionally sent by SMS."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from common.numbers import valid_mobile
from sync.protocol import Model

DELIVERY_PATH = "/deliveries"
LINK_PREFIX = "/p/"


class DeliveryRequest(Model):
    receipt_token: str = Field(min_length=10, max_length=600)  # the signed `/r/` token of the receipt
    # "certificate": the link opens the issued certificate (PDF) the receipt paid for, `application_no`'s.
    kind: Literal["receipt", "certificate"] = "receipt"
    application_no: str | None = Field(default=None, pattern=r"^[A-Za-z0-9]{1,32}$")
    mobile: str | None = Field(default=None, max_length=10)
    language: Literal["hi", "en"] = "hi"

    @field_validator("mobile")
    @classmethod
    def _mobile(cls, value: str | None) -> str | None:
        if value is not None and not valid_mobile(value):
            raise ValueError("mobile must be an Indian 10-digit number starting with 6, 7, 8 or 9")
        return value

    @model_validator(mode="after")
    def _document(self) -> DeliveryRequest:
        if (self.kind == "certificate") != (self.application_no is not None):
            raise ValueError("application_no is given exactly when kind is 'certificate'")
        return self


class DeliveryAnswer(Model):
    url: str = Field(max_length=300)
    expires_at: str = Field(max_length=40)
    sent_to: str | None = Field(default=None, max_length=10)  # masked, when an SMS went out
    sms_failed: bool = False  # the gateway refused or was down: the link still works from the QR
