"""The card screens: the card button on the choice screen, the terminal's prompt instead of a QR, paid → receipt."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.clock import FakeClock, SystemClock
from kiosk.config import parse_config
from kiosk.payments.port import PaymentRequest, Rail, Started
from tests.fakes.services import memory_services
from tests.kiosk.flows.rail_fakes import MemoryRail
from tests.ui.test_screens import open_bill
from ui import driver
from ui.app import KioskWindow
from ui.composition import Services
from ui.demo_config import demo_config_document
from ui.rails import card_rail

CARD_PROMPT = ("card machine", "कार्ड मशीन")  # the insert prompt, in English or Hindi


class MemoryCard(MemoryRail):
    """The memory rail as a card terminal: no QR, a prompt for the machine beside the screen."""

    def start(self, request: PaymentRequest) -> Started:
        started = super().start(request)
        return Started(started.txn_id, started.amount, started.expires_at, prompt="card.insert")


@pytest.fixture
def services(tmp_path: Path, fake_clock: FakeClock) -> Iterator[Services]:
    built = memory_services(tmp_path, fake_clock, rails=(MemoryCard(SystemClock(), rail=Rail.CARD),))
    yield built
    built.close()


def step(kiosk: KioskWindow) -> str:
    journey = kiosk.vm.journey.journey
    return journey.step.value if journey is not None else ""


def pay_by_card_on_screen(kiosk: KioskWindow, qtbot: QtBot) -> str:
    """Open a bill, tap the card button, and return the waiting screen's prompt text."""
    open_bill(kiosk)
    driver.tap(kiosk.window, "payCardButton")
    qtbot.waitUntil(lambda: step(kiosk) == "rail_wait", timeout=5000)
    driver.settle()
    with pytest.raises(driver.ItemNotFound):  # no QR: the card goes into the terminal, not a phone
        driver.find(kiosk.window, "railQrImage")
    return driver.text_of(kiosk.window, "railCardPromptText")


def test_card_button_asks_for_the_card_on_the_terminal_and_payment_prints_the_receipt(
    kiosk: KioskWindow, services: Services, qtbot: QtBot
) -> None:
    rail = services.rails[0]
    assert isinstance(rail, MemoryCard)
    prompt = pay_by_card_on_screen(kiosk, qtbot)
    assert any(words in prompt for words in CARD_PROMPT), prompt
    assert "350" in prompt  # the amount the terminal will take, as the villager sees it
    txn = kiosk.vm.journey.journey.payment.txn  # type: ignore[union-attr]
    assert txn is not None
    rail.pay(txn.id)
    qtbot.waitUntil(lambda: step(kiosk) in ("done", ""), timeout=5000)
    assert services.ledger.get(txn.id).payment_ref == rail.taken[txn.id]


def test_a_card_rail_that_is_down_has_no_card_button(kiosk: KioskWindow, services: Services) -> None:
    rail = services.rails[0]
    assert isinstance(rail, MemoryCard)
    rail.up = False
    open_bill(kiosk)
    driver.settle()
    with pytest.raises(driver.ItemNotFound):
        driver.find(kiosk.window, "payCardButton")


def test_the_card_rail_is_built_from_the_config_only_with_a_payment_terminal(tmp_path: Path) -> None:
    document = demo_config_document(tmp_path)
    document["payments"] = {"rails": ["card"]}
    assert card_rail(parse_config(document), SystemClock()) is None  # no [devices.payment_terminal]
    document["devices"] = {"payment_terminal": {"driver": "ecr_json", "port": "http://127.0.0.1:9"}}
    document["payments"] = {"rails": []}
    assert card_rail(parse_config(document), SystemClock()) is None  # the terminal is there, the rail not named
