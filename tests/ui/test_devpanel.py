"""The dev panel beside the app (shown by `make demo` with a display) drives the device emulators behind the field's
drivers, composed from the demo's config file exactly as `kiosk --config` composes; or the memory devices."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtQuick import QQuickWindow

from drivers import registry
from kiosk.clock import FakeClock
from kiosk.config import load_config
from kiosk.devices.biometric import CaptureFailed, CaptureOk, CaptureRequest
from kiosk.devices.printer import PrinterStatus
from sync.settings import agent_settings
from tests.fakes.devices import demo_account
from tests.fakes.services import MemoryHands
from ui import driver
from ui.app import KioskWindow
from ui.composition import DEMO_START, Services
from ui.demo import start_demo
from ui.devpanel.panel import open_panel


def test_panel_note_button_pays_into_the_open_journey_and_fault_buttons_toggle(
    kiosk: KioskWindow, services: Services
) -> None:
    engine = open_panel(MemoryHands(services))
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


def test_the_demo_composes_from_its_config_file_through_the_field_path_and_the_panel_drives_its_emulators(
    tmp_path: Path,
) -> None:
    from ui.app import build_window
    from ui.devpanel.emulated import wait_connected

    demo = start_demo(tmp_path, FakeClock(DEMO_START), receipts=tmp_path / "receipts")
    kiosk = build_window(demo.services, kiosk_mode=False)
    engine = open_panel(demo.bench)
    try:
        services = demo.services
        # The config the demo wrote is the one the app runs on, read by the field's loader; the agent's settings
        # derive from it; every device is the registered driver its [devices.<kind>] section names.
        config = load_config(demo.config_path)
        assert services.config == config
        assert services.sync_settings == agent_settings(config)
        assert services.sync_settings.server_url == demo.server.url
        for kind, port in (("cash", services.devices.cash), ("printer", services.devices.printer),
                           ("biometric", services.devices.biometric),
                           ("document_printer", services.certificates.printer)):  # fmt: skip
            device = config.devices[kind]
            built = registry.build(device, FakeClock(DEMO_START))
            assert type(port) is type(built)
            getattr(built, "close", lambda: None)()
        wait_connected(services.devices.cash)
        model = engine.rootObjects()[0].property("panel")
        driver.tap(kiosk.window, "tile_jvvnl-bill")
        driver.type_digits(kiosk.window, demo_account("21041234567"))
        driver.tap(kiosk.window, "keyOk")
        driver.tap(kiosk.window, "payCashButton")
        model.insertNote(200)  # through the SSP emulator, the pty and our SSP driver
        assert driver.text_of(kiosk.window, "paidText").endswith("₹200.00")
        assert demo.bench.stacked() == [200]
        model.toggleFinger()
        assert "finger: off" in model.property("status")
        assert isinstance(services.devices.biometric.capture(CaptureRequest(timeout_ms=500)), CaptureFailed)
        model.toggleFinger()
        assert isinstance(services.devices.biometric.capture(CaptureRequest()), CaptureOk)
        model.togglePaper()
        assert "printer: out" in model.property("status")
    finally:
        engine.deleteLater()
        kiosk.close()
        demo.close()
