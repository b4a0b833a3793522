"""The same delivery guarantee with the server on PostgreSQL (a private instance the tests start themselves)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.outbox import Outbox
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
from tests.sync.postgres import PrivatePostgres


@pytest.mark.slow
def test_payments_arrive_exactly_once_on_postgresql_across_a_server_kill_and_faults(
    tmp_path: Path, postgres: PrivatePostgres, agents: AgentList
) -> None:
    server = ServerProcess(postgres.url, tmp_path / "server.log").start()
    proxy = FaultProxy(server.port, seed=11).start()
    try:
        proxy.every_fault(0.03)
        _, store = enrolled_kiosk(tmp_path, server, proxy.url, batch_items=40)
        agent = agents(AgentProcess(tmp_path / "kiosk.toml", tmp_path / "agent.log")).start()
        total = 2000 if soak() else 300
        made = 0
        for round_no in range(3):
            make_payments(store, total // 3, made)
            made += total // 3
            if round_no == 1:
                server.kill()
                server.start()
                proxy.upstream_port = server.port
                agent.kill()
                agent.start()
        outbox = Outbox(store)
        wait_until(lambda: outbox.depth() == 0 and server_counts(postgres.url)[0] == made, 120, "all delivered")
        assert server_counts(postgres.url) == (made, made, made, made)
        assert server_uuids(postgres.url) == kiosk_uuids(store)
    finally:
        proxy.stop()
        server.stop()
