"""The touch app answers the agent's screenshot request with a picture of the home screen, and with a refusal (no
picture) while the villager types an Aadhaar number."""

from __future__ import annotations

import base64
import json
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from kiosk.clock import FakeClock
from sync.bbps_client import HttpBbps
from sync.client import Client
from sync.screen_channel import ANSWER_KEY, REQUEST_KEY
from tests.fakes.devices import demo_account
from tests.fakes.services import memory_services
from ui import driver
from ui.app import KioskWindow, build_window
from ui.composition import Services


def ask(services: Services, qtbot: QtBot, request: str) -> dict[str, str]:
    with services.store.write("sync") as uow:  # what the agent does (sync/screen_channel.py)
        uow.set_meta(ANSWER_KEY, "")
        uow.set_meta(REQUEST_KEY, json.dumps({"id": request, "at": "2026-11-23T04:30:00Z"}))
    qtbot.waitUntil(lambda: bool(services.store.get_meta(ANSWER_KEY)), timeout=5000)
    answer: dict[str, str] = json.loads(services.store.get_meta(ANSWER_KEY) or "{}")
    return answer


def test_a_screenshot_of_home_is_sent_and_one_of_aadhaar_entry_is_refused(
    kiosk: KioskWindow, services: Services, qtbot: QtBot
) -> None:
    home = ask(services, qtbot, "a1")
    png = base64.b64decode(home["png"])
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert home["screen"] == "home"
    assert "refused" not in home

    w = kiosk.window
    driver.tap(w, "tile_caste-cert")
    driver.type_digits(w, demo_account("202611001"))
    driver.tap(w, "keyOk")
    driver.tap(w, "consentButton")
    driver.type_digits(w, "23456789")
    refused = ask(services, qtbot, "a2")
    assert refused == {"id": "a2", "refused": "refused: journey/enter_aadhaar may show an Aadhaar number, a mobile "
                                              "number or a PIN"}  # fmt: skip


def test_a_screenshot_is_refused_while_a_bill_payment_complaint_is_open_over_the_home_screen(
    qapp: QGuiApplication, qt_warnings: list[str], tmp_path: Path, fake_clock: FakeClock, qtbot: QtBot
) -> None:
    never_called = HttpBbps(
        Client("http://127.0.0.1:9", Ed25519PrivateKey.generate(), "k-none", fake_clock), "AGT-RJ-0001"
    )
    services = memory_services(tmp_path, fake_clock, bbps=never_called)
    kiosk = build_window(services, kiosk_mode=False)
    try:
        driver.tap(kiosk.window, "bbpsComplaintButton")
        assert kiosk.vm.screen == "home"  # the complaint is drawn over home, which alone may be photographed
        refused = ask(services, qtbot, "c1")
        assert refused == {"id": "c1", "refused": "refused: a villager's bill-payment complaint is on screen"}
    finally:
        kiosk.close()
        services.close()
