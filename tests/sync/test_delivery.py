"""Invariant 2 end to end: the real agent and server processes, real HTTP through the fault proxy, SIGKILLs."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from kiosk.clock import SystemClock
from kiosk.outbox import Outbox
from sync.agent import Agent
from tests.sync.conftest import AgentList
from tests.sync.faultproxy import FaultProxy
from tests.sync.harness import (
    AgentProcess,
    ServerProcess,
    enrolled_kiosk,
    kiosk_uuids,
    make_payments,
    server_counts,
    server_uuids,
    soak,
    wait_until,
)


def sqlite_backup(source: Path, target: Path) -> None:
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def assert_exactly_once(tmp_path: Path, store_uuids: dict[int, str]) -> None:
    count, seqs, uuids, top = server_counts(tmp_path / "server.db")
    assert (count, seqs, uuids, top) == (len(store_uuids), len(store_uuids), len(store_uuids), len(store_uuids))
    assert server_uuids(tmp_path / "server.db") == store_uuids


@pytest.mark.slow
def test_every_payment_arrives_exactly_once_across_agent_and_server_kills_and_faults(
    tmp_path: Path, server: ServerProcess, proxy: FaultProxy, agents: AgentList
) -> None:
    total = 5000 if soak() else 500
    proxy.every_fault(0.04 if soak() else 0.03)
    _, store = enrolled_kiosk(tmp_path, server, proxy.url, batch_items=50)
    agent = agents(AgentProcess(Path(tmp_path / "kiosk.toml"), tmp_path / "agent.log")).start()
    rng = random.Random(3)
    made = 0
    rounds = 10
    for round_no in range(rounds):
        burst = total // rounds
        for _ in range(burst // 10):
            make_payments(store, 10, made)
            made += 10
        if round_no % 3 == 1:
            agent.kill()
            agent.start()
        if round_no % 4 == 2:
            server.kill()
            server.start()
            proxy.upstream_port = server.port
        target = int(made * rng.uniform(0.3, 0.6))
        wait_until(lambda: server_counts(tmp_path / "server.db")[0] >= target, 60, "progress")  # noqa: B023
    outbox = Outbox(store)
    wait_until(lambda: outbox.depth() == 0 and server_counts(tmp_path / "server.db")[0] == made, 120, "all delivered")
    agent.kill()
    assert made == total
    assert outbox.quarantined() == 0
    assert_exactly_once(tmp_path, kiosk_uuids(store))
    assert sum(proxy.counts.values()) > 0


def test_server_restored_from_an_older_backup_gets_every_payment_back(
    tmp_path: Path, server: ServerProcess, proxy: FaultProxy, agents: AgentList
) -> None:
    _, store = enrolled_kiosk(tmp_path, server, proxy.url)
    agent = agents(AgentProcess(Path(tmp_path / "kiosk.toml"), tmp_path / "agent.log")).start()
    outbox = Outbox(store)
    make_payments(store, 120)
    wait_until(lambda: outbox.depth() == 0, 60, "first payments delivered")
    backup = tmp_path / "backup.db"
    sqlite_backup(tmp_path / "server.db", backup)
    make_payments(store, 150, 120)
    wait_until(lambda: outbox.depth() == 0, 60, "second payments delivered")
    server.kill()
    # Restore the old backup: the server forgets the last 150 payments the kiosk already saw delivered.
    for suffix in ("-wal", "-shm"):
        Path(str(tmp_path / "server.db") + suffix).unlink(missing_ok=True)
    (tmp_path / "server.db").write_bytes(backup.read_bytes())
    server.start()
    proxy.upstream_port = server.port
    assert server_counts(tmp_path / "server.db")[0] == 120
    wait_until(lambda: server_counts(tmp_path / "server.db")[0] == 270, 60, "restored server to get every payment")
    agent.kill()
    assert_exactly_once(tmp_path, kiosk_uuids(store))


def test_payments_cross_a_2g_link_with_loss_exactly_once(
    tmp_path: Path, server: ServerProcess, proxy: FaultProxy
) -> None:
    proxy.two_g()
    settings, store = enrolled_kiosk(tmp_path, server, proxy.url)
    agent = Agent(settings, store, SystemClock())
    total = 400 if soak() else 60
    make_payments(store, total)
    for _ in range(20):
        agent.jobs["drain"].not_before = 0.0
        agent.run_job("drain")
        if Outbox(store).depth() == 0:
            break
    agent.run_job("heartbeat")
    assert Outbox(store).depth() == 0
    assert_exactly_once(tmp_path, kiosk_uuids(store))
