"""Staged rollout against the real server process with a fleet of simulated agents (signed heartbeats over HTTP):
waves follow each other only when the previous one runs the release, and too many failures pause it until an
officer resumes it."""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from server.db import Database
from server.fleetops import rollout
from server.fleetops.remote import CommandError
from tests.fleet.simfleet import Fleet, add_fleet
from tests.server.dashboard.harness import login
from tests.sync.harness import ServerProcess, _server_rows

PLACES = [("Jaipur", "Amer", 8), ("Jaipur", "Chaksu", 8), ("Alwar", "Tijara", 8), ("Alwar", "Kishangarh", 8)]
PASSWORD = "correct-horse-9"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    process = ServerProcess(str(tmp_path / "server.db"), tmp_path / "server.log").start()
    yield process
    process.stop()


def officers(server: ServerProcess, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASH_PASSWORD", PASSWORD)
    for username, role, district, block in (("div.commissioner", "division", None, None),
                                            ("bdo.chaksu", "block", "Jaipur", "Chaksu")):  # fmt: skip
        args = ["admin", "add-officer", username, "--role", role]
        args += ["--district", district] if district else []
        server.admin(*args, *(["--block", block] if block else []))


def rounds_until(fleet: Fleet, done: Callable[[], bool], seconds: float, check: Callable[[], None] = lambda: None,
                 ) -> None:  # fmt: skip
    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up after {seconds} s")
        fleet.round()
        check()
        time.sleep(0.25)


def targets(server: ServerProcess) -> dict[str, str]:
    return {str(k): str(w) for k, w in _server_rows(server.db, "SELECT kiosk_id, wave FROM release_targets")}


def state(server: ServerProcess, version: str) -> str:
    return str(_server_rows(server.db, f"SELECT state FROM rollouts WHERE version = '{version}'")[0][0])


def test_a_release_reaches_the_whole_division_wave_by_wave(
    server: ServerProcess, monkeypatch: pytest.MonkeyPatch
) -> None:
    agents = add_fleet(server.db, PLACES)
    fleet = Fleet(server.port, server.db, agents)
    officers(server, monkeypatch)
    db = Database("sqlite:///" + server.db)
    with pytest.raises(CommandError, match="needs a district officer"):
        rollout.start(db, "bdo.chaksu", "2.0.0", "all", datetime.now(UTC))
    with pytest.raises(CommandError, match="wave 'block:Chaksoo': no block 'Chaksoo' among the machines"):
        rollout.start(db, "div.commissioner", "2.0.0", "pilot:3,block:Chaksoo", datetime.now(UTC))
    with pytest.raises(CommandError, match="expected pilot:N, block:<name>, district:<name> or all"):
        rollout.start(db, "div.commissioner", "2.0.0", "pilot:0,all", datetime.now(UTC))
    server.admin("admin", "rollout", "--version", "2.0.0", "--waves", "pilot:3,block:Chaksu,district:Jaipur,all",
                 "--officer", "div.commissioner", "--advance-at", "1.0")  # fmt: skip
    order = ["0:pilot:3", "1:block:Chaksu", "2:district:Jaipur", "3:all"]
    by_id = {a.kiosk_id: a for a in agents}

    def waves_wait_for_the_previous_one() -> None:
        started = set(targets(server).values())
        for earlier, later in itertools.pairwise(order):
            if later in started:
                assert all(by_id[k].running == "2.0.0" for k, w in targets(server).items() if w == earlier), later

    rounds_until(fleet, lambda: state(server, "2.0.0") == "done", 60, waves_wait_for_the_previous_one)
    assert fleet.share_on("2.0.0") == 1.0
    found = targets(server)
    assert sorted(k for k, w in found.items() if w == "0:pilot:3") == ["k-rj-amer-0000", "k-rj-amer-0001",
                                                                       "k-rj-amer-0002"]  # fmt: skip
    assert {by_id[k].place for k, w in found.items() if w == "1:block:Chaksu"} == {("Jaipur", "Chaksu")}
    assert sum(w == "2:district:Jaipur" for w in found.values()) == 5  # the rest of Amer
    assert {by_id[k].place[0] for k, w in found.items() if w == "3:all"} == {"Alwar"}


def test_a_failing_release_pauses_its_rollout_until_an_officer_resumes_it(
    server: ServerProcess, monkeypatch: pytest.MonkeyPatch
) -> None:
    agents = add_fleet(server.db, PLACES)
    broken = {"k-rj-amer-0000", "k-rj-amer-0001"}
    for agent in agents:
        agent.fails = lambda a, version: a.kiosk_id in broken
    fleet = Fleet(server.port, server.db, agents)
    officers(server, monkeypatch)
    server.admin("admin", "rollout", "--version", "2.0.1", "--waves", "pilot:5,district:Jaipur,all",
                 "--officer", "div.commissioner", "--pause-above", "0.2")  # fmt: skip

    rounds_until(fleet, lambda: state(server, "2.0.1") == "paused", 30)
    for _ in range(6):  # paused: however long we wait, no kiosk beyond the pilot is pointed at 2.0.1
        fleet.round()
        time.sleep(0.25)
    assert len(targets(server)) == 5
    reason = _server_rows(server.db, "SELECT paused_reason FROM rollouts")[0][0]
    assert reason == "2 of 5 kiosks failed or rolled back (limit 20%)"

    session = login(server, "div.commissioner")
    page = session.get(server.url + "/dash/rollouts", timeout=10).text
    assert "2 of 5 kiosks failed" in page
    assert '<td>2.0.1</td><td>Jaipur</td><td>Amer</td><td class="n">3</td><td class="n">0</td>' in page
    assert '<td class="n bad">2</td></tr>' in page  # rolled back, in Amer

    block = login(server, "bdo.chaksu")
    assert 'id="resume-2.0.1"' not in block.get(server.url + "/dash/rollouts", timeout=10).text
    server.admin("admin", "rollout-resume", "--version", "2.0.1", "--officer", "div.commissioner")
    rounds_until(fleet, lambda: state(server, "2.0.1") == "done", 60)
    assert fleet.share_on("2.0.1") == (len(agents) - 2) / len(agents)
    status = json.loads(server.admin("admin", "rollout-status"))
    assert status[0]["failed"] == 2
