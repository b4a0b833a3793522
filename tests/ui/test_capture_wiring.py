"""[devices.scanner] and [devices.camera] reach the screens' services through the plugin registry, as in the field."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from drivers.scanner.checked import CheckedScanner
from drivers.scanner.sane.driver import SaneScanner
from drivers.scanner.sane.emulator import SaneTestBackend
from kiosk.capture.port import CheckedPage, PageVerdict, Photo
from kiosk.clock import FakeClock
from kiosk.config import KioskConfig, load_config
from provisioning.cli import main
from provisioning.devices import self_test
from tests.fakes.services import memory_services
from ui.camera import QtCamera
from ui.composition import DEMO_START
from ui.demo_config import demo_config_document, write_demo_config
from ui.devpanel.emulated import start_bench
from ui.realmode import optional_device, page_capture


def config_with(tmp_path: Path, devices: dict[str, dict[str, object]]) -> KioskConfig:
    return load_config(write_demo_config(tmp_path / "kiosk.toml", demo_config_document(tmp_path, devices=devices)))


def sane_section(tmp_path: Path) -> dict[str, object]:
    if shutil.which("scanimage") is None:
        pytest.fail("scanimage is missing: install the Debian packages (scripts/system-packages.txt: sane-utils)")
    sane = SaneTestBackend(tmp_path / "sane.d")
    return {
        "driver": "sane", "device": sane.device, "sane_config_dir": str(sane.config_dir), "resolution": 200,
        "device_options": list(sane.options()), "width_mm": 200, "height_mm": 200,
    }  # fmt: skip


def test_configured_scanner_and_camera_become_the_page_checks_and_the_qt_camera(qapp: object, tmp_path: Path) -> None:
    config = config_with(
        tmp_path, {"scanner": sane_section(tmp_path), "camera": {"driver": "qt", "device": "test:face"}}
    )
    clock = FakeClock(DEMO_START)
    pages = page_capture(config, clock)
    assert isinstance(pages, CheckedScanner)
    page = pages.capture()
    assert isinstance(page, CheckedPage)
    assert page.verdict is PageVerdict.READABLE
    camera = optional_device(config, clock, "camera")
    assert isinstance(camera, QtCamera)
    try:
        photo = camera.take_photo()
    finally:
        camera.close()
    assert isinstance(photo, Photo)
    assert photo.face_in_frame


def test_kiosk_without_scanner_or_camera_sections_offers_neither(tmp_path: Path) -> None:
    config = config_with(tmp_path, {})
    assert page_capture(config, FakeClock(DEMO_START)) is None
    assert optional_device(config, FakeClock(DEMO_START), "camera") is None


def test_bad_camera_section_is_logged_and_the_kiosk_goes_on_without_a_camera(
    qapp: object, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = config_with(tmp_path, {"camera": {"driver": "qt", "device": "test:selfie"}})
    assert optional_device(config, FakeClock(DEMO_START), "camera") is None
    assert "[devices.camera]: [devices.camera].device = 'test:selfie'" in caplog.text


def test_composition_hands_the_built_pages_and_camera_to_the_screens(qapp: object, tmp_path: Path) -> None:
    pages = CheckedScanner(SaneScanner(FakeClock(DEMO_START), device="test:0"))  # built, never scanned here
    camera = QtCamera(device="test:empty")
    services = memory_services(tmp_path, pages=pages, camera=camera)
    try:
        assert (services.pages, services.camera) == (pages, camera)
    finally:
        services.close()


def test_camera_self_test_passes_on_the_emulator_saying_what_it_saw(qapp: object) -> None:
    out = io.StringIO()
    assert main(["device", "test", "camera", "--emulator"], out) == 0, out.getvalue()
    assert "ok    face check: one face, 37% of the frame width" in out.getvalue()
    assert "PASS  camera (a frame was decoded; one face found)" in out.getvalue()


def test_camera_self_test_fails_when_the_camera_is_absent(qapp: object) -> None:
    out = io.StringIO()
    assert main(["device", "test", "camera", "--device", "usb-3-no-such-camera"], out) == 1
    assert "FAIL  disconnected: camera usb-3-no-such-camera is not connected" in out.getvalue()


def test_doctor_self_tests_the_configured_camera_unattended(qapp: object) -> None:
    assert self_test("camera", {"driver": "qt", "device": "test:face"}) == (
        True,
        "camera: PASS  camera (a frame was decoded; one face found)",
    )
    passed, seen = self_test("camera", {"driver": "qt", "device": "usb-3-no-such-camera"})
    assert not passed
    assert seen == "camera: FAIL  disconnected: camera usb-3-no-such-camera is not connected"


def test_demo_bench_configures_sanes_test_backend_and_the_cameras_test_face(tmp_path: Path) -> None:
    bench = start_bench(tmp_path, tmp_path / "receipts", FakeClock(DEMO_START))
    try:
        sections = bench.device_sections()
    finally:
        bench.close()
    assert sections["camera"] == {"driver": "qt", "device": "test:face"}
    scanner = sections["scanner"]
    assert (scanner["driver"], scanner["device"]) == ("sane", "test:0")
    assert (Path(str(scanner["sane_config_dir"])) / "dll.conf").read_text(encoding="ascii") == "test\n"
