"""Certificates from the server to the A4 printer: download, keep on disk only while the printer takes it, print
once per job, and say what went wrong in terms the flow can show (kiosk/documents.py)."""

from __future__ import annotations

import logging
from pathlib import Path

from kiosk.devices.document_printer import DocumentPrinter
from kiosk.documents import CertificateSource, DocumentProblem, DocumentResult

log = logging.getLogger("kiosk")


class DownloadAndPrint:
    def __init__(self, source: CertificateSource, printer: DocumentPrinter | None, folder: Path) -> None:
        self.source, self.printer, self.folder = source, printer, folder

    def print_certificate(self, job_id: str, service_id: str, application_no: str) -> DocumentResult:
        if self.printer is None:
            return DocumentResult(False, DocumentProblem.NO_PRINTER, "no [devices.document_printer] configured")
        if not self.printer.status().can_print:
            return DocumentResult(False, DocumentProblem.PRINTER, f"printer {self.printer.status().value}")
        pdf = self.source.certificate_pdf(service_id, application_no)
        if isinstance(pdf, DocumentResult):
            return pdf
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{job_id}.pdf"
        path.write_bytes(pdf)
        try:
            outcome = self.printer.print_document(job_id, path, title=f"certificate {application_no}")
        finally:
            path.unlink(missing_ok=True)  # a certificate carries personal data: not kept once printed
        if not outcome.printed:
            log.warning("certificate job %s not printed: %s", job_id, outcome.detail)
            return DocumentResult(False, DocumentProblem.PRINTER, f"{outcome.status.value}: {outcome.detail}"[:200])
        return DocumentResult(True)
