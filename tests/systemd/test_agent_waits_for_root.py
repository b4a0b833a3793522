"""The real kiosk-agent keeps feeding systemd's watchdog while it waits for a slow privileged executor."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from kiosk.clock import SystemClock, iso_utc
from sync.privileged_spool import Result
from tests.sync.harness import ServerProcess, enrolled_kiosk
from tests.sync.test_remote_commands import issue, officers

ROOT = Path(__file__).resolve().parents[2]
SLOW_S = 2.5  # root's answer comes after this, far past the 0.6 s watchdog below (620 s vs 120 s on a kiosk)


def test_the_watchdog_is_fed_while_root_takes_long_to_answer(tmp_path: Path) -> None:
    spool = tmp_path / "spool"
    for folder in ("staging", "requests", "results"):
        (spool / folder).mkdir(parents=True)
    server = ServerProcess(str(tmp_path / "server.db"), tmp_path / "server.log").start()
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as systemd:
        systemd.bind(str(tmp_path / "notify.sock"))
        systemd.settimeout(0.05)
        try:
            _, store = enrolled_kiosk(tmp_path, server, server.url, privileged_spool=str(spool))
            store.close()
            issue(officers(server), "bdo.chaksu", "restart_app")
            env = {**os.environ, "NOTIFY_SOCKET": str(tmp_path / "notify.sock"), "WATCHDOG_USEC": "600000"}
            agent = subprocess.Popen(
                [sys.executable, "-m", "sync.cli", "--config", str(tmp_path / "kiosk.toml"), "run"],
                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            try:
                pings_while_waiting = slow_executor(spool, systemd)
            finally:
                agent.send_signal(signal.SIGTERM)
                agent.wait(timeout=10)
        finally:
            server.stop()
    assert pings_while_waiting >= 4  # every 0.2 s at most; before the fix: none (the one worker was blocked)


def slow_executor(spool: Path, systemd: socket.socket) -> int:
    """Wait for the agent's request, answer it SLOW_S later; the WATCHDOG=1 pings received in between."""
    deadline = time.monotonic() + 30
    while not list((spool / "requests").iterdir()):
        assert time.monotonic() < deadline, "the agent never asked root to restart the app"
        drain(systemd)
        time.sleep(0.05)
    request = next((spool / "requests").iterdir())
    pings, answer_at = 0, time.monotonic() + SLOW_S
    while time.monotonic() < answer_at:
        pings += drain(systemd).count("WATCHDOG=1")
    result = Result(id=request.stem, action="restart_app", status="done", detail="restart_app started",
                    finished_at=iso_utc(SystemClock().now()))  # fmt: skip
    (spool / "results" / request.name).write_text(result.model_dump_json())
    return pings


def drain(systemd: socket.socket) -> list[str]:
    messages = []
    try:
        while True:
            messages.append(systemd.recv(4096).decode())
    except TimeoutError:
        return messages
