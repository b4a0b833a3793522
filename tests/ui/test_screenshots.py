"""Every screen in Hindi and English: a full-size, non-blank frame whose Hindi is drawn with the bundled font."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter

from kiosk.clock import FakeClock
from tests.fakes.devices import MemoryCashAcceptor, demo_aadhaar, demo_account
from ui import driver
from ui.app import KioskWindow
from ui.composition import Services
from ui.fonts import DEVANAGARI

DEVANAGARI_CHARS = re.compile("[\u0900-\u097f]")

Setup = Callable[[KioskWindow, Services, FakeClock], str]


def _bill(k: KioskWindow, number: str = demo_account("21041234567")) -> None:
    driver.tap(k.window, "tile_jvvnl-bill")
    driver.type_digits(k.window, number)
    driver.tap(k.window, "keyOk")


def _cash(s: Services) -> MemoryCashAcceptor:
    assert isinstance(s.devices.cash, MemoryCashAcceptor)
    return s.devices.cash


def home(k: KioskWindow, s: Services, c: FakeClock) -> str:
    return "hoursText"


def closed(k: KioskWindow, s: Services, c: FakeClock) -> str:
    c.advance(10 * 3600)
    k.vm.tick()
    return "closedTitle"


def catalogue(k: KioskWindow, s: Services, c: FakeClock) -> str:
    driver.tap(k.window, "allServicesButton")
    driver.tap(k.window, "category_certificates")
    return "category_certificates"


def search(k: KioskWindow, s: Services, c: FakeClock) -> str:
    driver.tap(k.window, "searchBox")
    driver.type_text(k.window, "searchField", "bijli")
    assert driver.find(k.window, "keyboard").isVisible()  # the on-screen keyboard came up with the focus
    return "category_bills"


def number_problem(k: KioskWindow, s: Services, c: FakeClock) -> str:
    _bill(k, "12345")
    return "problemText"


def choose_payment(k: KioskWindow, s: Services, c: FakeClock) -> str:
    _bill(k)
    return "amountDueText"


def cash(k: KioskWindow, s: Services, c: FakeClock) -> str:
    _bill(k)
    driver.tap(k.window, "payCashButton")
    _cash(s).insert(100)
    return "remainingText"


def done(k: KioskWindow, s: Services, c: FakeClock) -> str:
    _bill(k)
    driver.tap(k.window, "payCashButton")
    for note in (200, 100, 50):
        _cash(s).insert(note)
    return "printedText"


def voucher(k: KioskWindow, s: Services, c: FakeClock) -> str:
    _bill(k)
    driver.tap(k.window, "payCashButton")
    _cash(s).insert(100)
    driver.tap(k.window, "cancelCashButton")
    return "voucherText"


def consent(k: KioskWindow, s: Services, c: FakeClock) -> str:
    driver.tap(k.window, "tile_caste-cert")
    driver.type_digits(k.window, demo_account("202611001"))
    driver.tap(k.window, "keyOk")
    return "consentButton"


def aadhaar_number(k: KioskWindow, s: Services, c: FakeClock) -> str:
    _bill(k)
    driver.tap(k.window, "payAadhaarButton")
    driver.type_digits(k.window, demo_aadhaar()[:10])
    return "cancelAadhaarButton"


def finger(k: KioskWindow, s: Services, c: FakeClock) -> str:
    _bill(k)
    driver.tap(k.window, "payAadhaarButton")
    driver.type_digits(k.window, demo_aadhaar())
    driver.tap(k.window, "keyOk")
    return "fingerButton"


def status(k: KioskWindow, s: Services, c: FakeClock) -> str:
    driver.tap(k.window, "tile_application-status")
    driver.type_digits(k.window, demo_account("202611002"))
    driver.tap(k.window, "keyOk")
    return "statusText"


def error(k: KioskWindow, s: Services, c: FakeClock) -> str:
    driver.tap(k.window, "tile_mobile-postpaid")
    driver.type_digits(k.window, "9999999999")
    driver.tap(k.window, "keyOk")
    return "errorText"


def offline_amount(k: KioskWindow, s: Services, c: FakeClock) -> str:
    _bill(k, demo_account("99999999999"))
    driver.type_digits(k.window, "120")
    return "cancelAmountButton"


def info(k: KioskWindow, s: Services, c: FakeClock) -> str:
    driver.tap(k.window, "allServicesButton")
    driver.tap(k.window, "category_schemes")
    driver.tap(k.window, "result_palanhar-info")
    return "infoTitle"


def idle(k: KioskWindow, s: Services, c: FakeClock) -> str:
    _bill(k)
    c.advance(s.config.rules.idle_timeout_s - 5)
    k.vm.tick()
    return "stillHereButton"


SCREENS: dict[str, Setup] = {
    f.__name__: f
    for f in (
        home,
        closed,
        catalogue,
        search,
        number_problem,
        choose_payment,
        cash,
        done,
        voucher,
        consent,
        aadhaar_number,
        finger,
        status,
        error,
        offline_amount,
        info,
        idle,
    )
}


@pytest.fixture(scope="session")
def shot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # KIOSK_SHOTS keeps them somewhere to look at; by default they go to pytest's temporary folder.
    chosen = os.environ.get("KIOSK_SHOTS")
    return Path(chosen) if chosen else tmp_path_factory.mktemp("screens")


def distinct_colours(image: QImage, step: int = 7) -> int:
    return len({image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)})


@pytest.mark.parametrize("language", ["hi", "en"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen_renders_in_both_languages(
    kiosk: KioskWindow, services: Services, fake_clock: FakeClock, shot_dir: Path, screen: str, language: str
) -> None:
    kiosk.vm.setLanguage(language)
    key_item = SCREENS[screen](kiosk, services, fake_clock)
    image = driver.grab(kiosk.window, shot_dir / f"{screen}-{language}.png")
    assert (image.width(), image.height()) == (1366, 768)
    assert distinct_colours(image) > 8, "the frame is (nearly) blank"
    text = str(driver.find(kiosk.window, key_item).property("text"))
    assert text, f"{key_item} shows no text"
    has_hindi = bool(DEVANAGARI_CHARS.search(text))
    if screen != "home" or language == "hi":
        assert has_hindi == (language == "hi"), f"{key_item} text {text!r} is not in {language}"


def render(text: str, font: QFont) -> QImage:
    image = QImage(400, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.black)
    painter.drawText(QPoint(10, 55), text)
    painter.end()
    return image


def test_hindi_in_the_app_font_is_drawn_with_the_bundled_devanagari_glyphs(kiosk: KioskWindow) -> None:
    app_font = QGuiApplication.font()
    bundled = QFont(DEVANAGARI)
    bundled.setPointSize(app_font.pointSize())
    word = "बिजली बिल भुगतान"
    drawn, expected = render(word, app_font), render(word, bundled)
    assert drawn == expected, "Hindi in the app font is not drawn with Noto Sans Devanagari"
    boxes = render("\U000e01ef" * 5, bundled)  # code points with no glyph: what a missing font looks like
    assert drawn != boxes
    assert distinct_colours(drawn, 1) > 2


def test_every_string_has_a_finished_hindi_translation() -> None:
    from xml.etree import ElementTree

    from ui.i18n import translation_files

    sources = translation_files("hi", suffix=".ts")
    assert any(s.name == "kiosk_hi.ts" for s in sources)
    unfinished = [
        (source.name, m.findtext("source"))
        for source in sources
        for m in ElementTree.parse(source).iter("message")
        if m.find("translation") is None or m.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    ]
    assert unfinished == []
    for source in sources:  # each source is compiled: the app loads the .qm beside it
        assert source.with_suffix(".qm").exists(), f"{source} is not compiled; run `python -m ui.i18n_build`"
