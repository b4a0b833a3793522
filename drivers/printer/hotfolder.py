"""A4 documents handed to a print server's hot folder: each job's PDF lands there whole, once, under its job id."""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TextIO

from drivers.plugin import Plugin
from kiosk.clock import Clock, SystemClock
from kiosk.devices.common import DeviceHealth
from kiosk.devices.document_printer import DocumentOutcome, DocumentStatus


class HotFolderPrinter:
    """Some centres print through a print server (or the operator's PC) that watches a folder; the demo's A4
    printer is such a folder. A job is written to a hidden temporary name and renamed, so the watcher never picks up
    half a PDF; a job id already in the folder is not written again."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._printed: set[str] = set()  # the print server may take (delete) a file: remember the job ids we wrote

    def status(self) -> DocumentStatus:
        if not self.folder.is_dir():
            return DocumentStatus.DISCONNECTED
        return DocumentStatus.READY if os.access(self.folder, os.W_OK) else DocumentStatus.NOT_ACCEPTING

    def print_document(self, job_id: str, pdf: Path, *, title: str = "") -> DocumentOutcome:
        status = self.status()
        if not status.can_print:
            return DocumentOutcome(job_id, False, status, f"hot folder {self.folder} is {status.value}")
        target = self.folder / f"{job_id}.pdf"
        if job_id in self._printed or target.exists():
            return DocumentOutcome(job_id, True, status, "already printed")
        data = pdf.read_bytes()
        if not data.startswith(b"%PDF-"):
            return DocumentOutcome(job_id, False, DocumentStatus.ERROR, f"{pdf} is not a PDF")
        partial = self.folder / f".{job_id}.pdf.part"
        partial.write_bytes(data)
        partial.replace(target)
        self._printed.add(job_id)
        return DocumentOutcome(job_id, True, status)

    def health(self) -> DeviceHealth:
        status = self.status()
        return DeviceHealth("document_printer", status.value, status.can_print, str(self.folder))

    def close(self) -> None:
        """Nothing is held open between jobs."""


def create(params: Mapping[str, Any], clock: Clock) -> HotFolderPrinter:
    """Entry point `document_printer.hotfolder`: key `folder`, the folder the print server watches."""
    folder = str(params.get("folder", "")).strip()
    if not folder:
        raise ValueError("[devices.document_printer] with driver 'hotfolder' needs a non-empty 'folder'")
    return HotFolderPrinter(Path(folder))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--folder", required=True, help="the folder the print server watches")


def run(args: argparse.Namespace, out: TextIO) -> int:
    printer = create({"folder": args.folder}, SystemClock())
    status = printer.status()
    if not status.can_print:
        out.write(f"FAIL  hot folder {args.folder} is {status.value}\n")
        return 1
    out.write(f"UNTESTED  hot folder {args.folder} takes files; whether the print server prints them is not seen\n")
    return 2


PLUGIN = Plugin(
    family="document_printer",
    model="hotfolder",
    summary="A4 documents written into a folder a print server watches (prints nothing itself)",
    factory=create,
    runner=run,
    arguments=add_arguments,
    rank=10,  # CUPS stays the family's default
)
