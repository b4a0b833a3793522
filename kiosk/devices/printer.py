"""The receipt-printer port: check it can print, print a job once, report why not."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Protocol

from kiosk.devices.common import DeviceHealth


class PrinterStatus(enum.StrEnum):
    READY = "ready"
    PAPER_NEAR_END = "paper_near_end"  # still prints
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"
    OFFLINE = "offline"
    DISCONNECTED = "disconnected"
    ERROR = "error"
    FAULT = "fault"  # the driver's own thread died: nothing it says can be trusted until restarted

    @property
    def can_print(self) -> bool:
        return self in (PrinterStatus.READY, PrinterStatus.PAPER_NEAR_END)


@dataclass(frozen=True, slots=True)
class PrintOutcome:
    job_id: str
    printed: bool
    status: PrinterStatus  # the status read after the job
    detail: str = ""


class ReceiptPrinter(Protocol):
    def status(self) -> PrinterStatus: ...

    def print_job(self, job_id: str, document: object) -> PrintOutcome:
        """Print `document` (a kiosk.receipt layout) once; a job id that already printed is not printed again."""
        ...

    def health(self) -> DeviceHealth: ...

    def close(self) -> None: ...
