"""The locator port (GPS): the last good position fix, for the geo-tag."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from kiosk.devices.common import DeviceHealth


class LocatorStatus(enum.StrEnum):
    FIX = "fix"
    NO_FIX = "no_fix"
    DISCONNECTED = "disconnected"
    ERROR = "error"
    FAULT = "fault"  # the driver's own thread died: nothing it says can be trusted until restarted


@dataclass(frozen=True, slots=True)
class Fix:
    latitude: float
    longitude: float
    accuracy_m: float | None  # estimated from HDOP when the receiver gives no better figure
    source: str  # "gps", "manual"
    at: datetime
    satellites: int | None = None


class Locator(Protocol):
    def last_fix(self) -> Fix | None: ...

    def status(self) -> LocatorStatus: ...

    def health(self) -> DeviceHealth: ...
