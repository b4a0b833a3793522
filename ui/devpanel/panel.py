"""The developer's device panel beside the app: insert notes, fake note, jam, paper out, finger on/off."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Property, QObject, QUrl, Signal, Slot
from PySide6.QtQml import QQmlApplicationEngine

from kiosk.devices.printer import PrinterStatus
from ui.composition import Services
from ui.devpanel.fakes import MemoryCashAcceptor, MemoryFingerReader, MemoryPrinter


class DevicePanel(QObject):
    changed = Signal()

    def __init__(self, services: Services) -> None:
        super().__init__()
        devices = services.devices
        if not isinstance(devices.cash, MemoryCashAcceptor) or not isinstance(devices.printer, MemoryPrinter):
            raise TypeError("the device panel drives the memory devices only")
        if not isinstance(devices.biometric, MemoryFingerReader):
            raise TypeError("the device panel drives the memory finger reader only")
        self.cash = devices.cash
        self.printer = devices.printer
        self.finger = devices.biometric

    @Slot(int)
    def insertNote(self, rupees: int) -> None:
        self.cash.insert(rupees)
        self.changed.emit()

    @Slot()
    def fakeNote(self) -> None:
        self.cash.insert(100, genuine=False)
        self.changed.emit()

    @Slot()
    def toggleJam(self) -> None:
        self.cash.clear() if self.cash.health().status == "jammed" else self.cash.jam()
        self.changed.emit()

    @Slot()
    def togglePaper(self) -> None:
        ready = self.printer.state is PrinterStatus.READY
        self.printer.state = PrinterStatus.PAPER_OUT if ready else PrinterStatus.READY
        self.changed.emit()

    @Slot()
    def toggleFinger(self) -> None:
        self.finger.finger_placed = not self.finger.finger_placed
        self.changed.emit()

    def _status(self) -> str:
        finger = "on" if self.finger.finger_placed else "off"
        return f"cash: {self.cash.health().status} · printer: {self.printer.state.value} · finger: {finger}"

    status = Property(str, _status, notify=changed)


def open_panel(services: Services) -> QQmlApplicationEngine:
    engine = QQmlApplicationEngine()
    panel = DevicePanel(services)
    panel.setParent(engine)
    engine.setInitialProperties({"panel": panel})
    engine.load(QUrl.fromLocalFile(str(Path(__file__).with_name("Panel.qml"))))
    return engine
