"""Officers' remote commands end to end: the real server signs and delivers them in heartbeat answers, the agent runs
them, journals them on the kiosk and answers, and the server audits each one with the ordering officer's name."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.availability import ServiceSwitch
from kiosk.clock import SystemClock
from server.dashboard.auth import add_officer
from server.dashboard.rollup import put_site
from server.db import Database
from server.fleetops.remote import CommandError, result_output
from server.service import Service
from sync.agent import Agent
from sync.remote import FileLog
from tests.sync.harness import KIOSK_CODE, ServerProcess, _server_rows, enrolled_kiosk, wait_until


class Machine:
    """The system-control port: records what was asked, never restarts or reboots anything."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def restart_app(self) -> None:
        self.calls.append("restart_app")

    def reboot(self) -> None:
        self.calls.append("reboot")


class Screen:
    def __init__(self, refusal: str = "") -> None:
        self.refusal = refusal

    def screenshot(self) -> tuple[bytes | None, str]:
        return (None, self.refusal) if self.refusal else (b"\x89PNG fake", "home")


def officers(server: ServerProcess) -> Service:
    """Three officers and the kiosk's place, written in-process into the server's database (the CLI for these is
    tested with the dashboard); orders go through `kiosk-server admin command` where the CLI itself is the point."""
    service = Service(Database("sqlite:///" + server.db))
    for username, name, role, block in (("bdo.chaksu", "Meena Sharma", "block", "Chaksu"),
                                        ("dm.jaipur", "Arun Singh", "district", None),
                                        ("bdo.sanganer", "Ravi Jain", "block", "Sanganer")):  # fmt: skip
        add_officer(service.db, username, name, "correct horse battery", role, "Jaipur", block, "2026-01-01T00:00:00Z")
    with service.db.tx() as tx:
        kiosk_id = str(_one(tx.one("SELECT id FROM kiosks WHERE code = ?", (KIOSK_CODE,))))
        put_site(tx, kiosk_id, KIOSK_CODE, {"district": "Jaipur", "block": "Chaksu"})
    return service


def _one(row: tuple[object, ...] | None) -> object:
    assert row is not None
    return row[0]


def issue(service: Service, officer: str, kind: str, args: dict[str, object] | None = None) -> str:
    return service.remote.issue(officer, KIOSK_CODE, kind, args or {}, datetime.now(UTC)).id


def order(server: ServerProcess, officer: str, kind: str, *extra: str) -> str:
    return server.admin("admin", "command", KIOSK_CODE, kind, "--officer", officer, *extra).split()[0]


def refused(server: ServerProcess, officer: str, kind: str, *extra: str) -> str:
    with pytest.raises(RuntimeError) as caught:
        server.admin("admin", "command", KIOSK_CODE, kind, "--officer", officer, *extra)
    return str(caught.value)


def audit(server: ServerProcess) -> dict[str, tuple[str, str, str | None, str | None]]:
    rows = _server_rows(server.db, "SELECT id, kind, officer_name, result_status, result_detail FROM remote_commands")
    return {str(r[0]): (str(r[1]), str(r[2]), r[3], r[4]) for r in rows}  # type: ignore[misc]


def answered(agent: Agent, server: ServerProcess, ids: list[str]) -> None:
    """Heartbeats until the server has filed every answer (it writes them with its next heartbeat flush)."""

    def filed() -> bool:
        agent.beat()
        return all(audit(server)[i][2] is not None for i in ids)

    wait_until(filed, 20, "the kiosk's answers to reach the server's audit")


