"""Log lines fit to leave the kiosk: Aadhaar and mobile numbers masked, secrets removed."""

from __future__ import annotations

import re

AADHAAR = re.compile(r"(?<!\d)\d{4}[ -]?\d{4}[ -]?(\d{4})(?!\d)")
MOBILE = re.compile(r"(?<!\d)(?:\+91[ -]?)?[6-9]\d{4}[ -]?\d(\d{4})(?!\d)")  # also written 5 + 5
SECRET = re.compile(r"(?i)\b(key|token|secret|password|pin|signature|pid)\b(\s*[=:]\s*)\S+")


def redact(text: str) -> str:
    text = SECRET.sub(r"\1\2[redacted]", text)
    text = AADHAAR.sub(r"XXXX XXXX \1", text)
    return MOBILE.sub(r"XXXXXX\1", text)


def log_tail(text: str, lines: int = 40, limit: int = 1500) -> str:
    """The last lines of a log, redacted, cut to fit the heartbeat's detail field."""
    tail = "\n".join(redact(line) for line in text.splitlines()[-lines:])
    return tail[-limit:]
