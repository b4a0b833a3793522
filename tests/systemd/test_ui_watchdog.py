"""The touch app's watchdog (ui/watchdog.py) on a real Qt main loop, against a socket that plays systemd's part."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtGui import QColor
from PySide6.QtQuick import QQuickWindow
from pytestqt.qtbot import QtBot

from sync.sdnotify import Notifier
from ui.watchdog import UiWatchdog

ROOT = Path(__file__).resolve().parents[2]
WATCHDOG_USEC = 300_000  # a tick every 0.1 s


class FakeSystemd:
    """Receives notify datagrams on its own thread and stamps each with the time it arrived."""

    def __init__(self, folder: Path) -> None:
        self.address = str(folder / "notify.sock")
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(self.address)
        self.sock.settimeout(0.05)
        self.messages: list[tuple[float, str]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._receive, daemon=True)
        self._thread.start()

    def _receive(self) -> None:
        while not self._stop.is_set():
            try:
                data = self.sock.recv(4096)
            except TimeoutError:
                continue
            self.messages.append((time.monotonic(), data.decode()))

    def between(self, start: float, end: float) -> list[str]:
        return [text for at, text in self.messages if start <= at <= end]

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.sock.close()


@pytest.fixture
def systemd(tmp_path: Path) -> Iterator[FakeSystemd]:
    fake = FakeSystemd(tmp_path)
    yield fake
    fake.close()


@contextmanager
def watched(systemd: FakeSystemd, healthy: list[bool]) -> Iterator[tuple[QQuickWindow, UiWatchdog]]:
    notifier = Notifier(environ={"NOTIFY_SOCKET": systemd.address, "WATCHDOG_USEC": str(WATCHDOG_USEC)})
    window = QQuickWindow()
    window.setColor(QColor("#f4f1ea"))
    window.resize(320, 240)
    dog = UiWatchdog(window, notifier, healthy=lambda: healthy[0]).start()
    try:
        yield window, dog
    finally:
        dog.stop()
        window.close()
        # Really gone, so no window of ours keeps focus from the screens tested after us in this process.
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_ready_after_the_first_frame_then_pings_only_while_healthy(qtbot: QtBot, systemd: FakeSystemd) -> None:
    healthy = [True]
    with watched(systemd, healthy) as (window, dog):
        assert systemd.messages == []  # nothing before the screen shows anything
        window.show()
        qtbot.waitUntil(lambda: dog.ready_sent, timeout=5000)
        qtbot.wait(600)
        healthy[0] = False
        qtbot.wait(150)  # a tick already under way may still ping
        cut = time.monotonic()
        qtbot.wait(600)
        texts = [text for _, text in systemd.messages]
        assert texts[0].startswith("READY=1")
        pings_while_healthy = texts.count("WATCHDOG=1")
        assert pings_while_healthy >= 3
        assert "WATCHDOG=1" not in systemd.between(cut, time.monotonic())
        assert any("unhealthy" in text for text in systemd.between(cut, time.monotonic()))
        healthy[0] = True
        qtbot.waitUntil(
            lambda: [t for _, t in systemd.messages].count("WATCHDOG=1") > pings_while_healthy, timeout=2000
        )
    qtbot.waitUntil(lambda: systemd.messages[-1][1] == "STOPPING=1", timeout=1000)


def test_a_stalled_main_loop_sends_no_pings(qtbot: QtBot, systemd: FakeSystemd) -> None:
    stall: list[float] = []

    def block_the_loop() -> None:
        stall.append(time.monotonic())
        time.sleep(0.8)  # a hung QML handler, a blocking call on the GUI thread
        stall.append(time.monotonic())

    with watched(systemd, [True]) as (window, dog):
        window.show()
        qtbot.waitUntil(lambda: dog.ready_sent, timeout=5000)
        qtbot.wait(300)
        QTimer.singleShot(0, block_the_loop)
        qtbot.waitUntil(lambda: len(stall) == 2, timeout=3000)
        qtbot.wait(300)
    start, end = stall
    assert "WATCHDOG=1" not in systemd.between(start + 0.05, end)
    assert dog.late_ticks >= 1
    assert "WATCHDOG=1" in systemd.between(start - 0.3, start)  # it was pinging right before the stall


def test_quitting_the_app_says_stopping_last(systemd: FakeSystemd) -> None:
    env = {**os.environ, "NOTIFY_SOCKET": systemd.address, "WATCHDOG_USEC": str(WATCHDOG_USEC)}
    child = subprocess.run([sys.executable, "-m", "tests.systemd.ui_child", "0.6"], cwd=ROOT, env=env, timeout=30)
    assert child.returncode == 0
    time.sleep(0.1)  # the receiver thread stamps the last datagram
    texts = [text for _, text in systemd.messages]
    assert texts[0].startswith("READY=1")
    assert texts.count("WATCHDOG=1") >= 2
    assert texts[-1] == "STOPPING=1"


def test_without_systemd_the_watchdog_stays_silent(qtbot: QtBot) -> None:
    window = QQuickWindow()
    dog = UiWatchdog(window, Notifier(environ={})).start()
    window.show()
    qtbot.wait(200)
    window.close()
    assert not dog.ready_sent
    pings = dog.pings
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert pings == 0
