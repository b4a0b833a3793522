"""A driver's long-running thread whose death is kept as a fault the driver reports, never lost in a log line."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)

DETAIL_LIMIT = 200  # statuses travel in the heartbeat: keep the reason short


class DeviceThread:
    """Runs `loop` on a daemon thread. If the loop raises, or returns before `stop()` was asked, `fault` says why.

    The loop watches `stopping` and returns when it is set. A parser's refusal of one line is not a death: readers
    count those (`Refusals`) and go on; anything that escapes the loop is a fault the device reports as FAULT.
    """

    def __init__(self, loop: Callable[[], None], *, name: str) -> None:
        self.name = name
        self.stopping = threading.Event()
        self._loop = loop
        self._fault: str | None = None
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self.stopping.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=timeout)

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    @property
    def fault(self) -> str | None:
        """Why the thread died (`None` while it runs or after a requested stop)."""
        return self._fault

    def _run(self) -> None:
        try:
            self._loop()
        except Exception as exc:
            self._fault = f"{self.name} thread died: {type(exc).__name__}: {exc}"[:DETAIL_LIMIT]
            log.exception("%s thread died; the device reports a fault until restarted", self.name)
            return
        if not self.stopping.is_set():
            self._fault = f"{self.name} thread stopped by itself"
            log.error("%s thread stopped without being asked", self.name)


class Refusals:
    """How many inputs a reader refused and the last reason, for the driver's status detail (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.count = 0
        self.last = ""

    def add(self, reason: str) -> None:
        with self._lock:
            self.count += 1
            self.last = reason[:DETAIL_LIMIT]

    def summary(self, what: str) -> str:
        """'' when nothing was refused, else e.g. '3 sentences refused, last: checksum …'."""
        with self._lock:
            return f"{self.count} {what} refused, last: {self.last}" if self.count else ""
