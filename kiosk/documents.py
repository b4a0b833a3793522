"""The certificate itself (not the fee receipt): downloaded from the department's system and printed on the A4
printer after the fee is committed. The flow asks through this port; the composition root does the download and the
printing (files and devices are its business, not the core's)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Protocol


class DocumentProblem(enum.StrEnum):
    NONE = ""
    NOT_ISSUED = "not_issued"  # the department has not issued it (or knows no such application)
    UNAVAILABLE = "unavailable"  # the server could not be reached or sent something that is not a PDF
    NO_PRINTER = "no_printer"  # this kiosk has no A4 printer configured
    PRINTER = "printer"  # the printer did not finish the job (paper, jam, offline)


@dataclass(frozen=True, slots=True)
class DocumentResult:
    printed: bool
    problem: DocumentProblem = DocumentProblem.NONE
    detail: str = ""  # English, for the journal and the operator; never personal data


class CertificateSource(Protocol):
    def certificate_pdf(self, service_id: str, application_no: str) -> bytes | DocumentResult:
        """The issued certificate as PDF bytes, or why not (NOT_ISSUED / UNAVAILABLE)."""
        ...


class CertificatePrinter(Protocol):
    def print_certificate(self, job_id: str, service_id: str, application_no: str) -> DocumentResult:
        """Fetch the issued certificate and print it once for `job_id` (the same job is never printed twice)."""
        ...
