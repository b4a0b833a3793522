"""The Aadhaar Pay bank step on screen, offscreen: a few Hindi or English letters find the bank, its name shows in
the villager's language with the other beneath, a tap chooses its IIN; every string is translated."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Property, QByteArray, QMetaObject, QObject, QUrl, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from kiosk.online import Unavailable
from kiosk.payments.banks import Bank, BankDirectory
from server.aeps import BANKS
from ui import driver
from ui.i18n import Languages
from ui.viewmodels.access import NORMAL
from ui.viewmodels.banks import BankChoiceViewModel

QML = Path(__file__).parents[2] / "ui" / "qml" / "StepAadhaarBank.qml"


class ServerList:
    """The reference server's own bank list, as the kiosk receives it (the HTTP path is in tests/kiosk)."""

    def banks(self) -> tuple[str, list[Bank]] | Unavailable:
        return "v1", [Bank(b.iin, b.name_en, b.name_hi, b.short) for b in BANKS]


class Colours(QObject):
    """What the screens read from `access`: the normal colour map (high contrast is tested in tests/access)."""

    changed = Signal()
    colour = Property(dict, lambda self: NORMAL, notify=changed)


HARNESS = b"""import QtQuick
Window { width: 1280; height: 800; visible: true
    StepAadhaarBank { anchors.fill: parent; banks: bankChoice }
}
"""


@dataclass
class Step:
    engine: QQmlApplicationEngine
    window: QQuickWindow
    choice: BankChoiceViewModel
    problems: list[str]


@contextlib.contextmanager
def open_step(language: str, qapp: QGuiApplication) -> Iterator[Step]:
    """The step alone in a window, in `language`. QML errors are collected from the engine's own signal: a Python
    Qt message handler deadlocks while the virtual keyboard's QML loads."""
    directory = BankDirectory(ServerList())
    assert directory.refresh()
    languages = Languages(qapp)
    languages.switch(language)
    engine = QQmlApplicationEngine()
    problems: list[str] = []
    engine.warnings.connect(lambda errors: problems.extend(e.toString() for e in errors))
    engine.setOutputWarningsToStandardError(False)
    choice = BankChoiceViewModel(directory, language, parent=engine)
    engine.rootContext().setContextProperty("access", Colours(engine))
    engine.rootContext().setContextProperty("bankChoice", choice)
    engine.loadData(QByteArray(HARNESS), QUrl.fromLocalFile(str(QML.with_name("AepsBankHarness.qml"))))
    roots = engine.rootObjects()
    assert roots, problems
    window = roots[0]
    assert isinstance(window, QQuickWindow)
    driver.settle()
    try:
        yield Step(engine, window, choice, problems)
        assert problems == []
    finally:
        window.close()
        languages.switch("en")


def search(step: Step, text: str) -> None:
    """What the field's onTextEdited does with each keystroke (typing itself needs the host's virtual keyboard,
    which cannot load under a Python Qt message handler)."""
    for end in range(1, len(text) + 1):
        step.choice.setQuery(text[:end])
        driver.settle()
    assert driver.text_of(step.window, "bankSearchField") == text


def shown_bank_names(window: QQuickWindow) -> list[str]:
    return [
        str(i.property("text")) for i in driver.polish(window) if i.objectName() == "bankName" and driver.is_shown(i)
    ]


def test_hindi_letters_find_the_bank_in_hindi_and_a_tap_chooses_its_iin(qapp: QGuiApplication) -> None:
    with open_step("hi", qapp) as step:
        chosen: list[str] = []
        step.choice.chosenChanged.connect(chosen.append)
        search(step, "स्टेट")
        assert shown_bank_names(step.window) == ["भारतीय स्टेट बैंक"]
        driver.tap(step.window, "bank_607094")
        assert (step.choice.chosen, chosen, step.choice.chosenName) == ("607094", ["607094"], "भारतीय स्टेट बैंक")


def test_the_steps_own_words_are_hindi_when_the_villager_chose_hindi(qapp: QGuiApplication) -> None:
    with open_step("hi", qapp) as step:
        texts = [str(i.property("text")) for i in driver.polish(step.window) if driver.is_shown(i)]
        assert "आपका पैसा किस बैंक में है?" in texts
        assert not any("Which bank" in t for t in texts)


def test_english_letters_find_every_bank_with_that_word_and_nonsense_says_so(qapp: QGuiApplication) -> None:
    with open_step("en", qapp) as step:
        search(step, "baro")
        assert not driver.find(step.window, "noBankText", shown=False).isVisible()
        assert shown_bank_names(step.window) == ["Bank of Baroda", "Baroda Rajasthan Kshetriya Gramin Bank"]
        assert "Which bank is your money in?" in [str(i.property("text")) for i in driver.polish(step.window)]
        search(step, "xq")
        assert driver.find(step.window, "noBankText").isVisible()
        assert step.choice.chosen == ""


def test_every_string_of_the_step_has_a_hindi_translation() -> None:
    import re
    from xml.etree import ElementTree

    catalogue = ElementTree.parse(QML.parent.parent / "i18n" / "aeps_hi.ts")
    translated = {m.findtext("source"): m.findtext("translation") for m in catalogue.iter("message")}
    sources = re.findall(r'qsTr\("([^"]+)"\)', QML.read_text(encoding="utf-8"))
    assert len(sources) >= 4
    assert [s for s in sources if not translated.get(s) or translated.get(s) == s] == []


def test_without_typing_every_bank_on_the_list_can_be_reached_by_scrolling_and_tapped(qapp: QGuiApplication) -> None:
    with open_step("en", qapp) as step:
        every = step.choice.directory.search("")
        grid = driver.find(step.window, "bankGrid")
        assert grid.property("count") == len(every) > 8  # more than fit on the screen at once
        assert grid.property("contentHeight") > grid.property("height")
        QMetaObject.invokeMethod(grid, "positionViewAtEnd")
        driver.settle()
        last = every[-1].iin
        driver.tap(step.window, f"bank_{last}")
        assert step.choice.chosen == last
