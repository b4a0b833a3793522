"""Operator mode's Aadhaar Pay login page, offscreen: PIN, the operator's own number, then the finger captured off the
Qt thread by the RD service emulator and matched by the real reference server process — and its refusals."""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtQuick import QQuickWindow
from pytestqt.qtbot import QtBot

from drivers.biometric.rdservice.driver import RdServiceReader
from drivers.biometric.rdservice.emulator import RdServiceEmulator
from kiosk.clock import FakeClock
from kiosk.operator import OperatorAuth
from kiosk.payments.aadhaar_pay import AadhaarPay
from kiosk.payments.operator_2fa import FAILED, PASSED, OperatorTwoFactor
from tests.fakes.services import memory_services
from tests.kiosk import aeps_bench
from tests.kiosk.aeps_bench import PAYS, UID_OF, Bench
from ui import driver
from ui.app import KioskWindow
from ui.composition import Services

bench = aeps_bench.bench  # the shared module fixture
PIN = "271828"


@pytest.fixture
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chosen = os.environ.get("KIOSK_SHOTS")  # somewhere to look at them; by default pytest's temporary folder
    return Path(chosen) / "operator" if chosen else tmp_path_factory.mktemp("aadhaar-login-screens")


@pytest.fixture(scope="module")
def device() -> Iterator[RdServiceEmulator]:
    """The operator's reader: its own RD service emulator, whose capture can be made to take a while."""
    emulator = RdServiceEmulator(FakeClock()).start()
    yield emulator
    emulator.stop()


@pytest.fixture
def services(tmp_path: Path, fake_clock: FakeClock, bench: Bench, device: RdServiceEmulator) -> Iterator[Services]:
    """Memory cash and printer; the RD service emulator as the reader; Aadhaar Pay gated by the real 2FA login."""
    reader = RdServiceReader(FakeClock(), ports=(device.port,), try_https=False)
    built = memory_services(tmp_path, fake_clock, finger=reader)
    gate = OperatorTwoFactor(built.store, OperatorAuth(built.store), bench.switch)
    OperatorAuth(built.store).add("op-1", "Sunita Meena", PIN, by="engineer")
    yield dataclasses.replace(built, rails=(AadhaarPay(bench.switch, bench.banks, gate),))
    built.close()


def sign_in(kiosk: KioskWindow, clock: FakeClock) -> None:
    driver.hold(kiosk.window, "logoArea", lambda: clock.advance(3.2))
    driver.type_digits(kiosk.window, PIN)
    driver.tap(kiosk.window, "keyOk")


def open_login_page(kiosk: KioskWindow, clock: FakeClock) -> None:
    sign_in(kiosk, clock)
    driver.tap(kiosk.window, "menuAadhaarLogin")


def type_pin_and_number(kiosk: KioskWindow, pin: str, number: str) -> None:
    driver.type_digits(kiosk.window, pin)
    driver.tap(kiosk.window, "keyOk")
    driver.type_digits(kiosk.window, number.replace(" ", ""))
    driver.tap(kiosk.window, "keyOk")


def shown(window: QQuickWindow, name: str) -> bool:
    """On screen now, without waiting for the slow work (driver.find would)."""
    return any(i.objectName() == name and driver.is_shown(i) for i in driver.all_items(window.contentItem()))


def journal(services: Services) -> list[str]:
    rows = services.store.read("SELECT action FROM journal WHERE action LIKE 'operator.two_factor%' ORDER BY id")
    return [r["action"] for r in rows]


