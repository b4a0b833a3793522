from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from PIL import Image

from drivers.scanner.sane.codec import ScanImageError, normalise
from drivers.scanner.sane.driver import SaneScanner, build
from drivers.scanner.sane.emulator import SaneTestBackend
from kiosk.clock import Clock, SystemClock
from kiosk.devices.scanner import ScannedDocument, ScannerStatus, ScanProblem


@pytest.fixture
def clock() -> Clock:
    """scanimage runs in real time, so the driver's time limits (a wedged backend) need the real clock."""
    return SystemClock()


@pytest.fixture
def backend(tmp_path: Path) -> SaneTestBackend:
    if shutil.which("scanimage") is None:
        pytest.fail(
            "scanimage is missing: these tests scan through SANE's test backend; install the Debian packages with "
            "`bash scripts/install-system-packages.sh scripts/system-packages.txt` (sane-utils, libsane1)"
        )
    return SaneTestBackend(tmp_path / "sane.d")


def scanner(backend: SaneTestBackend, clock: Clock, **kwargs: object) -> SaneScanner:
    settings: dict[str, object] = {
        "area_mm": (200, 200),  # the test backend's largest area
        "device_options": SaneTestBackend.options(),
        **kwargs,
    }
    return SaneScanner(clock, device=backend.device, sane_config_dir=backend.config_dir, **settings)  # type: ignore[arg-type]


def test_page_is_scanned_grey_at_300_dpi(backend: SaneTestBackend, clock: Clock) -> None:
    result = scanner(backend, clock).scan()
    assert isinstance(result, ScannedDocument)
    image = Image.open(io.BytesIO(result.png))
    assert (image.format, image.mode, image.size) == ("PNG", "L", (2362, 2362))
    assert round(image.info["dpi"][0]) == 300
    assert (result.width_px, result.height_px, result.dpi) == (2362, 2362, 300)
    assert image.getextrema() == (0, 255)  # the grid really came through


def test_colour_scan_at_600_dpi_is_brought_down_to_grey_300_dpi(backend: SaneTestBackend, clock: Clock) -> None:
    result = scanner(backend, clock, mode="Color", resolution=600, area_mm=(100, 100)).scan()
    assert isinstance(result, ScannedDocument)
    assert (result.width_px, result.dpi) == (1181, 300)
    assert Image.open(io.BytesIO(result.png)).mode == "L"


@pytest.mark.parametrize(
    ("fault", "status", "detail"),
    [
        ("jammed", ScannerStatus.JAMMED, "paper jammed in the feeder"),
        ("no_document", ScannerStatus.NO_DOCUMENT, "no document in the scanner"),
        ("cover_open", ScannerStatus.COVER_OPEN, "scanner cover is open"),
        ("busy", ScannerStatus.BUSY, "scanner is busy"),
    ],
)
def test_scanner_faults_are_returned_as_statuses(
    backend: SaneTestBackend, clock: Clock, fault: str, status: ScannerStatus, detail: str
) -> None:
    driver = scanner(backend, clock, device_options=SaneTestBackend.options(fault=fault))
    assert driver.scan() == ScanProblem(status, detail)
    assert driver.status() is status


def test_fifty_megabyte_scan_is_refused_and_the_next_page_scans(backend: SaneTestBackend, clock: Clock) -> None:
    huge = scanner(backend, clock, mode="Color", resolution=600)  # 200×200 mm colour at 600 dpi ≈ 67 MB
    assert huge.scan() == ScanProblem(ScannerStatus.ERROR, "scan is larger than 40 MB; refused")
    assert not huge.health().ok
    assert isinstance(scanner(backend, clock).scan(), ScannedDocument)


def test_absent_scanner_is_reported_disconnected(backend: SaneTestBackend, clock: Clock) -> None:
    driver = SaneScanner(clock, device="test:9", sane_config_dir=backend.config_dir)
    result = driver.scan()
    assert isinstance(result, ScanProblem)
    assert result.status is ScannerStatus.DISCONNECTED
    assert "test:9 not found" in result.detail


def test_page_larger_than_a4_is_cropped_to_a4() -> None:
    width, height = 1969, 2520  # 250 × 320 mm at 200 dpi
    pnm = f"P5\n{width} {height}\n255\n".encode() + bytes(width * height)
    _, out_w, out_h, dpi = normalise(pnm, 200)
    assert (out_w, out_h, dpi) == (1654, 2339, 200)


@pytest.mark.parametrize(
    ("data", "dpi", "reason"),
    [
        (b"%PDF-1.4 not an image", 300, "not a binary PNM image"),
        (b"P5\n100 100\n255\n" + bytes(10), 300, "cut short: 10 of 10000 bytes"),
        (b"P5\n100 100\n255\n" + bytes(10_000), 150, "150 dpi is below the 200 dpi"),
        (b"P5\n90000 90000\n255\n", 300, "larger than allowed"),
    ],
)
def test_unusable_scanner_output_is_refused_with_the_reason(data: bytes, dpi: int, reason: str) -> None:
    with pytest.raises(ScanImageError, match=reason):
        normalise(data, dpi)


def test_config_options_that_are_not_plain_pairs_are_refused(clock: Clock) -> None:
    with pytest.raises(ValueError, match=r"device_options\[0\] = ';rm': expected --option-name"):
        build({"device": "test:0", "device_options": [";rm", "x"]}, clock)


def test_backend_that_wedges_after_reporting_a_jam_still_returns_jammed(tmp_path: Path, clock: Clock) -> None:
    """SANE's test backend sometimes hangs in cancel after a fault; this stand-in for scanimage always does."""
    wedged = tmp_path / "scanimage-wedged"
    wedged.write_text("#!/bin/sh\necho 'scanimage: sane_read: Document feeder jammed' >&2\nexec sleep 600\n")
    wedged.chmod(0o755)
    driver = SaneScanner(clock, device="test:0", scanimage=str(wedged))
    assert driver.scan() == ScanProblem(ScannerStatus.JAMMED, "paper jammed in the feeder")


def test_real_scanner_noise_on_an_a4_page_is_not_refused() -> None:
    """A flatbed's sensor noise (σ ≈ 1.5 grey levels) on a 300 dpi A4 page makes its PNG larger than 4 MB."""
    noisy = Image.effect_noise((2480, 3508), 1.5).point(lambda level: level + 100)
    pnm = io.BytesIO()
    noisy.save(pnm, format="PPM")
    png, width, height, dpi = normalise(pnm.getvalue(), 300)
    assert (width, height, dpi) == (2480, 3508, 300)
    assert len(png) > 4 * 1024 * 1024
