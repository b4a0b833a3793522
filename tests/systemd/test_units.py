"""The unit files verify with systemd's own tool, and their hardening stays below the exposure goal."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

UNITS = Path(__file__).resolve().parents[2] / "systemd"
INSTALL_BIN = "/opt/emitra-kiosk/.venv/bin/"
EXPOSURE_GOAL = 3.0


def as_installed_here(unit: str, tmp_path: Path, extra: str = "") -> Path:
    """The unit with ExecStart pointing at this checkout's venv, since /opt/emitra-kiosk does not exist here."""
    text = (UNITS / unit).read_text(encoding="utf-8").replace(INSTALL_BIN, str(Path(sys.executable).parent) + "/")
    path = tmp_path / unit
    path.write_text(text + extra, encoding="utf-8")
    return path


def analyze(*args: str) -> subprocess.CompletedProcess[str]:
    tool = shutil.which("systemd-analyze")
    assert tool, (
        "systemd-analyze is missing: `make test` installs Debian's systemd package (scripts/system-packages.txt)"
    )
    return subprocess.run([tool, *args], capture_output=True, text=True, check=False)


@pytest.mark.parametrize("unit", ["kiosk.service", "kiosk-agent.service"])
def test_units_verify_cleanly(unit: str, tmp_path: Path) -> None:
    result = analyze("verify", str(as_installed_here(unit, tmp_path)))
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == ""


def test_verify_would_catch_a_broken_unit(tmp_path: Path) -> None:
    broken = as_installed_here("kiosk.service", tmp_path, extra="\n[Service]\nRestart=sometimes\n")
    result = analyze("verify", str(broken))
    assert "restart specifier" in result.stderr
    assert "sometimes" in result.stderr


@pytest.mark.parametrize("unit", ["kiosk.service", "kiosk-agent.service"])
def test_units_are_hardened_below_the_exposure_goal(unit: str, tmp_path: Path) -> None:
    result = analyze("security", "--offline=yes", str(as_installed_here(unit, tmp_path)))
    match = re.search(r"Overall exposure level for \S+: (\d+\.\d+)", result.stdout)
    assert match, result.stdout[-500:] + result.stderr
    assert float(match.group(1)) < EXPOSURE_GOAL


@pytest.mark.parametrize("unit", ["kiosk.service", "kiosk-agent.service"])
def test_services_run_as_the_kiosk_user_with_a_watchdog_and_reboot_as_last_resort(unit: str) -> None:
    text = (UNITS / unit).read_text(encoding="utf-8")
    for line in ("Type=notify", "User=kiosk", "StartLimitAction=reboot", "ProtectSystem=strict", "NoNewPrivileges=yes"):
        assert line in text.splitlines(), f"{unit} lacks {line}"
    assert re.search(r"^WatchdogSec=\d+$", text, re.M)


def test_the_cage_variant_verifies_and_stays_hardened(tmp_path: Path) -> None:
    """kiosk.service with the cage drop-in applied (cage's path stands in for a binary present here, like the venv)."""
    drop_in = (UNITS / "kiosk-cage.conf").read_text(encoding="utf-8").replace("/usr/bin/cage", "/usr/bin/env")
    merged = as_installed_here("kiosk.service", tmp_path, extra="\n" + drop_in)
    verified = analyze("verify", str(merged))
    assert verified.returncode == 0, verified.stderr
    assert verified.stderr.strip() == ""
    security = analyze("security", "--offline=yes", str(merged))
    match = re.search(r"Overall exposure level for \S+: (\d+\.\d+)", security.stdout)
    assert match, security.stdout[-500:] + security.stderr
    assert float(match.group(1)) < EXPOSURE_GOAL
    assert "ExecStart=/usr/bin/env -- " in drop_in  # cage without -s: it refuses VT switching


def test_the_touch_app_owns_its_terminal_so_there_is_no_way_out_to_a_console() -> None:
    lines = (UNITS / "kiosk.service").read_text(encoding="utf-8").splitlines()
    for line in ("TTYPath=/dev/tty1", "StandardInput=tty-force", "DeviceAllow=/dev/tty1 rw"):
        assert line in lines
    assert "NAutoVTs=0" in (UNITS / "emitra-kiosk-logind.conf").read_text(encoding="utf-8").splitlines()
