"""The kiosk-agent command line: enrol with a token, report status, and refuse a broken config clearly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kiosk.clock import SystemClock
from kiosk.store import Store
from tests.sync.harness import KIOSK_CODE, ServerProcess, make_payments, write_config


def agent_cli(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "sync.cli", "--config", str(config), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def test_enrol_then_status_reports_the_kiosk_and_its_outbox(tmp_path: Path, server: ServerProcess) -> None:
    config = write_config(tmp_path, server.url)
    store = Store.open(tmp_path / "kiosk.db", SystemClock())
    make_payments(store, 3)
    store.close()
    token = server.admin("admin", "issue-token", KIOSK_CODE)
    enrolled = agent_cli(config, "enrol", "--token", token)
    assert enrolled.returncode == 0, enrolled.stderr
    assert enrolled.stdout.startswith("enrolled as k-")
    again = agent_cli(config, "enrol", "--token", token)
    assert again.returncode == 2
    assert "already used" in again.stderr
    status = agent_cli(config, "status")
    assert "last seq 3, pending 3, quarantined 0" in status.stdout
    assert (tmp_path / "kiosk-agent.key").stat().st_mode & 0o777 == 0o600


def test_run_without_enrolment_says_how_to_enrol(tmp_path: Path) -> None:
    config = write_config(tmp_path, "http://127.0.0.1:9")
    done = agent_cli(config, "run")
    assert done.returncode == 2
    assert "not enrolled" in done.stderr


def test_config_without_a_server_url_is_refused_naming_the_key(tmp_path: Path) -> None:
    config = write_config(tmp_path, "")
    done = agent_cli(config, "status")
    assert done.returncode == 2
    assert "[server].url" in done.stderr
