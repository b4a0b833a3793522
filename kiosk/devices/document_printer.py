"""The A4 document-printer port (certificates, Jamabandi copies): print a PDF once per job id, report why not."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from kiosk.devices.common import DeviceHealth


class DocumentStatus(enum.StrEnum):
    READY = "ready"
    BUSY = "busy"  # still printing an earlier job; a new job queues
    STOPPED = "stopped"  # the queue is paused or its last job failed (paper, jam, filter)
    NOT_ACCEPTING = "not_accepting"
    DISCONNECTED = "disconnected"  # the print server does not answer
    ERROR = "error"

    @property
    def can_print(self) -> bool:
        return self in (DocumentStatus.READY, DocumentStatus.BUSY)


@dataclass(frozen=True, slots=True)
class DocumentOutcome:
    job_id: str
    printed: bool
    status: DocumentStatus
    detail: str = ""
    server_job: int | None = None  # the print server's own job number


class DocumentPrinter(Protocol):
    def status(self) -> DocumentStatus: ...

    def print_document(self, job_id: str, pdf: Path, *, title: str = "") -> DocumentOutcome:
        """Print a PDF once and follow it to the end; a job id that already printed is not printed again."""
        ...

    def health(self) -> DeviceHealth: ...

    def close(self) -> None: ...
