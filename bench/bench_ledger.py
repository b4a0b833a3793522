"""Durable commits per second: a full note credit (cash event + transaction + outbox + journal, one SQLite
transaction) against the bare minimum — one single-row INSERT + COMMIT with the same pragmas."""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from pathlib import Path

from kiosk.clock import SystemClock
from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.store import Store
from kiosk.store.db import connect
from kiosk.transactions import PaymentMode


def ours(folder: Path, count: int) -> float:
    store = Store.open(folder / "ours.db", SystemClock())
    ledger = Ledger(store)
    txn = ledger.create(
        service_id="bench",
        service_name_hi="बेंच",
        service_name_en="bench",
        reference="1",
        amount_due=Money.rupees(9_99_99_999),
    )
    ledger.await_payment(txn.id, PaymentMode.CASH)
    start = time.perf_counter()
    for n in range(count):
        ledger.credit_cash(txn.id, Money.rupees(10), channel=1, device_ref=f"note-{n}")
    elapsed = time.perf_counter() - start
    store.close()
    return count / elapsed


def baseline(folder: Path, count: int) -> float:
    conn: sqlite3.Connection = connect(folder / "bare.db")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, denomination INTEGER NOT NULL)")
    start = time.perf_counter()
    for _ in range(count):
        conn.execute("BEGIN")
        conn.execute("INSERT INTO notes (denomination) VALUES (1000)")
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return count / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:  # the project disk, not tmpfs
        folder = Path(tmp)
        base = baseline(folder, args.count)
        full = ours(folder, args.count)
    print(f"bare INSERT+COMMIT (WAL, synchronous=FULL): {base:8.0f} commits/s")
    print(f"full credit (cash event+txn+outbox+journal): {full:8.0f} credits/s")
    print(f"cost ratio (bare rate / credit rate): {base / full:.2f}x  (goal: <= 2.0x)")


if __name__ == "__main__":
    main()
