"""The locker on the wire: the kiosk links a villager's locker (mobile + OTP) and has a certificate pushed to it;
the issuer pushes a document URI to the locker with an HMAC-signed request (DigiLocker's "push by URI")."""

from __future__ import annotations

import hashlib
import hmac
from typing import Literal

from pydantic import Field, field_validator

from common.numbers import valid_mobile
from sync.protocol import Model

# Kiosk → server (under API_PREFIX, signed with the kiosk's key like every other call).
LOCKER_OTP_PATH = "/locker/otp"
LOCKER_LINK_PATH = "/locker/link"
LOCKER_DELIVER_PATH = "/locker/deliver"
LOCKER_STATUS_PATH = "/locker/status"  # GET, kiosk-signed: does this server offer the locker? (always answered)
# Issuer → locker (the locker's own API; HMAC with the issuer's shared secret).
PUSH_PATH = "/locker/v1/push"
ACCOUNT_PREFIX = "/locker/v1/accounts/"  # + <account>/documents, + <account>/documents/<uri>
ISSUER_HEADER, TIMESTAMP_HEADER, NONCE_HEADER, SIGNATURE_HEADER = (
    "X-Locker-Issuer", "X-Locker-Timestamp", "X-Locker-Nonce", "X-Locker-Signature",
)  # fmt: skip
MAX_LOCKER_SKEW_S = 300  # a signed request older (or newer) than this is refused: replay window
OTP_DIGITS = 6
URI_PATTERN = r"^[a-z0-9.]{3,40}-[A-Z]{5}-[A-Za-z0-9]{1,32}$"  # <issuer id>-<doc type>-<doc id>, DigiLocker's shape


def signed_text(method: str, path: str, timestamp: str, nonce: str, body: bytes) -> bytes:
    """What the HMAC covers: the request line, the time and nonce (against replay) and the body's hash."""
    return "\n".join((method.upper(), path, timestamp, nonce, hashlib.sha256(body).hexdigest())).encode()


def locker_signature(secret: bytes, method: str, path: str, timestamp: str, nonce: str, body: bytes) -> str:
    return hmac.new(secret, signed_text(method, path, timestamp, nonce, body), hashlib.sha256).hexdigest()


def locker_headers(
    secret: bytes, issuer: str, method: str, path: str, now_s: int, nonce: str, body: bytes
) -> dict[str, str]:
    timestamp = str(now_s)
    return {
        ISSUER_HEADER: issuer, TIMESTAMP_HEADER: timestamp, NONCE_HEADER: nonce,
        SIGNATURE_HEADER: locker_signature(secret, method, path, timestamp, nonce, body),
    }  # fmt: skip


class OtpRequest(Model):
    mobile: str = Field(max_length=10)
    language: Literal["hi", "en"] = "hi"

    @field_validator("mobile")
    @classmethod
    def _mobile(cls, value: str) -> str:
        if not valid_mobile(value):
            raise ValueError("mobile must be an Indian 10-digit number starting with 6, 7, 8 or 9")
        return value


class OtpAnswer(Model):
    challenge: str = Field(min_length=16, max_length=64)  # names this OTP in the link request (not the mobile)
    expires_at: str = Field(max_length=40)
    sent_to: str = Field(max_length=10)  # masked


class LinkRequest(Model):
    challenge: str = Field(min_length=16, max_length=64)
    otp: str = Field(pattern=rf"^\d{{{OTP_DIGITS}}}$")


class LinkAnswer(Model):
    link_token: str = Field(min_length=16, max_length=64)  # lets this kiosk push to the linked locker for a while
    account: str = Field(max_length=10)  # the locker's mobile, masked, for the screen
    # Names the link without being a bearer secret (the server's keyed hash of the token): a push queued offline
    # names it, and the server accepts it only in an event signed by the kiosk that made the link.
    link_id: str = Field(default="", pattern=r"^[0-9a-f]{0,64}$")


class LockerDeliverRequest(Model):
    link_token: str = Field(min_length=16, max_length=64)
    receipt_token: str = Field(min_length=10, max_length=600)  # the signed receipt that paid for the certificate
    application_no: str = Field(pattern=r"^[A-Za-z0-9]{1,32}$")


class LockerStatus(Model):
    offered: bool  # a locker and an SMS gateway (for the OTP) are configured: kiosks hide "send to my locker" if not


class QueuedPush(Model):
    """The payload of a kiosk's `locker.requested` outbox event: names the link and the receipt, holds no secret."""

    link_id: str = Field(pattern=r"^[0-9a-f]{64}$")
    receipt_no: int = Field(ge=1)
    application_no: str = Field(pattern=r"^[A-Za-z0-9]{1,32}$")


class LockerDeliverAnswer(Model):
    uri: str = Field(pattern=URI_PATTERN)
    new: bool  # False: the document was already in this locker (a repeated push changes nothing)


class PushRequest(Model):
    """The issuer's push: which locker, the document's URI and what the locker shows about it."""

    account: str = Field(pattern=r"^LK[0-9a-f]{16}$")
    uri: str = Field(pattern=URI_PATTERN)
    doc_type: str = Field(pattern=r"^[A-Z]{5}$")
    name: str = Field(min_length=1, max_length=120)
    issued_on: str = Field(pattern=r"^\d{4}-\d\d-\d\d$")


class PushAnswer(Model):
    uri: str
    new: bool


class LockerDocument(Model):
    uri: str
    doc_type: str
    name: str
    issuer: str
    issued_on: str
    pushed_at: str


class LockerDocuments(Model):
    account: str
    documents: list[LockerDocument]
