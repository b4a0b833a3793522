"""Operator mode on screen, offscreen: the hidden gesture, the PIN, a wrong-PIN storm, the blind close and its
reconciliation, the Z-report, idle back to the villager home — with screenshots in Hindi and English."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.clock import FakeClock
from kiosk.devices.cash import CashBoxRemoved
from kiosk.money import Money
from kiosk.operator import OperatorAuth
from kiosk.transactions import PaymentMode
from tests.fakes.devices import MemoryDocumentPrinter, demo_account
from tests.kiosk.helpers import cash_bill
from ui import driver
from ui.app import KioskWindow
from ui.composition import Services

PIN = "271828"


@pytest.fixture
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # KIOSK_SHOTS keeps them somewhere to look at; by default they go to pytest's temporary folder.
    chosen = os.environ.get("KIOSK_SHOTS")
    return Path(chosen) / "operator" if chosen else tmp_path_factory.mktemp("operator-screens")


@pytest.fixture
def operator(services: Services) -> str:
    OperatorAuth(services.store).add("op-1", "Sunita Meena", PIN, by="engineer")
    return "op-1"


def gesture(kiosk: KioskWindow, clock: FakeClock, seconds: float = 3.2) -> None:
    driver.hold(kiosk.window, "logoArea", lambda: clock.advance(seconds))


def sign_in(kiosk: KioskWindow, clock: FakeClock, pin: str = PIN) -> None:
    gesture(kiosk, clock)
    driver.type_digits(kiosk.window, pin)
    driver.tap(kiosk.window, "keyOk")


def pay(services: Services, *notes: int) -> None:
    txn = cash_bill(services.ledger, sum(notes))
    for note in notes:
        services.ledger.credit_cash(txn.id, Money.rupees(note))
    services.ledger.receipt_printed(txn.id, job_id=f"j-{txn.id}")
    services.ledger.complete(txn.id)


def test_a_short_press_on_the_logo_does_nothing_and_a_long_one_asks_for_the_pin(
    kiosk: KioskWindow, fake_clock: FakeClock, operator: str
) -> None:
    gesture(kiosk, fake_clock, seconds=1.0)
    assert kiosk.vm.screen == "home"
    gesture(kiosk, fake_clock)
    assert kiosk.vm.screen == "operator"
    assert driver.find(kiosk.window, "pinDots").isVisible()
    with pytest.raises(driver.ItemNotFound):
        driver.find(kiosk.window, "menuClose")  # nothing past the PIN pad is on screen


def test_the_pin_cancel_button_goes_back_to_the_villager_home(
    kiosk: KioskWindow, fake_clock: FakeClock, operator: str
) -> None:
    gesture(kiosk, fake_clock)
    driver.tap(kiosk.window, "pinCancelButton")
    assert kiosk.vm.screen == "home"
    assert driver.find(kiosk.window, "tile_jvvnl-bill").isVisible()


def test_a_wrong_pin_storm_shows_tries_left_then_the_lockout_time(
    kiosk: KioskWindow, fake_clock: FakeClock, operator: str, shots: Path
) -> None:
    w = kiosk.window
    gesture(kiosk, fake_clock)
    for tries_left in (4, 3, 2, 1):
        driver.type_digits(w, "999000")
        driver.tap(w, "keyOk")
        assert f"{tries_left}" in driver.text_of(w, "operatorMessageText")
    driver.type_digits(w, "999000")
    driver.tap(w, "keyOk")
    assert "11:01" in driver.text_of(w, "operatorMessageText")  # DEMO_START 05:30 UTC = 11:00 IST, + 1 minute
    driver.grab(w, shots / "hi-pin-locked.png")
    driver.type_digits(w, PIN)
    driver.tap(w, "keyOk")
    assert kiosk.vm.operator.step == "pin"  # even the right PIN waits out the lockout


def test_idle_in_operator_mode_signs_out_to_the_villager_home(
    kiosk: KioskWindow, fake_clock: FakeClock, services: Services, operator: str
) -> None:
    sign_in(kiosk, fake_clock)
    assert kiosk.vm.operator.step == "menu"
    fake_clock.advance(services.config.rules.idle_timeout_s + 1)
    kiosk.vm.tick()
    assert kiosk.vm.screen == "home"
    assert kiosk.vm.operator.step == "locked"
    assert services.store.read_one("SELECT details FROM journal WHERE action = 'operator.signed_out'") == {
        "details": '{"reason":"idle"}'
    }


@pytest.mark.parametrize("language", ["hi", "en"])
def test_blind_close_main_path_with_reconciliation_and_zreport(
    kiosk: KioskWindow, fake_clock: FakeClock, services: Services, operator: str, language: str, shots: Path
) -> None:
    w = kiosk.window
    pay(services, 500, 100, 100)
    pay(services, 200, 50)
    if language == "en":
        driver.tap(w, "languageButton")
    gesture(kiosk, fake_clock)
    driver.type_digits(w, PIN[:4])
    driver.grab(w, shots / f"{language}-pin.png")
    driver.type_digits(w, PIN[4:])
    driver.tap(w, "keyOk")
    assert driver.find(w, "menuClose").isVisible()
    driver.grab(w, shots / f"{language}-menu.png")

    driver.tap(w, "menuStatus")
    assert driver.find(w, "device_printer").isVisible()
    assert driver.text_of(w, "statusFact1").startswith("5 ")  # five notes in the box
    driver.grab(w, shots / f"{language}-status.png")
    driver.tap(w, "operatorMenuButton")

    driver.tap(w, "menuClose")
    # Blind: nothing on the count page shows what the kiosk expects.
    assert "₹950" not in " ".join(str(i.property("text")) for i in driver.polish(w) if i.isVisible())
    for digits in ("1", "1", "2", "1", "0", "0"):  # ₹500, ₹200, ₹100, ₹50, ₹20, ₹10
        driver.type_digits(w, digits)
        driver.tap(w, "keyOk")
    driver.grab(w, shots / f"{language}-count.png")
    driver.tap(w, "submitCountButton")
    assert kiosk.vm.operator.step == "reconciliation"
    assert driver.text_of(w, "differenceText") in ("अंतर: कोई नहीं", "Difference: none")
    driver.grab(w, shots / f"{language}-reconciliation.png")

    driver.tap(w, "reconReportButton")
    assert driver.find(w, "reportQr").property("source").toString().startswith("image://qr/")
    driver.tap(w, "printReportButton")
    assert kiosk.vm.operator.mode.message is not None
    assert kiosk.vm.operator.mode.message.notice == "printed"
    driver.grab(w, shots / f"{language}-zreport.png")

    driver.tap(w, "operatorMenuButton")
    driver.tap(w, "menuClose")
    expected = "पहले ही बंद" if language == "hi" else "already closed"
    assert expected in driver.text_of(w, "operatorMessageText")
    driver.tap(w, "signOutButton")
    assert kiosk.vm.screen == "home"


def test_a_close_is_refused_on_screen_while_a_payment_is_open(
    kiosk: KioskWindow, fake_clock: FakeClock, services: Services, operator: str
) -> None:
    cash_bill(services.ledger, 100)
    sign_in(kiosk, fake_clock)
    driver.tap(kiosk.window, "menuClose")
    assert kiosk.vm.operator.step == "menu"
    assert "भुगतान अभी खुला" in driver.text_of(kiosk.window, "operatorMessageText")


def test_out_of_service_reason_is_shown_on_the_villager_screen(
    kiosk: KioskWindow, fake_clock: FakeClock, services: Services, operator: str, shots: Path
) -> None:
    w = kiosk.window
    sign_in(kiosk, fake_clock)
    driver.tap(w, "menuService")
    driver.tap(w, "reason_2")
    driver.grab(w, shots / "hi-service.png")
    driver.tap(w, "signOutButton")
    assert driver.text_of(w, "closedTitle") == "यह मशीन अभी बंद है"
    assert driver.text_of(w, "outOfServiceReason") == "मशीन की मरम्मत चल रही है"
    driver.grab(w, shots / "hi-villager-out-of-service.png")
    driver.tap(w, "languageButton")
    assert driver.text_of(w, "outOfServiceReason") == "The machine is under repair"


def test_reprint_voucher_and_cash_box_pages(
    kiosk: KioskWindow, fake_clock: FakeClock, services: Services, operator: str, shots: Path
) -> None:
    w = kiosk.window
    pay(services, 200, 100)
    receipt_no = services.ledger.get(services.ledger.store.read("SELECT id FROM transactions")[0]["id"]).receipt_no
    left = cash_bill(services.ledger, 350)
    services.ledger.credit_cash(left.id, Money.rupees(100))
    voucher_no = services.ledger.abandon(left.id, reason="walked away").voucher_no
    sign_in(kiosk, fake_clock)

    driver.tap(w, "menuReprint")
    driver.grab(w, shots / "hi-reprint.png")
    driver.tap(w, f"reprint_{receipt_no}")
    assert f"रसीद {receipt_no} की प्रतिलिपि छप गई" in driver.text_of(w, "operatorMessageText")
    driver.tap(w, "operatorMenuButton")

    driver.tap(w, "menuVouchers")
    driver.grab(w, shots / "hi-vouchers.png")
    driver.tap(w, f"settle_{voucher_no}")
    assert "₹100.00" in driver.text_of(w, "operatorMessageText")
    assert services.ledger.vouchers(state="open") == []
    driver.tap(w, "operatorMenuButton")

    driver.tap(w, "menuCashbox")
    driver.tap(w, "announceRemovalButton")
    services.devices.desk.handle(CashBoxRemoved())  # the acceptor reports the box out: it matches
    fake_clock.advance(3600)
    services.devices.desk.handle(CashBoxRemoved())  # and again an hour later, with nobody announcing it
    driver.tap(w, "operatorMenuButton")
    driver.tap(w, "menuCashbox")
    assert driver.text_of(w, "removal0").endswith("बिना ऑपरेटर सूचना के निकाला गया")
    driver.grab(w, shots / "hi-cashbox.png")


def test_the_operator_prints_a_certificate_that_did_not_come_out(
    kiosk: KioskWindow, fake_clock: FakeClock, services: Services, operator: str, shots: Path
) -> None:
    w = kiosk.window
    ledger = services.ledger
    application = demo_account("202611001")  # issued, in the sample server's records
    txn = ledger.create(service_id="caste-cert", service_name_hi="जाति प्रमाण पत्र", service_name_en="Caste certificate",
                        reference=application, amount_due=Money(0), fee=Money.rupees(50))  # fmt: skip
    ledger.await_payment(txn.id, PaymentMode.CASH)
    ledger.credit_cash(txn.id, Money.rupees(50))
    ledger.receipt_printed(txn.id, job_id=f"j-{txn.id}")
    ledger.complete(txn.id)
    ledger.document_printed(txn.id, document="certificate", printed=False, problem="printer", detail="paper jam")
    receipt_no = ledger.get(txn.id).receipt_no
    sign_in(kiosk, fake_clock)
    driver.tap(w, "menuReprint")
    driver.grab(w, shots / "hi-reprint-certificate.png")
    driver.tap(w, f"certificate_{receipt_no}")
    assert f"रसीद {receipt_no} से भुगतान किया गया प्रमाण-पत्र" in driver.text_of(w, "operatorMessageText")
    documents = services.certificates
    assert documents is not None
    assert isinstance(documents.printer, MemoryDocumentPrinter)
    assert list(documents.printer.jobs) == [f"certificate-{txn.id}-operator-1"]
