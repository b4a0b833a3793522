"""Receipt-verification tokens: the server-checkable text behind the QR code printed on every receipt."""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from sync.protocol.signing import SignatureError, sign_token, split_token, verify

TOKEN_VERSION = "v1"
MAX_TOKEN_CHARS = 600


@dataclass(frozen=True, slots=True)
class ReceiptClaim:
    kiosk_code: str
    receipt_no: int
    txn_id: str
    amount_paise: int
    paid_at_iso: str

    def body(self) -> str:
        for name, text in (("kiosk_code", self.kiosk_code), ("txn_id", self.txn_id), ("paid_at", self.paid_at_iso)):
            if "|" in text or not text:
                raise ValueError(f"receipt {name} {text!r} must be non-empty and must not contain '|'")
        if self.receipt_no < 1 or self.amount_paise < 0:
            raise ValueError("receipt number must be positive and the amount not negative")
        fields = (TOKEN_VERSION, self.kiosk_code, str(self.receipt_no), self.txn_id)
        return "|".join((*fields, str(self.amount_paise), self.paid_at_iso))


def make_token(claim: ReceiptClaim, key: Ed25519PrivateKey) -> str:
    return sign_token(claim.body(), key)


def qr_text(server_url: str, token: str) -> str:
    return f"{server_url.rstrip('/')}/r/{token}"


def parse_token(token: str) -> tuple[ReceiptClaim, bytes, str]:
    """Split a token into its claim, the signed bytes and the signature text (not yet verified)."""
    parts, body, signature = split_token(token, "receipt", TOKEN_VERSION, 6, MAX_TOKEN_CHARS)
    _, kiosk_code, receipt_no, txn_id, amount, paid_at = parts
    # ASCII only: str.isdigit() also accepts '١٢' and '²', which int() then reads differently or not at all.
    if not all(text.isascii() and text.isdigit() and len(text) <= 15 for text in (receipt_no, amount)):
        raise SignatureError("receipt number and amount in the token must be whole numbers")
    return ReceiptClaim(kiosk_code, int(receipt_no), txn_id, int(amount), paid_at), body, signature


def verify_token(token: str, public: Ed25519PublicKey) -> ReceiptClaim:
    """The claim inside a token, only if the kiosk's key signed it; raises SignatureError otherwise."""
    claim, body, signature = parse_token(token)
    verify(public, signature, body)
    return claim
