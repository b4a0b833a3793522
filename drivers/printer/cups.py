"""A4 documents through CUPS: submit with `lp`, follow the job over IPP until it completes or fails."""

from __future__ import annotations

import http.client
import re
import socket
import struct
import subprocess
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.clock import Clock
from kiosk.devices.common import DeviceHealth
from kiosk.devices.document_printer import DocumentOutcome, DocumentStatus

# IPP job-state values (RFC 8011 §5.3.7).
JOB_DONE = {7: "canceled", 8: "aborted", 9: "completed"}
JOB_STOPPED = 6


class DocumentError(ValueError):
    """A document that cannot be sent (missing, not a PDF); nothing was queued."""


class _UnixConnection(http.client.HTTPConnection):
    def __init__(self, path: str, timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self._path = path

    def connect(self) -> None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(self.timeout)
        try:
            sock.connect(self._path)
        except OSError:
            sock.close()
            raise
        self.sock = sock


def _attr(tag: int, name: str, value: bytes) -> bytes:
    raw = name.encode()
    return struct.pack(">BH", tag, len(raw)) + raw + struct.pack(">H", len(value)) + value


def ipp_request(operation: int, uri_name: str, uri: str, wanted: list[str], request_id: int = 1) -> bytes:
    body = struct.pack(">BBHI", 2, 0, operation, request_id) + b"\x01"
    body += _attr(0x47, "attributes-charset", b"utf-8") + _attr(0x48, "attributes-natural-language", b"en")
    body += _attr(0x45, uri_name, uri.encode()) + _attr(0x42, "requesting-user-name", b"kiosk")
    for i, name in enumerate(wanted):
        body += _attr(0x44, "" if i else "requested-attributes", name.encode())
    return body + b"\x03"


def ipp_parse(data: bytes) -> tuple[int, dict[str, list[Any]]]:
    """(status-code, attributes); integers and enums decoded, text as str."""
    if len(data) < 9:
        raise ValueError(f"IPP answer of {len(data)} bytes is too short")
    status = struct.unpack(">H", data[2:4])[0]
    attrs: dict[str, list[Any]] = {}
    i, last = 8, ""
    while i < len(data):
        tag = data[i]
        i += 1
        if tag == 0x03:
            break
        if tag < 0x10:
            continue
        (name_len,) = struct.unpack(">H", data[i : i + 2])
        name = data[i + 2 : i + 2 + name_len].decode()
        i += 2 + name_len
        (value_len,) = struct.unpack(">H", data[i : i + 2])
        raw = data[i + 2 : i + 2 + value_len]
        i += 2 + value_len
        last = name or last
        value: Any = (
            struct.unpack(">i", raw)[0] if tag in (0x21, 0x23) and value_len == 4 else raw.decode("utf-8", "replace")
        )
        attrs.setdefault(last, []).append(value)
    return status, attrs


@dataclass
class CupsPrinter:
    """Implements kiosk.devices.document_printer.DocumentPrinter for one CUPS queue."""

    queue: str
    server: str  # "host:port" or the path of the scheduler's socket
    clock: Clock
    job_timeout: float = 120.0
    poll_interval: float = 0.2
    _done: dict[str, DocumentOutcome] = field(default_factory=dict)

    def _ipp(self, operation: int, uri_name: str, uri: str, wanted: list[str]) -> tuple[int, dict[str, list[Any]]]:
        if self.server.startswith("/"):
            conn: http.client.HTTPConnection = _UnixConnection(self.server, 5.0)
        else:
            host, _, port = self.server.partition(":")
            conn = http.client.HTTPConnection(host, int(port or 631), timeout=5.0)
        try:
            conn.request(
                "POST", "/", ipp_request(operation, uri_name, uri, wanted), {"Content-Type": "application/ipp"}
            )
            return ipp_parse(conn.getresponse().read())
        finally:
            conn.close()

    def status(self) -> DocumentStatus:
        try:
            code, attrs = self._ipp(
                0x000B,
                "printer-uri",
                f"ipp://localhost/printers/{self.queue}",
                ["printer-state", "printer-is-accepting-jobs"],
            )
        except (OSError, ValueError):
            return DocumentStatus.DISCONNECTED
        if code != 0:
            return DocumentStatus.ERROR
        if attrs.get("printer-is-accepting-jobs", ["\x01"])[0] in ("\x00", 0):
            return DocumentStatus.NOT_ACCEPTING
        return {3: DocumentStatus.READY, 4: DocumentStatus.BUSY}.get(
            attrs.get("printer-state", [5])[0], DocumentStatus.STOPPED
        )

    def print_document(self, job_id: str, pdf: Path, *, title: str = "") -> DocumentOutcome:
        if job_id in self._done:
            return self._done[job_id]
        _check_pdf(pdf)
        before = self.status()
        if not before.can_print:
            return DocumentOutcome(job_id, False, before, "not sent: printer not ready")
        submitted = subprocess.run(
            ["lp", "-h", self.server, "-d", self.queue, "-t", title or job_id, str(pdf)],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        match = re.search(r"request id is \S+-(\d+)", submitted.stdout)
        if submitted.returncode != 0 or match is None:
            return DocumentOutcome(job_id, False, DocumentStatus.ERROR, f"lp refused: {submitted.stderr.strip()}")
        outcome = self._follow(job_id, int(match.group(1)))
        if outcome.printed:
            self._done[job_id] = outcome
        return outcome

    def _follow(self, job_id: str, number: int) -> DocumentOutcome:
        deadline = self.clock.monotonic() + self.job_timeout
        uri = f"ipp://localhost/jobs/{number}"
        state, reasons = 0, ""
        while self.clock.monotonic() < deadline:
            try:
                _, attrs = self._ipp(0x0009, "job-uri", uri, ["job-state", "job-state-reasons"])
            except (OSError, ValueError):
                return DocumentOutcome(
                    job_id, False, DocumentStatus.DISCONNECTED, "print server stopped answering", number
                )
            state = int(attrs.get("job-state", [0])[0])
            reasons = ",".join(str(r) for r in attrs.get("job-state-reasons", []))
            if state == 9:
                return DocumentOutcome(job_id, True, self.status(), "completed", number)
            if state in JOB_DONE or state == JOB_STOPPED:
                return DocumentOutcome(
                    job_id, False, DocumentStatus.STOPPED, f"job {JOB_DONE.get(state, 'stopped')}: {reasons}", number
                )
            time.sleep(self.poll_interval)
        return DocumentOutcome(
            job_id, False, DocumentStatus.BUSY, f"not finished in time (state {state}: {reasons})", number
        )

    def health(self) -> DeviceHealth:
        status = self.status()
        return DeviceHealth(
            "document_printer", status.value, status.can_print, f"CUPS queue {self.queue}: {status.value}"
        )

    def close(self) -> None:
        """Nothing is held open between jobs."""


def _check_pdf(pdf: Path) -> None:
    if not pdf.is_file():
        raise DocumentError(f"document {pdf} does not exist")
    with pdf.open("rb") as handle:
        if handle.read(5) != b"%PDF-":
            raise DocumentError(f"document {pdf} is not a PDF (it does not start with %PDF-); send PDF, not text")


def create(params: Mapping[str, Any], clock: Clock) -> CupsPrinter:
    """Entry point `document_printer.cups`: keys `queue`, `server` (default the system scheduler socket)."""
    queue = str(params.get("queue", "")).strip()
    if not queue:
        raise DocumentError("document printer config needs a non-empty 'queue' (the CUPS queue name)")
    return CupsPrinter(
        queue, str(params.get("server", "/run/cups/cups.sock")), clock, float(params.get("job_timeout", 120))
    )
