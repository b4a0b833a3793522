"""The accessibility tests reuse the UI fixtures (app on memory devices, offscreen, Qt warnings fail the test)."""

from tests.ui.conftest import fake_clock, kiosk, qapp_cls, qt_warnings, services

__all__ = ["fake_clock", "kiosk", "qapp_cls", "qt_warnings", "services"]
