"""Each screen driven by objectName offscreen: tap, type, and check what the villager sees."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from kiosk.availability import ServiceSwitch
from kiosk.clock import FakeClock
from kiosk.outbox import Outbox
from kiosk.transactions import TxnState
from tests.fakes.devices import MemoryCashAcceptor, MemoryDocumentPrinter, MemoryOnline, demo_aadhaar, demo_account
from tests.fakes.phone import MemoryPhoneDelivery
from ui import driver
from ui.app import KioskWindow
from ui.composition import Services

GOOD = demo_account("21041234567")


def cash(services: Services) -> MemoryCashAcceptor:
    assert isinstance(services.devices.cash, MemoryCashAcceptor)
    return services.devices.cash


def open_bill(kiosk: KioskWindow, number: str = GOOD) -> None:
    driver.tap(kiosk.window, "tile_jvvnl-bill")
    driver.type_digits(kiosk.window, number)
    driver.tap(kiosk.window, "keyOk")


def test_home_shows_centre_hours_contact_and_tiles_in_hindi_first(kiosk: KioskWindow) -> None:
    w = kiosk.window
    assert "आज खुला 09:00–18:00" in driver.text_of(w, "hoursText")
    assert "181" in driver.text_of(w, "contactText")
    assert driver.find(w, "tile_jvvnl-bill").property("name") == "बिजली बिल भुगतान (जयपुर डिस्कॉम)"


def test_language_button_switches_every_text_to_english_and_back(kiosk: KioskWindow) -> None:
    w = kiosk.window
    driver.tap(w, "languageButton")
    assert driver.text_of(w, "hoursText").startswith("Open today")
    assert driver.find(w, "tile_jvvnl-bill").property("name") == "Electricity bill (JVVNL Jaipur)"
    driver.tap(w, "languageButton")
    assert driver.text_of(w, "hoursText").startswith("आज खुला")


def test_typing_in_search_ranks_the_electricity_bill_first(kiosk: KioskWindow) -> None:
    w = kiosk.window
    driver.tap(w, "searchBox")
    driver.type_text(w, "searchField", "bijli bill")
    results = kiosk.vm.catalogue._results()
    assert results[0]["id"] == "jvvnl-bill"
    assert driver.find(w, "result_jvvnl-bill").isVisible()


def test_category_button_lists_that_category(kiosk: KioskWindow) -> None:
    driver.tap(kiosk.window, "allServicesButton")
    driver.tap(kiosk.window, "category_certificates")
    assert driver.find(kiosk.window, "result_caste-cert").isVisible()


def test_cash_bill_payment_end_to_end_on_screen(kiosk: KioskWindow, services: Services) -> None:
    w = kiosk.window
    open_bill(kiosk)
    assert "₹350.00" in driver.text_of(w, "amountDueText")
    driver.tap(w, "payCashButton", times=2)  # the second tap lands on the cash screen and does nothing
    assert len(services.ledger.open_transactions()) == 1
    assert cash(services).insert(500) is False  # ₹500 would overshoot ₹350: the acceptor hands it back
    cash(services).insert(200)
    assert driver.text_of(w, "remainingText").endswith("₹150.00")
    cash(services).insert(100)
    cash(services).insert(50)
    assert driver.find(w, "receiptQr").property("source").toString().startswith("image://qr/")
    assert driver.text_of(w, "receiptNoText").endswith("1")
    driver.tap(w, "finishButton")
    assert kiosk.vm.screen == "home"
    assert services.ledger.vouchers() == []
    assert services.ledger.cash_total().paise == 35000


def test_wrong_checksum_shows_plain_words_on_the_keypad(kiosk: KioskWindow) -> None:
    wrong = GOOD[:-1] + str((int(GOOD[-1]) + 1) % 10)
    open_bill(kiosk, wrong)
    assert "एक अंक गलत" in driver.text_of(kiosk.window, "problemText")


def test_lookup_timeout_shows_error_with_next_step(kiosk: KioskWindow) -> None:
    driver.tap(kiosk.window, "tile_mobile-postpaid")
    driver.type_digits(kiosk.window, "9999999999")
    driver.tap(kiosk.window, "keyOk")
    assert "पैसा नहीं लिया गया" in driver.text_of(kiosk.window, "errorText")
    driver.tap(kiosk.window, "retryButton")
    assert driver.text_of(kiosk.window, "numberDisplay") == "9999999999"


def test_offline_bill_is_paid_in_cash_for_a_typed_amount_with_a_provisional_receipt(
    kiosk: KioskWindow, services: Services
) -> None:
    open_bill(kiosk, demo_account("99999999999"))
    driver.type_digits(kiosk.window, "120")
    assert driver.text_of(kiosk.window, "amountDisplay") == "₹ 120"
    driver.tap(kiosk.window, "keyOk")
    assert not driver.find(kiosk.window, "payAadhaarButton", shown=False).isVisible()
    driver.tap(kiosk.window, "payCashButton")
    cash(services).insert(100)
    cash(services).insert(20)
    assert "अस्थायी रसीद" in driver.text_of(kiosk.window, "provisionalText")


def test_idle_countdown_then_credit_becomes_voucher_on_screen(
    kiosk: KioskWindow, services: Services, fake_clock: FakeClock
) -> None:
    w = kiosk.window
    open_bill(kiosk)
    driver.tap(w, "payCashButton")
    cash(services).insert(100)
    fake_clock.advance(services.config.rules.idle_timeout_s - 10)
    kiosk.vm.tick()
    driver.settle()
    assert driver.find(w, "idleCountdown").isVisible()
    fake_clock.advance(11)
    kiosk.vm.tick()
    driver.settle()
    assert "₹100.00" in driver.text_of(w, "voucherText")
    assert services.ledger.open_transactions() == []
    driver.tap(w, "voucherOkButton")
    assert kiosk.vm.screen == "home"


def test_idle_on_home_starts_attract_loop_and_a_touch_stops_it(
    kiosk: KioskWindow, services: Services, fake_clock: FakeClock
) -> None:
    fake_clock.advance(120)
    kiosk.vm.tick()
    driver.settle()
    assert driver.find(kiosk.window, "attractLoop").isVisible()
    driver.tap(kiosk.window, "attractLoop")
    assert not kiosk.vm.attract


def test_closed_centre_says_when_it_opens(kiosk: KioskWindow, fake_clock: FakeClock) -> None:
    fake_clock.advance(10 * 3600)  # 21:00 IST
    kiosk.vm.tick()
    driver.settle()
    assert "24-11-2026 09:00" in driver.text_of(kiosk.window, "opensAtText")
    kiosk.vm.openService("jvvnl-bill")
    assert kiosk.vm.screen == "home"  # nothing starts on a closed centre


def test_report_problem_records_screen_and_devices_in_the_outbox(kiosk: KioskWindow, services: Services) -> None:
    open_bill(kiosk)
    driver.tap(kiosk.window, "reportButton")
    assert driver.find(kiosk.window, "reportDone").isVisible()
    (event,) = [e for e in Outbox(services.store).pending() if e.kind == "problem.reported"]
    assert event.payload["flow"] == {"step": "choose_payment", "service": "jvvnl-bill"}
    assert {d["kind"] for d in event.payload["devices"]} == {"cash", "printer", "biometric"}


def test_certificate_and_status_screens(kiosk: KioskWindow, qtbot: QtBot) -> None:
    w = kiosk.window
    driver.tap(w, "tile_caste-cert")
    driver.type_digits(w, demo_account("202611001"))
    driver.tap(w, "keyOk")
    driver.tap(w, "consentButton")
    driver.type_digits(w, demo_aadhaar())
    assert driver.text_of(w, "aadhaarDisplay") == f"XXXX XXXX {demo_aadhaar()[8:]}"
    driver.tap(w, "keyOk")
    driver.tap(w, "fingerButton")
    driver.tap(w, "payAadhaarButton")  # the number given for the verification is not asked again
    driver.tap(w, "fingerButton")
    qtbot.waitUntil(lambda: kiosk.vm.journey.journey is not None and kiosk.vm.journey.step == "done")
    txn = kiosk.vm.journey.journey.payment.txn  # type: ignore[union-attr]
    assert txn is not None
    assert txn.state is TxnState.COMPLETED
    assert driver.text_of(w, "certificateText").startswith("आपका प्रमाण-पत्र बड़े प्रिंटर पर छप रहा है")
    documents = kiosk.vm.services.certificates
    assert documents is not None
    assert isinstance(documents.printer, MemoryDocumentPrinter)
    assert list(documents.printer.jobs) == [f"certificate-{txn.id}"]
    assert documents.printer.jobs[f"certificate-{txn.id}"].startswith(b"%PDF-")
    phone = kiosk.vm.services.phone
    assert isinstance(phone, MemoryPhoneDelivery)
    assert phone.certificates == [demo_account("202611001")]  # the QR opens the certificate itself
    driver.tap(w, "finishButton")
    driver.tap(w, "tile_application-status")
    driver.type_digits(w, demo_account("202611002"))
    driver.tap(w, "keyOk")
    assert driver.text_of(w, "statusText") == "कार्यालय में जाँच चल रही है"


def test_home_button_during_payment_never_drops_credit(kiosk: KioskWindow, services: Services) -> None:
    open_bill(kiosk)
    driver.tap(kiosk.window, "payCashButton")
    cash(services).insert(50)
    driver.tap(kiosk.window, "homeButton")
    assert driver.find(kiosk.window, "voucherText").isVisible()
    assert [v.amount.paise for v in services.ledger.vouchers()] == [5000]


def test_a_double_tap_on_pay_and_on_ok_pays_once(kiosk: KioskWindow, services: Services) -> None:
    online = services.aadhaar
    assert isinstance(online, MemoryOnline)
    open_bill(kiosk)
    driver.tap(kiosk.window, "payAadhaarButton")
    driver.type_digits(kiosk.window, demo_aadhaar())
    driver.tap(kiosk.window, "keyOk")
    driver.tap(kiosk.window, "fingerButton")
    journey = kiosk.vm.property("journeyModel")
    journey.payFinger()  # the second finger of a double tap, landing after the screen moved on
    journey.submit()
    assert len(online.payments) == 1
    assert kiosk.vm.journey.step == "done"
    assert len(services.ledger.store.read("SELECT id FROM transactions")) == 1


def test_all_view_models_are_reachable_from_qml(kiosk: KioskWindow) -> None:
    for name in ("homeModel", "catalogueModel", "journeyModel"):
        assert isinstance(kiosk.vm.property(name), QObject)
    journey = kiosk.vm.property("journeyModel")
    screens = [journey.property(name) for name in ("entryScreen", "paymentScreen", "outcomeScreen")]
    assert all(isinstance(screen, QObject) for screen in screens)
    assert len({id(screen) for screen in screens}) == 3  # one view-model per screen group, not one shared


def test_each_screen_model_follows_the_journey_and_sends_only_its_own_taps(kiosk: KioskWindow) -> None:
    journey = kiosk.vm.property("journeyModel")
    entry, payment = journey.property("entryScreen"), journey.property("paymentScreen")
    kiosk.vm.openService("jvvnl-bill")
    for digit in demo_account("21041234567"):
        entry.press(digit)
    assert entry.property("digits") == demo_account("21041234567")
    entry.submit()
    assert journey.property("waiting") == "lookup"  # the lookup runs off the Qt thread …
    driver.settle()  # … and its answer lands on it
    assert journey.property("step") == "choose_payment"
    assert payment.property("amountDue") == "₹350.00"
    assert not hasattr(payment, "press")  # the payment screen has no keypad


def test_a_second_tile_tap_during_the_transition_does_not_start_another_journey(kiosk: KioskWindow) -> None:
    kiosk.vm.openService("jvvnl-bill")
    first = kiosk.vm.journey.journey
    kiosk.vm.openService("caste-cert")  # the finger landed again before the screen changed
    assert kiosk.vm.journey.journey is first
    assert driver.text_of(kiosk.window, "serviceTitle") == "बिजली बिल भुगतान (जयपुर डिस्कॉम)"


def test_a_bad_catalogue_update_keeps_the_tiles_and_search_of_the_last_good_one(
    kiosk: KioskWindow, services: Services, tmp_path: Path
) -> None:
    bad = tmp_path / "catalogue.json"
    bad.write_text('{"version": "broken", "categories": [], "services": [{"id": "x"}]}', encoding="utf-8")
    assert services.reload_catalogue(bad) is False
    kiosk.vm.home.refresh()
    assert driver.find(kiosk.window, "tile_jvvnl-bill").isVisible()
    assert services.search.search("bijli")[0].service.id == "jvvnl-bill"


def test_out_of_service_switch_shows_the_out_of_service_screen(kiosk: KioskWindow, services: Services) -> None:
    ServiceSwitch(services.store).take_out_of_service("पानी भर गया / Flooded", operator="op-1")
    kiosk.vm.tick()
    assert driver.text_of(kiosk.window, "closedTitle") == "यह मशीन अभी बंद है"


def test_kiosk_mode_is_fullscreen_frameless_without_a_cursor(
    qapp: object, qt_warnings: list[str], services: Services
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    from ui.app import build_window

    window = build_window(services, kiosk_mode=True)
    try:
        assert window.window.flags() & Qt.WindowType.FramelessWindowHint
        cursor = QGuiApplication.overrideCursor()
        assert cursor is not None
        assert cursor.shape() == Qt.CursorShape.BlankCursor
    finally:
        QGuiApplication.restoreOverrideCursor()
        window.close()


def test_an_operator_switch_stops_cash_before_a_note_goes_in(kiosk: KioskWindow, services: Services) -> None:
    from kiosk.availability import ServiceSwitch

    open_bill(kiosk)  # switched while a villager is already on the bill (the home screen would show it closed)
    ServiceSwitch(services.store).take_out_of_service("नोट मशीन की सफाई", operator="op-1")
    assert not services.availability().cash
    driver.tap(kiosk.window, "payCashButton")
    assert services.ledger.open_transactions() == []
    assert cash(services).insert(100) is False
