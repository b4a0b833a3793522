"""Do heartbeat and drain rates hold as PostgreSQL's events grow to 10 million? Partitioned by month vs one table.

The history is made by PostgreSQL itself (INSERT … SELECT over generate_series, triggers off, one month per
step, 10,000 made-up kiosks), a million events per step; after each step a measured window sends real signed
heartbeats and event batches over HTTP to the real server process. Printed: the rates per window and the ratio
of the last window to the first (1.0 = no slowdown). `--baseline` runs the same on today's unpartitioned table.

    .venv/bin/python bench/bench_fleet_scale.py                      # 10 million, ~15 minutes on 2 cores
    .venv/bin/python bench/bench_fleet_scale.py --events 200000 --step 50000   # a quick look
"""

from __future__ import annotations

import argparse
import gzip
import json
import secrets
import socket
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402

from sync.protocol.signing import public_key_text, sign_request  # noqa: E402
from tests.sync.harness import ServerProcess  # noqa: E402
from tests.sync.postgres import PrivatePostgres  # noqa: E402

BULK_KIOSKS = 10_000
BEAT = gzip.compress(
    b'{"agent_version":"0.1.0","app_version":"0.1.0","boot_id":"b","uptime_s":5.0,"last_seq":0,'
    b'"outbox_depth":0,"quarantined":0,"disk_free_bytes":1000000,"network":"2g"}'
)
LEGACY = """CREATE TABLE events (
    kiosk_id TEXT NOT NULL, seq BIGINT NOT NULL, uuid TEXT NOT NULL, kind TEXT NOT NULL,
    occurred_at TEXT NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL, reason TEXT,
    received_at TEXT NOT NULL, PRIMARY KEY (kiosk_id, seq), UNIQUE (kiosk_id, uuid))"""


@dataclass
class Window:
    events_before: int
    beats_per_s: float
    drained_per_s: float
    statuses: dict[str, int]
    cpu_ms_per_1000: float = 0.0  # server + PostgreSQL CPU per 1,000 events drained: other jobs barely move it


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU of these processes so far (gone ones count 0)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / 100  # USER_HZ


