"""`kioskctl doctor` shows the privileged executor's state: requests left waiting and the last outcome."""

from __future__ import annotations

import json
import os
from datetime import timedelta

from kiosk.clock import FakeClock
from provisioning.doctor import Level, examine
from provisioning.doctor_privileged import check_privileged
from tests.privileged.world import World


def with_spool(world: World) -> None:
    text = world.config.read_text()
    world.config.write_text(text.replace("[agent]\n", f'[agent]\nprivileged_spool = "{world.spool}"\n'))


def test_doctor_shows_the_last_refusal_as_a_warning(world: World) -> None:
    with_spool(world)
    world.drop("r-1.json", json.dumps({"id": "r-1", "action": "reboot", "args": {"when": "now"}}))
    assert world.run_executor().returncode == 0
    findings = examine(world.config, FakeClock(), [check_privileged])
    assert [f.level for f in findings] == [Level.OK, Level.WARN]
    assert "not running under systemd here" in findings[0].what
    assert findings[1].what.startswith("privileged executor: last request reboot refused at ")
    assert "reboot takes no arguments" in findings[1].what


def test_doctor_fails_when_requests_wait_and_nobody_runs_them(world: World) -> None:
    with_spool(world)
    clock = FakeClock()
    world.drop("w-1.json", json.dumps({"id": "w-1", "action": "restart_app", "args": {}}))
    put = (clock.now() - timedelta(minutes=10)).timestamp()
    os.utime(world.spool / "requests/w-1.json", (put, put))
    findings = examine(world.config, clock, [check_privileged])
    assert findings[1].level is Level.FAIL
    assert findings[1].what == "privileged executor: 1 request(s) waiting for more than 5 minutes"
    assert "systemctl enable --now kiosk-privileged.path" in findings[1].todo
    assert findings[2].what == "privileged executor: no request answered yet"


def test_doctor_says_when_the_executor_is_not_used(world: World) -> None:
    [finding] = examine(world.config, FakeClock(), [check_privileged])
    assert finding.level is Level.OK
    assert finding.what.startswith("privileged executor: not used")
