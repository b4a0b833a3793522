"""The dev panel beside the app (shown by `make demo` with a display) drives the memory devices."""

from __future__ import annotations

from PySide6.QtQuick import QQuickWindow

from kiosk.devices.printer import PrinterStatus
from ui import driver
from ui.app import KioskWindow
from ui.composition import Services
from ui.devpanel.panel import open_panel


def test_panel_note_button_pays_into_the_open_journey_and_fault_buttons_toggle(
    kiosk: KioskWindow, services: Services
) -> None:
    engine = open_panel(services)
    (panel,) = engine.rootObjects()
    assert isinstance(panel, QQuickWindow)
    driver.tap(kiosk.window, "tile_jvvnl-bill")
    driver.type_digits(kiosk.window, "210412345675")
    driver.tap(kiosk.window, "keyOk")
    driver.tap(kiosk.window, "payCashButton")
    model = panel.property("panel")
    model.insertNote(200)
    assert driver.text_of(kiosk.window, "paidText").endswith("₹200.00")
    model.togglePaper()
    assert services.devices.printer.status() is PrinterStatus.PAPER_OUT
    assert "paper_out" in model.property("status")
    panel.close()
    engine.deleteLater()
