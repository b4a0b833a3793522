"""The Done screen: the QR is the short link when online, "send to my phone" checks the number as it is typed,
sends it once, shows it only masked and forgets it; offline, the signed receipt QR stays and nothing is offered."""

from __future__ import annotations

from pathlib import Path

from tests.fakes.devices import MemoryCashAcceptor, demo_account
from tests.fakes.phone import MemoryPhoneDelivery
from ui import driver
from ui.app import KioskWindow
from ui.composition import Services


def pay_a_bill(kiosk: KioskWindow, services: Services) -> None:
    driver.tap(kiosk.window, "tile_jvvnl-bill")
    driver.type_digits(kiosk.window, demo_account("21041234567"))
    driver.tap(kiosk.window, "keyOk")
    driver.tap(kiosk.window, "payCashButton")
    cash = services.devices.cash
    assert isinstance(cash, MemoryCashAcceptor)
    for note in (200, 100, 50):
        cash.insert(note)
    driver.find(kiosk.window, "printedText")


def phone_of(services: Services) -> MemoryPhoneDelivery:
    assert isinstance(services.phone, MemoryPhoneDelivery)
    return services.phone


def test_the_receipt_goes_to_a_phone_with_the_number_checked_masked_and_forgotten(
    kiosk: KioskWindow, services: Services, shot_dir: Path
) -> None:
    pay_a_bill(kiosk, services)
    driver.grab(kiosk.window, shot_dir / "phone-done.png")
    qr = driver.find(kiosk.window, "receiptQr").property("source")
    assert qr.toString() != kiosk.vm.journey.outcome.qrImage, "online, the QR is the short link, not the offline token"
    driver.tap(kiosk.window, "sendToPhoneButton")
    driver.type_digits(kiosk.window, "5")
    assert driver.find(kiosk.window, "mobileProblemText").isVisible(), "a number cannot start with 5"
    driver.tap(kiosk.window, "keyBack")
    driver.type_digits(kiosk.window, "98765")
    driver.tap(kiosk.window, "keyOk")
    assert "10" in driver.text_of(kiosk.window, "mobileProblemText"), "too short: says what is needed"
    driver.grab(kiosk.window, shot_dir / "phone-invalid.png")
    assert phone_of(services).sent == []
    driver.type_digits(kiosk.window, "43210")
    assert driver.text_of(kiosk.window, "mobileDisplay") == "9876543210"
    driver.tap(kiosk.window, "keyOk")
    assert driver.text_of(kiosk.window, "sentToText").count("XXXXXX3210") == 1
    driver.grab(kiosk.window, shot_dir / "phone-sent.png")
    assert [masked for masked, _ in phone_of(services).sent] == ["XXXXXX3210"]
    phone = kiosk.engine.rootContext().contextProperty("phone")
    assert phone.property("digits") == ""
    assert not phone.property("panelOpen")


def test_offline_the_signed_receipt_qr_stays_and_no_phone_is_offered(kiosk: KioskWindow, services: Services) -> None:
    phone_of(services).online = False
    pay_a_bill(kiosk, services)
    qr = driver.find(kiosk.window, "receiptQr").property("source")
    assert qr.toString() == kiosk.vm.journey.outcome.qrImage
    assert not driver.find(kiosk.window, "sendToPhoneButton", shown=False).isVisible()
