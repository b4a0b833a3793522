"""The app speaks each screen's prompt, repeats it from the speaker button, announces notes with what is left, lets
the villager change volume and speed, forgets all of it when the session ends, and reports a missing device."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.clock import FakeClock
from kiosk.money import Money
from kiosk.prompts import note_accepted, prompt
from tests.fakes.devices import MemoryCashAcceptor, demo_account
from ui import driver
from ui.app import KioskWindow
from ui.audio import AudioStatus
from ui.composition import Services
from ui.viewmodels.access import AccessViewModel


def access_of(kiosk: KioskWindow) -> AccessViewModel:
    assert kiosk.access is not None
    return kiosk.access


def spoken(kiosk: KioskWindow) -> list[str]:
    heard: list[str] = []
    access_of(kiosk).speaker.played.connect(heard.append)
    return heard


def prompt_file(kiosk: KioskWindow, prompt_id: str, language: str) -> str:
    return str(access_of(kiosk).speaker.bundle.path_for(prompt(prompt_id), language))


def test_each_screen_speaks_its_prompt_and_the_speaker_button_repeats_it(kiosk: KioskWindow) -> None:
    heard = spoken(kiosk)
    driver.tap(kiosk.window, "tile_jvvnl-bill")
    assert heard == [prompt_file(kiosk, "screen.enter_number", "hi")], "the new screen speaks once"
    driver.tap(kiosk.window, "speakerButton")
    assert heard[-1] == prompt_file(kiosk, "screen.enter_number", "hi")
    assert len(heard) == 2
    driver.tap(kiosk.window, "languageButton")  # the same prompt, now in English
    assert heard[-1] == prompt_file(kiosk, "screen.enter_number", "en")
    driver.type_digits(kiosk.window, "12345")
    driver.tap(kiosk.window, "keyOk")  # a problem says what to do
    assert heard[-1] == prompt_file(kiosk, "problem.length", "en")


def test_a_credited_note_is_announced_with_what_is_still_due(
    kiosk: KioskWindow, services: Services, qtbot: QtBot
) -> None:
    heard = spoken(kiosk)
    driver.tap(kiosk.window, "tile_jvvnl-bill")
    driver.type_digits(kiosk.window, demo_account("21041234567"))
    driver.tap(kiosk.window, "keyOk")
    driver.tap(kiosk.window, "payCashButton")
    cash = services.devices.cash
    assert isinstance(cash, MemoryCashAcceptor)
    cash.insert(100)  # the demo bill is ₹350
    sentence = note_accepted(Money.rupees(100), Money.rupees(250), "hi")
    assert sentence == "सौ रुपये जमा हुए, बाकी दो सौ पचास रुपये"
    expected = str(access_of(kiosk).speaker.bundle.said_path(sentence, "hi"))
    qtbot.waitUntil(lambda: expected in heard, timeout=10000)
    assert Path(expected).stat().st_size > 1000, "the sentence was synthesised to a real file"
    for note in (200, 50):
        cash.insert(note)
    driver.settle()  # the receipt prints off the Qt thread (ui/worker.py); Done is spoken when it lands
    assert heard[-1] == prompt_file(kiosk, "state.receipt_printing", "hi")
    qtbot.wait(300)  # a late synthesis never talks over the newer prompt
    assert heard[-1] == prompt_file(kiosk, "state.receipt_printing", "hi")


def test_volume_speed_and_modes_last_for_the_session_only(
    kiosk: KioskWindow, services: Services, fake_clock: FakeClock
) -> None:
    access = access_of(kiosk)
    defaults = services.config.accessibility
    driver.tap(kiosk.window, "tile_jvvnl-bill")
    driver.tap(kiosk.window, "soundSettingsButton")
    driver.tap(kiosk.window, "louderButton")
    driver.tap(kiosk.window, "rate_slow")
    assert access.speaker.volume == min(100, defaults.volume + 20)
    assert access.speaker.bundle.rate == "slow"
    assert driver.text_of(kiosk.window, "volumeText") == "100%"
    driver.tap(kiosk.window, "speechToggleButton")
    assert not access.speaker.enabled
    driver.tap(kiosk.window, "closeSoundButton")
    driver.tap(kiosk.window, "largeTextButton")
    driver.tap(kiosk.window, "contrastButton")
    assert access.largeText
    assert access.highContrast
    fake_clock.advance(services.config.rules.idle_timeout_s + 1)
    kiosk.vm.tick()
    assert kiosk.vm.screen == "home"
    assert not access.largeText
    assert not access.highContrast
    assert (access.speaker.volume, access.speaker.bundle.rate, access.speaker.enabled) == (
        defaults.volume, defaults.rate, defaults.speech
    )  # fmt: skip


def test_without_an_audio_device_the_kiosk_works_silently_and_reports_it(
    kiosk: KioskWindow, services: Services
) -> None:
    access = access_of(kiosk)
    access.speaker.has_output = lambda: False
    driver.tap(kiosk.window, "speakerButton")
    assert access.speaker.status is AudioStatus.NO_DEVICE
    statuses = json.loads(services.store.get_meta("device_status") or "{}")
    assert statuses["audio"] == "no_audio_device"
    driver.tap(kiosk.window, "soundSettingsButton")
    assert (
        "loudspeaker" in driver.text_of(kiosk.window, "audioProblemText")
        or driver.find(kiosk.window, "audioProblemText").isVisible()
    )
    driver.tap(kiosk.window, "closeSoundButton")
    driver.tap(kiosk.window, "tile_jvvnl-bill")  # the journey goes on
    assert kiosk.vm.screen == "journey"
