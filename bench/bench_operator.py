"""Operator mode: (a) what one PIN guess costs (salted scrypt, ours) vs a salted SHA-256 (naive), and the time to
try every 6-digit PIN; (b) a busy box's close: "Submit the count" → reconciliation + Z-report on screen, ours (SQL
aggregates inside the close's one transaction) vs a naive close that pulls every row into Python and sums there."""

from __future__ import annotations

import argparse
import hashlib
import secrets
import tempfile
import time
from collections import Counter
from pathlib import Path

from kiosk.clock import FakeClock
from kiosk.dayclose import DayClose
from kiosk.ledger import Ledger
from kiosk.money import INR_NOTES, Money
from kiosk.operator import OperatorAuth
from kiosk.store import Store
from kiosk.transactions import PaymentMode
from kiosk.zreport import build_zreport

NOTES = (10, 20, 50, 100, 200, 500)


def pin_guess_cost(tries: int, folder: Path) -> tuple[float, float]:
    store = Store.open(folder / "pins.db", FakeClock())
    auth = OperatorAuth(store)
    auth.add("op-1", "Bench", "271828", by="bench")
    start = time.perf_counter()
    for n in range(tries):
        auth.sign_in("op-1", "271828" if n % 2 else "000111")  # right and wrong: both pay for the hash
    ours = (time.perf_counter() - start) / tries
    store.close()
    salt = secrets.token_bytes(16)
    start = time.perf_counter()
    for n in range(tries * 1000):
        hashlib.sha256(salt + f"{n:06d}".encode()).hexdigest()
    naive = (time.perf_counter() - start) / (tries * 1000)
    return ours, naive


def busy_day(folder: Path, payments: int) -> Store:
    clock = FakeClock()
    store = Store.open(folder / "day.db", clock)
    ledger = Ledger(store)
    for n in range(payments):
        notes = [NOTES[(n * 7 + k) % len(NOTES)] for k in range(1 + n % 4)]
        txn = ledger.create(
            service_id=f"svc-{n % 12}", service_name_hi="सेवा", service_name_en="service", reference=str(n),
            amount_due=Money.rupees(sum(notes)),
        )  # fmt: skip
        ledger.await_payment(txn.id, PaymentMode.CASH)
        for rupees in notes:
            ledger.credit_cash(txn.id, Money.rupees(rupees))
        ledger.receipt_printed(txn.id, job_id=f"j{n}")
        ledger.complete(txn.id)
        if n % 200 == 199:
            clock.advance(3600)
    return store


def ours_close(store: Store) -> float:
    box = {
        r["denomination"]: r["n"] for r in store.read("SELECT denomination, count(*) AS n FROM cash_events GROUP BY 1")
    }
    start = time.perf_counter()
    result = DayClose(store).submit_count(box, operator="op-1", denominations=INR_NOTES, acceptor=None)
    build_zreport(store, "RJ-BENCH", result.business_day).lines()
    elapsed = time.perf_counter() - start
    assert result.difference == Money(0)
    return elapsed


def naive_close(store: Store) -> float:
    start = time.perf_counter()
    ledger: Counter[int] = Counter()
    for row in store.read("SELECT * FROM cash_events"):
        ledger[row["denomination"]] += 1
    by_service: Counter[tuple[str, str]] = Counter()
    for row in store.read("SELECT * FROM transactions"):
        by_service[(row["service_id"], row["payment_mode"])] += row["amount_paid"]
    for row in store.read("SELECT * FROM vouchers"):
        ledger[0] += 0 if row["state"] == "open" else 1
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tries", type=int, default=20)
    parser.add_argument("--payments", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ours, naive = pin_guess_cost(args.tries, folder)
        print(f"(a) one PIN check: scrypt {ours * 1000:.1f} ms (incl. journaling), salted SHA-256 {naive * 1e6:.2f} µs")
        print(f"    every 6-digit PIN: scrypt {ours * 1e6 / 3600:.0f} h of this CPU vs SHA-256 {naive * 1e6:.1f} s;"
              f" ratio {ours / naive:,.0f}× (and the lockout allows 5 tries per step)")  # fmt: skip
        store = busy_day(folder, args.payments)
        notes = store.read_one("SELECT count(*) AS n FROM cash_events")
        naive_s = min(naive_close(store) for _ in range(3))
        ours_s = ours_close(store)
        print(f"(b) close of {args.payments} payments / {notes['n'] if notes else 0} notes: submit → reconciliation +"
              f" Z-report {ours_s * 1000:.0f} ms; naive Python sums (reads only, no commit) {naive_s * 1000:.0f} ms;"
              f" ratio {naive_s / ours_s:.2f}×")  # fmt: skip
        store.close()


if __name__ == "__main__":
    main()
