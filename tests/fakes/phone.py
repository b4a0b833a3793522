"""A memory phone-delivery port for UI tests: links that look real, messages kept in a list."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from kiosk.delivery import DeliveryUnavailable, PhoneLink, mask_mobile, mobile_problem


@dataclass
class MemoryPhoneDelivery:
    server_url: str = "http://127.0.0.1:8080"
    online: bool = True
    sent: list[tuple[str, str]] = field(default_factory=list)  # (masked number, link)
    certificates: list[str] = field(default_factory=list)  # application numbers a link was made for

    def link(
        self, receipt_token: str, mobile: str | None = None, language: str = "hi", *, certificate: str | None = None
    ) -> PhoneLink:
        if not self.online:
            raise DeliveryUnavailable("the server cannot be reached")
        if mobile is not None and mobile_problem(mobile):
            raise DeliveryUnavailable("not a mobile number")
        if certificate is not None:
            self.certificates.append(certificate)
        url = f"{self.server_url}/p/{secrets.token_urlsafe(12)}"
        masked = mask_mobile(mobile) if mobile else None
        if masked:
            self.sent.append((masked, url))
        return PhoneLink(url, "2026-11-30T05:30:00.000000Z", masked)
