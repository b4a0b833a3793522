"""The fingerprint reader port (UIDAI RD service): discover, capture once, and hand over an opaque PID block."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Protocol

from kiosk.devices.common import DeviceHealth


class BiometricStatus(enum.StrEnum):
    READY = "ready"
    NOT_READY = "not_ready"
    IN_USE = "in_use"  # another application holds the device ("USED")
    NOT_FOUND = "not_found"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class CaptureRequest:
    finger_count: int = 1
    finger_type: int = 2  # 0 FMR, 1 FIR, 2 both
    timeout_ms: int = 10_000
    env: str = "P"
    wadh: str = ""


@dataclass(frozen=True, slots=True)
class PidBlock:
    """The encrypted capture. Held in memory for one online request, then dropped; never stored or logged."""

    xml: bytes = field(repr=False)

    def __repr__(self) -> str:
        return "PidBlock(<redacted>)"


@dataclass(frozen=True, slots=True)
class CaptureOk:
    pid: PidBlock
    quality: int | None


@dataclass(frozen=True, slots=True)
class CaptureFailed:
    code: str
    message_hi: str
    message_en: str
    retry: bool  # can the villager simply try again?


CaptureResult = CaptureOk | CaptureFailed


@dataclass(frozen=True, slots=True)
class BiometricInfo:
    rd_service_id: str
    rd_service_version: str
    device_model: str
    device_provider: str
    certificate_expiry: str | None  # ISO date, when the device reports it


class BiometricReader(Protocol):
    def discover(self) -> BiometricInfo | None: ...

    def status(self) -> BiometricStatus: ...

    def capture(self, request: CaptureRequest) -> CaptureResult: ...

    def health(self) -> DeviceHealth: ...
