"""What every device reports about its health, for the operator screen and the heartbeat."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DeviceHealth:
    kind: str  # "cash", "printer", "biometric", "scanner", "qr", "gps"
    status: str  # the value of the device's own closed status enum
    ok: bool  # can the kiosk rely on it right now?
    detail: str = ""  # short English text for logs and the operator, never personal data
