"""Child for the UI watchdog test: a Qt app with the watchdog that quits by itself after `argv[1]` seconds."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtQuick import QQuickWindow

from sync.sdnotify import Notifier
from ui.watchdog import UiWatchdog

app = QGuiApplication(sys.argv[:1])
window = QQuickWindow()
window.setColor(QColor("#f4f1ea"))
window.resize(320, 240)
UiWatchdog(window, Notifier()).start()
window.show()
QTimer.singleShot(int(float(sys.argv[1]) * 1000), app.quit)
sys.exit(app.exec())
