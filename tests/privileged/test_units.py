"""The executor's units verify with systemd's own tool, run root-owned code only, and the agent can reach its spool."""

from __future__ import annotations

import re
from pathlib import Path

from tests.systemd.test_units import UNITS, analyze, as_installed_here

EXECUTOR_EXPOSURE_CEILING = 6.0  # root running dpkg: see systemd/README.md for what is and is not sandboxed


def test_the_executor_units_verify_cleanly(tmp_path: Path) -> None:
    service = as_installed_here("kiosk-privileged.service", tmp_path)
    path = tmp_path / "kiosk-privileged.path"
    path.write_text((UNITS / "kiosk-privileged.path").read_text())
    result = analyze("verify", str(service), str(path))
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == ""


def test_the_executor_runs_only_root_owned_code_never_the_agent_writable_release() -> None:
    lines = (UNITS / "kiosk-privileged.service").read_text().splitlines()
    start = [line for line in lines if line.startswith("ExecStart=")]
    assert len(start) == 1
    assert start[0].startswith("ExecStart=/opt/emitra-kiosk/.venv/bin/python -I -m sync.privileged ")
    assert "/opt/kiosk/current" not in "\n".join(lines)
    assert "Type=oneshot" in lines
    assert "DirectoryNotEmpty=/var/lib/kiosk-privileged/requests" in (UNITS / "kiosk-privileged.path").read_text()


def test_the_executor_keeps_what_sandbox_dpkg_allows(tmp_path: Path) -> None:
    result = analyze("security", "--offline=yes", str(as_installed_here("kiosk-privileged.service", tmp_path)))
    match = re.search(r"Overall exposure level for \S+: (\d+\.\d+)", result.stdout)
    assert match, result.stdout[-500:] + result.stderr
    assert float(match.group(1)) < EXECUTOR_EXPOSURE_CEILING


def test_the_agent_and_its_rollback_may_write_the_spool_and_nothing_else_of_root() -> None:
    for unit in ("kiosk-agent.service", "kiosk-rollback.service"):
        text = (UNITS / unit).read_text()
        assert "ProtectSystem=strict" in text.splitlines()
        writable = " ".join(re.findall(r"^ReadWritePaths=(.*)$", text, re.M)).split()
        assert "-/var/lib/kiosk-privileged" in writable, unit
        assert not any(path.lstrip("-").startswith("/etc") for path in writable), unit
