"""The release units verify with systemd's own tool: the rollback service and the agent's release drop-in."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from tests.systemd.test_units import EXPOSURE_GOAL, INSTALL_BIN, UNITS, analyze

RELEASE_BIN = "/opt/kiosk/current/bin/"


def here(text: str) -> str:
    """Paths of this checkout's venv for the installed ones (systemd-analyze checks that programs exist)."""
    venv = str(Path(sys.executable).parent) + "/"
    return text.replace(INSTALL_BIN, venv).replace(RELEASE_BIN, venv)


def test_rollback_service_and_the_agent_with_its_release_drop_in_verify_cleanly(tmp_path: Path) -> None:
    (tmp_path / "kiosk-rollback.service").write_text(here((UNITS / "kiosk-rollback.service").read_text()))
    agent = (
        here((UNITS / "kiosk-agent.service").read_text())
        + "\n"
        + here((UNITS / "kiosk-agent-release.conf").read_text())
    )
    (tmp_path / "kiosk-agent.service").write_text(agent)
    for unit in ("kiosk-rollback.service", "kiosk-agent.service"):
        result = analyze("verify", str(tmp_path / unit))
        assert result.returncode == 0, result.stderr
        assert result.stderr.strip() == "", result.stderr


def test_the_agent_drop_in_runs_the_gate_before_every_start_and_on_failure() -> None:
    lines = (UNITS / "kiosk-agent-release.conf").read_text().splitlines()
    assert "OnFailure=kiosk-rollback.service" in lines
    assert any(line.startswith("ExecStartPre=/opt/kiosk/current/bin/kiosk-rollback ") for line in lines)
    assert "ExecStart=" in lines  # the checkout's ExecStart is replaced, not added to


def test_rollback_service_is_hardened_below_the_exposure_goal(tmp_path: Path) -> None:
    unit = tmp_path / "kiosk-rollback.service"
    unit.write_text(here((UNITS / "kiosk-rollback.service").read_text()))
    result = analyze("security", "--offline=yes", str(unit))
    match = re.search(r"Overall exposure level for \S+: (\d+\.\d+)", result.stdout)
    assert match, result.stdout[-500:] + result.stderr
    assert float(match.group(1)) < EXPOSURE_GOAL
