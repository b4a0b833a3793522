from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from PIL import Image

from drivers.scanner.checked import CheckedScanner
from drivers.scanner.pages import PAGE_CAP_BYTES
from drivers.scanner.sane.driver import SaneScanner
from drivers.scanner.sane.emulator import SaneTestBackend
from kiosk.capture.port import CheckedPage, PageVerdict
from kiosk.clock import SystemClock
from kiosk.devices.common import DeviceHealth
from kiosk.devices.scanner import ScannedDocument, ScannerStatus, ScanProblem, ScanResult
from provisioning.cli import main


@pytest.fixture
def backend(tmp_path: Path) -> SaneTestBackend:
    if shutil.which("scanimage") is None:
        pytest.fail("scanimage is missing: install the Debian packages (scripts/system-packages.txt: sane-utils)")
    return SaneTestBackend(tmp_path / "sane.d")


def pages(backend: SaneTestBackend, picture: str = "Grid", fault: str | None = None) -> CheckedScanner:
    """scanimage runs in real time, so the driver's time limits need the real clock."""
    scanner = SaneScanner(
        SystemClock(),
        device=backend.device,
        resolution=200,
        area_mm=(200, 200),  # the test backend's largest area
        sane_config_dir=backend.config_dir,
        device_options=SaneTestBackend.options(picture, fault),
    )
    return CheckedScanner(scanner)


def test_grid_from_sane_test_backend_is_a_readable_page_under_the_cap(backend: SaneTestBackend) -> None:
    page = pages(backend).capture()
    assert isinstance(page, CheckedPage)
    assert page.verdict is PageVerdict.READABLE
    assert len(page.jpeg) <= PAGE_CAP_BYTES
    image = Image.open(io.BytesIO(page.jpeg))
    assert image.format == {"image/jpeg": "JPEG", "image/png": "PNG"}[page.media_type]
    assert (image.size, page.dpi) == ((1180, 1180), 150)  # 200 mm at 150 dpi
    assert image.getextrema() == (0, 255)  # the grid lines came through


def test_empty_glass_from_sane_is_blank(backend: SaneTestBackend) -> None:
    page = pages(backend, "Solid white").capture()
    assert isinstance(page, CheckedPage)
    assert page.verdict is PageVerdict.BLANK


def test_black_scan_from_sane_is_too_dark(backend: SaneTestBackend) -> None:
    page = pages(backend, "Solid black").capture()
    assert isinstance(page, CheckedPage)
    assert page.verdict is PageVerdict.TOO_DARK


def test_scanner_fault_reaches_the_journey_as_the_scanners_problem(backend: SaneTestBackend) -> None:
    capture = pages(backend, fault="jammed")
    assert capture.capture() == ScanProblem(ScannerStatus.JAMMED, "paper jammed in the feeder")
    assert capture.health() == DeviceHealth("scanner", "jammed", False, "paper jammed in the feeder")


class Garbled:
    """A scanner whose driver let through bytes that are not an image (what the checks must still refuse)."""

    def status(self) -> ScannerStatus:
        return ScannerStatus.READY

    def scan(self) -> ScanResult:
        return ScannedDocument(b"not a png", 100, 100, 300)

    def health(self) -> DeviceHealth:
        return DeviceHealth("scanner", "ready", True)


def test_page_that_is_not_an_image_is_a_scanner_error_not_a_crash() -> None:
    result = CheckedScanner(Garbled()).capture()
    assert isinstance(result, ScanProblem)
    assert result.status is ScannerStatus.ERROR
    assert "not a readable image" in result.detail


def test_scanner_self_test_says_what_the_page_checks_made_of_the_page() -> None:
    out = io.StringIO()
    assert main(["device", "test", "scanner", "--emulator"], out) == 0, out.getvalue()
    assert "ok    page checks: readable (ink on 50.4% of the page, turned +0.0°); for upload" in out.getvalue()
