"""The phone-delivery port over the signed HTTP client: POST /api/v1/deliveries."""

from __future__ import annotations

from kiosk.delivery import DeliveryUnavailable, PhoneLink
from sync.client import Client, SyncError
from sync.protocol.delivery import DELIVERY_PATH, DeliveryAnswer, DeliveryRequest


class HttpPhoneDelivery:
    def __init__(self, client: Client) -> None:
        self.client = client

    def link(
        self, receipt_token: str, mobile: str | None = None, language: str = "hi", *, certificate: str | None = None
    ) -> PhoneLink:
        kind = "certificate" if certificate is not None else "receipt"
        try:
            request = DeliveryRequest(
                receipt_token=receipt_token, mobile=mobile, language=language,  # type: ignore[arg-type]
                kind=kind, application_no=certificate,  # type: ignore[arg-type]
            )  # fmt: skip
        except ValueError as exc:
            raise DeliveryUnavailable(f"not sent: {str(exc)[:200]}") from None
        try:
            answer = self.client.call("POST", DELIVERY_PATH, DeliveryAnswer, request)
        except SyncError as exc:
            raise DeliveryUnavailable(str(exc)[:300]) from None
        return PhoneLink(answer.url, answer.expires_at, answer.sent_to, answer.sms_failed)
