"""Scanner ports: a document scanner (returns an image or a problem) and a QR/barcode reader (emits codes)."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from kiosk.devices.common import DeviceHealth


class ScannerStatus(enum.StrEnum):
    READY = "ready"
    NO_DOCUMENT = "no_document"
    JAMMED = "jammed"
    COVER_OPEN = "cover_open"
    BUSY = "busy"
    DISCONNECTED = "disconnected"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class ScannedDocument:
    png: bytes = field(repr=False)
    width_px: int = 0
    height_px: int = 0
    dpi: int = 200


@dataclass(frozen=True, slots=True)
class ScanProblem:
    status: ScannerStatus
    detail: str


ScanResult = ScannedDocument | ScanProblem


class DocumentScanner(Protocol):
    def status(self) -> ScannerStatus: ...

    def scan(self) -> ScanResult: ...

    def health(self) -> DeviceHealth: ...


class QrStatus(enum.StrEnum):
    READY = "ready"
    DISCONNECTED = "disconnected"
    ERROR = "error"
    FAULT = "fault"  # the driver's reader thread died: no code will arrive until restarted


@dataclass(frozen=True, slots=True)
class CodeScanned:
    text: str  # already checked: bounded length, printable characters only


@dataclass(frozen=True, slots=True)
class CodeRejected:
    reason: str


QrEvent = CodeScanned | CodeRejected
QrListener = Callable[[QrEvent], None]


class QrScanner(Protocol):
    def start(self, listener: QrListener) -> None: ...

    def stop(self) -> None: ...

    def status(self) -> QrStatus: ...

    def health(self) -> DeviceHealth: ...
