"""The card rail on screen with the real ECR-JSON driver, built from the config, against the terminal emulator."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from drivers.payment_terminal.emulator import TerminalEmulator
from kiosk.clock import FakeClock
from kiosk.config import parse_config
from kiosk.transactions import TxnState
from tests.fakes.services import memory_services
from tests.ui.test_card_screens import CARD_PROMPT, pay_by_card_on_screen, step
from ui import driver
from ui.app import KioskWindow
from ui.composition import Services
from ui.demo_config import demo_config_document
from ui.rails import card_rail


@pytest.fixture
def terminal() -> Iterator[TerminalEmulator]:
    with TerminalEmulator() as emulator:
        yield emulator


@pytest.fixture
def services(tmp_path: Path, fake_clock: FakeClock, terminal: TerminalEmulator, qtbot: QtBot) -> Iterator[Services]:
    document = demo_config_document(tmp_path)
    document["payments"] = {"rails": ["card"]}
    document["devices"] = {
        "payment_terminal": {"driver": "ecr_json", "port": terminal.address, "watch_interval_s": 0.2}
    }
    rail = card_rail(parse_config(document), fake_clock)  # the kiosk's clock may be frozen (the headless demo)
    assert rail is not None
    built = memory_services(tmp_path, fake_clock, rails=(rail,))
    qtbot.waitUntil(rail.available, timeout=5000)  # the driver's watch has seen the terminal idle and online
    yield built
    built.close()


def card_prompt(kiosk: KioskWindow) -> str:
    driver.settle()
    return driver.text_of(kiosk.window, "railCardPromptText")


def test_the_screen_follows_the_terminal_and_a_card_paid_on_it_commits_the_payment_with_its_rrn(
    kiosk: KioskWindow, services: Services, terminal: TerminalEmulator, qtbot: QtBot
) -> None:
    prompt = pay_by_card_on_screen(kiosk, qtbot)
    assert any(words in prompt for words in CARD_PROMPT), prompt
    assert driver.text_of(kiosk.window, "railCountdownText").endswith(("2:00", "1:59"))  # real seconds to pay
    txn = kiosk.vm.journey.journey.payment.txn  # type: ignore[union-attr]
    assert txn is not None
    terminal.insert_card()
    qtbot.waitUntil(lambda: "PIN" in card_prompt(kiosk) or "पिन" in card_prompt(kiosk), timeout=5000)
    terminal.hold_authorisation = True
    terminal.enter_pin()
    qtbot.waitUntil(lambda: "bank is checking" in card_prompt(kiosk) or "जाँच" in card_prompt(kiosk), timeout=5000)
    terminal.bank_answers("00")
    qtbot.waitUntil(lambda: step(kiosk) in ("done", ""), timeout=8000)
    paid = services.ledger.get(txn.id)
    assert paid.state is TxnState.COMPLETED  # paid, and the receipt printed
    assert paid.payment_ref == terminal.sales[txn.id].rrn
