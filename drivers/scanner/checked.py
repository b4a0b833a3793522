"""`PageCapture`: any document scanner with the page checks in front of it (what the journeys scan through)."""

from __future__ import annotations

import logging

from drivers.scanner.pages import PAGE_CAP_BYTES, PageImageError, check_page
from kiosk.capture.port import CheckedPage
from kiosk.devices.common import DeviceHealth
from kiosk.devices.scanner import DocumentScanner, ScannedDocument, ScannerStatus, ScanProblem

log = logging.getLogger(__name__)


class CheckedScanner:
    """Implements kiosk.capture.port.PageCapture over a kiosk.devices.scanner.DocumentScanner."""

    def __init__(self, scanner: DocumentScanner, *, cap_bytes: int = PAGE_CAP_BYTES) -> None:
        self.scanner = scanner
        self.cap_bytes = cap_bytes

    def capture(self) -> CheckedPage | ScanProblem:
        result = self.scanner.scan()
        if not isinstance(result, ScannedDocument):
            return result
        try:
            page = check_page(result.png, result.dpi, cap_bytes=self.cap_bytes)
        except PageImageError as exc:
            return ScanProblem(ScannerStatus.ERROR, str(exc))
        # The verdict and its reason only: a page's content never reaches a log (issue 20.4).
        log.info("page checked: %s (%s), %d bytes", page.verdict.value, page.detail, len(page.jpeg))
        return page

    def health(self) -> DeviceHealth:
        return self.scanner.health()
