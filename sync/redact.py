"""Redaction of log lines before they leave the kiosk: secrets, Aadhaar numbers, mobile numbers, PID blocks."""

from __future__ import annotations

import re

# Order matters: PID blocks and key=value secrets first (their values may hold digits), then bare numbers.
_PID = re.compile(r"<Pid\b.*?(</Pid>|$)|\"?pid_data\"?\s*[:=]\s*\"?[A-Za-z0-9+/=_-]{16,}\"?", re.IGNORECASE)
_SECRET = re.compile(
    r"(?i)\b(password|passwd|secret|token|api[_-]?key|private[_-]?key|key|authorization|x-signature|signature|pin|otp)"
    r"(\"?\s*[:=]\s*\"?|\s+)(bearer\s+)?[^\s\",;&]+"
)
_AADHAAR = re.compile(r"(?<![0-9])[2-9][0-9]{3}[ -]?[0-9]{4}[ -]?[0-9]{4}(?![0-9])")
_MOBILE = re.compile(r"(?<![0-9])(\+?91[ -]?|0)?[6-9][0-9]{4}[ -]?[0-9]{5}(?![0-9])")
_LONG_DIGITS = re.compile(r"(?<![0-9])[0-9]{12}(?![0-9])")  # any 12 digits: an Aadhaar number starting 0/1 is
# not valid, but a mistyped one is still somebody's: never let twelve digits in a row out.


def redact(line: str) -> str:
    line = _PID.sub("[PID REDACTED]", line)
    line = _SECRET.sub(lambda m: f"{m.group(1)}{m.group(2)}[REDACTED]", line)
    line = _AADHAAR.sub("[AADHAAR REDACTED]", line)
    line = _LONG_DIGITS.sub("[AADHAAR REDACTED]", line)
    return _MOBILE.sub("[MOBILE REDACTED]", line)


def redact_lines(lines: list[str]) -> list[str]:
    return [redact(line) for line in lines]