def working_pids(url: str, server_pid: int) -> list[int]:
    """The server process and the PostgreSQL backends serving this database."""
    with psycopg.connect(url, autocommit=True) as conn:
        rows = conn.execute("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                            " AND pid <> pg_backend_pid()").fetchall()  # fmt: skip
    return [server_pid, *(int(r[0]) for r in rows)]


@dataclass
class MeasuredKiosk:
    key: Ed25519PrivateKey
    kiosk_id: str
    next_seq: int = 1


def http_request(kiosk: MeasuredKiosk, path: str, body: bytes) -> bytes:
    headers = sign_request(kiosk.key, kiosk.kiosk_id, "POST", path, int(time.time()), secrets.token_hex(16), body)
    lines = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    head = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Encoding: gzip\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n{lines}\r\n")  # fmt: skip
    return head.encode() + body


def send_all(port: int, per_connection: list[list[bytes]]) -> tuple[Counter[str], float]:
    """Each list on its own keep-alive connection, in parallel threads; (statuses, seconds)."""
    counts: Counter[str] = Counter()
    lock = threading.Lock()

    def one(prepared: list[bytes]) -> None:
        connection = socket.create_connection(("127.0.0.1", port))
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        reader = connection.makefile("rb")
        for request in prepared:
            connection.sendall(request)
            status = reader.readline().split()[1].decode()
            length = 0
            while (line := reader.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            reader.read(length)
            with lock:
                counts[status] += 1
        connection.close()

    threads = [threading.Thread(target=one, args=(p,)) for p in per_connection]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return counts, time.perf_counter() - started


def batch(kiosk: MeasuredKiosk, items: int) -> bytes:
    events = []
    for _ in range(items):
        payload = {"txn": f"T{kiosk.next_seq:08d}", "amount_paise": 10_000, "mode": "cash"}
        events.append({"seq": kiosk.next_seq, "uuid": str(uuid.uuid4()), "kind": "payment.completed",
                       "occurred_at": "2026-12-06T04:00:00Z", "payload": payload})  # fmt: skip
        kiosk.next_seq += 1
    return http_request(kiosk, "/api/v1/events:batch", gzip.compress(json.dumps({"items": events}).encode()))


def measure(port: int, kiosks: list[MeasuredKiosk], beats: int, batches: int, events_before: int,
            repeats: int, pids: list[int]) -> Window:  # fmt: skip
    """Best of `repeats` runs of each: the machine is shared, and other jobs only ever slow a run down."""
    statuses: Counter[str] = Counter()
    best_beats = best_drain = 0.0
    best_cpu = float("inf")
    for _ in range(repeats):
        per = beats // len(kiosks)
        beat_lists = [[http_request(k, "/api/v1/heartbeat", BEAT) for _ in range(per)] for k in kiosks]
        beat_counts, beat_s = send_all(port, beat_lists)
        drain_lists = [[batch(k, 100) for _ in range(batches // len(kiosks))] for k in kiosks]
        cpu_before = cpu_seconds(pids)
        drain_counts, drain_s = send_all(port, drain_lists)
        drained = 100 * sum(len(d) for d in drain_lists)
        best_cpu = min(best_cpu, (cpu_seconds(pids) - cpu_before) * 1000 / drained * 1000)
        statuses.update(beat_counts + drain_counts)
        best_beats = max(best_beats, per * len(kiosks) / beat_s)
        best_drain = max(best_drain, drained / drain_s)
    return Window(events_before, best_beats, best_drain, dict(statuses), best_cpu)


def add_history(url: str, step_no: int, step: int, *, partitioned: bool) -> None:
    """One more step of history for the made-up kiosks, in its own month, made inside PostgreSQL."""
    per_kiosk = step // BULK_KIOSKS
    year, month = divmod(2024 * 12 + step_no, 12)  # one month of history per step, from January 2024
    stamp = f"{year:04d}-{month + 1:02d}-15T10:00:00.000000Z"
    rows = (f"SELECT 'k-bulk-' || (g % {BULK_KIOSKS}), {step_no * per_kiosk} + g / {BULK_KIOSKS} + 1,"
            f" md5('{step_no}:' || g)::uuid::text, 'payment.completed', '{stamp}',"
            f" '{{\"txn\":\"T' || g || '\",\"amount_paise\":' || (g % 100000) || ',\"mode\":\"cash\"}}',"
            f" 'accepted', NULL, '{stamp}' FROM generate_series(0, {per_kiosk * BULK_KIOSKS - 1}) g")  # fmt: skip
    with psycopg.connect(url) as conn:
        conn.execute("SET session_replication_role = replica")  # the bulk fills event_keys itself, in one pass
        if partitioned:
            from server import partitions

            with conn.cursor() as cursor:
                tx = _Tx(cursor)
                partitions.ensure_partitions(tx, year, month + 1, 0)
            conn.execute(f"INSERT INTO event_keys SELECT e.column1, 1, e.column2, e.column3, 'accepted', NULL,"
                         f" '{stamp}' FROM ({rows}) AS e(column1, column2, column3)")  # fmt: skip
        conn.execute(f"INSERT INTO events {rows}")
        high = (step_no + 1) * per_kiosk
        conn.execute("UPDATE kiosks SET high_water = %s WHERE id LIKE 'k-bulk-%%'", (high,))
        conn.execute("UPDATE kiosk_keys SET high_water = %s WHERE kiosk_id LIKE 'k-bulk-%%'", (high,))
        conn.execute("UPDATE dash_state SET done_seq = %s WHERE kiosk_id LIKE 'k-bulk-%%'", (high,))
    with psycopg.connect(url, autocommit=True) as conn:  # what autovacuum would do, before the window, not in it
        conn.execute("VACUUM (ANALYZE) events")
        if partitioned:
            conn.execute("VACUUM (ANALYZE) event_keys")
        conn.execute("CHECKPOINT")


class _Tx:
    """The two calls server.partitions needs, on a plain psycopg cursor."""

    def __init__(self, cursor: psycopg.Cursor[tuple[object, ...]]) -> None:
        self.cursor = cursor

    def one(self, sql: str, params: tuple[object, ...] = ()) -> tuple[object, ...] | None:
        return self.cursor.execute(sql.replace("?", "%s"), params).fetchone()

    def execute(self, sql: str, params: tuple[object, ...] = ()) -> None:
        self.cursor.execute(sql.replace("?", "%s"), params)


def prepare(url: str, *, partitioned: bool) -> None:
    """Schema (partitioned, or today's table for the baseline) and the made-up kiosks, rolled up to date."""
    if not partitioned:
        with psycopg.connect(url) as conn:
            conn.execute(LEGACY)
    from server.db import Database
    from server.service import Service

    db = Database(url)
    Service(db)
    db.close()
    with psycopg.connect(url) as conn:
        conn.execute(f"INSERT INTO kiosks (id, code, public_key, enrolled_at) SELECT 'k-bulk-' || g,"
                     f" 'RJ-BULK-' || g, 'x', '2024-01-01' FROM generate_series(0, {BULK_KIOSKS - 1}) g")  # fmt: skip
        conn.execute("INSERT INTO kiosk_keys (kiosk_id, epoch, public_key, enrolled_at) SELECT id, 1, public_key,"
                     " enrolled_at FROM kiosks WHERE id LIKE 'k-bulk-%'")  # fmt: skip
        conn.execute("INSERT INTO dash_state (kiosk_id) SELECT id FROM kiosks")


def enrol(server: ServerProcess, count: int) -> list[MeasuredKiosk]:
    kiosks = []
    for n in range(count):
        key, code = Ed25519PrivateKey.generate(), f"RJ-MEAS-{n:04d}"
        body = {"token": server.admin("admin", "issue-token", code), "kiosk_code": code,
                "public_key": public_key_text(key)}  # fmt: skip
        answer = requests.post(server.url + "/api/v1/enrol", json=body, timeout=30)
        kiosks.append(MeasuredKiosk(key, answer.json()["kiosk_id"]))
    return kiosks


def run(url: str, folder: Path, *, events: int, step: int, beats: int, batches: int, partitioned: bool = True,
        repeats: int = 1, report: bool = True) -> list[Window]:  # fmt: skip
    prepare(url, partitioned=partitioned)
    server = ServerProcess(url, folder / "server.log").start()
    windows = []
    try:
        kiosks = enrol(server, 4)
        for step_no in range(events // step):
            add_history(url, step_no, step, partitioned=partitioned)
            assert server.process is not None
            pids = working_pids(url, server.process.pid)
            windows.append(measure(server.port, kiosks, beats, batches, (step_no + 1) * step, repeats, pids))
            if report:
                w = windows[-1]
                load = Path("/proc/loadavg").read_text().split()[0]
                print(f"  {w.events_before:>11,} events: {w.beats_per_s:7.0f} heartbeats/s, "
                      f"{w.drained_per_s:7.0f} events/s drained, {w.cpu_ms_per_1000:5.0f} CPU ms per 1,000 events"
                      f"  {w.statuses} load {load}", flush=True)  # fmt: skip
    finally:
        server.stop()
    return windows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--step", type=int, default=1_000_000)
    parser.add_argument("--beats", type=int, default=4_000, help="heartbeats per measured window")
    parser.add_argument("--batches", type=int, default=40, help="batches of 100 events per measured window")
    parser.add_argument("--repeats", type=int, default=3, help="best of this many runs per window")
    parser.add_argument("--baseline", action="store_true", help="also run today's unpartitioned table")
    args = parser.parse_args()
    pg = PrivatePostgres().start()
    try:
        for partitioned in (True, False) if args.baseline else (True,):
            with psycopg.connect(pg.url, autocommit=True) as conn:
                name = "scale_" + ("parts" if partitioned else "plain")
                conn.execute(f"CREATE DATABASE {name}")
            url = pg.url.rsplit("/", 1)[0] + "/" + name
            print("partitioned by month (ours):" if partitioned else "one events table (today's):", flush=True)
            started = time.perf_counter()
            folder = Path(tempfile.mkdtemp(prefix="scale-"))
            windows = run(url, folder, events=args.events, step=args.step, beats=args.beats, batches=args.batches,
                          partitioned=partitioned, repeats=args.repeats)  # fmt: skip
            first, last, took = windows[0], windows[-1], time.perf_counter() - started
            print(f"  ratio last/first: heartbeats {last.beats_per_s / first.beats_per_s:.2f}, drain "
                  f"{last.drained_per_s / first.drained_per_s:.2f}, CPU per event "
                  f"{last.cpu_ms_per_1000 / first.cpu_ms_per_1000:.2f}  ({took:.0f} s)")  # fmt: skip
    finally:
        pg.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
