"""Large text (1.5x) and high contrast, switched from the header on every screen, for one session only."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtQuick import QQuickWindow

from kiosk.clock import FakeClock
from tests.ui.test_screenshots import SCREENS, distinct_colours
from ui import driver
from ui.app import KioskWindow
from ui.composition import Services
from ui.viewmodels.access import HIGH_CONTRAST

QML = Path(__file__).parents[2] / "ui" / "qml"


def rect_in(window: QQuickWindow, name: str, frame: str) -> QRectF:
    """The item's rectangle in the frame's coordinates (the scrollable screen body, or the whole window)."""
    item = driver.find(window, name)
    target = driver.find(window, frame, shown=False)
    top_left = item.mapToItem(target, QPointF(0, 0))
    bottom_right = item.mapToItem(target, QPointF(item.width(), item.height()))
    return QRectF(top_left, bottom_right)


@pytest.mark.parametrize("mode", ["large", "contrast"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_screen_in_large_text_and_high_contrast(
    kiosk: KioskWindow, services: Services, fake_clock: FakeClock, shot_dir: Path, screen: str, mode: str
) -> None:
    access = kiosk.access
    assert access is not None
    # Switched on from the header once the screen is up (the idle card covers the header and a tap would dismiss
    # it, so there the mode is switched on first).
    if screen == "idle":
        driver.tap(kiosk.window, "largeTextButton" if mode == "large" else "contrastButton")
    key_item = SCREENS[screen](kiosk, services, fake_clock)
    if screen != "idle":
        driver.tap(kiosk.window, "largeTextButton" if mode == "large" else "contrastButton")
    image = driver.grab(kiosk.window, shot_dir / f"{screen}-{mode}.png")
    assert distinct_colours(image) > 4, "the frame is (nearly) blank"
    # The screen's key item is whole inside the (scrollable) screen: nothing pushed off the bottom or the right.
    overlay = screen == "idle"
    frame = driver.find(kiosk.window, "bodyView" if not overlay else "idleCountdown", shown=False)
    rect = rect_in(kiosk.window, key_item, "screenBody" if not overlay else "idleCountdown")
    limit = driver.find(kiosk.window, "screenBody") if not overlay else frame
    assert min(rect.top(), rect.left()) >= 0, f"{key_item} starts outside the screen at {rect}"
    assert rect.bottom() <= limit.height() + 1, f"{key_item} is cut off at the bottom: {rect}"
    assert rect.right() <= limit.width() + 1, f"{key_item} is cut off on the right: {rect}"
    on_window = rect_in(kiosk.window, key_item, "bodyView" if not overlay else "idleCountdown")
    if mode == "large":
        assert access.largeText
        assert on_window.height() >= 1.45 * driver.find(kiosk.window, key_item).height()
    else:
        assert image.pixelColor(4, 100).name() == "#000000", "the page background is not black"


COLOUR = re.compile(r'"(#[0-9A-Fa-f]{6,8}|white|black|transparent|red|green|blue|yellow|grey|gray)"')
ROUTED = re.compile(r'access\.colour\["([^"]+)"\]')


def test_every_colour_on_the_villager_screens_goes_through_the_contrast_palette() -> None:
    # Operator*.qml are the operator's own screens, behind the PIN: they keep their fixed colours.
    for qml in sorted(q for q in QML.glob("*.qml") if not q.name.startswith("Operator")):
        text = qml.read_text(encoding="utf-8")
        bare = [m.group(0) for m in COLOUR.finditer(ROUTED.sub("", text))]
        assert bare == [], f"{qml.name}: colours not routed through access.colour: {bare}"
        unknown = {m.group(1) for m in ROUTED.finditer(text)} - set(HIGH_CONTRAST)
        assert unknown == set(), f"{qml.name}: colours missing from the high-contrast palette: {unknown}"


def test_every_accessibility_string_has_a_hindi_translation(kiosk: KioskWindow) -> None:
    catalogue = ElementTree.parse(QML.parent / "i18n" / "access_hi.ts")
    translated = {m.findtext("source"): m.findtext("translation") for m in catalogue.iter("message")}
    for name in ("AccessBar.qml", "AccessPanel.qml", "PhonePanel.qml", "PhoneButton.qml"):
        for source in re.findall(r'qsTr\("([^"]+)"\)', (QML / name).read_text(encoding="utf-8")):
            assert translated.get(source), f"{name}: {source!r} has no Hindi translation in access_hi.ts"
    kiosk.vm.setLanguage("hi")
    assert driver.find(kiosk.window, "speakerButton").property("label") == "सुनें"
    kiosk.vm.setLanguage("en")
    assert driver.find(kiosk.window, "speakerButton").property("label") == "Listen"
