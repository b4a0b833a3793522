"""The UPI screens: the button on the choice screen, the QR with its countdown, paid → receipt, lapsed → new QR."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickItem
from pytestqt.qtbot import QtBot

from kiosk.clock import FakeClock, SystemClock
from kiosk.money import Money
from kiosk.payments.port import Outcome, RailResult
from kiosk.transactions import PaymentMode, TxnState
from tests.fakes.services import memory_services
from tests.kiosk.flows.rail_fakes import MemoryRail
from tests.ui.test_screens import open_bill
from ui import driver
from ui.app import KioskWindow, build_window
from ui.composition import Services


@pytest.fixture
def services(tmp_path: Path, fake_clock: FakeClock) -> Iterator[Services]:
    """The memory kiosk with UPI configured: a rail in memory behind the port."""
    rail = MemoryRail(SystemClock())  # the QR's expiry is real time, as the server's is
    built = memory_services(tmp_path, fake_clock, rails=(rail,))
    yield built
    built.close()


def upi(services: Services) -> MemoryRail:
    rail = services.rails[0]
    assert isinstance(rail, MemoryRail)
    return rail


def step(kiosk: KioskWindow) -> str:
    journey = kiosk.vm.journey.journey
    return journey.step.value if journey is not None else ""


def test_upi_button_shows_a_qr_with_a_countdown_and_payment_prints_the_receipt(
    kiosk: KioskWindow, services: Services, qtbot: QtBot, tmp_path: Path
) -> None:
    rail = upi(services)
    open_bill(kiosk)
    driver.tap(kiosk.window, "payUpiButton")
    qtbot.waitUntil(lambda: step(kiosk) == "rail_wait", timeout=5000)
    driver.settle()
    qr = driver.find(kiosk.window, "railQrImage")
    assert isinstance(qr, QQuickItem)
    assert qr.property("source").toString().startswith("image://qr/upi%3A%2F%2Fpay")
    assert driver.text_of(kiosk.window, "railCountdownText").endswith(("2:00", "1:59"))
    txn = kiosk.vm.journey.journey.payment.txn  # type: ignore[union-attr]
    assert txn is not None
    rail.pay(txn.id)
    qtbot.waitUntil(lambda: step(kiosk) in ("done", ""), timeout=5000)
    assert services.ledger.get(txn.id).payment_ref == rail.taken[txn.id]


def test_a_lapsed_qr_offers_a_new_qr_or_another_way(kiosk: KioskWindow, services: Services, qtbot: QtBot) -> None:
    rail = upi(services)
    open_bill(kiosk)
    driver.tap(kiosk.window, "payUpiButton")
    qtbot.waitUntil(lambda: step(kiosk) == "rail_wait", timeout=5000)
    rail.poll_says.append(RailResult(Outcome.EXPIRED))
    qtbot.waitUntil(lambda: step(kiosk) == "rail_retry", timeout=5000)
    driver.settle()
    assert "Nothing has been charged" in driver.text_of(kiosk.window, "railRetryText") or "कोई पैसा नहीं कटा" in (
        driver.text_of(kiosk.window, "railRetryText"))  # fmt: skip
    driver.tap(kiosk.window, "railNewQrButton")
    qtbot.waitUntil(lambda: step(kiosk) == "rail_wait" and rail.calls.count("start 2") == 1, timeout=5000)
    rail.poll_says.append(RailResult(Outcome.EXPIRED))
    qtbot.waitUntil(lambda: step(kiosk) == "rail_retry", timeout=5000)
    driver.settle()
    driver.tap(kiosk.window, "railOtherMethodButton")
    qtbot.waitUntil(lambda: step(kiosk) == "choose_payment", timeout=5000)
    driver.settle()
    assert driver.find(kiosk.window, "payCashButton") is not None


def test_a_rail_that_is_down_has_no_button(kiosk: KioskWindow, services: Services) -> None:
    rail = upi(services)
    rail.up = False
    open_bill(kiosk)
    driver.settle()
    assert driver.find(kiosk.window, "payCashButton") is not None
    try:
        driver.find(kiosk.window, "payUpiButton")
    except driver.ItemNotFound:
        return
    raise AssertionError("UPI is offered while it is down")


def test_a_rail_payment_left_open_by_a_crash_is_settled_by_reference_when_the_app_starts(
    qapp: QGuiApplication, services: Services, qtbot: QtBot
) -> None:
    rail = upi(services)
    txn = services.ledger.create(service_id="jvvnl-bill", service_name_hi="बिल", service_name_en="Bill",
                                 reference="1", amount_due=Money.rupees(350))  # fmt: skip
    services.ledger.await_payment(txn.id, PaymentMode.UPI)
    rail.attempts[txn.id] = 1
    rail.expires[txn.id] = SystemClock().now() + timedelta(minutes=2)
    rail.pay(txn.id)  # paid on the phone while the kiosk was down
    window = build_window(services, kiosk_mode=False)
    try:
        qtbot.waitUntil(lambda: services.ledger.get(txn.id).state is TxnState.PAID, timeout=5000)
        assert services.ledger.get(txn.id).payment_ref == rail.taken[txn.id]
    finally:
        window.close()
