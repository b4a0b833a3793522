"""Aadhaar numbers (Verhoeff check, masking) and the capture-then-forward step that keeps the PID in memory only."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Protocol

from kiosk.checksums import verhoeff_ok
from kiosk.devices.biometric import BiometricReader, CaptureFailed, CaptureRequest, PidBlock


class AadhaarError(ValueError):
    """An entry that is not a usable Aadhaar number; the message never repeats the digits."""


@dataclass(frozen=True, slots=True)
class AadhaarNumber:
    """A checked 12-digit number whose printed forms are always masked; the digits go only onto the auth wire."""

    _digits: str

    @classmethod
    def parse(cls, text: str) -> AadhaarNumber:
        cleaned = text.replace(" ", "").replace("-", "")
        if not cleaned.isascii() or not cleaned.isdigit():
            raise AadhaarError("Aadhaar number: only digits (spaces and dashes allowed between groups)")
        if len(cleaned) != 12:
            raise AadhaarError(f"Aadhaar number: expected 12 digits, got {len(cleaned)}")
        if cleaned[0] in "01":
            raise AadhaarError("Aadhaar number: cannot start with 0 or 1")
        if not verhoeff_ok(cleaned):
            raise AadhaarError("Aadhaar number: check digit does not match (typing mistake?)")
        return cls(cleaned)

    @property
    def masked(self) -> str:
        return mask(self._digits)

    def digits_for_auth_request(self) -> str:
        """The full number, only for building the one authentication request."""
        return self._digits

    def __repr__(self) -> str:
        return f"AadhaarNumber({self.masked})"

    def __str__(self) -> str:
        return self.masked


def mask(number: str) -> str:
    """XXXX-XXXX-1234: the first eight digits hidden, as UIDAI requires for display and print."""
    cleaned = number.replace(" ", "").replace("-", "")
    if len(cleaned) != 12 or not cleaned.isdigit():
        raise AadhaarError("Aadhaar number: expected 12 digits to mask")
    return f"XXXX-XXXX-{cleaned[-4:]}"


class AuthResult(enum.StrEnum):
    AUTHENTICATED = "authenticated"
    REJECTED = "rejected"  # the AUA/UIDAI said no (mismatch, locked biometrics …)
    CAPTURE_FAILED = "capture_failed"
    UNAVAILABLE = "unavailable"  # the authoriser could not be reached; re-capture later, never queue the PID


@dataclass(frozen=True, slots=True)
class AuthOutcome:
    result: AuthResult
    code: str  # AUA error code or the RD errCode; never personal data
    message_hi: str
    message_en: str
    reference: str = ""  # the AUA's transaction reference when authenticated
    retry: bool = False


class Authoriser(Protocol):
    def forward(self, pid: PidBlock, aadhaar: AadhaarNumber) -> AuthOutcome:
        """Send the PID block once, online, and answer; must not keep, log or queue it."""
        ...


def capture_and_authorise(
    reader: BiometricReader, authoriser: Authoriser, aadhaar: AadhaarNumber, request: CaptureRequest
) -> AuthOutcome:
    """Capture one PID and forward it at once; the PID exists only in this frame and is dropped on return."""
    captured = reader.capture(request)
    if isinstance(captured, CaptureFailed):
        return AuthOutcome(
            AuthResult.CAPTURE_FAILED, captured.code, captured.message_hi, captured.message_en, retry=captured.retry
        )
    try:
        return authoriser.forward(captured.pid, aadhaar)
    finally:
        # Drop our only reference before anything else runs (the caller never sees the PID).
        del captured
