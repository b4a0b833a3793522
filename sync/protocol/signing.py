"""Ed25519 keys and request signatures: what is signed, and how both sides check it."""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

H_KIOSK = "X-Kiosk-Id"
H_TIMESTAMP = "X-Timestamp"
H_NONCE = "X-Nonce"
H_SIGNATURE = "X-Signature"


class SignatureError(ValueError):
    """A signature, key or signed document that does not check out; the message says which."""


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64url(text: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (ValueError, TypeError) as exc:
        raise SignatureError(f"not base64url: {text[:20]!r}") from exc


def public_key_text(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return b64url(public.public_bytes(Encoding.Raw, PublicFormat.Raw))


def load_public_key(text: str) -> Ed25519PublicKey:
    raw = unb64url(text)
    if len(raw) != 32:
        raise SignatureError(f"an Ed25519 public key is 32 bytes, got {len(raw)}")
    return Ed25519PublicKey.from_public_bytes(raw)


def verify(public: Ed25519PublicKey, signature_text: str, message: bytes) -> None:
    signature = unb64url(signature_text)
    try:
        public.verify(signature, message)
    except InvalidSignature:
        raise SignatureError("signature does not match") from None


def request_message(method: str, path: str, timestamp: str, nonce: str, body: bytes) -> bytes:
    """The bytes a kiosk signs: method, path, timestamp, nonce and the hash of the body exactly as sent."""
    digest = hashlib.sha256(body).hexdigest()
    return "\n".join((method.upper(), path, timestamp, nonce, digest)).encode("ascii")


def sign_request(
    key: Ed25519PrivateKey, kiosk_id: str, method: str, path: str, timestamp: int, nonce: str, body: bytes
) -> dict[str, str]:
    message = request_message(method, path, str(timestamp), nonce, body)
    return {
        H_KIOSK: kiosk_id,
        H_TIMESTAMP: str(timestamp),
        H_NONCE: nonce,
        H_SIGNATURE: b64url(key.sign(message)),
    }


def canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


DOCUMENT_KINDS = ("catalogue", "config")


def catalogue_message(
    version: int, issued_at: str, expires_at: str, body: dict[str, Any], kind: str = "catalogue"
) -> bytes:
    """What the server signs for a published document; `kind` keeps a catalogue from passing as a config."""
    if kind not in DOCUMENT_KINDS:
        raise ValueError(f"unknown document kind {kind!r}")
    fields = {"version": version, "issued_at": issued_at, "expires_at": expires_at, "body": body, "kind": kind}
    return canonical(fields)


def sign_token(body: str, key: Ed25519PrivateKey) -> str:
    """`<b64url body>.<b64url Ed25519 signature>`: the text behind a receipt's or a Z-report's QR code."""
    raw = body.encode("utf-8")
    return b64url(raw) + "." + b64url(key.sign(raw))


def split_token(token: str, what: str, version: str, fields: int, max_chars: int) -> tuple[list[str], bytes, str]:
    """A token's `|`-separated fields, the signed bytes and the signature text (not yet verified)."""
    if len(token) > max_chars or token.count(".") != 1:
        raise SignatureError(f"{what} token must be '<body>.<signature>' and at most {max_chars} characters")
    body_text, signature = token.split(".")
    body = unb64url(body_text)
    try:
        parts = body.decode("utf-8").split("|")
    except UnicodeDecodeError:
        raise SignatureError(f"{what} token body is not UTF-8 text") from None
    if len(parts) != fields or parts[0] != version:
        raise SignatureError(f"{what} token body must be {fields} fields starting with {version}")
    return parts, body, signature
