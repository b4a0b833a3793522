"""The pseudonymous key a grievance is found by, from a mobile number: the same on the kiosk and the server."""

from __future__ import annotations

import hashlib


def grievance_mobile_key(mobile: str) -> str:
    """Salted SHA-256 of the number. Ten digits can be guessed by brute force, so this keeps the number out of plain
    sight (tables, queued events, backups), not away from someone determined who holds the database."""
    return hashlib.sha256(b"grievance-mobile\x00" + mobile.encode()).hexdigest()
