"""The touch app answers the agent's screenshot request with a picture of the home screen, and with a refusal (no
picture) while the villager types an Aadhaar number."""

from __future__ import annotations

import base64
import json

from pytestqt.qtbot import QtBot

from sync.screen_channel import ANSWER_KEY, REQUEST_KEY
from tests.fakes.devices import demo_account
from ui import driver
from ui.app import KioskWindow
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
