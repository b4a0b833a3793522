"""A memory locker port for UI and journey tests: OTPs kept as the villager's phone would show them."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from common.numbers import mask_mobile
from kiosk.clock import Clock
from kiosk.locker import Linked, LockerRefused, LockerUnavailable, OtpSent, Pushed, Refusal


@dataclass
class MemoryLocker:
    clock: Clock
    online: bool = True
    offer: bool = True  # what the server said about its locker (sync/locker_client.HttpLocker.offered)
    push_online: bool = True  # False: the link works, then the server is gone before the push (queued)
    ttl: timedelta = timedelta(minutes=5)
    max_tries: int = 3
    phone: list[str] = field(default_factory=list)  # the OTPs as the villager's phone received them
    documents: dict[str, list[str]] = field(default_factory=dict)  # masked account -> URIs
    _otps: dict[str, tuple[str, str, datetime]] = field(default_factory=dict)  # challenge -> mobile, OTP, expiry
    _tries: dict[str, int] = field(default_factory=dict)
    _links: dict[str, str] = field(default_factory=dict)  # link token -> masked account

    def offered(self) -> bool:
        return self.offer

    def send_otp(self, mobile: str, language: str) -> OtpSent:
        if not self.online:
            raise LockerUnavailable("the server cannot be reached")
        challenge, otp = secrets.token_urlsafe(18), f"{secrets.randbelow(10**6):06d}"
        expires = self.clock.now() + self.ttl
        self._otps[challenge] = (mobile, otp, expires)
        self.phone.append(otp)
        return OtpSent(challenge, expires.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), mask_mobile(mobile))

    def link(self, challenge: str, otp: str) -> Linked:
        if not self.online:
            raise LockerUnavailable("the server cannot be reached")
        mobile, right, expires = self._otps[challenge]
        tries = self._tries.get(challenge, 0)
        if tries >= self.max_tries:
            raise LockerRefused(Refusal.TOO_MANY, "too many wrong OTPs: ask for a new OTP")
        if self.clock.now() >= expires:
            raise LockerRefused(Refusal.EXPIRED, "the OTP has expired: ask for a new OTP")
        if otp != right:
            self._tries[challenge] = tries + 1
            if tries + 1 >= self.max_tries:
                raise LockerRefused(Refusal.TOO_MANY, "too many wrong OTPs: ask for a new OTP")
            left = self.max_tries - tries - 1
            raise LockerRefused(Refusal.WRONG_OTP, f"the OTP is wrong: {left} tries left", left)
        token = secrets.token_urlsafe(24)
        self._links[token] = mask_mobile(mobile)
        return Linked(token, mask_mobile(mobile), hashlib.sha256(token.encode()).hexdigest())

    def deliver(self, link_token: str, receipt_token: str, application_no: str) -> Pushed:
        if not self.push_online:
            raise LockerUnavailable("the server cannot be reached")
        uris = self.documents.setdefault(self._links[link_token], [])
        uri = f"in.gov.rajasthan.emitra-CSTCR-{application_no}"
        new = uri not in uris
        if new:
            uris.append(uri)
        return Pushed(uri, new)
