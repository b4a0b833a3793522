"""The Done screen of a paid certificate, offscreen: "send to my locker" takes the mobile number and the OTP on the
keypad (a wrong OTP says the tries left), puts the certificate in the locker once, keeps the number and the OTP
out of the log, the store and screenshots; linked but offline, the push waits in the outbox and the screen says so."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.clock import FakeClock
from kiosk.delivery import receipt_token
from kiosk.locker import QUEUED_KIND
from sync.protocol.receipts import parse_token
from tests.fakes.devices import demo_aadhaar, demo_account
from tests.fakes.locker import MemoryLocker
from tests.fakes.services import memory_services
from ui import driver
from ui.app import KioskWindow
from ui.composition import Services

MOBILE = "9876543210"


@pytest.fixture
def locker_port(fake_clock: FakeClock) -> MemoryLocker:
    return MemoryLocker(fake_clock)


@pytest.fixture
def services(tmp_path: Path, fake_clock: FakeClock, locker_port: MemoryLocker) -> Iterator[Services]:
    built = memory_services(tmp_path, fake_clock)
    yield dataclasses.replace(built, locker=locker_port)
    built.close()


def certificate_paid(kiosk: KioskWindow, qtbot: QtBot) -> None:
    w = kiosk.window
    driver.tap(w, "tile_caste-cert")
    driver.type_digits(w, demo_account("202611001"))
    driver.tap(w, "keyOk")
    driver.tap(w, "consentButton")
    driver.type_digits(w, demo_aadhaar())
    driver.tap(w, "keyOk")
    driver.tap(w, "fingerButton")
    driver.tap(w, "payAadhaarButton")
    driver.tap(w, "fingerButton")
    qtbot.waitUntil(lambda: kiosk.vm.journey.step == "done")


def linked_with_the_mobile(kiosk: KioskWindow) -> None:
    w = kiosk.window
    driver.tap(w, "sendToLockerButton")
    driver.type_digits(w, "5")
    assert driver.find(w, "lockerMobileProblemText").isVisible(), "a mobile number cannot start with 5"
    driver.tap(w, "keyBack")
    driver.type_digits(w, MOBILE)
    assert driver.text_of(w, "lockerMobileDisplay") == MOBILE
    driver.tap(w, "keyOk")  # the OTP is asked for off the Qt thread; the tap waits for it


def test_the_certificate_goes_to_the_locker_after_a_wrong_then_right_otp_and_nothing_typed_is_kept(
    kiosk: KioskWindow, services: Services, qtbot: QtBot, locker_port: MemoryLocker, tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    caplog.set_level(logging.DEBUG)
    w = kiosk.window
    certificate_paid(kiosk, qtbot)
    linked_with_the_mobile(kiosk)
    otp = locker_port.phone[-1]
    assert "XXXXXX3210" in driver.text_of(w, "lockerOtpTitle")
    assert kiosk.screenshots is not None
    assert "OTP" in kiosk.screenshots.answer("while-typing")["refused"], "the OTP step is never photographed"
    driver.type_digits(w, f"{(int(otp) + 1) % 10**6:06d}")
    driver.tap(w, "keyOk")
    assert "2" in driver.text_of(w, "lockerOtpProblemText")
    assert driver.find(w, "lockerOtpDisplay", shown=False).property("text") == "", "a wrong OTP is not left on screen"
    driver.type_digits(w, otp)
    driver.tap(w, "keyOk")
    assert "XXXXXX3210" in driver.text_of(w, "lockerResultText")
    assert locker_port.documents == {"XXXXXX3210": [f"in.gov.rajasthan.emitra-CSTCR-{demo_account('202611001')}"]}
    driver.tap(w, "lockerDoneButton")
    assert not driver.find(w, "lockerPanel", shown=False).isVisible()
    logged = caplog.text
    assert MOBILE not in logged
    assert otp not in logged
    services.store.close()
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert MOBILE.encode() not in path.read_bytes(), path


def test_linked_but_offline_the_push_waits_in_the_outbox_without_a_token_and_the_screen_says_so(
    kiosk: KioskWindow, services: Services, qtbot: QtBot, locker_port: MemoryLocker
) -> None:
    locker_port.push_online = False
    certificate_paid(kiosk, qtbot)
    receipt = receipt_token(kiosk.vm.journey._text("qr_text")) or ""
    linked_with_the_mobile(kiosk)
    driver.type_digits(kiosk.window, locker_port.phone[-1])
    driver.tap(kiosk.window, "keyOk")
    assert "ऑनलाइन होने पर" in driver.text_of(kiosk.window, "lockerResultText")  # "when the kiosk is back online"
    conn = sqlite3.connect(services.store.path)
    try:
        queued = [
            json.loads(row[0]) for row in conn.execute("SELECT payload FROM outbox WHERE kind = ?", (QUEUED_KIND,))
        ]
    finally:
        conn.close()
    [link_token] = locker_port._links
    assert len(queued) == 1
    assert receipt
    assert queued[0]["link_id"] == hashlib.sha256(link_token.encode()).hexdigest()
    assert queued[0]["receipt_no"] == parse_token(receipt)[0].receipt_no
    assert link_token not in json.dumps(queued)  # no bearer secret in the outbox
    assert receipt not in json.dumps(queued)
    services.store.close()
    for path in services.store.path.parent.rglob("*"):  # the database, its WAL and anything beside them
        if path.is_file():
            assert link_token.encode() not in path.read_bytes(), path
    assert locker_port.documents == {}


def test_a_server_without_a_locker_is_not_offered_on_the_done_screen(
    kiosk: KioskWindow, qtbot: QtBot, locker_port: MemoryLocker
) -> None:
    locker_port.offer = False  # what the server last said (sync/locker_client.HttpLocker.offered)
    certificate_paid(kiosk, qtbot)
    assert driver.find(kiosk.window, "donePanel").isVisible()
    assert not driver.find(kiosk.window, "sendToLockerButton", shown=False).isVisible()
    kiosk.engine.rootContext().contextProperty("locker").open()  # not even by a stray call
    assert not driver.find(kiosk.window, "lockerPanel", shown=False).isVisible()
