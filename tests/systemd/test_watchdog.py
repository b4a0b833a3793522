"""The notify loop against a socket that plays systemd's part: READY, then pings only while healthy."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from sync.sdnotify import Notifier, WatchdogFeeder

ROOT = Path(__file__).resolve().parents[2]


def receive_all(sock: socket.socket, seconds: float) -> list[str]:
    messages = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        sock.settimeout(max(deadline - time.monotonic(), 0.01))
        try:
            messages.append(sock.recv(4096).decode())
        except TimeoutError:
            break
    return messages


def test_the_service_says_ready_and_feeds_the_watchdog_only_while_healthy(tmp_path: Path) -> None:
    address = str(tmp_path / "notify.sock")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as systemd:
        systemd.bind(address)
        flag = tmp_path / "health"
        flag.write_text("healthy")
        env = {**os.environ, "NOTIFY_SOCKET": address, "WATCHDOG_USEC": "300000"}
        child = subprocess.Popen([sys.executable, "-m", "tests.systemd_child", str(flag), "2.0"], cwd=ROOT, env=env)
        try:
            healthy = receive_all(systemd, 0.8)
            flag.write_text("hung")
            time.sleep(0.2)  # let a tick that started before the change finish
            receive_all(systemd, 0.05)
            unhealthy = receive_all(systemd, 0.8)
        finally:
            child.wait(timeout=10)
        assert healthy[0].startswith("READY=1")
        assert healthy.count("WATCHDOG=1") >= 3
        assert "WATCHDOG=1" not in unhealthy
        assert any("unhealthy" in m for m in unhealthy)


def test_without_systemd_nothing_is_sent_and_nothing_breaks() -> None:
    notifier = Notifier(environ={})
    assert not notifier.enabled
    assert not notifier.ready()
    assert WatchdogFeeder(notifier, healthy=lambda: True).tick_interval_s is None


def test_a_watchdog_meant_for_another_process_is_ignored() -> None:
    notifier = Notifier(environ={"NOTIFY_SOCKET": "@x", "WATCHDOG_USEC": "1000000", "WATCHDOG_PID": "1"})
    assert notifier.watchdog_interval_s is None
