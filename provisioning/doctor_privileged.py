"""kioskctl doctor's check of the privileged executor: its path unit, requests left waiting, the last outcome."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.config import ConfigError
from sync.privileged_client import Privileged
from sync.privileged_spool import REQUESTS
from sync.settings import load_settings

if TYPE_CHECKING:
    from provisioning.doctor import Finding, Patient

STUCK_AFTER_S = 300  # the path unit starts the executor within a second; minutes means it is not running
PATH_UNIT = "kiosk-privileged.path"


def check_privileged(p: Patient) -> list[Finding]:
    from provisioning.doctor import Finding, Level

    try:
        spool = load_settings(p.config_path).privileged_spool
    except ConfigError as exc:
        return [Finding(Level.FAIL, str(exc), "fix the [agent] section or run kioskctl provision again")]
    if spool is None:
        return [Finding(Level.OK, "privileged executor: not used ([agent].privileged_spool not set; the agent "
                                  "restarts, reboots and rewrites the config itself)")]  # fmt: skip
    todo = f"systemd-tmpfiles --create /usr/lib/tmpfiles.d/kiosk-privileged.conf; systemctl enable --now {PATH_UNIT}"
    try:
        waiting = list((spool / REQUESTS).iterdir())
    except FileNotFoundError:
        return [Finding(Level.FAIL, f"privileged executor: its spool {spool}/{REQUESTS} is missing", todo)]
    except PermissionError:
        return [Finding(Level.WARN, f"privileged executor: cannot look into {spool} (run kioskctl doctor as root)")]
    findings = [_path_unit(todo)]
    now = p.clock.now().timestamp()
    stuck = [f for f in waiting if now - f.lstat().st_mtime > STUCK_AFTER_S]
    if stuck:
        what = f"privileged executor: {len(stuck)} request(s) waiting for more than {STUCK_AFTER_S // 60} minutes"
        findings.append(Finding(Level.FAIL, what, f"{todo}; journalctl -u kiosk-privileged"))
    last = Privileged(spool).last_result()
    if last is None:
        findings.append(Finding(Level.OK, "privileged executor: no request answered yet"))
    else:
        line = f"privileged executor: last request {last.action} {last.status} at {last.finished_at} ({last.detail})"
        bad = last.status != "done"
        findings.append(
            Finding(Level.WARN if bad else Level.OK, line[:300], "journalctl -u kiosk-privileged" if bad else "")
        )
    return findings


def _path_unit(todo: str) -> Finding:
    from provisioning.doctor import Finding, Level

    systemctl = shutil.which("systemctl")
    if systemctl is None or not Path("/run/systemd/system").is_dir():
        return Finding(Level.OK, f"privileged executor: not running under systemd here; {PATH_UNIT} not checked")
    state = subprocess.run([systemctl, "is-active", PATH_UNIT], capture_output=True, text=True, check=False)
    active = state.stdout.strip()
    if active == "active":
        return Finding(Level.OK, f"privileged executor: {PATH_UNIT} watching for requests")
    return Finding(Level.FAIL, f"privileged executor: {PATH_UNIT} is {active or 'unknown'}", todo)
