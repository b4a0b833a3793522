"""Several replicas on one PostgreSQL: shared replay protection, one housekeeper at a time, ordered publishing."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests

from server.db import Database
from server.leader import Leadership
from server.service import Service, sweep_nonces
from sync.protocol import MAX_SKEW_S
from tests.server.conftest import enrol_key
from tests.sync.harness import ServerProcess, wait_until

BEAT = {
    "agent_version": "0.1.0", "app_version": "0.1.0", "boot_id": "b", "uptime_s": 5.0, "last_seq": 0,
    "outbox_depth": 0, "quarantined": 0, "disk_free_bytes": 10**9,
}  # fmt: skip
HOLDER = """
import sys, time
from server.db import Database
from server.leader import Leadership
leader = Leadership(Database(sys.argv[1]))
print("leading" if leader.hold() else "not leading", flush=True)
time.sleep(600)
"""


def test_a_heartbeat_replayed_to_another_replica_is_refused(tmp_path: Path, pg_url: str) -> None:
    first = ServerProcess(pg_url, tmp_path / "a.log").start()
    second = ServerProcess(pg_url, tmp_path / "b.log").start()
    try:
        kiosk = enrol_key(first)
        headers, wire = kiosk.signed("POST", "/api/v1/heartbeat", BEAT)
        sent = requests.post(first.url + "/api/v1/heartbeat", data=wire, headers=headers, timeout=10)
        replayed = requests.post(second.url + "/api/v1/heartbeat", data=wire, headers=headers, timeout=10)
        assert (sent.status_code, replayed.status_code) == (200, 409)
        assert "replayed" in replayed.json()["detail"]
    finally:
        first.stop()
        second.stop()


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_one_process_at_a_time_leads_and_another_takes_over_when_it_is_killed(
    tmp_path: Path, engine: str, request: pytest.FixtureRequest
) -> None:
    url = "sqlite:///" + str(tmp_path / "server.db") if engine == "sqlite" else request.getfixturevalue("pg_url")
    setup = Database(url)
    Service(setup)
    setup.close()
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, url], stdout=subprocess.PIPE, text=True)
    leader = Leadership(Database(url))
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "leading"
        assert not leader.hold()
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        wait_until(leader.hold, 30, "the lock to be freed when its holder died")
        assert leader.hold()  # and it stays held by us
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
        leader.release()


def test_catalogues_published_at_once_from_eight_replicas_get_consecutive_versions(pg_url: str) -> None:
    services = [Service(Database(pg_url)) for _ in range(8)]
    for service in services:
        service.db.close()  # the main thread's connection; each worker below opens and closes its own
    expires = datetime.now(UTC) + timedelta(days=1)

    def publish(n: int) -> int:
        try:
            return services[n].publish_catalogue({"n": n}, expires).version
        finally:
            services[n].db.close()

    with ThreadPoolExecutor(8) as pool:
        versions = list(pool.map(publish, range(8)))
    assert sorted(versions) == list(range(1, 9))


def test_the_nonce_sweep_keeps_what_could_still_be_replayed(pg_url: str) -> None:
    db = Database(pg_url)
    Service(db)
    now = datetime(2026, 3, 2, 6, 30, tzinfo=UTC)
    stamp = int(now.timestamp())
    with db.tx() as tx:
        tx.many("INSERT INTO nonces (kiosk_id, nonce, seen_at) VALUES (?, ?, ?)",
                [("k-1", "old", stamp - 3 * MAX_SKEW_S - 1), ("k-1", "fresh", stamp - MAX_SKEW_S)])  # fmt: skip
    assert sweep_nonces(db, now) == 1
    with db.tx(write=False) as tx:
        assert tx.all("SELECT nonce FROM nonces") == [("fresh",)]
    db.close()


def test_only_one_of_two_replicas_runs_the_rollups(tmp_path: Path, pg_url: str) -> None:
    first = ServerProcess(pg_url, tmp_path / "a.log", "--log-level", "info").start()
    second = ServerProcess(pg_url, tmp_path / "b.log", "--log-level", "info").start()
    try:

        def leaders() -> int:
            return sum("now runs the background work" in (tmp_path / f"{n}.log").read_text() for n in "ab")

        wait_until(lambda: leaders() >= 1, 20, "a replica to take the housekeeping lock")
        probe = Leadership(Database(pg_url))
        assert not probe.hold()
        probe.release()
        time.sleep(1.0)  # not a timing assertion: the second replica has had passes in which to (wrongly) lead
        assert leaders() == 1
    finally:
        first.stop()
        second.stop()
