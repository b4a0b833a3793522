"""Aadhaar Pay on the villager's screen: the button on the choice screen, the bank step, the Aadhaar keypad, the
finger — memory cash and printer, the RD service emulator's real PidData, and the real reference server process."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.clock import FakeClock
from kiosk.devices.locator import Fix
from kiosk.transactions import TxnState
from tests.fakes.devices import MemoryLocator
from tests.fakes.services import memory_services
from tests.kiosk import aeps_bench
from tests.kiosk.aeps_bench import PAYS, SBI, UID_OF, Bench
from tests.kiosk.flows.test_rail_payment import printed_text
from tests.ui.test_screens import open_bill
from ui import driver
from ui.app import KioskWindow
from ui.composition import Services

bench = aeps_bench.bench  # the shared module fixture
KIOSK_FIX = Fix(26.9124, 75.7873, 8.0, "gps", datetime(2026, 12, 1, 4, 0, tzinfo=UTC))


@pytest.fixture
def services(tmp_path: Path, fake_clock: FakeClock, bench: Bench) -> Iterator[Services]:
    built = memory_services(
        tmp_path, fake_clock, rails=(bench.rail(),), finger=bench.reader, locator=MemoryLocator(KIOSK_FIX)
    )
    yield built
    built.close()


def step(kiosk: KioskWindow) -> str:
    journey = kiosk.vm.journey.journey
    return journey.step.value if journey is not None else ""


def to_the_finger(kiosk: KioskWindow, qtbot: QtBot, uid: str) -> None:
    open_bill(kiosk)
    qtbot.waitUntil(lambda: step(kiosk) == "choose_payment", timeout=5000)
    driver.tap(kiosk.window, "payAadhaarPayButton")
    qtbot.waitUntil(lambda: step(kiosk) == "choose_bank", timeout=5000)
    driver.settle()
    kiosk.vm.journey.aeps.bankChoice.setQuery("स्टेट")  # what the villager types on the Hindi keyboard
    driver.settle()
    driver.tap(kiosk.window, f"bank_{SBI}")
    qtbot.waitUntil(lambda: step(kiosk) == "enter_aadhaar", timeout=5000)
    driver.type_digits(kiosk.window, uid.replace(" ", ""))
    driver.tap(kiosk.window, "keyOk")
    qtbot.waitUntil(lambda: step(kiosk) == "aeps_finger", timeout=5000)
    driver.settle()


def test_a_bill_paid_by_aadhaar_pay_on_screen_prints_the_rrn_and_sends_the_kiosks_position(
    kiosk: KioskWindow, services: Services, qtbot: QtBot, bench: Bench
) -> None:
    to_the_finger(kiosk, qtbot, PAYS)
    driver.tap(kiosk.window, "fingerButton")
    qtbot.waitUntil(lambda: step(kiosk) in ("done", ""), timeout=10000)
    (row,) = services.ledger.store.read("SELECT id FROM transactions")
    txn = services.ledger.get(row["id"])
    assert txn.state is TxnState.COMPLETED
    assert len(txn.payment_ref) == 12
    assert f"RRN: {txn.payment_ref}" in printed_text(services.devices.printer)
    with sqlite3.connect(bench.server_db) as server_db:  # the signed request carried the kiosk's GPS position
        where = server_db.execute(
            "SELECT latitude, longitude FROM aeps_payments WHERE txn_ref = ?", (txn.id,)
        ).fetchone()
    assert where == (KIOSK_FIX.latitude, KIOSK_FIX.longitude)


def test_a_mismatch_shows_the_banks_advice_and_the_second_finger_pays(
    kiosk: KioskWindow, services: Services, qtbot: QtBot
) -> None:
    to_the_finger(kiosk, qtbot, UID_OF["300-once"])
    driver.tap(kiosk.window, "fingerButton")
    qtbot.waitUntil(lambda: kiosk.vm.journey.aeps.advice != "", timeout=10000)
    driver.settle()
    assert step(kiosk) == "aeps_finger"
    assert driver.text_of(kiosk.window, "problemTextFinger") == kiosk.vm.journey.aeps.advice
    driver.tap(kiosk.window, "fingerButton")
    qtbot.waitUntil(lambda: step(kiosk) in ("done", ""), timeout=10000)
    (row,) = services.ledger.store.read("SELECT state, payment_ref FROM transactions")
    assert row["state"] == TxnState.COMPLETED.value
    assert f"RRN: {row['payment_ref']}" in printed_text(services.devices.printer)


def test_no_aadhaar_pay_button_before_the_operators_login(kiosk: KioskWindow, services: Services, qtbot: QtBot) -> None:
    class Closed:
        def done_today(self) -> bool:
            return False

    rail = services.rails[0]
    rail.gate = Closed()  # type: ignore[attr-defined]
    open_bill(kiosk)
    qtbot.waitUntil(lambda: step(kiosk) == "choose_payment", timeout=5000)
    driver.settle()
    with pytest.raises(driver.ItemNotFound):
        driver.find(kiosk.window, "payAadhaarPayButton")


def test_cancel_on_the_bank_step_goes_home_and_takes_nothing(
    kiosk: KioskWindow, services: Services, qtbot: QtBot
) -> None:
    open_bill(kiosk)
    qtbot.waitUntil(lambda: step(kiosk) == "choose_payment", timeout=5000)
    driver.tap(kiosk.window, "payAadhaarPayButton")
    qtbot.waitUntil(lambda: step(kiosk) == "choose_bank", timeout=5000)
    driver.settle()
    driver.tap(kiosk.window, "cancelBankButton")
    qtbot.waitUntil(lambda: step(kiosk) == "", timeout=5000)
    assert services.ledger.store.read("SELECT state FROM transactions") == []  # nothing opened, nothing to hold


def test_cancel_on_the_finger_step_before_any_try_goes_home_and_takes_nothing(
    kiosk: KioskWindow, services: Services, qtbot: QtBot
) -> None:
    to_the_finger(kiosk, qtbot, PAYS)
    driver.tap(kiosk.window, "cancelFingerButton")
    qtbot.waitUntil(lambda: step(kiosk) == "", timeout=5000)
    assert [r["state"] for r in services.ledger.store.read("SELECT state FROM transactions")] == []
