"""The server's storage: one small adapter over SQLite (default) or PostgreSQL (by URL), and its schema."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from server.aeps_schema import SCHEMA as AEPS_SCHEMA
from server.applications_schema import SCHEMA as APPLICATIONS_SCHEMA
from server.bbps_schema import SCHEMA as BBPS_SCHEMA
from server.blobs_schema import SCHEMA as BLOBS_SCHEMA
from server.dashboard.schema import SCHEMA as DASHBOARD_SCHEMA
from server.fleetops.schema import SCHEMA as FLEETOPS_SCHEMA
from server.grievance_schema import SCHEMA as GRIEVANCE_SCHEMA
from server.locker_schema import SCHEMA as LOCKER_SCHEMA
from server.upi_schema import SCHEMA as UPI_SCHEMA

EVENTS_TABLE = """CREATE TABLE IF NOT EXISTS {name} (
        kiosk_id TEXT NOT NULL, seq BIGINT NOT NULL, uuid TEXT NOT NULL, kind TEXT NOT NULL,
        occurred_at TEXT NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL, reason TEXT,
        received_at TEXT NOT NULL, epoch INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (kiosk_id, epoch, seq), UNIQUE (kiosk_id, epoch, uuid))"""
SCHEMA = [
    """CREATE TABLE IF NOT EXISTS server_key (id INTEGER PRIMARY KEY, private_key TEXT NOT NULL)""",
    # public_key, epoch and high_water are the current enrolment's; every enrolment's key stays in kiosk_keys.
    """CREATE TABLE IF NOT EXISTS kiosks (
        id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, public_key TEXT NOT NULL,
        revoked INTEGER NOT NULL DEFAULT 0, enrolled_at TEXT NOT NULL,
        high_water BIGINT NOT NULL DEFAULT 0, out_of_service TEXT, epoch INTEGER NOT NULL DEFAULT 1)""",
    # One row per enrolment (epoch) of a kiosk, never overwritten: receipts verify against the key that signed
    # them. high_water is that epoch's contiguous mark; revoked_at is set when an officer revokes the key.
    """CREATE TABLE IF NOT EXISTS kiosk_keys (
        kiosk_id TEXT NOT NULL, epoch INTEGER NOT NULL, public_key TEXT NOT NULL, enrolled_at TEXT NOT NULL,
        high_water BIGINT NOT NULL DEFAULT 0, revoked_at TEXT, PRIMARY KEY (kiosk_id, epoch))""",
    """CREATE TABLE IF NOT EXISTS enrol_tokens (
        token_hash TEXT PRIMARY KEY, kiosk_code TEXT NOT NULL, expires_at TEXT NOT NULL, used_at TEXT)""",
    # (kiosk, epoch, seq) and (kiosk, epoch, uuid) are unique forever: this is what makes delivery idempotent.
    # A re-enrolled kiosk (new disk, outbox from seq 1) starts a new epoch; the old epoch's history stays. On
    # PostgreSQL `events` is created before this list, partitioned by month, its keys in `event_keys`
    # (server/partitions.py).
    EVENTS_TABLE.format(name="events"),
    """CREATE TABLE IF NOT EXISTS heartbeats (
        kiosk_id TEXT PRIMARY KEY, received_at TEXT NOT NULL, body TEXT NOT NULL, count BIGINT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS nonces (
        kiosk_id TEXT NOT NULL, nonce TEXT NOT NULL, seen_at BIGINT NOT NULL, PRIMARY KEY (kiosk_id, nonce))""",
    # Dashboard login attempts per "u:<username>" and "a:<address>" in a fixed window (dashboard/auth.py).
    """CREATE TABLE IF NOT EXISTS login_throttle (
        key TEXT PRIMARY KEY, window_start BIGINT NOT NULL, attempts INTEGER NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS catalogues (
        version INTEGER PRIMARY KEY, document TEXT NOT NULL, published_at TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS configs (
        version INTEGER PRIMARY KEY, document TEXT NOT NULL, published_at TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS bills (
        biller TEXT NOT NULL, consumer_no TEXT NOT NULL, consumer_name TEXT NOT NULL, bill_no TEXT NOT NULL,
        amount_due_paise BIGINT NOT NULL, due_date TEXT NOT NULL, PRIMARY KEY (biller, consumer_no))""",
    """CREATE TABLE IF NOT EXISTS applications (
        application_no TEXT PRIMARY KEY, service TEXT NOT NULL, status TEXT NOT NULL, updated_at TEXT NOT NULL,
        applicant_name TEXT NOT NULL DEFAULT '')""",
    """CREATE TABLE IF NOT EXISTS unanswered_accounts (
        biller TEXT NOT NULL, consumer_no TEXT NOT NULL, PRIMARY KEY (biller, consumer_no))""",
    # Phone delivery (server/delivery.py): only the code's hash and the mobile's last four digits are kept.
    """CREATE TABLE IF NOT EXISTS deliveries (
        code_hash TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, receipt_token TEXT NOT NULL, kind TEXT NOT NULL,
        created_at TEXT NOT NULL, expires_at TEXT NOT NULL, mobile_masked TEXT,
        document TEXT)""",
    # Aadhaar payments (server/online.py): one outcome per (kiosk, client reference), so a retry never debits twice.
    # The release each kiosk should run: written by the rollout's waves, read by the heartbeat to offer it.
    """CREATE TABLE IF NOT EXISTS release_targets (
        kiosk_id TEXT PRIMARY KEY, version TEXT NOT NULL, wave TEXT NOT NULL DEFAULT '', assigned_at TEXT NOT NULL)""",
    # Published releases (server/releases.py): the signed manifest, and each file once by its SHA-256.
    """CREATE TABLE IF NOT EXISTS releases (
        version TEXT PRIMARY KEY, document TEXT NOT NULL, manifest_sha256 TEXT NOT NULL, published_at TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS release_blobs (sha256 TEXT PRIMARY KEY, size BIGINT NOT NULL, data BYTEA NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS aadhaar_payments (
        kiosk_id TEXT NOT NULL, txn_ref TEXT NOT NULL, amount_paise BIGINT NOT NULL, ret TEXT NOT NULL, err TEXT,
        uid_masked TEXT NOT NULL, auth_code TEXT NOT NULL, decided_at TEXT NOT NULL,
        PRIMARY KEY (kiosk_id, txn_ref))""",
    *DASHBOARD_SCHEMA,
    *FLEETOPS_SCHEMA,
    *UPI_SCHEMA,
    *AEPS_SCHEMA,
    *BBPS_SCHEMA,
    *BLOBS_SCHEMA,
    *LOCKER_SCHEMA,
    *GRIEVANCE_SCHEMA,
    *APPLICATIONS_SCHEMA,
]


def database_url(text: str) -> str:
    """A `--db` argument as a URL: PostgreSQL and SQLite URLs as given, anything else a SQLite file's path."""
    if text.startswith(("postgresql://", "postgres://", "sqlite:///")):
        return text
    return "sqlite:///" + str(Path(text).resolve())


class Cursor(Protocol):
    rowcount: int

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


class Tx:
    """One open transaction; SQL is written with `?` placeholders for both engines."""

    def __init__(self, conn: Any, postgres: bool) -> None:
        self.conn = conn
        self.postgres = postgres

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        if self.postgres:
            sql = sql.replace("?", "%s")
        cursor: Cursor = self.conn.execute(sql, tuple(params))
        return cursor

    def many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """One statement for many rows: pipelined on PostgreSQL (one round trip, not one per row)."""
        if not rows:
            return
        if self.postgres:
            with self.conn.cursor() as cursor:
                cursor.executemany(sql.replace("?", "%s"), [tuple(r) for r in rows])
        else:
            self.conn.executemany(sql, [tuple(r) for r in rows])

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        row = self.execute(sql, params).fetchone()
        return None if row is None else tuple(row)

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in self.execute(sql, params).fetchall()]


class IntegrityError(Exception):
    """A unique key was already taken."""


class Database:
    """A connection per thread; `with db.tx() as tx:` is one all-or-nothing transaction."""

    def __init__(self, url: str, *, synchronous: str = "FULL") -> None:
        if synchronous not in ("FULL", "NORMAL"):
            raise ValueError(f"SQLite synchronous must be FULL or NORMAL, not {synchronous!r}")
        self.url = url
        self.synchronous = synchronous
        self.postgres = url.startswith(("postgresql://", "postgres://"))
        self._local = threading.local()
        if not self.postgres:
            self.path = Path(url.removeprefix("sqlite:///"))
            if not self.path.parent.is_dir():
                raise ValueError(f"database folder {self.path.parent} does not exist")

    def _connect(self, *, reader: bool = False) -> Any:
        name = "reader" if reader else "conn"
        conn = getattr(self._local, name, None)
        if conn is not None:
            return conn
        if self.postgres:
            import psycopg

            # Reads on their own autocommit connection: no BEGIN/COMMIT round trips for a heartbeat.
            conn = psycopg.connect(self.url, autocommit=reader)
            if reader:
                # The only writes here are heartbeat nonces: visible to every replica at once, but not waited
                # for on disk (a PostgreSQL crash may forget the last ~0.6 s of them; a heartbeat is a status
                # report, never money). Waiting for the WAL flush cut heartbeats/s tenfold (bench_fleet_scale).
                conn.execute("SET synchronous_commit = off")
        else:
            conn = sqlite3.connect(str(self.path), isolation_level=None, timeout=30.0, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            # NORMAL may lose the last commits on power loss (never on a crash); kiosks then resend everything
            # above the high-water mark, as after a restore from backup. FULL is the default all the same.
            conn.execute(f"PRAGMA synchronous={self.synchronous}")
            conn.execute("PRAGMA busy_timeout=30000")
        setattr(self._local, name, conn)
        return conn

    @contextmanager
    def tx(self, *, write: bool = True) -> Iterator[Tx]:
        if self.postgres and not write:
            yield Tx(self._connect(reader=True), True)
            return
        conn = self._connect()
        if not self.postgres:
            conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            yield Tx(conn, self.postgres)
            conn.commit() if self.postgres else conn.execute("COMMIT")
        except BaseException as exc:
            conn.rollback() if self.postgres else conn.execute("ROLLBACK")
            if _is_integrity(exc):
                raise IntegrityError(str(exc)) from exc
            raise

    def create_schema(self) -> None:
        from server import partitions

        with self.tx() as tx:
            if self.postgres:
                partitions.create_postgres_events(tx, partitions.utc_now())
            for statement in SCHEMA:
                tx.execute(statement)
            if not self.postgres or partitions.events_kind(tx) == "r":
                # a view over the plain table; dropped first so migrate_epochs may rebuild `events` under it
                tx.execute("DROP VIEW IF EXISTS event_keys")
            migrate_epochs(tx)
            if not self.postgres:
                tx.execute(partitions.KEYS_VIEW.format(how="VIEW IF NOT EXISTS"))
            elif partitions.events_kind(tx) == "r":
                tx.execute(partitions.KEYS_VIEW.format(how="OR REPLACE VIEW"))

    def close(self) -> None:
        for name in ("conn", "reader"):
            conn = getattr(self._local, name, None)
            if conn is not None:
                conn.close()
                setattr(self._local, name, None)


def columns(tx: Tx, table: str) -> set[str]:
    if tx.postgres:
        rows = tx.all("SELECT column_name FROM information_schema.columns WHERE table_name = ?", (table,))
        return {str(r[0]) for r in rows}
    return {str(r[1]) for r in tx.all(f"PRAGMA table_info({table})")}


def migrate_epochs(tx: Tx) -> None:
    """Bring a server database from before epochs (issue 16) up to date; a no-op on a current one.

    Every existing event and key becomes epoch 1 of its kiosk; a kiosk revoked before this knew no revocation
    time, so its key is taken as revoked now (what it signed earlier still verifies).
    """
    if "epoch" not in columns(tx, "kiosks"):
        tx.execute("ALTER TABLE kiosks ADD COLUMN epoch INTEGER NOT NULL DEFAULT 1")
    dash_state = columns(tx, "dash_state")
    if "epoch" not in dash_state:
        tx.execute("ALTER TABLE dash_state ADD COLUMN epoch INTEGER NOT NULL DEFAULT 1")
    for column in ("halted_at", "halted_reason"):
        if column not in dash_state:
            tx.execute(f"ALTER TABLE dash_state ADD COLUMN {column} TEXT")
    if "epoch" not in columns(tx, "events"):
        if tx.postgres:
            tx.execute("ALTER TABLE events ADD COLUMN epoch INTEGER NOT NULL DEFAULT 1")
            tx.execute("ALTER TABLE events DROP CONSTRAINT IF EXISTS events_pkey")
            tx.execute("ALTER TABLE events DROP CONSTRAINT IF EXISTS events_kiosk_id_uuid_key")
            tx.execute("ALTER TABLE events ADD PRIMARY KEY (kiosk_id, epoch, seq)")
            tx.execute("ALTER TABLE events ADD CONSTRAINT events_kiosk_epoch_uuid UNIQUE (kiosk_id, epoch, uuid)")
        else:  # SQLite cannot change a primary key in place: copy into the new shape
            tx.execute(EVENTS_TABLE.format(name="events_epochs"))
            tx.execute("INSERT INTO events_epochs (kiosk_id, seq, uuid, kind, occurred_at, payload, status, reason,"
                       " received_at, epoch) SELECT kiosk_id, seq, uuid, kind, occurred_at, payload, status, reason,"
                       " received_at, 1 FROM events")  # fmt: skip
            tx.execute("DROP TABLE events")
            tx.execute("ALTER TABLE events_epochs RENAME TO events")
    tx.execute(
        "INSERT INTO kiosk_keys (kiosk_id, epoch, public_key, enrolled_at, high_water, revoked_at)"
        " SELECT k.id, k.epoch, k.public_key, k.enrolled_at, k.high_water,"
        " CASE WHEN k.revoked = 1 THEN ? END FROM kiosks k"
        " WHERE NOT EXISTS (SELECT 1 FROM kiosk_keys c WHERE c.kiosk_id = k.id AND c.epoch = k.epoch)",
        (datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),),
    )


def _is_integrity(exc: BaseException) -> bool:
    if isinstance(exc, sqlite3.IntegrityError):
        return True
    return type(exc).__name__ in ("UniqueViolation", "IntegrityError")
