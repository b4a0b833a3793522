"""A repaired kiosk (new disk, new key, outbox from seq 1) re-enrols into a new epoch: nothing of it is refused."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import requests

from kiosk.outbox import Outbox
from sync.identity import load_or_create_key
from sync.protocol.receipts import ReceiptClaim, make_token
from tests.server.test_hostile import officer
from tests.sync.conftest import AgentList
from tests.sync.harness import (
    KIOSK_CODE,
    AgentProcess,
    ServerProcess,
    _server_rows,
    enrolled_kiosk,
    make_payments,
    wait_until,
)
from tests.sync.postgres import PrivatePostgres


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "server.db")
        return
    postgres: PrivatePostgres = request.getfixturevalue("postgres")
    name = "reenrol_" + uuid.uuid4().hex[:12]  # a database of its own in the session's PostgreSQL
    with psycopg.connect(postgres.url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    yield postgres.url.rsplit("/", 1)[0] + "/" + name


def statuses(db: str) -> dict[str, int]:
    return {str(s): int(n) for s, n in _server_rows(db, "SELECT status, count(*) FROM events GROUP BY status")}  # type: ignore[call-overload]


def test_a_repaired_kiosk_re_enrols_into_a_new_epoch_and_every_new_event_arrives(
    tmp_path: Path, database: str, agents: AgentList
) -> None:
    server = ServerProcess(database, tmp_path / "server.log").start()
    try:
        old_disk, new_disk = tmp_path / "old", tmp_path / "new"
        old_disk.mkdir()
        new_disk.mkdir()
        settings, store = enrolled_kiosk(old_disk, server, server.url)
        make_payments(store, 30)
        agent = agents(AgentProcess(old_disk / "kiosk.toml", tmp_path / "old-agent.log")).start()
        wait_until(lambda: Outbox(store).depth() == 0, 60, "the old disk's events delivered")
        agent.kill()
        old_key = load_or_create_key(settings.key_file)
        receipt = make_token(ReceiptClaim(KIOSK_CODE, 7, "T000007", 10_007, "2026-11-23T04:30:00Z"), old_key)

        # The engineer replaces the disk: a new store, a new key, the outbox from seq 1, a new enrolment token.
        _, new_store = enrolled_kiosk(new_disk, server, server.url)
        make_payments(new_store, 20, start=1000)
        agents(AgentProcess(new_disk / "kiosk.toml", tmp_path / "new-agent.log")).start()
        wait_until(lambda: Outbox(new_store).depth() == 0, 60, "the new disk's events delivered")

        assert statuses(database) == {"accepted": 50}
        epochs = _server_rows(database, "SELECT epoch, count(*), max(seq) FROM events GROUP BY epoch ORDER BY epoch")
        assert [tuple(int(v) for v in row) for row in epochs] == [(1, 30, 30), (2, 20, 20)]  # type: ignore[call-overload]
        verdict = requests.get(f"{server.url}/r/{receipt}", headers={"Accept": "application/json"}, timeout=10)
        assert verdict.status_code == 200, verdict.text
        assert verdict.json()["valid"] is True
        server.admin("admin", "place", KIOSK_CODE, "--district", "Jaipur", "--block", "Chaksu")
        page = officer(server).get(f"{server.url}/dash/k/{KIOSK_CODE}", timeout=10)
        assert page.status_code == 200
        assert re.search(r'<tr id="epoch"><th>[^<]+</th><td>2 — दोबारा नामांकित \(मरम्मत\) 20', page.text), page.text
    finally:
        server.stop()
