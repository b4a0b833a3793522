"""Opening the kiosk database safely and writing to it in single SQLite transactions."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
import uuid as uuidlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import sqlite_utils

from kiosk.clock import Clock, iso_utc

# PRAGMA application_id marks a file as ours, so a foreign SQLite file is refused rather than migrated.
APPLICATION_ID = 0x654D5452  # "eMTR"
GENESIS_HASH = "0" * 64

FaultHook = Callable[[str], None]


class StoreError(RuntimeError):
    """The database cannot be used; the message says which file and why."""


@dataclass(frozen=True, slots=True)
class Migration:
    number: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """Every migration shipped with the code, in order (numbers may have gaps; never reuse one)."""
    found = []
    for entry in resources.files("kiosk.store.migrations").iterdir():
        if entry.name.endswith(".sql"):
            number_text, _, rest = entry.name.partition("_")
            found.append(Migration(int(number_text), rest.removesuffix(".sql"), entry.read_text("utf-8")))
    found.sort(key=lambda m: m.number)
    numbers = [m.number for m in found]
    if len(set(numbers)) != len(numbers):
        raise StoreError(f"two migrations share a number: {numbers}")
    return found


def canonical_json(value: object) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def chain_hash(prev_hash: str, row: tuple[Any, ...]) -> str:
    return hashlib.sha256((prev_hash + "\n" + canonical_json(list(row))).encode("utf-8")).hexdigest()


def connect(path: Path) -> sqlite3.Connection:
    """A connection with the durability settings every writer must use (WAL, synchronous=FULL)."""
    conn = _open_plain(path)
    make_durable(conn)
    return conn


def _open_plain(path: Path) -> sqlite3.Connection:
    # Autocommit mode: transactions are opened explicitly with BEGIN IMMEDIATE by Store.write().
    return sqlite3.connect(str(path), isolation_level=None, timeout=30.0, check_same_thread=False)


def make_durable(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA busy_timeout=30000")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")


class Store:
    """The kiosk database. Open it with Store.open(); write with `with store.write(actor) as uow:`."""

    def __init__(self, conn: sqlite3.Connection, path: Path, clock: Clock, fault: FaultHook | None = None) -> None:
        self.conn = conn
        self.path = path
        self.clock = clock
        self.db = sqlite_utils.Database(conn)
        self._fault = fault
        # One connection serves every thread of the process (UI, device callbacks): a write transaction must not
        # interleave with another thread's statements, so writes and reads take this lock.
        self.lock = threading.RLock()

    @classmethod
    def open(cls, path: Path, clock: Clock, *, fault: FaultHook | None = None, migrate: bool = True) -> Store:
        path = Path(path)
        if not path.parent.is_dir():
            raise StoreError(f"database folder {path.parent} does not exist")
        if not os.access(path.parent, os.W_OK):
            raise StoreError(f"database folder {path.parent} is not writable by this user")
        if path.exists() and not os.access(path, os.R_OK | os.W_OK):
            raise StoreError(f"database file {path} is not readable and writable by this user")
        existed = path.exists() and path.stat().st_size > 0
        # Identify the file before changing anything in it (switching to WAL rewrites the header).
        conn = _open_plain(path)
        store = cls(conn, path, clock, fault)
        try:
            store._check_identity(existed)
            store.check_integrity()
            make_durable(conn)
            if migrate:
                store.migrate()
        except BaseException:
            conn.close()
            raise
        return store

    def _check_identity(self, existed: bool) -> None:
        try:
            app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
            tables = self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a kiosk database ({exc})") from None
        if app_id == APPLICATION_ID:
            return
        if app_id != 0 or tables > 0 or (existed and self.schema_version() != 0):
            raise StoreError(
                f"{self.path} is a SQLite file of another program (application_id {app_id:#x}); refusing to touch it"
            )
        self.conn.execute(f"PRAGMA application_id={APPLICATION_ID}")

    def check_integrity(self) -> None:
        try:
            rows = [r[0] for r in self.conn.execute("PRAGMA quick_check").fetchall()]
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is damaged ({exc})") from None
        if rows != ["ok"]:
            raise StoreError(f"{self.path} failed its integrity check: {'; '.join(rows[:5])}")

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self, *, up_to: int | None = None) -> int:
        """Apply every migration newer than the file, each in its own transaction; forward only."""
        current = self.schema_version()
        known = migrations()
        if known and current > known[-1].number:
            raise StoreError(
                f"{self.path} has schema version {current}, newer than this software ({known[-1].number}); "
                "install the newer kiosk software"
            )
        for migration in known:
            if migration.number <= current or (up_to is not None and migration.number > up_to):
                continue
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in _split_sql(migration.sql):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version={migration.number}")
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            current = migration.number
        return current

    def close(self) -> None:
        self.conn.close()

    def fault(self, point: str) -> None:
        """Named point inside a unit of work where tests may inject a failure."""
        if self._fault is not None:
            self._fault(point)

    @contextmanager
    def write(self, actor: str) -> Iterator[UnitOfWork]:
        """One SQLite transaction (BEGIN IMMEDIATE … COMMIT); all or nothing."""
        with self.lock:
            self.conn.execute("BEGIN IMMEDIATE")
            uow = UnitOfWork(self, actor)
            try:
                yield uow
                self.fault("before_commit")
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise

    def read(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        with self.lock:
            return list(self.db.query(sql, params))

    def read_one(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> dict[str, Any] | None:
        rows = self.read(sql, params)
        return rows[0] if rows else None

    def get_meta(self, key: str) -> str | None:
        row = self.read_one("SELECT value FROM meta WHERE key = ?", (key,))
        return None if row is None else str(row["value"])


@dataclass(frozen=True, slots=True)
class OutboxItem:
    seq: int
    uuid: str
    kind: str
    occurred_at: str
    payload: dict[str, Any]


class UnitOfWork:
    """The inside of one write transaction: ledger statements, the outbox row and the journal row."""

    def __init__(self, store: Store, actor: str) -> None:
        self.store = store
        self.actor = actor
        self.now = iso_utc(store.clock.now())

    def execute(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> sqlite3.Cursor:
        return self.store.conn.execute(sql, params)

    def checkpoint(self, point: str) -> None:
        self.store.fault(point)

    def next_number(self, counter: str) -> int:
        row = self.execute(
            "UPDATE counters SET value = value + 1 WHERE name = ? RETURNING value", (counter,)
        ).fetchone()
        if row is None:
            raise StoreError(f"no counter named {counter!r}")
        return int(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = ?", (key, value, value)
        )

    def journal(self, action: str, subject: str, details: dict[str, Any]) -> str:
        """Append a journal row chained to the previous one; returns its hash."""
        last = self.execute("SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1").fetchone()
        next_id, prev_hash = (1, GENESIS_HASH) if last is None else (int(last[0]) + 1, str(last[1]))
        details_text = canonical_json(details)
        digest = chain_hash(prev_hash, (next_id, self.now, self.actor, action, subject, details_text))
        self.execute(
            "INSERT INTO journal (id, at, actor, action, subject, details, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)",
            (next_id, self.now, self.actor, action, subject, details_text, prev_hash, digest),
        )
        self.checkpoint("after_journal")
        return digest

    def emit(self, kind: str, payload: dict[str, Any]) -> OutboxItem:
        """Queue an event for the server with the next gap-free sequence number."""
        seq = self.next_number("outbox_seq")
        item_uuid = str(uuidlib.uuid4())
        self.execute(
            "INSERT INTO outbox (seq, uuid, kind, occurred_at, payload) VALUES (?, ?, ?, ?, ?)",
            (seq, item_uuid, kind, self.now, canonical_json(payload)),
        )
        self.checkpoint("after_outbox")
        return OutboxItem(seq, item_uuid, kind, self.now, payload)

    def record(self, action: str, subject: str, details: dict[str, Any]) -> OutboxItem:
        """The common tail of every state change: a journal row, then an outbox event carrying its hash."""
        digest = self.journal(action, subject, details)
        return self.emit(action, {**details, "subject": subject, "journal_hash": digest})


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies (BEGIN … END;) whole."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--") and not buffer.strip():
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        raise StoreError(f"migration ends with an incomplete statement: {buffer.strip()[:60]!r}")
    return statements
