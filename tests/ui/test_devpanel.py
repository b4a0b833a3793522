"""The dev panel beside the app (shown by `make demo` with a display) drives the device emulators, or the memory
devices in the UI tests."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtQuick import QQuickWindow

from kiosk.clock import FakeClock
from kiosk.devices.biometric import CaptureFailed, CaptureOk, CaptureRequest
from kiosk.devices.printer import PrinterStatus
from ui import driver
from ui.app import KioskWindow
from ui.composition import DEMO_START, Services, demo_services
from ui.devpanel.fakes import demo_account
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


def test_with_emulators_the_panel_drives_the_device_emulators_behind_the_real_drivers(tmp_path: Path) -> None:
    from ui.app import build_window
    from ui.devpanel.emulated import wait_connected

    services = demo_services(tmp_path, FakeClock(DEMO_START), receipts=tmp_path / "receipts")
    assert services.bench is not None
    kiosk = build_window(services, kiosk_mode=False)
    wait_connected(services.bench)
    engine = open_panel(services)
    try:
        model = engine.rootObjects()[0].property("panel")
        driver.tap(kiosk.window, "tile_jvvnl-bill")
        driver.type_digits(kiosk.window, demo_account("21041234567"))
        driver.tap(kiosk.window, "keyOk")
        driver.tap(kiosk.window, "payCashButton")
        model.insertNote(200)  # through the SSP emulator, the pty and our SSP driver
        assert driver.text_of(kiosk.window, "paidText").endswith("₹200.00")
        assert services.bench.acceptor_device.stacked == [200]
        model.toggleFinger()
        assert "finger: off" in model.property("status")
        assert isinstance(services.devices.biometric.capture(CaptureRequest()), CaptureFailed)
        model.toggleFinger()
        assert isinstance(services.devices.biometric.capture(CaptureRequest()), CaptureOk)
        model.togglePaper()
        assert "printer: out" in model.property("status")
    finally:
        engine.deleteLater()
        kiosk.close()
        services.close()
