"""A server database from before epochs is brought up to date in place, keeping every event and key."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from server.db import Database
from server.service import Service
from tests.server.dashboard.conftest import fresh_postgres_database
from tests.sync.conftest import postgres  # noqa: F401 - the session's private PostgreSQL

OLD_SCHEMA = [  # server/db.py and dashboard/schema.py as they were before issue 16
    """CREATE TABLE kiosks (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, public_key TEXT NOT NULL,
        revoked INTEGER NOT NULL DEFAULT 0, enrolled_at TEXT NOT NULL,
        high_water BIGINT NOT NULL DEFAULT 0, out_of_service TEXT)""",
    """CREATE TABLE events (kiosk_id TEXT NOT NULL, seq BIGINT NOT NULL, uuid TEXT NOT NULL, kind TEXT NOT NULL,
        occurred_at TEXT NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL, reason TEXT,
        received_at TEXT NOT NULL, PRIMARY KEY (kiosk_id, seq), UNIQUE (kiosk_id, uuid))""",
    """CREATE TABLE dash_state (kiosk_id TEXT PRIMARY KEY, done_seq BIGINT NOT NULL DEFAULT 0, last_txn_at TEXT,
        inspected_at TEXT, repaired_at TEXT, inspection_healthy INTEGER, geo_lat DOUBLE PRECISION,
        geo_lon DOUBLE PRECISION, geo_at TEXT, open_problems INTEGER NOT NULL DEFAULT 0)""",
    "INSERT INTO kiosks VALUES ('k-1', 'RJ-JAI-0001', 'key-one', 0, '2026-09-01T00:00:00Z', 2, NULL)",
    "INSERT INTO kiosks VALUES ('k-2', 'RJ-JAI-0002', 'key-two', 1, '2026-09-02T00:00:00Z', 0, NULL)",
    "INSERT INTO events VALUES ('k-1', 1, 'u-1', 'day.closed', '2026-11-01T00:00:00Z', '{}', 'accepted', NULL, 'x')",
    "INSERT INTO events VALUES ('k-1', 2, 'u-2', 'day.closed', '2026-11-02T00:00:00Z', '{}', 'accepted', NULL, 'x')",
]


@pytest.fixture(params=["sqlite", "postgresql"])
def old_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        url = "sqlite:///" + str(tmp_path / "server.db")
    else:
        url = fresh_postgres_database(request.getfixturevalue("postgres"))
    db = Database(url)
    with db.tx() as tx:
        for statement in OLD_SCHEMA:
            tx.execute(statement)
    yield db
    db.close()


def test_an_old_database_gets_epochs_and_kept_keys_without_losing_an_event(old_database: Database) -> None:
    service = Service(old_database)
    Service(old_database)  # a second start changes nothing more
    with old_database.tx(write=False) as tx:
        events = tx.all("SELECT kiosk_id, epoch, seq, uuid FROM events ORDER BY seq")
        keys = tx.all("SELECT kiosk_id, epoch, public_key, high_water, revoked_at IS NOT NULL FROM kiosk_keys"
                      " ORDER BY kiosk_id")  # fmt: skip
        state = tx.one("SELECT count(*) FROM dash_state WHERE epoch = 1")
    assert [tuple(r) for r in events] == [("k-1", 1, 1, "u-1"), ("k-1", 1, 2, "u-2")]
    assert [tuple(r) for r in keys] == [("k-1", 1, "key-one", 2, False), ("k-2", 1, "key-two", 0, True)]
    assert state == (0,)
    assert [k.public_key for k in service.kiosk_keys("RJ-JAI-0001")] == ["key-one"]
    with old_database.tx() as tx:  # the new key of (kiosk, epoch, seq): seq 1 again in epoch 2 is allowed
        tx.execute("INSERT INTO events (kiosk_id, epoch, seq, uuid, kind, occurred_at, payload, status, received_at)"
                   " VALUES ('k-1', 2, 1, 'u-1', 'day.closed', 'x', '{}', 'accepted', 'x')")  # fmt: skip
