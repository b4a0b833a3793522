"""The server's storage: one small adapter over SQLite (default) or PostgreSQL (by URL), and its schema."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from server.dashboard.schema import SCHEMA as DASHBOARD_SCHEMA

SCHEMA = [
    """CREATE TABLE IF NOT EXISTS server_key (id INTEGER PRIMARY KEY, private_key TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS kiosks (
        id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, public_key TEXT NOT NULL,
        revoked INTEGER NOT NULL DEFAULT 0, enrolled_at TEXT NOT NULL,
        high_water BIGINT NOT NULL DEFAULT 0, out_of_service TEXT)""",
    """CREATE TABLE IF NOT EXISTS enrol_tokens (
        token_hash TEXT PRIMARY KEY, kiosk_code TEXT NOT NULL, expires_at TEXT NOT NULL, used_at TEXT)""",
    # (kiosk, seq) and (kiosk, uuid) are unique forever: this is what makes delivery idempotent.
    """CREATE TABLE IF NOT EXISTS events (
        kiosk_id TEXT NOT NULL, seq BIGINT NOT NULL, uuid TEXT NOT NULL, kind TEXT NOT NULL,
        occurred_at TEXT NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL, reason TEXT,
        received_at TEXT NOT NULL, PRIMARY KEY (kiosk_id, seq), UNIQUE (kiosk_id, uuid))""",
    """CREATE TABLE IF NOT EXISTS heartbeats (
        kiosk_id TEXT PRIMARY KEY, received_at TEXT NOT NULL, body TEXT NOT NULL, count BIGINT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS nonces (
        kiosk_id TEXT NOT NULL, nonce TEXT NOT NULL, seen_at BIGINT NOT NULL, PRIMARY KEY (kiosk_id, nonce))""",
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
    """CREATE TABLE IF NOT EXISTS aadhaar_payments (
        kiosk_id TEXT NOT NULL, txn_ref TEXT NOT NULL, amount_paise BIGINT NOT NULL, ret TEXT NOT NULL, err TEXT,
        uid_masked TEXT NOT NULL, auth_code TEXT NOT NULL, decided_at TEXT NOT NULL,
        PRIMARY KEY (kiosk_id, txn_ref))""",
    *DASHBOARD_SCHEMA,
]


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
        with self.tx() as tx:
            for statement in SCHEMA:
                tx.execute(statement)

    def close(self) -> None:
        for name in ("conn", "reader"):
            conn = getattr(self._local, name, None)
            if conn is not None:
                conn.close()
                setattr(self._local, name, None)


def _is_integrity(exc: BaseException) -> bool:
    if isinstance(exc, sqlite3.IntegrityError):
        return True
    return type(exc).__name__ in ("UniqueViolation", "IntegrityError")