def test_officers_orders_run_once_on_the_kiosk_journaled_and_audited_with_their_names(
    tmp_path: Path, server: ServerProcess
) -> None:
    settings, store = enrolled_kiosk(tmp_path, server, server.url)
    log_file = tmp_path / "kiosk.log"
    log_file.write_text("12:00 bill paid by mobile 9876543210\n12:01 aadhaar 2345 6789 0123 auth ok\n"
                        "12:02 login password=hunter22 token: abcdef\n12:03 printer ok\n", "utf-8")  # fmt: skip
    machine = Machine()
    agent = Agent(settings, store, SystemClock(), system=machine, screen=Screen())
    agent.remote.logs = FileLog(log_file)
    desk = officers(server)
    restart = order(server, "bdo.chaksu", "restart_app")
    logs = issue(desk, "bdo.chaksu", "send_logs", {"lines": 3})
    oos = issue(desk, "bdo.chaksu", "out_of_service", {"reason": "cash box jammed"})
    shot = issue(desk, "bdo.chaksu", "screenshot")

    answered(agent, server, [restart, logs, oos, shot])

    assert machine.calls == ["restart_app"]
    assert ServiceSwitch(store).reason() == "cash box jammed"
    found = audit(server)
    assert found[restart] == ("restart_app", "Meena Sharma", "done", "restart_app started")
    assert found[oos][2:] == ("done", "out of service")
    assert found[shot][2] == "done"
    output = str(result_output(desk.db, logs))
    for secret in ("9876543210", "2345 6789 0123", "hunter22"):
        assert secret not in output
    assert "[MOBILE REDACTED]" not in output  # only the last 3 lines were asked for
    assert output.splitlines()[-1] == "12:03 printer ok"
    png = str(result_output(desk.db, shot))
    assert base64.b64decode(png) == b"\x89PNG fake"
    journaled = store.read("SELECT subject, actor, details FROM journal WHERE action = 'remote.command' ORDER BY id")
    assert [r["subject"] for r in journaled] == [restart, logs, oos, shot]
    assert all(json.loads(r["details"])["officer"] == "Meena Sharma" for r in journaled)
    assert "hunter22" not in json.dumps(journaled)  # the journal has the outcome, never the output
    listing = server.admin("admin", "commands", "--officer", "bdo.chaksu")
    assert f"restart_app {{}} by Meena Sharma: done restart_app started ({restart})" in listing

    agent.beat()  # answered commands are not sent again: nothing runs twice
    assert machine.calls == ["restart_app"]
    assert agent.remote.pending() == []
    store.close()


def test_roles_decide_who_may_order_what_and_the_kiosk_refuses_a_bad_config_or_a_screenshot_of_an_aadhaar_number(
    tmp_path: Path, server: ServerProcess
) -> None:
    settings, store = enrolled_kiosk(tmp_path, server, server.url)
    desk = officers(server)
    change = json.dumps({"kiosk": {"helpline": "1800-180-6127"}})
    assert "needs a district officer" in refused(server, "bdo.chaksu", "set_config", "--config", change)
    for officer, kind, args, why in (
        ("bdo.sanganer", "restart_app", {}, "no kiosk"),  # another block's machine looks like no machine
        ("nobody", "restart_app", {}, "no officer"),
        ("dm.jaipur", "set_config", {"server": {"url": "http://evil"}}, "not a section that can be changed remotely"),
        ("bdo.chaksu", "send_logs", {"lines": 10**6}, "from 1 to 2000"),
        ("bdo.chaksu", "reboot", {"now": True}, "takes no arguments"),
    ):
        with pytest.raises(CommandError, match=why):
            issue(desk, officer, kind, args)
    assert audit(server) == {}

    agent = Agent(settings, store, SystemClock(), system=Machine(), screen=Screen("an Aadhaar number is on screen"))
    pushed = order(server, "dm.jaipur", "set_config", "--config", change)
    bad = issue(desk, "dm.jaipur", "set_config", {"hours": {"mon": "25:00-26:00"}})
    shot = issue(desk, "bdo.chaksu", "screenshot")
    config = tmp_path / "kiosk.toml"
    before = config.read_text("utf-8")
    answered(agent, server, [pushed, bad, shot])

    found = audit(server)
    assert found[pushed][1:3] == ("Arun Singh", "done")
    assert found[bad][2] == "refused"
    assert "[hours].mon = '25:00-26:00'" in str(found[bad][3])
    assert "nothing changed" in str(found[bad][3])
    assert 'helpline = "1800-180-6127"' in config.read_text("utf-8")
    assert (tmp_path / "kiosk.toml.prev").read_text("utf-8") == before
    assert audit(server)[shot][2:] == ("refused", "an Aadhaar number is on screen")
    assert _server_rows(server.db, f"SELECT result_output FROM remote_commands WHERE id = '{shot}'") == [(None,)]
    store.close()
