"""Compose the Qt app: fonts, translations, view-models and the QML window."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from ui.composition import Services
from ui.device_reporter import DeviceReporter
from ui.fonts import load_fonts
from ui.i18n import Languages
from ui.qr import QrImageProvider
from ui.refcounts import keep_singletons_alive
from ui.remote_screen import ScreenshotResponder
from ui.viewmodels.access import AccessViewModel, attach_access
from ui.viewmodels.app import AppViewModel

QML_DIR = Path(__file__).parent / "qml"
ICON_DIR = Path(__file__).parent / "icons"


def use_virtual_keyboard() -> None:
    """The Hindi/English on-screen keyboard is a Qt input method plugin, chosen before the app exists."""
    os.environ["QT_IM_MODULE"] = "qtvirtualkeyboard"


def application() -> QGuiApplication:
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    use_virtual_keyboard()
    return QGuiApplication(sys.argv[:1])


@dataclass
class KioskWindow:
    engine: QQmlApplicationEngine
    window: QQuickWindow
    vm: AppViewModel
    languages: Languages
    timer: QTimer
    access: AccessViewModel | None = None
    reporter: DeviceReporter | None = None
    screenshots: ScreenshotResponder | None = None

    def find(self, name: str) -> QObject | None:
        found: QObject | None = self.window.findChild(QObject, name)
        return found

    def close(self) -> None:
        self.timer.stop()
        if self.screenshots is not None:
            self.screenshots.timer.stop()
        if self.reporter is not None:
            self.reporter.stop()
        if self.access is not None:
            self.access.speaker.close()
        self.window.close()
        self.engine.deleteLater()


def build_window(services: Services, *, width: int = 1366, height: int = 768, kiosk_mode: bool = True) -> KioskWindow:
    """Fullscreen, frameless and without a cursor in kiosk mode; a plain window of the given size otherwise."""
    keep_singletons_alive()  # PySide6 6.12 drops references to True/None on every emit (ui/refcounts.py)
    app = application()
    load_fonts(app)
    languages = Languages(app)
    engine = QQmlApplicationEngine()
    engine.addImageProvider("qr", QrImageProvider())
    vm = AppViewModel(services, on_language=lambda lang: languages.switch(lang, engine), parent=engine)
    languages.switch(services.config.language)
    vm.setLanguage(services.config.language)
    access = attach_access(engine, services, vm)
    engine.setInitialProperties({"app": vm, "iconDir": QUrl.fromLocalFile(str(ICON_DIR) + "/").toString()})
    engine.load(QUrl.fromLocalFile(str(QML_DIR / "Main.qml")))
    roots = engine.rootObjects()
    if not roots or not isinstance(roots[0], QQuickWindow):
        raise RuntimeError(f"{QML_DIR / 'Main.qml'} did not load a window")
    window = roots[0]
    window.resize(width, height)
    if kiosk_mode:
        window.setFlag(Qt.WindowType.FramelessWindowHint, True)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
        window.showFullScreen()
    else:
        window.show()
    timer = QTimer(engine)
    timer.setInterval(1000)
    timer.timeout.connect(vm.tick)
    timer.start()
    reporter = DeviceReporter(services.store, services.devices).start()  # for the heartbeat (kiosk/device_report.py)
    screenshots = ScreenshotResponder(services.store, window, vm, engine.rootContext().contextProperty("phone"),
                                      parent=engine, locker=engine.rootContext().contextProperty("locker"))  # fmt: skip
    return KioskWindow(engine, window, vm, languages, timer, access, reporter, screenshots)
