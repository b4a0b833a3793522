"""What an update asks of the kiosk's SQLite file, with plain sqlite3 so any release's schema can be read."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from kiosk.transactions import PAID_STATES, TxnState
from sync.release.root import fsync_dir

OPEN_STATES = (TxnState.CREATED.value, TxnState.AWAITING_PAYMENT.value, TxnState.STATUS_UNKNOWN.value)


@contextlib.contextmanager
def connect(path: Path) -> Iterator[sqlite3.Connection]:
    if not path.is_file():
        raise FileNotFoundError(f"kiosk database {path} does not exist")
    conn = sqlite3.connect(str(path), timeout=30.0)
    try:
        yield conn
    finally:
        conn.close()


def open_payments(path: Path) -> int:
    """Transactions a villager may still be paying into (or whose outcome the bank has not told us)."""
    marks = ",".join("?" * len(OPEN_STATES))
    with connect(path) as conn:
        row = conn.execute(f"SELECT count(*) FROM transactions WHERE state IN ({marks})", OPEN_STATES).fetchone()
    return int(row[0])


def payments_mark(path: Path) -> str:
    """Changes whenever a payment is committed: credited notes and paid transactions, counted."""
    paid = tuple(s.value for s in PAID_STATES)
    with connect(path) as conn:
        notes = conn.execute("SELECT count(*), COALESCE(max(rowid), 0) FROM cash_events").fetchone()
        marks = ",".join("?" * len(paid))
        txns = conn.execute(f"SELECT count(*) FROM transactions WHERE state IN ({marks})", paid).fetchone()
    return f"notes {notes[0]}/{notes[1]}, paid {txns[0]}"


def schema_version(path: Path) -> int:
    with connect(path) as conn:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


def backup(path: Path, target: Path) -> None:
    """SQLite's online backup into a sibling file, fsynced, then renamed: a backup file is always whole."""
    building = target.with_name(target.name + ".tmp")
    building.unlink(missing_ok=True)
    with connect(path) as source:
        destination = sqlite3.connect(str(building))
        try:
            source.backup(destination)
        finally:
            destination.close()
    with open(building, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(building, target)
    fsync_dir(target.parent)


def restore(saved: Path, path: Path) -> None:
    """Copy the backup's pages into the live file through SQLite (its WAL stays consistent)."""
    with connect(saved) as source, connect(path) as destination:
        source.backup(destination)
