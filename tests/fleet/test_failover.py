"""Two replicas behind a real HAProxy on one PostgreSQL; one SIGKILLed mid-drain: nothing lost, nothing doubled."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from kiosk.outbox import Outbox
from kiosk.store import Store
from tests.fleet.haproxy import HAProxy
from tests.fleet.test_replicas import BEAT
from tests.server.conftest import enrol_key
from tests.sync.conftest import AgentList
from tests.sync.harness import (
    AgentProcess,
    ServerProcess,
    _server_rows,
    enrolled_kiosk,
    kiosk_uuids,
    make_payments,
    soak,
    wait_until,
)

TAKES_OVER = "now runs the background work"


def server_uuids_of(url: str, code: str) -> dict[int, str]:
    rows = _server_rows(url, "SELECT e.seq, e.uuid FROM events e JOIN kiosks k ON k.id = e.kiosk_id"
                             f" WHERE k.code = '{code}' AND e.status = 'accepted'")  # fmt: skip
    assert len(rows) == len({r[0] for r in rows}) == len({r[1] for r in rows}), "a seq or uuid held twice"
    return {int(s): str(u) for s, u in rows}  # type: ignore[call-overload]


def rolled_up(url: str) -> bool:
    rows = _server_rows(url, "SELECT count(*) FROM kiosks k LEFT JOIN dash_state s ON s.kiosk_id = k.id"
                             " WHERE k.high_water > COALESCE(s.done_seq, 0)")  # fmt: skip
    return rows[0][0] == 0


@pytest.fixture
def replicas(tmp_path: Path, pg_url: str) -> Iterator[list[ServerProcess]]:
    trusted = ("--trusted-proxy", "127.0.0.1", "--log-level", "info")
    first = ServerProcess(pg_url, tmp_path / "a.log", *trusted).start()
    started = [first]
    try:
        # The first replica takes the housekeeping lock; killing it later makes the second take over.
        wait_until(lambda: TAKES_OVER in (tmp_path / "a.log").read_text(), 20, "replica A to lead")
        started.append(ServerProcess(pg_url, tmp_path / "b.log", *trusted).start())
        yield started
    finally:
        for server in started:
            server.stop()


def test_a_replica_killed_mid_drain_loses_and_doubles_nothing_and_the_other_takes_over(
    tmp_path: Path, pg_url: str, replicas: list[ServerProcess], agents: AgentList
) -> None:
    first, second = replicas
    proxy = HAProxy(tmp_path, [first.port, second.port]).start()
    try:
        kiosks: dict[str, Store] = {}
        per_kiosk = 600 if soak() else 400
        for n in range(1, (6 if soak() else 3)):
            folder = tmp_path / f"kiosk{n}"
            folder.mkdir()
            code = f"RJ-JPR-{n:04d}"
            _, kiosks[code] = enrolled_kiosk(folder, first, proxy.url, code, batch_items=10)
            make_payments(kiosks[code], per_kiosk)
            agents(AgentProcess(folder / "kiosk.toml", folder / "agent.log")).start()
        witness = enrol_key(first, "RJ-JPR-0099")
        headers, wire = witness.signed("POST", "/api/v1/heartbeat", BEAT)
        assert requests.post(first.url + "/api/v1/heartbeat", data=wire, headers=headers, timeout=10).ok

        def arrived() -> int:
            return sum(len(server_uuids_of(pg_url, code)) for code in kiosks)

        queued = sum(len(kiosk_uuids(store)) for store in kiosks.values())
        # The first batches in: a fast idle machine drains hundreds of events between two looks at a higher mark.
        wait_until(lambda: arrived() >= 20, 60, "the drain to be under way")
        assert arrived() < queued, "the kill must come mid-drain"
        first.kill()
        replayed = requests.post(second.url + "/api/v1/heartbeat", data=wire, headers=headers, timeout=10)
        assert replayed.status_code == 409
        for store in kiosks.values():
            make_payments(store, per_kiosk // 2, per_kiosk)

        def drained() -> bool:
            return all(Outbox(s).depth() == 0 and len(server_uuids_of(pg_url, c)) == len(kiosk_uuids(s))
                       for c, s in kiosks.items())  # fmt: skip

        wait_until(drained, 120, "every kiosk's outbox to drain through the surviving replica")
        for code, store in kiosks.items():
            assert server_uuids_of(pg_url, code) == kiosk_uuids(store)
            assert len(kiosk_uuids(store)) == per_kiosk + per_kiosk // 2
        wait_until(lambda: rolled_up(pg_url), 60, "rollups to catch up on the surviving replica")
        assert TAKES_OVER in (tmp_path / "b.log").read_text()
    finally:
        proxy.stop()
