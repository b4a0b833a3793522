"""Log lines fit to leave the kiosk (sync/redact.py's rules), cut to fit a heartbeat's detail field."""

from __future__ import annotations

from sync.redact import redact


def log_tail(text: str, lines: int = 40, limit: int = 1500) -> str:
    """The last lines of a log, redacted, cut to fit the heartbeat's detail field."""
    tail = "\n".join(redact(line) for line in text.splitlines()[-lines:])
    return tail[-limit:]
