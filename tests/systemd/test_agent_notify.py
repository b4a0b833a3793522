"""The real kiosk-agent process tells systemd it is ready and feeds its watchdog (the unit is Type=notify)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from tests.sync.harness import ServerProcess, enrolled_kiosk

ROOT = Path(__file__).resolve().parents[2]


def test_the_agent_says_ready_and_feeds_the_watchdog(tmp_path: Path) -> None:
    server = ServerProcess(str(tmp_path / "server.db"), tmp_path / "server.log").start()
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as systemd:
        systemd.bind(str(tmp_path / "notify.sock"))
        systemd.settimeout(0.1)
        try:
            _, store = enrolled_kiosk(tmp_path, server, server.url)
            store.close()
            env = {**os.environ, "NOTIFY_SOCKET": str(tmp_path / "notify.sock"), "WATCHDOG_USEC": "300000"}
            agent = subprocess.Popen(
                [sys.executable, "-m", "sync.cli", "--config", str(tmp_path / "kiosk.toml"), "run"],
                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            messages: list[str] = []
            deadline = time.monotonic() + 20
            try:
                while time.monotonic() < deadline and messages.count("WATCHDOG=1") < 3:
                    try:
                        messages.append(systemd.recv(4096).decode())
                    except TimeoutError:
                        continue
            finally:
                agent.send_signal(signal.SIGTERM)
                agent.wait(timeout=10)
        finally:
            server.stop()
    assert messages[0].startswith("READY=1\nSTATUS=syncing with http://127.0.0.1:")
    assert messages.count("WATCHDOG=1") >= 3
