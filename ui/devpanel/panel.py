"""The developer's device panel beside the app: insert notes, fake note, jam, paper out, finger on/off — on the
device emulators behind the field's drivers (the demo; ui/devpanel/emulated.py), or any other `Hands`."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Property, QObject, QUrl, Signal, Slot
from PySide6.QtQml import QQmlApplicationEngine


class Hands(Protocol):
    """What the panel's buttons do to the devices."""

    def insert(self, rupees: int) -> object: ...
    def fake_note(self) -> None: ...
    def toggle_jam(self) -> None: ...
    def toggle_paper(self) -> None: ...
    def toggle_finger(self) -> None: ...
    def status(self) -> str: ...


class DevicePanel(QObject):
    changed = Signal()

    def __init__(self, hands: Hands) -> None:
        super().__init__()
        self.hands = hands

    @Slot(int)
    def insertNote(self, rupees: int) -> None:
        self.hands.insert(rupees)
        self.changed.emit()

    @Slot()
    def fakeNote(self) -> None:
        self.hands.fake_note()
        self.changed.emit()

    @Slot()
    def toggleJam(self) -> None:
        self.hands.toggle_jam()
        self.changed.emit()

    @Slot()
    def togglePaper(self) -> None:
        self.hands.toggle_paper()
        self.changed.emit()

    @Slot()
    def toggleFinger(self) -> None:
        self.hands.toggle_finger()
        self.changed.emit()

    def _status(self) -> str:
        return self.hands.status()

    status = Property(str, _status, notify=changed)


def open_panel(hands: Hands) -> QQmlApplicationEngine:
    engine = QQmlApplicationEngine()
    panel = DevicePanel(hands)
    panel.setParent(engine)
    engine.setInitialProperties({"panel": panel})
    engine.load(QUrl.fromLocalFile(str(Path(__file__).with_name("Panel.qml"))))
    return engine
