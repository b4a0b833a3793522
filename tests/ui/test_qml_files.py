"""The screens' QML files: the journey is one file per step, and each file's strings are translated in its context."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

from ui.i18n import translation_files

QML = Path(__file__).resolve().parents[2] / "ui" / "qml"
QSTR = re.compile(r'qsTr\("((?:[^"\\]|\\.)*)"')


def hindi_by_context() -> dict[str, dict[str, str]]:
    """context (the QML file's name, which is what qsTr looks up) -> source -> finished Hindi translation."""
    found: dict[str, dict[str, str]] = {}
    for source in translation_files("hi", suffix=".ts"):
        for context in ElementTree.parse(source).iter("context"):
            words = found.setdefault(context.findtext("name") or "", {})
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is not None and translation.get("type") != "unfinished" and translation.text:
                    words[message.findtext("source") or ""] = translation.text
    return found


def test_every_qml_string_has_a_hindi_translation_in_its_own_files_context() -> None:
    hindi = hindi_by_context()
    missing = [
        f"{path.name}: {text[:50]!r}"
        for path in sorted(QML.glob("*.qml"))
        for text in QSTR.findall(path.read_text(encoding="utf-8"))
        if text.replace('\\"', '"') not in hindi.get(path.stem, {})
    ]
    assert missing == []


def test_the_journey_file_keeps_only_the_step_switch_and_each_step_is_its_own_file() -> None:
    journey = (QML / "Journey.qml").read_text(encoding="utf-8")
    assert re.findall(r'objectName: "\w+Panel"', journey) == []
    steps = re.findall(r"^    (Step\w+) \{ journey: j; visible: j\.model\.step === ", journey, re.MULTILINE)
    assert len(steps) >= 12
    for step in steps:
        own = (QML / f"{step}.qml").read_text(encoding="utf-8")
        assert re.search(r'^    objectName: "\w+Panel"$', own, re.MULTILINE), step
        assert "required property var journey" in own, step
