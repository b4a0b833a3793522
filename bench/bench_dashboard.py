"""Dashboard benchmark: the overview page for 3,000 machines with 90 days of history, on SQLite and PostgreSQL.

Ours: grouped queries over rollups kept current at ingest (dash_days, dash_state, latest heartbeat).
Naive baseline: the same overview computed by loading every machine's rows with one query per machine.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from server.dashboard import fleet  # noqa: E402
from server.dashboard.auth import Officer  # noqa: E402
from server.dashboard.generate import generate  # noqa: E402
from server.dashboard.rollup import IST, Sampler, iso  # noqa: E402
from server.db import Database  # noqa: E402
from server.service import Service  # noqa: E402
from sync.protocol import Heartbeat  # noqa: E402
from tests.server.dashboard.harness import PASSWORD, login  # noqa: E402
from tests.sync.harness import ServerProcess  # noqa: E402
from tests.sync.postgres import PrivatePostgres  # noqa: E402

DIVISION = Officer("bench", "Bench", "division", None, None)


def naive_overview(db: Database, now: datetime) -> dict[str, list[int]]:
    """What a first version would do: per machine, fetch its site, state, last heartbeat and 30 days of rows."""
    since_day = (now + IST - timedelta(days=30)).strftime("%Y-%m-%d")
    online_since = iso(now - fleet.ONLINE_WITHIN)
    totals: dict[str, list[int]] = {}
    with db.tx(write=False) as tx:
        ids = [str(r[0]) for r in tx.all("SELECT kiosk_id FROM dash_sites")]
        for kiosk_id in ids:
            site = tx.one("SELECT district, reg_lat FROM dash_sites WHERE kiosk_id = ?", (kiosk_id,))
            state = tx.one("SELECT inspected_at, repaired_at, geo_lat FROM dash_state WHERE kiosk_id = ?", (kiosk_id,))
            beat = tx.one("SELECT received_at FROM heartbeats WHERE kiosk_id = ?", (kiosk_id,))
            days = tx.all("SELECT txns FROM dash_days WHERE kiosk_id = ? AND day >= ?", (kiosk_id, since_day))
            assert site is not None
            row = totals.setdefault(str(site[0]), [0, 0, 0, 0, 0])
            row[0] += 1
            row[1] += 1 if state and (state[0] or state[1]) else 0
            row[2] += 1 if sum(int(d[0]) for d in days) > 0 else 0
            row[3] += 1 if beat and str(beat[0]) >= online_since else 0
            row[4] += 1 if (state and state[2] is not None) or site[1] is not None else 0
    return totals


def ours(db: Database, now: datetime) -> int:
    with db.tx(write=False) as tx:
        rows = fleet.overview(tx, DIVISION, now, None, None)
        fleet.points(tx, DIVISION, now, None, None)
    return len(rows)


def timed(work: object, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        work()  # type: ignore[operator]
        out.append((time.perf_counter() - start) * 1000)
    return out


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def run(label: str, url: str, folder: Path, machines: int, days: int, runs: int) -> None:
    db = Database(url, synchronous="NORMAL")
    Service(db)
    start = time.perf_counter()
    totals = generate(db, machines, days, datetime.now(UTC))
    print(f"[{label}] generated {totals} in {time.perf_counter() - start:.1f} s")
    now = datetime.now(UTC)
    mine = timed(lambda: ours(db, now), runs)
    naive = timed(lambda: naive_overview(db, now), max(3, runs // 10))
    print(f"[{label}] overview computation in-process: ours p50 {statistics.median(mine):.1f} ms, p95 {p95(mine):.1f}"
          f" ms; naive (one query per machine) p50 {statistics.median(naive):.0f} ms, p95 {p95(naive):.0f} ms;"
          f" ratio {statistics.median(naive) / statistics.median(mine):.0f}x")  # fmt: skip
    db.close()
    env_db = url if url.startswith("postgresql://") else url.removeprefix("sqlite:///")
    subprocess.run([sys.executable, "-m", "server.cli", "--db", env_db, "admin", "add-officer", "div.bench",
                    "--role", "division"], check=True, capture_output=True,
                   env={"DASH_PASSWORD": PASSWORD, "PATH": "/usr/bin:/bin"})  # fmt: skip
    server = ServerProcess(env_db, folder / f"server-{label}.log").start()
    try:
        session = login(server, "div.bench")
        pages = {
            "division": "/dash/",
            "district": "/dash/d/Jaipur",
            "block": "/dash/d/Jaipur/Chaksu",
            "machine": "/dash/k/RJ-JAI-0002?days=90",
            "report": "/dash/report/Jaipur",
        }
        for name, path in pages.items():
            session.get(server.url + path, timeout=30)  # warm
            times, size = [], 0
            for _ in range(runs):
                start = time.perf_counter()
                answer = session.get(server.url + path, timeout=30)
                times.append((time.perf_counter() - start) * 1000)
                size = len(answer.content)
                wire = int(answer.headers.get("content-length", size))
                assert answer.status_code == 200, answer.text[:300]
            print(f"[{label}] {name:8s} page over HTTP: p50 {statistics.median(times):.0f} ms, p95 {p95(times):.0f} ms"
                  f" (goal < 200 ms), weight {size / 1000:.0f} KB (goal < 300 KB),"
                  f" {wire / 1000:.0f} KB gzipped on the wire")  # fmt: skip
    finally:
        server.stop()


def heartbeat_cost(count: int = 60_000) -> None:
    """What the dashboard adds to each heartbeat: Sampler.offer, for 3,000 kiosks beating in turn."""
    beat = Heartbeat(agent_version="0.1.0", app_version="0.1.0", boot_id="b" * 36, uptime_s=100.0, last_seq=9,
                     outbox_depth=0, quarantined=0, disk_free_bytes=10**10, devices={"printer": "ready"})  # fmt: skip
    sampler = Sampler()
    start_at = datetime.now(UTC)
    start = time.perf_counter()
    for n in range(count):
        sampler.offer(f"k-{n % 3000:05d}", start_at + timedelta(seconds=n / 50), beat)
    per_call = (time.perf_counter() - start) / count * 1e6
    print(f"[heartbeat] Sampler.offer: {per_call:.1f} µs per heartbeat ({len(sampler.samples)} timeline samples"
          f" kept of {count} beats over {count / 50 / 60:.0f} min)")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--machines", type=int, default=3000)
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args()
    heartbeat_cost()
    with tempfile.TemporaryDirectory(prefix="bench-dash-") as tmp:
        folder = Path(tmp)
        run("sqlite", "sqlite:///" + str(folder / "fleet.db"), folder, args.machines, args.days, args.runs)
        if not args.skip_postgres:
            postgres = PrivatePostgres().start()
            try:
                run("postgresql", postgres.url, folder, args.machines, args.days, args.runs)
            finally:
                postgres.stop()
    _ = requests  # the HTTP client the login helper uses
    return 0


if __name__ == "__main__":
    sys.exit(main())
