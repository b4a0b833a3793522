"""systemd's watchdog for the touch app, fed from the Qt main loop only while the UI is healthy.

READY=1 goes out after the window's first frame (the screen really shows something), WATCHDOG=1 from a QTimer on
the main loop — so a stalled loop stops the pings by itself — and only while `healthy()` says yes; STOPPING=1 when
the application quits. Under no systemd (no NOTIFY_SOCKET) it does nothing. Wiring (the composition root):
`UiWatchdog(window, Notifier(), healthy=…).start()`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtQuick import QQuickWindow

from sync.sdnotify import Notifier, WatchdogFeeder

log = logging.getLogger(__name__)


class UiWatchdog(QObject):
    def __init__(
        self,
        window: QQuickWindow,
        notifier: Notifier,
        healthy: Callable[[], bool] = lambda: True,
        *,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.notifier = notifier
        self.feeder = WatchdogFeeder(notifier, healthy)
        self.monotonic = monotonic
        self.ready_sent = False
        self.pings = 0
        self.late_ticks = 0  # ticks that came more than two intervals late: the loop was stalled
        self._last_tick: float | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)

    def start(self) -> UiWatchdog:
        if not self.notifier.enabled:
            return self
        self.window.frameSwapped.connect(self._first_frame)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        return self

    def _first_frame(self) -> None:
        if self.ready_sent:
            return
        self.window.frameSwapped.disconnect(self._first_frame)
        self.ready_sent = True
        self.notifier.ready("first frame shown")
        interval = self.feeder.tick_interval_s
        if interval is not None:
            self._timer.start(max(int(interval * 1000), 10))
            self._tick()

    def _tick(self) -> None:
        now = self.monotonic()
        interval = self._timer.interval() / 1000
        if self._last_tick is not None and now - self._last_tick > 2 * interval:
            self.late_ticks += 1
            log.warning("UI main loop was stalled for %.1f s", now - self._last_tick)
        self._last_tick = now
        if self.feeder.tick():
            self.pings += 1

    def stop(self) -> None:
        self._timer.stop()
        if self.notifier.enabled:
            self.notifier.stopping()
