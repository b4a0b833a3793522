"""Issue 20.4 for the capture parts: a scanned page and a photo, taken with logging at its most talkative, leave
nothing of themselves in the log or in temp folders, and their reprs (what a journal entry might carry) hold none of
their bytes."""

from __future__ import annotations

import base64
import shutil
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from drivers.scanner.checked import CheckedScanner
from drivers.scanner.sane.driver import SaneScanner
from drivers.scanner.sane.emulator import SaneTestBackend
from kiosk.capture.port import CameraProblem, CheckedPage, Photo
from kiosk.clock import SystemClock
from tests.kiosk.test_aadhaar_privacy import leaks, log_file, temp_dir
from ui.camera import QtCamera

__all__ = ["log_file", "temp_dir"]  # fixtures shared with the Aadhaar privacy test


def needles(data: bytes) -> list[bytes]:
    """Pieces of a capture as they could leak: raw, base64 and hex, from its middle (headers are alike)."""
    piece = data[len(data) // 2 : len(data) // 2 + 24]
    return [piece, base64.b64encode(piece)[:24], piece.hex().encode()]


def test_a_scanned_page_and_a_photo_leave_nothing_in_logs_or_temp(
    qtbot: QtBot, tmp_path: Path, log_file: Path, temp_dir: Path
) -> None:
    if shutil.which("scanimage") is None:
        pytest.fail("scanimage is missing: install the Debian packages (scripts/system-packages.txt: sane-utils)")
    sane = SaneTestBackend(tmp_path / "sane.d")
    scanner = SaneScanner(
        SystemClock(), device=sane.device, resolution=200, area_mm=(100, 100), sane_config_dir=sane.config_dir,
        device_options=sane.options(),
    )  # fmt: skip
    page = CheckedScanner(scanner).capture()
    assert isinstance(page, CheckedPage)
    camera = QtCamera(device="test:face")
    taken: list[Photo | CameraProblem] = []
    worker = threading.Thread(target=lambda: taken.append(camera.take_photo()))
    worker.start()
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=10_000)
    camera.close()
    photo = taken[0]
    assert isinstance(photo, Photo)

    log = log_file.read_text("utf-8")
    assert "page checked: readable" in log  # logging really captured the captures
    assert "photo taken: face in frame True" in log
    found = [*needles(page.jpeg), *needles(page.preview_png), *needles(photo.jpeg), *needles(photo.preview_png)]
    assert leaks([log_file], found) == []
    assert [path.name for path in temp_dir.rglob("*")] == []
    for capture in (repr(page), repr(photo)):
        assert "jpeg=" not in capture
        assert "preview_png=" not in capture
