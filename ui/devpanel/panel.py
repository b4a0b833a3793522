"""The developer's device panel beside the app: insert notes, fake note, jam, paper out, finger on/off — on the
device emulators behind the real drivers (the demo) or on the memory devices (UI tests)."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Property, QObject, QUrl, Signal, Slot
from PySide6.QtQml import QQmlApplicationEngine

from kiosk.devices.printer import PrinterStatus
from ui.composition import Services
from ui.devpanel.fakes import MemoryCashAcceptor, MemoryFingerReader, MemoryPrinter


class Hands(Protocol):
    """What the panel's buttons do to the devices."""

    def insert(self, rupees: int) -> object: ...
    def fake_note(self) -> None: ...
    def toggle_jam(self) -> None: ...
    def toggle_paper(self) -> None: ...
    def toggle_finger(self) -> None: ...
    def status(self) -> str: ...


class MemoryHands:
    def __init__(self, services: Services) -> None:
        devices = services.devices
        if not isinstance(devices.cash, MemoryCashAcceptor) or not isinstance(devices.printer, MemoryPrinter):
            raise TypeError("without emulators the device panel drives the memory devices only")
        if not isinstance(devices.biometric, MemoryFingerReader):
            raise TypeError("without emulators the device panel drives the memory finger reader only")
        self.cash, self.printer, self.finger = devices.cash, devices.printer, devices.biometric

    def insert(self, rupees: int) -> object:
        return self.cash.insert(rupees)

    def fake_note(self) -> None:
        self.cash.insert(100, genuine=False)

    def toggle_jam(self) -> None:
        self.cash.clear() if self.cash.health().status == "jammed" else self.cash.jam()

    def toggle_paper(self) -> None:
        ready = self.printer.state is PrinterStatus.READY
        self.printer.state = PrinterStatus.PAPER_OUT if ready else PrinterStatus.READY

    def toggle_finger(self) -> None:
        self.finger.finger_placed = not self.finger.finger_placed

    def status(self) -> str:
        finger = "on" if self.finger.finger_placed else "off"
        return f"cash: {self.cash.health().status} · printer: {self.printer.state.value} · finger: {finger}"


class DevicePanel(QObject):
    changed = Signal()

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.hands: Hands = services.bench if services.bench is not None else MemoryHands(services)

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


def open_panel(services: Services) -> QQmlApplicationEngine:
    engine = QQmlApplicationEngine()
    panel = DevicePanel(services)
    panel.setParent(engine)
    engine.setInitialProperties({"panel": panel})
    engine.load(QUrl.fromLocalFile(str(Path(__file__).with_name("Panel.qml"))))
    return engine
