"""Slow work off the Qt thread: one job at a time on a worker thread, its result handed back on the Qt thread."""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QEventLoop, QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)
T = TypeVar("T")
_LIVE: weakref.WeakSet[OffThread] = weakref.WeakSet()


class OffThread(QObject):
    """`run(work, done)`: `work()` runs on this object's own single worker thread (jobs keep their order, so cash
    updates are applied as they came), then `done(result)` runs on the thread this object lives on — the Qt thread —
    so the screen keeps drawing, animating and feeding the systemd watchdog meanwhile. A job that raises is logged
    and `failed(exc)` runs instead."""

    _delivered = Signal(object)  # emitted on the worker thread; Qt queues it to this object's thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pending = 0  # started and not yet handed back
        self._running = _Count()  # started and not yet finished on the worker thread
        self._delivered.connect(self._deliver)
        _LIVE.add(self)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def run(
        self, work: Callable[[], T], done: Callable[[T], None], failed: Callable[[BaseException], None] | None = None
    ) -> None:
        self._pending += 1
        self._running.add(1)
        self._pool.start(_Job(work, done, failed, self._delivered, self._running))

    def _deliver(self, packet: tuple[Callable[[Any], None], Any]) -> None:
        self._pending -= 1
        callback, value = packet
        callback(value)

    def wait_idle(self, timeout_s: float = 60.0) -> bool:
        """Block until every job has run and been delivered (tests, the scripted tour); False on timeout."""
        deadline = time.monotonic() + timeout_s
        while self._pending and self._running.value and time.monotonic() < deadline:
            self._pool.waitForDone(50)
            process_events()
        process_events()  # what finished last is handed back now
        return not self._running.value


def wait_all_idle(timeout_s: float = 60.0) -> bool:
    """Every live OffThread idle: what ui.driver waits for after a tap, so a script sees the finished screen."""
    # A worker whose window is gone (its C++ side deleted) has nothing more to hand back.
    return all(worker.wait_idle(timeout_s) for worker in list(_LIVE) if shiboken6.isValid(worker))


_loops: dict[int, QEventLoop] = {}


def process_events() -> None:
    """QCoreApplication.processEvents() without its cost: in PySide6 6.12 the static call drops a reference to None
    each time, and a few thousand calls (a long test session) crash the interpreter; QEventLoop's does not."""
    loop = _loops.get(threading.get_ident())
    if loop is None:
        loop = _loops[threading.get_ident()] = QEventLoop()
    loop.processEvents()


class _Job(QRunnable):
    def __init__(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None] | None,
        delivered: Any,
        running: _Count,
    ) -> None:
        super().__init__()
        self.work, self.done, self.failed, self.delivered, self.running = work, done, failed, delivered, running

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # the worker thread must survive, and the screen must leave its waiting state
            log.exception("slow work failed")
            self.delivered.emit((self.failed or _ignore, exc))
        else:
            self.delivered.emit((self.done, result))
        finally:
            self.running.add(-1)  # after the emit: whoever sees 0 finds the answer already queued


class _Count:
    """A counter shared with the worker thread (plain Python, so it outlives a deleted QObject)."""

    def __init__(self) -> None:
        self.value = 0
        self._lock = threading.Lock()

    def add(self, n: int) -> None:
        with self._lock:
            self.value += n


def _ignore(_: BaseException) -> None:
    return None
