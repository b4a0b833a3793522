"""A real reference server process for provisioning, and an answers file that points at it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sync.harness import ServerProcess

ANSWERS = Path(__file__).resolve().parents[1] / "fixtures" / "provision-answers.toml"
KIOSK_CODE = "RJ-JPR-BSS-0001"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    process = ServerProcess(str(tmp_path / "server.db"), tmp_path / "server.log").start()
    yield process
    process.stop()


@pytest.fixture
def answers(tmp_path: Path, server: ServerProcess) -> Path:
    token = server.admin("admin", "issue-token", KIOSK_CODE)
    text = ANSWERS.read_text(encoding="utf-8")
    text = text.replace('url = "http://127.0.0.1:8080"', f'url = "{server.url}"')
    text = text.replace('token = "replace-with-a-token"', f'token = "{token}"')
    text += "\n[agent]\nfirst_contact_max_s = 0.2\ndrain_interval_s = 0.3\nheartbeat_interval_s = 1.0\n"
    # No devices on this machine: nothing is required, and the RD service probe looks where nothing listens.
    text += "\n[detect]\nrequired = []\nbiometric_ports = [9, 9]\n"
    path = tmp_path / "answers.toml"
    path.write_text(text, encoding="utf-8")
    return path
