"""PostgreSQL's events for years: monthly partitions, and the (kiosk, epoch, seq) / (kiosk, epoch, uuid) keys kept
forever.

A unique constraint on a partitioned table must include the partition key, so `events` (partitioned by the
month of `received_at`) cannot hold "(kiosk, epoch, seq) unique forever" itself. The keys live in `event_keys`, a narrow
table that is not partitioned, filled by a trigger on every insert into `events`: a second row with a used seq
or uuid fails there with the same unique violation as before, so ingest code is the same on both engines.
Duplicate checks and the high-water walk read `event_keys` (one index probe, whatever the number of months);
SQLite has `event_keys` as a view over its single `events` table.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

log = logging.getLogger("kiosk-server")
MONTHS_AHEAD = 3  # partitions exist this far ahead, so the default partition stays empty
SCHEMA_LOCK = 0x6B696F736B03  # replicas starting at once create the schema one after the other

KEYS_TABLE = """CREATE TABLE IF NOT EXISTS event_keys (
    kiosk_id TEXT NOT NULL, epoch INTEGER NOT NULL, seq BIGINT NOT NULL, uuid TEXT NOT NULL, status TEXT NOT NULL,
    reason TEXT, received_at TEXT NOT NULL, PRIMARY KEY (kiosk_id, epoch, seq), UNIQUE (kiosk_id, epoch, uuid))"""
PARTITIONED = [
    KEYS_TABLE,
    """CREATE TABLE IF NOT EXISTS events (
        kiosk_id TEXT NOT NULL, seq BIGINT NOT NULL, uuid TEXT NOT NULL, kind TEXT NOT NULL,
        occurred_at TEXT NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL, reason TEXT,
        received_at TEXT NOT NULL, epoch INTEGER NOT NULL DEFAULT 1) PARTITION BY RANGE (received_at)""",
    "CREATE TABLE IF NOT EXISTS events_default PARTITION OF events DEFAULT",
    "CREATE INDEX IF NOT EXISTS events_kiosk_seq ON events (kiosk_id, epoch, seq)",
]
TRIGGER = [
    """CREATE OR REPLACE FUNCTION event_keys_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO event_keys (kiosk_id, epoch, seq, uuid, status, reason, received_at)
        VALUES (NEW.kiosk_id, NEW.epoch, NEW.seq, NEW.uuid, NEW.status, NEW.reason, NEW.received_at);
        RETURN NEW;
    END $$""",
    "CREATE OR REPLACE TRIGGER events_keys BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION event_keys_insert()",
]
KEYS_VIEW = """CREATE {how} event_keys AS
    SELECT kiosk_id, epoch, seq, uuid, status, reason, received_at FROM events"""


def month_start(year: int, month: int) -> str:
    """'YYYY-MM' of the month `month` counted from January of `year` (month may run past 12)."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return f"{year:04d}-{month:02d}"


def events_kind(tx: Any) -> str | None:
    """'p' partitioned, 'r' today's plain table (not migrated yet), None: no events table at all."""
    row = tx.one("SELECT c.relkind FROM pg_class c WHERE c.oid = to_regclass('events')")
    return None if row is None else str(row[0])


def create_postgres_events(tx: Any, now: datetime) -> None:
    """Before the common schema: a new database gets the partitioned design; an old one keeps working."""
    tx.execute("SELECT pg_advisory_xact_lock(?)", (SCHEMA_LOCK,))
    kind = events_kind(tx)
    if kind == "r":
        # its `event_keys` view is made by Database.create_schema, after the epoch migration
        log.warning("events is not partitioned yet: run `kiosk-server admin migrate-events` (server/README.md)")
        return
    # CREATE TRIGGER locks `events` against writes: only for a new database (replicas start while others write).
    for statement in [*PARTITIONED, *TRIGGER] if kind is None else TRIGGER[:1]:
        tx.execute(statement)
    ensure_partitions(tx, now.year, now.month, MONTHS_AHEAD)


def ensure_partitions(tx: Any, year: int, month: int, months: int) -> int:
    """Monthly partitions from (year, month) for `months` more months; returns how many were created."""
    made, legacy_end = 0, legacy_upper(tx)
    for n in range(months + 1):
        start, end = month_start(year, month + n), month_start(year, month + n + 1)
        name = "events_" + start.replace("-", "_")
        if start >= legacy_end and tx.one("SELECT to_regclass(?)", (name,)) == (None,):
            tx.execute(f"CREATE TABLE {name} PARTITION OF events FOR VALUES FROM ('{start}') TO ('{end}')")
            made += 1
    return made


def legacy_upper(tx: Any) -> str:
    """'YYYY-MM' up to which the migrated old table holds events ('' if there is none)."""
    row = tx.one("SELECT pg_get_expr(c.relpartbound, c.oid) FROM pg_class c WHERE c.oid = to_regclass('events_legacy')")
    if row is None or row[0] is None:
        return ""
    return str(row[0]).rsplit("'", 2)[-2]  # FOR VALUES FROM (MINVALUE) TO ('2027-01')


def migrate(tx: Any, now: datetime) -> str:
    """Today's plain `events` becomes the partition of everything before next month; returns what was done.

    One transaction (all or nothing), with the servers stopped: the keys are copied into `event_keys`, the old
    table is attached as it is (its rows are not rewritten) and new months get partitions of their own.
    """
    tx.execute("SELECT pg_advisory_xact_lock(?)", (SCHEMA_LOCK,))
    if events_kind(tx) != "r":
        return "events is already partitioned: nothing to do"
    upper = month_start(now.year, now.month + 1)
    late = tx.one("SELECT count(*) FROM events WHERE received_at >= ?", (upper,))
    if late and int(late[0]):
        raise ValueError(f"{late[0]} events were received at or after {upper}: fix the server clock first")
    tx.execute("DROP VIEW IF EXISTS event_keys")
    tx.execute("ALTER TABLE events RENAME TO events_legacy")
    for statement in PARTITIONED[:2]:
        tx.execute(statement)
    tx.execute(
        "INSERT INTO event_keys SELECT kiosk_id, epoch, seq, uuid, status, reason, received_at FROM events_legacy"
    )
    copied = tx.one("SELECT count(*) FROM event_keys")
    tx.execute(f"ALTER TABLE events ATTACH PARTITION events_legacy FOR VALUES FROM (MINVALUE) TO ('{upper}')")
    for statement in [*PARTITIONED[2:], *TRIGGER]:
        tx.execute(statement)
    ensure_partitions(tx, now.year, now.month + 1, MONTHS_AHEAD)
    return f"events partitioned by month: {copied[0] if copied else 0} events kept in events_legacy (before {upper})"


def maintain(db: Any, now: datetime) -> int:
    """The housekeeper's monthly duty: next months' partitions exist before their first event arrives."""
    if not db.postgres:
        return 0
    with db.tx() as tx:
        if events_kind(tx) != "p":
            return 0
        return ensure_partitions(tx, now.year, now.month, MONTHS_AHEAD)


def utc_now() -> datetime:
    return datetime.now(UTC)
