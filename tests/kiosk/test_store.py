import sqlite3
from pathlib import Path

import pytest

from kiosk.clock import FakeClock
from kiosk.store import Store, StoreError
from kiosk.store.db import migrations


def schema_of(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").fetchall()
    conn.close()
    return [(name, " ".join((sql or "").split())) for name, sql in rows]


def test_every_connection_is_durable_wal_with_full_sync(store: Store) -> None:
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_a_new_database_reaches_the_latest_schema(store: Store) -> None:
    assert store.schema_version() == migrations()[-1].number
    assert {"transactions", "cash_events", "outbox", "journal", "vouchers", "day_closes"} <= set(store.db.table_names())


@pytest.mark.parametrize("start", [m.number for m in migrations()])
def test_migrating_from_every_earlier_version_gives_the_same_schema(tmp_path: Path, start: int) -> None:
    clock = FakeClock()
    fresh = Store.open(tmp_path / "fresh.db", clock)
    fresh.close()
    old = Store.open(tmp_path / "old.db", clock, migrate=False)
    assert old.migrate(up_to=start) == start
    old.close()
    upgraded = Store.open(tmp_path / "old.db", clock)
    assert upgraded.schema_version() == migrations()[-1].number
    upgraded.close()
    assert schema_of(tmp_path / "old.db") == schema_of(tmp_path / "fresh.db")


def test_a_file_that_is_not_a_database_is_refused_and_left_unchanged(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "kiosk.db"
    garbage = b"this is not sqlite at all" * 100
    path.write_bytes(garbage)
    with pytest.raises(StoreError, match="not a kiosk database"):
        Store.open(path, clock)
    assert path.read_bytes() == garbage


def test_another_programs_sqlite_file_is_refused_and_left_unchanged(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="another program"):
        Store.open(path, clock)
    assert path.read_bytes() == before
    assert schema_of(path) == [("contacts", "CREATE TABLE contacts (name TEXT)")]


def test_a_damaged_database_fails_its_integrity_check(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "kiosk.db"
    store = Store.open(path, clock)
    for n in range(300):
        with store.write("test") as uow:
            uow.record("test.filler", f"row-{n}", {"padding": "x" * 200})
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 3, min(len(data), page * 12)):  # scribble over interior pages, keep the header
        data[offset] = 0x5A
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match=r"integrity check|damaged|not a kiosk database"):
        Store.open(path, clock)


def test_a_database_from_newer_software_is_refused(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "kiosk.db"
    Store.open(path, clock).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version=9999")
    conn.close()
    with pytest.raises(StoreError, match="newer than this software"):
        Store.open(path, clock)


def test_a_missing_folder_is_named(tmp_path: Path, clock: FakeClock) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "absent" / "kiosk.db", clock)


def test_a_failed_write_leaves_nothing(store: Store) -> None:
    def write_then_fail() -> None:
        with store.write("test") as uow:
            uow.record("test.event", "x", {})
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        write_then_fail()
    assert store.read("SELECT * FROM outbox") == []
    assert store.read("SELECT * FROM journal") == []


def test_ledger_tables_are_append_only(store: Store) -> None:
    with store.write("test") as uow:
        uow.record("test.event", "x", {})
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.conn.execute("DELETE FROM journal")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.conn.execute("UPDATE journal SET actor = 'someone else'")
