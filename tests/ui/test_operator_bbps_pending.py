"""Operator mode's "payments still open" page lists the paid Bharat BillPay bills the biller has not confirmed, each
with what the operator must do, in Hindi and English."""

from __future__ import annotations

from pathlib import Path

from kiosk.bbps_totals import ACTIONS
from kiosk.clock import FakeClock
from kiosk.operator import OperatorAuth
from tests.kiosk.test_bbps_totals import a_day_of_bill_payments
from tests.ui.test_operator_aadhaar_login import shots as shots  # the screenshots' folder fixture
from ui import driver
from ui.app import KioskWindow
from ui.composition import Services

PIN = "271828"


def test_the_open_payments_page_lists_unconfirmed_bbps_bills_with_what_to_do_in_hindi_and_english(
    kiosk: KioskWindow, services: Services, fake_clock: FakeClock, shots: Path
) -> None:
    w = kiosk.window
    refused, pending = a_day_of_bill_payments(services.ledger, fake_clock)
    receipts = {services.ledger.get(t).receipt_no: state for t, state in ((refused, "refused"), (pending, "to_post"))}
    OperatorAuth(services.store).add("op-1", "Sunita Meena", PIN, by="engineer")
    driver.hold(w, "logoArea", lambda: fake_clock.advance(3.2))
    driver.type_digits(w, PIN)
    driver.tap(w, "keyOk")
    driver.tap(w, "menuStuck")
    for language, half in (("hi", 0), ("en", 1)):
        for receipt, state in receipts.items():
            assert driver.text_of(w, f"bbpsAction_{receipt}") == ACTIONS[state][half]
        driver.grab(w, shots / f"{language}-bbps-pending.png")
        if language == "hi":
            driver.tap(w, "languageButton")
    assert [row["state"] for row in kiosk.vm.operator.bbpsPending] == ["refused", "to_post"]
