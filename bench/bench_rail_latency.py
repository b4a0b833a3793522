"""UPI confirmation latency (PSP success → the kiosk's rail sees PAID) and the server's cost per pending poll.

(a) Latency, real processes: the PSP emulator pays each QR a random 0–2 s after it is made. Ours: the PSP's signed
    callback reaches the server, and the kiosk polls its server every 0.5 s (a cheap read). Naive baseline: no
    callback handling, the kiosk learns the outcome only from the status query at the QR's expiry.
(b) Cost per pending-payment poll, in-process on the server's SQLite: ours answers a fresh QR from its own row (one
    indexed read); naive asks the PSP over HTTP on every poll.
Goal: p95 < 2 s. `.venv/bin/python bench/bench_rail_latency.py [--payments 20]`
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the tests' harness starts the real server

from kiosk.clock import SystemClock
from kiosk.money import Money
from kiosk.payments.port import Outcome, PaymentRequest
from kiosk.payments.upi import Payee, UpiRail
from server.db import Database
from server.service import Service, iso
from server.upi import PspClient, UpiOptions, _latest
from server.upi_psp import PspEmulator
from sync.client import Client
from sync.upi_client import HttpUpiGateway
from tests.server.conftest import enrol_key
from tests.sync.harness import ServerProcess

SECRET = b"bench-secret"
POLL_S = 0.5


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def latency(folder: Path, payments: int, *, callbacks: bool, ttl_s: float) -> list[float]:
    psp = PspEmulator(SECRET)
    psp.start()
    (folder / "secret").write_bytes(SECRET)
    options = ("--upi-psp", psp.url, "--upi-secret-file", str(folder / "secret"), "--upi-qr-ttl-s", str(ttl_s))
    server = ServerProcess(str(folder / "server.db"), folder / "server.log", *options).start()
    try:
        kiosk = enrol_key(server, "RJ-BENCH-0001")
        rail = UpiRail(HttpUpiGateway(Client(server.url, kiosk.key, kiosk.kiosk_id, SystemClock())),
                       Payee("emitra.bench@psp", "e-Mitra"), SystemClock())  # fmt: skip
        rng = random.Random(7)
        seen: list[float] = []
        for n in range(payments):
            txn = f"bench-{callbacks}-{n}"
            started = rail.start(PaymentRequest(txn, Money(35_000)))
            assert started.expires_at is not None
            # The villager's app pays on its own time, independent of the kiosk's polling.
            payer = threading.Timer(rng.uniform(0, 2), psp.pay, (rail.offers[txn].tr,), {"callbacks": int(callbacks)})
            payer.start()
            while True:
                expired = datetime.now(UTC) >= started.expires_at
                result = rail.inquire(txn, Money(35_000)) if expired else rail.poll(txn)
                if result.outcome is Outcome.PAID and rail.offers[txn].tr in psp.paid_monotonic:
                    seen.append(time.monotonic() - psp.paid_monotonic[rail.offers[txn].tr])
                    break
                time.sleep(POLL_S)
        return seen
    finally:
        server.stop()
        psp.stop()


def poll_cost(folder: Path, polls: int) -> tuple[float, float]:
    """Seconds per poll of a fresh pending QR: ours (the server's own row) vs naive (ask the PSP every time)."""
    psp = PspEmulator(SECRET)
    psp.start()
    db = Database(str(folder / "cost.db"))
    Service(db)
    now = datetime.now(UTC)
    with db.tx() as tx:
        tx.execute("INSERT INTO kiosks (id, code, public_key, enrolled_at) VALUES ('K', 'K', 'x', ?)", (iso(now),))
        for n in range(200):
            tx.execute("INSERT INTO upi_qrs (tr, kiosk_id, txn_ref, attempt, amount_paise, payee_vpa, status,"
                       " created_at, expires_at, updated_at) VALUES (?, 'K', ?, 1, 100, 'a@b', 'pending', ?, ?, ?)",
                       (f"TR{n}", f"t{n}", iso(now), iso(now + timedelta(hours=1)), iso(now)))  # fmt: skip
    client = PspClient(UpiOptions(psp.url, SECRET))
    for n in range(200):
        client.register(f"TR{n}", 100, "a@b", now + timedelta(hours=1), "http://127.0.0.1:9/none")
    try:
        start = time.perf_counter()
        for n in range(polls):
            with db.tx(write=False) as tx:
                _latest(tx, "K", f"t{n % 200}")
        ours = (time.perf_counter() - start) / polls
        start = time.perf_counter()
        for n in range(polls):
            with db.tx(write=False) as tx:
                _latest(tx, "K", f"t{n % 200}")
            client.status(f"TR{n % 200}")
        naive = (time.perf_counter() - start) / polls
        return ours, naive
    finally:
        psp.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--payments", type=int, default=20)
    parser.add_argument("--polls", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "a").mkdir()
        (folder / "b").mkdir()
        ours = latency(folder / "a", args.payments, callbacks=True, ttl_s=8)
        naive = latency(folder / "b", max(4, args.payments // 4), callbacks=False, ttl_s=8)
        print(f"(a) confirmation latency over {len(ours)} payments, kiosk polling every {POLL_S} s")
        print(f"    ours:  median {statistics.median(ours) * 1000:.0f} ms, p95 {p95(ours) * 1000:.0f} ms, "
              f"max {max(ours) * 1000:.0f} ms (goal p95 < 2000 ms)")  # fmt: skip
        print(f"    naive (no callback, status query at expiry, {len(naive)} payments): median "
              f"{statistics.median(naive) * 1000:.0f} ms, p95 {p95(naive) * 1000:.0f} ms; "
              f"ratio at p95 {p95(naive) / p95(ours):.1f}x")  # fmt: skip
        cheap, dear = poll_cost(folder, args.polls)
        print(f"(b) server cost per pending poll: ours {cheap * 1e6:.0f} us, naive (PSP asked each poll) "
              f"{dear * 1e6:.0f} us; ratio {dear / cheap:.1f}x")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
