"""One on-screen keyboard for the whole kiosk (Main.qml): it comes up for any text field that has the focus, types
with its own keys, follows the kiosk's language, never covers the field, and goes away on Cancel and idle."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.clock import FakeClock
from kiosk.money import Money
from kiosk.payments.aadhaar_pay import AadhaarPay, AadhaarPayDetails, Answer
from kiosk.payments.banks import BankDirectory
from tests.fakes.services import memory_services
from tests.kiosk.aeps_bench import SBI, Open
from tests.ui.test_aeps_bank_step import ServerList, shown_bank_names
from tests.ui.test_aeps_screens import step
from tests.ui.test_screens import open_bill
from ui import driver
from ui.app import KioskWindow
from ui.composition import Services


class NoSwitch:
    """These tests stop at the bank step: no finger is ever sent to a switch."""

    def pay(self, txn_id: str, attempt: int, amount: Money, details: AadhaarPayDetails) -> Answer:
        raise AssertionError("nothing may be paid from the bank step")

    def status(self, txn_id: str, amount: Money) -> Answer:
        raise AssertionError("nothing was sent, nothing to ask about")


@pytest.fixture
def services(tmp_path: Path, fake_clock: FakeClock) -> Iterator[Services]:
    banks = BankDirectory(ServerList())
    assert banks.refresh()
    built = memory_services(tmp_path, fake_clock, rails=(AadhaarPay(NoSwitch(), banks, Open()),))
    yield built
    built.close()


def keyboard(window: QQuickWindow) -> QQuickItem:
    return driver.find(window, "keyboard", shown=False)


def keyboard_up(window: QQuickWindow) -> bool:
    driver.polish(window)
    return driver.is_shown(keyboard(window))


def in_sight(window: QQuickWindow, name: str) -> bool:
    """The field's whole box is on screen, below the header and above the keyboard."""
    field = driver.find(window, name)
    top = field.mapToScene(QPointF(0, 0)).y()
    bottom = field.mapToScene(QPointF(0, field.height())).y()
    header = driver.find(window, "header")
    return header.height() <= top and bottom <= keyboard(window).mapToScene(QPointF(0, 0)).y()


def to_the_bank_step(kiosk: KioskWindow) -> None:
    open_bill(kiosk)
    driver.tap(kiosk.window, "payAadhaarPayButton")
    assert step(kiosk) == "choose_bank"


def test_the_bank_search_on_the_journey_is_typed_on_the_hindi_keys_and_the_grid_narrows(kiosk: KioskWindow) -> None:
    w = kiosk.window
    to_the_bank_step(kiosk)
    assert not keyboard_up(w)
    driver.tap(w, "bankSearchField")
    assert keyboard_up(w)
    driver.type_on_keyboard(w, "स्ट")
    assert driver.text_of(w, "bankSearchField") == "स्ट"
    assert shown_bank_names(w) == ["भारतीय स्टेट बैंक"]
    assert in_sight(w, "bankSearchField")
    assert in_sight(w, f"bank_{SBI}")  # the bank it found shows between the field and the keys
    assert in_sight(w, "cancelBankButton")  # and the way out stays in reach
    driver.tap(w, f"bank_{SBI}")
    assert step(kiosk) == "enter_aadhaar"
    assert not keyboard_up(w)


def test_in_large_text_the_bank_field_its_cancel_and_the_bank_found_stay_above_the_keys(kiosk: KioskWindow) -> None:
    w = kiosk.window
    to_the_bank_step(kiosk)
    driver.tap(w, "largeTextButton")
    driver.tap(w, "bankSearchField")
    driver.type_on_keyboard(w, "स्ट")
    assert [in_sight(w, name) for name in ("bankSearchField", "cancelBankButton", f"bank_{SBI}")] == [True] * 3


def is_input_panel(item: QQuickItem) -> bool:
    meta = item.metaObject()
    while meta is not None:
        if meta.className().startswith("InputPanel"):
            return True
        meta = meta.superClass()
    return False


def test_the_whole_window_has_one_keyboard(kiosk: KioskWindow) -> None:
    assert len([i for i in driver.polish(kiosk.window) if is_input_panel(i)]) == 1


def test_cancel_on_the_bank_step_puts_the_keyboard_away(kiosk: KioskWindow) -> None:
    w = kiosk.window
    to_the_bank_step(kiosk)
    driver.tap(w, "bankSearchField")
    assert keyboard_up(w)
    driver.tap(w, "cancelBankButton")
    assert kiosk.vm.property("screen") == "home"
    assert not keyboard_up(w)


def test_the_catalogue_search_is_typed_in_english_letters_when_the_kiosk_speaks_english(kiosk: KioskWindow) -> None:
    w = kiosk.window
    driver.tap(w, "languageButton")
    driver.tap(w, "searchBox")
    driver.tap(w, "searchField")
    assert keyboard_up(w)
    driver.type_on_keyboard(w, "bijli")  # romanised Hindi, as the search accepts it
    assert driver.text_of(w, "searchField") == "bijli"
    assert driver.find(w, "result_jvvnl-bill")
    assert in_sight(w, "searchField")


def test_the_catalogue_search_is_typed_on_the_hindi_keys_in_hindi(kiosk: KioskWindow) -> None:
    w = kiosk.window
    driver.tap(w, "searchBox")
    driver.tap(w, "searchField")
    driver.type_on_keyboard(w, "जल")
    assert driver.text_of(w, "searchField") == "जल"
    assert driver.find(w, "result_phed-water")


def test_typing_on_the_keys_keeps_the_villagers_session_alive(
    kiosk: KioskWindow, services: Services, fake_clock: FakeClock
) -> None:
    w = kiosk.window
    to_the_bank_step(kiosk)
    driver.tap(w, "bankSearchField")
    fake_clock.advance(services.config.rules.idle_timeout_s - 5)
    driver.type_on_keyboard(w, "स")
    fake_clock.advance(10)
    kiosk.vm.tick()
    assert step(kiosk) == "choose_bank"
    assert keyboard_up(w)


def test_the_idle_timeout_puts_the_keyboard_away_with_the_screen(
    kiosk: KioskWindow, services: Services, fake_clock: FakeClock
) -> None:
    w = kiosk.window
    driver.tap(w, "searchBox")
    driver.tap(w, "searchField")
    assert keyboard_up(w)
    fake_clock.advance(services.config.rules.idle_timeout_s + 1)
    kiosk.vm.tick()
    assert kiosk.vm.property("screen") == "home"
    assert not keyboard_up(w)
