"""Z-report verification tokens: the signed day summary behind the QR on a printed Z-report (`<server>/z/<token>`)."""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from sync.protocol.signing import SignatureError, sign_token, split_token, verify

TOKEN_VERSION = "z1"
MAX_TOKEN_CHARS = 600
NOT_COUNTED = -1  # counted_paise when the day has no close yet


@dataclass(frozen=True, slots=True)
class ZReportClaim:
    """What a supervisor checks by phone: whose report, which day and close, and the figures that matter."""

    kiosk_code: str
    business_day: str  # YYYY-MM-DD, IST
    close_no: int  # 0 when the day is not closed
    transactions: int
    total_paise: int
    cash_paise: int
    counted_paise: int  # NOT_COUNTED before the close
    difference_paise: int  # counted minus expected, negative is a shortage
    vouchers_open_paise: int
    receipts_pending: int
    generated_at_iso: str

    def body(self) -> str:
        for name, text in (("kiosk_code", self.kiosk_code), ("business_day", self.business_day),
                           ("generated_at", self.generated_at_iso)):  # fmt: skip
            if "|" in text or not text:
                raise ValueError(f"Z-report {name} {text!r} must be non-empty and must not contain '|'")
        counts = (self.close_no, self.transactions, self.total_paise, self.cash_paise, self.vouchers_open_paise,
                  self.receipts_pending)  # fmt: skip
        if min(counts) < 0 or self.counted_paise < NOT_COUNTED:
            raise ValueError("Z-report numbers must not be negative (except the difference)")
        fields = (TOKEN_VERSION, self.kiosk_code, self.business_day, *(str(n) for n in counts[:4]))
        rest = (self.counted_paise, self.difference_paise, self.vouchers_open_paise, self.receipts_pending)
        return "|".join((*fields, *(str(n) for n in rest), self.generated_at_iso))


def make_token(claim: ZReportClaim, key: Ed25519PrivateKey) -> str:
    return sign_token(claim.body(), key)


def qr_text(server_url: str, token: str) -> str:
    return f"{server_url.rstrip('/')}/z/{token}"


def _int(text: str, name: str) -> int:
    digits = text[1:] if text.startswith("-") else text
    if not digits.isascii() or not digits.isdigit():
        raise SignatureError(f"Z-report {name} in the token must be a whole number")
    return int(text)


def parse_token(token: str) -> tuple[ZReportClaim, bytes, str]:
    """Split a token into its claim, the signed bytes and the signature text (not yet verified)."""
    parts, body, signature = split_token(token, "Z-report", TOKEN_VERSION, 12, MAX_TOKEN_CHARS)
    names = ("close_no", "transactions", "total", "cash", "counted", "difference", "vouchers_open", "receipts_pending")
    close_no, txns, total, cash, counted, difference, vouchers, pending = (
        _int(text, name) for text, name in zip(parts[3:11], names, strict=True)
    )
    claim = ZReportClaim(
        parts[1], parts[2], close_no, txns, total, cash, counted, difference, vouchers, pending, parts[11]
    )
    return claim, body, signature


def verify_token(token: str, public: Ed25519PublicKey) -> ZReportClaim:
    """The claim inside a token, only if the kiosk's key signed it; raises SignatureError otherwise."""
    claim, body, signature = parse_token(token)
    verify(public, signature, body)
    return claim
