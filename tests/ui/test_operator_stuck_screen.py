"""Operator mode on screen: a payment still open after the start (an Aadhaar answer that never came) is closed
from its own page with a chosen reason, in Hindi; the close is then no longer refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.clock import FakeClock
from kiosk.money import Money
from kiosk.operator import OperatorAuth
from kiosk.transactions import PaymentMode, TxnState
from tests.ui.test_operator_screens import PIN, sign_in
from ui import driver
from ui.app import KioskWindow
from ui.composition import Services


@pytest.fixture
def operator(services: Services) -> str:
    OperatorAuth(services.store).add("op-1", "Sunita Meena", PIN, by="engineer")
    return "op-1"


def test_a_stuck_payment_is_closed_from_its_page_with_a_reason(
    kiosk: KioskWindow,
    fake_clock: FakeClock,
    services: Services,
    operator: str,
    tmp_path: Path,
) -> None:
    w = kiosk.window
    txn = services.ledger.create(
        service_id="jvvnl-bill", service_name_hi="बिजली बिल", service_name_en="Electricity bill",
        reference="210412345678", amount_due=Money.rupees(350),
    )  # fmt: skip
    services.ledger.await_payment(txn.id, PaymentMode.AADHAAR)
    sign_in(kiosk, fake_clock)
    driver.tap(w, "menuClose")
    assert driver.text_of(w, "operatorMessageText")  # refused: a payment is still open
    driver.tap(w, "menuStuck")
    driver.grab(w, tmp_path / "hi-stuck.png")
    driver.tap(w, "resolve_0_210412345678")
    assert "210412345678 का भुगतान बंद किया गया" in driver.text_of(w, "operatorMessageText")
    assert services.ledger.get(txn.id).state is TxnState.CANCELLED
    driver.tap(w, "operatorMenuButton")
    assert services.ledger.open_transactions() == []
    driver.tap(w, "menuClose")
    assert driver.find(w, "submitCountButton").isVisible()  # the blind count opens: no longer refused


def test_an_aadhaar_payment_awaiting_the_bank_is_listed_but_cannot_be_closed_by_hand(
    kiosk: KioskWindow,
    fake_clock: FakeClock,
    services: Services,
    operator: str,
    tmp_path: Path,
) -> None:
    """The bank may have debited it: the page says so and offers no reason to close it with."""
    w = kiosk.window
    txn = services.ledger.create(
        service_id="jvvnl-bill", service_name_hi="बिजली बिल", service_name_en="Electricity bill",
        reference="210498765432", amount_due=Money.rupees(120),
    )  # fmt: skip
    services.ledger.await_payment(txn.id, PaymentMode.AADHAAR)
    services.ledger.outcome_unknown(txn.id, reason="no answer from the bank in time")
    sign_in(kiosk, fake_clock)
    driver.tap(w, "menuStuck")
    driver.grab(w, tmp_path / "hi-awaiting-bank.png")
    assert "बैंक के उत्तर की प्रतीक्षा" in driver.text_of(w, "awaitingBank_210498765432")
    with pytest.raises(driver.ItemNotFound):
        driver.find(w, "resolve_0_210498765432")
    assert services.ledger.get(txn.id).state is TxnState.STATUS_UNKNOWN