@pytest.mark.parametrize("language", ["hi", "en"])
def test_the_operator_logs_in_for_aadhaar_pay_on_screen_and_the_menu_says_done_then_expired_next_day(
    kiosk: KioskWindow, services: Services, fake_clock: FakeClock, qtbot: QtBot, language: str, shots: Path,
    device: RdServiceEmulator,
) -> None:  # fmt: skip
    w = kiosk.window
    if language == "en":
        driver.tap(w, "languageButton")
    open_login_page(kiosk, fake_clock)
    driver.tap(w, "operatorMenuButton")
    not_yet = driver.text_of(w, "menuAadhaarLogin")
    driver.tap(w, "menuAadhaarLogin")
    driver.type_digits(w, PIN)
    driver.tap(w, "keyOk")
    digits = PAYS.replace(" ", "")
    driver.type_digits(w, digits)
    assert driver.text_of(w, "aadhaarLoginNumber") == f"•••• •••• {digits[-4:]}"  # the number is not on screen
    driver.tap(w, "keyOk")
    device.capture_delay_s = 0.8  # the operator's finger takes a moment on the reader
    try:
        driver.tap(w, "aadhaarLoginFingerButton", wait_for_work=False)
        assert kiosk.vm.operator.aadhaarLogin["waiting"]
        qtbot.waitUntil(lambda: shown(w, "aadhaarLoginSpinner"), timeout=2000)  # the Qt thread draws meanwhile
        assert not shown(w, "aadhaarLoginFingerButton")
        shots.mkdir(parents=True, exist_ok=True)
        assert w.grabWindow().save(str(shots / f"{language}-aadhaar-login-waiting.png"))
    finally:
        device.capture_delay_s = 0.0
    qtbot.waitUntil(lambda: kiosk.vm.operator.aadhaarLogin["phase"] == "done", timeout=10000)
    driver.settle()
    assert ("23-11-2026" in driver.text_of(w, "aadhaarLoginMessageText")) is True
    driver.grab(w, shots / f"{language}-aadhaar-login-done.png")
    assert journal(services) == [PASSED]
    assert services.rails[0].available()  # the rail is offered to villagers now
    driver.tap(w, "operatorMenuButton")
    done = driver.text_of(w, "menuAadhaarLogin")
    driver.grab(w, shots / f"{language}-menu-aadhaar-login-done.png")
    driver.tap(w, "signOutButton")
    fake_clock.advance(24 * 3600)  # the next day, signed in again
    sign_in(kiosk, fake_clock)
    expired = driver.text_of(w, "menuAadhaarLogin")
    assert len({not_yet, done, expired}) == 3, (not_yet, done, expired)
    if language == "hi":
        assert (not_yet, done, expired) == (
            "आधार पे लॉगिन: अभी नहीं हुआ", "आधार पे लॉगिन: आज हो गया", "आधार पे लॉगिन: समाप्त, फिर से लॉगिन करें"
        )  # fmt: skip
    assert not services.rails[0].available()


def test_a_wrong_pin_is_refused_before_the_finger_and_nothing_goes_to_the_server(
    kiosk: KioskWindow, services: Services, fake_clock: FakeClock, bench: Bench, device: RdServiceEmulator
) -> None:
    w = kiosk.window
    open_login_page(kiosk, fake_clock)
    sent, captures = len(bench.proxy.history), device.captures
    type_pin_and_number(kiosk, "000000", PAYS)
    driver.tap(w, "aadhaarLoginFingerButton")
    assert kiosk.vm.operator.aadhaarLogin["phase"] == "pin"
    assert kiosk.vm.operator.aadhaarLogin["message"] == {"code": "wrong_pin", "args": ["4"]}  # tries left
    assert "4" in driver.text_of(w, "aadhaarLoginMessageText")
    assert (len(bench.proxy.history), device.captures) == (sent, captures)  # no finger read, nothing sent
    assert journal(services) == []


def test_a_mistyped_number_is_refused_on_the_keypad(kiosk: KioskWindow, fake_clock: FakeClock) -> None:
    open_login_page(kiosk, fake_clock)
    type_pin_and_number(kiosk, PIN, "123456789012")
    assert kiosk.vm.operator.aadhaarLogin["phase"] == "aadhaar"
    assert kiosk.vm.operator.aadhaarLogin["message"]["code"] == "aadhaar_invalid"
    assert driver.text_of(kiosk.window, "aadhaarLoginMessageText") != ""


def test_a_finger_mismatch_then_an_unreachable_server_each_say_what_to_do_and_the_finger_can_be_tried_again(
    kiosk: KioskWindow, services: Services, fake_clock: FakeClock, bench: Bench, shots: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    caplog.set_level(logging.DEBUG)
    w = kiosk.window
    driver.tap(w, "languageButton")
    open_login_page(kiosk, fake_clock)
    type_pin_and_number(kiosk, PIN, UID_OF["300"])
    driver.tap(w, "aadhaarLoginFingerButton")
    assert "another finger" in driver.text_of(w, "aadhaarLoginMessageText")
    driver.grab(w, shots / "en-aadhaar-login-mismatch.png")
    bench.proxy.rates = {"drop": 1.0}
    try:
        driver.tap(w, "aadhaarLoginFingerButton")  # the same PIN and number, the finger again
    finally:
        bench.proxy.rates = {}
    assert "did not answer" in driver.text_of(w, "aadhaarLoginMessageText")
    assert kiosk.vm.operator.aadhaarLogin["phase"] == "finger"
    assert journal(services) == [FAILED, FAILED]
    kept = " ".join(r["details"] for r in services.store.read("SELECT details FROM journal")) + caplog.text
    assert UID_OF["300"].replace(" ", "") not in kept  # journal and log: the masked number only
    assert "PidData" not in kept  # the PID block is never kept
    assert "<Data" not in kept
