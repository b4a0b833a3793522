"""The grievance screen against the real reference server (Hindi first): department, category, the description on
the keyboard, the mobile on the keypad (masked once entered), a photo, the number on screen and on the slip; then the
same grievance looked up by its number; no screenshot of the screen for an officer meanwhile."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.clock import FakeClock
from kiosk.screen_privacy import screenshot_refusal
from tests.fakes.capture_grievance import MemoryVault, ShotCamera
from tests.fakes.devices import MemoryPrinter
from tests.fakes.services import memory_services
from tests.sync.grievance_rig import desk_of, placed_kiosk
from tests.sync.harness import ServerProcess
from ui import driver
from ui.app import KioskWindow
from ui.composition import Services


@pytest.fixture(scope="module")
def server(grievance_server: ServerProcess) -> ServerProcess:
    return grievance_server  # shared by the grievance tests (tests/conftest.py, tests/sync/grievance_rig.py)


@pytest.fixture
def services(tmp_path: Path, fake_clock: FakeClock, server: ServerProcess) -> Iterator[Services]:
    desk = desk_of(placed_kiosk(server, "RJ-JP-GRV-UI01", "Jaipur", "Chaksu"))
    built = memory_services(tmp_path, fake_clock, grievances=desk)
    built = dataclasses.replace(built, camera=ShotCamera(b"handpump-photo"), vault=MemoryVault())
    yield built
    built.close()


def test_a_grievance_registered_on_screen_shows_its_number_and_is_then_found_by_it(
    kiosk: KioskWindow, services: Services, tmp_path: Path
) -> None:
    w = kiosk.window
    shots = Path(os.environ.get("KIOSK_SHOTS", tmp_path)) / "grievance"
    kiosk.vm.openService("sampark-grievance")
    assert kiosk.vm.screen == "grievance"
    assert screenshot_refusal(kiosk.vm.screen, None, phone_panel_open=False) is not None
    driver.tap(w, "grievanceRegister")
    assert driver.text_of(w, "grievanceChoice_phed") == "जलदाय विभाग (पानी)"
    kiosk.vm.setLanguage("en")
    assert driver.text_of(w, "grievanceChoice_phed") == "Water supply (PHED)"
    kiosk.vm.setLanguage("hi")
    driver.tap(w, "grievanceChoice_phed")
    driver.tap(w, "grievanceChoice_no_water")
    driver.type_text(w, "grievanceText", "handpump broken")
    driver.grab(w, shots / "1-description.png")
    assert driver.is_shown(driver.find(w, "keyboard"))  # Main.qml's one keyboard came up for the description
    driver.tap(w, "grievanceTextNext")
    driver.polish(w)
    assert not driver.is_shown(driver.find(w, "keyboard", shown=False))  # gone with the field
    driver.type_digits(w, "9829012345")
    driver.tap(w, "keyOk")
    driver.tap(w, "grievancePhoto")
    assert driver.text_of(w, "grievanceAttachments") == "जोड़े गए: 1"
    driver.tap(w, "grievanceAttachNext")
    assert driver.text_of(w, "grievanceMobileMasked") == "मोबाइल: XXXXXX2345"
    driver.tap(w, "grievanceConfirm")
    reference = driver.text_of(w, "grievanceReference")
    assert reference.startswith("शिकायत संख्या: RJ")
    driver.grab(w, shots / "2-registered.png")
    printer = services.devices.printer
    assert isinstance(printer, MemoryPrinter)
    assert any(job.startswith("grievance-") for job in printer.jobs)
    driver.tap(w, "grievanceDone")
    assert kiosk.vm.screen == "home"
    number = reference.rsplit(" ", 1)[-1]
    kiosk.vm.openService("sampark-grievance")
    driver.tap(w, "grievanceByNumber")
    driver.type_digits(w, number[2:])
    driver.tap(w, "keyOk")
    assert driver.text_of(w, "grievanceShownStatus") == "स्थिति: लंबित"
    assert "Water supply (PHED) office, Jaipur" in driver.text_of(w, "grievancePendingWith")
    driver.grab(w, shots / "3-status.png")
    kiosk.vm.goHome()
    assert kiosk.vm.grievance.flow is None  # nothing the villager typed stays behind


def test_a_camera_gone_after_its_photo_is_no_longer_offered_for_a_grievance(kiosk: KioskWindow) -> None:
    w = kiosk.window
    kiosk.vm.openService("sampark-grievance")
    driver.tap(w, "grievanceRegister")
    driver.tap(w, "grievanceChoice_phed")
    driver.tap(w, "grievanceChoice_no_water")
    driver.type_text(w, "grievanceText", "handpump broken")
    driver.tap(w, "grievanceTextNext")
    driver.type_digits(w, "9829012345")
    driver.tap(w, "keyOk")
    driver.tap(w, "grievancePhoto")  # the camera's one photo: then it is unplugged (ShotCamera)
    driver.polish(w)
    assert not driver.is_shown(driver.find(w, "grievancePhoto", shown=False))
    assert driver.text_of(w, "grievanceAttachments") == "जोड़े गए: 1"
