"""Two real releases of this repository, the real agent processes and server: a good update, then a broken one
that never reaches READY and is rolled back, reported to the server with its state."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sync.release.root import ReleaseRoot
from tests.release.conftest import Published
from tests.release.harness import kiosk_for, provision_release
from tests.sync.harness import wait_until

CODE = "RJ-E2E-0001"


class FakeSystemd:
    """Plays systemd for the agent unit: starts `current/bin/kiosk-agent run`, waits for READY, runs the gate."""

    def __init__(self, folder: Path, config: Path, root: ReleaseRoot) -> None:
        self.folder, self.config, self.root = folder, config, root
        self.socket_path = folder / "notify.sock"
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(self.socket_path))
        self.sock.settimeout(0.1)
        self.process: subprocess.Popen[bytes] | None = None
        self.log = folder / "agent.log"

    def start(self) -> None:
        """ExecStartPre= (the health gate, which must let a fresh release start), then ExecStart=."""
        env = {**os.environ, "NOTIFY_SOCKET": str(self.socket_path)}
        env.pop("PYTHONPATH", None)
        command = [str(self.root.current / "bin" / "kiosk-rollback"), "--config", str(self.config)]
        gate = subprocess.run(command, cwd=self.folder, env=env, capture_output=True, text=True, timeout=60)
        assert gate.returncode == 0, gate.stderr
        assert not gate.stdout.startswith("rolled back"), gate.stdout
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen([str(self.root.current / "bin" / "kiosk-agent"), "--config",
                                             str(self.config), "run"], cwd=self.folder, env=env, stdout=log,
                                            stderr=log)  # fmt: skip

    def ready_within(self, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                if self.sock.recv(4096).startswith(b"READY=1"):
                    return True
            except TimeoutError:
                continue
        return False

    def exited_within(self, seconds: float) -> int | None:
        assert self.process is not None
        try:
            return self.process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            return None

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def on_failure(self) -> str:
        """OnFailure=kiosk-rollback.service: the gate as its own process, with the failed unit's log."""
        done = subprocess.run(
            [str(self.root.current / "bin" / "kiosk-rollback"), "--config", str(self.config), "--failed",
             "--log-file", str(self.log)],
            cwd=self.folder, capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        return done.stdout


def server_software(published: Published, kiosk_id: str) -> dict[str, object]:
    conn = sqlite3.connect(published.server.db, timeout=30)
    try:
        row = conn.execute("SELECT body FROM heartbeats WHERE kiosk_id = ?", (kiosk_id,)).fetchone()
    finally:
        conn.close()
    software = json.loads(row[0]).get("software") if row else None
    return software if isinstance(software, dict) else {}


@pytest.fixture
def systemd(tmp_path: Path, published: Published) -> Iterator[tuple[FakeSystemd, str]]:
    kiosk = kiosk_for(tmp_path, published.server, CODE, hours="closed", release_root="opt-kiosk",
                      heartbeat_interval_s=0.5, health_deadline_s=60.0)  # fmt: skip
    provision_release(kiosk, published, "1.0")
    kiosk_id = str(kiosk.store.read_one("SELECT value FROM sync_state WHERE key = 'kiosk_id'")["value"])  # type: ignore[index]
    kiosk.store.close()
    fake = FakeSystemd(tmp_path, kiosk.settings_path, kiosk.root)
    try:
        yield fake, kiosk_id
    finally:
        fake.kill()
        fake.sock.close()


def test_good_update_confirms_and_a_release_that_never_gets_ready_is_rolled_back(
    systemd: tuple[FakeSystemd, str], published: Published
) -> None:
    unit, kiosk_id = systemd
    root = unit.root
    unit.start()
    assert unit.ready_within(30), unit.log.read_text()
    published.server.admin("admin", "assign-release", "--version", "1.1", "--kiosk", CODE)
    assert unit.exited_within(60) == 0, unit.log.read_text()  # downloaded, switched, exits for systemd to restart
    assert root.running() == "1.1"
    unit.start()
    assert unit.ready_within(30), unit.log.read_text()
    wait_until(lambda: root.state().get("state") == "ok", 30, "release 1.1 to confirm itself")
    wait_until(lambda: server_software(published, kiosk_id).get("running") == "1.1", 30, "the server to see 1.1")

    published.server.admin("admin", "assign-release", "--version", "2.0", "--kiosk", CODE)
    assert unit.exited_within(60) == 0, unit.log.read_text()
    assert root.running() == "2.0"
    unit.start()
    assert not unit.ready_within(8)  # TimeoutStartSec=: systemd kills it and the unit fails
    unit.kill()
    assert unit.on_failure().startswith("rolled back")
    assert root.running() == "1.1"
    assert root.state()["state"] == "rolled_back"
    unit.start()
    assert unit.ready_within(30), unit.log.read_text()
    wait_until(lambda: server_software(published, kiosk_id).get("update_state") == "rolled_back", 30,
               "the server to hear of the rollback")  # fmt: skip
    software = server_software(published, kiosk_id)
    assert software["running"] == "1.1"
    assert software["update_version"] == "2.0"
    assert "release 2.0 failed to start" in str(software["detail"])
