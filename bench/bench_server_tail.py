"""Server tail latency: p99 of a heartbeat while eight certificate PDFs render, sync handlers vs the old async way."""

from __future__ import annotations

import argparse
import multiprocessing
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import requests
from fastapi import Request
from fastapi.responses import Response

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sync.protocol.receipts import ReceiptClaim, make_token  # noqa: E402
from tests.server.conftest import Kiosk, enrol_key  # noqa: E402
from tests.sync.harness import KIOSK_CODE, ServerProcess  # noqa: E402

APPLICATION = "DLV"
PER_FETCHER = 40  # certificates each of the eight fetchers renders (more than the heartbeats take)
BEAT = {"agent_version": "1", "app_version": "1", "boot_id": "b", "uptime_s": 1.0, "last_seq": 0,
        "outbox_depth": 0, "quarantined": 0, "disk_free_bytes": 1}  # fmt: skip


def serve_baseline(db: str) -> None:
    """The naive way, as the server was: `async def` handlers doing the same database and PDF work on the loop."""
    import uvicorn
    from fastapi.routing import APIRoute

    from server import app as server_app
    from server import certificates
    from server.db import Database, database_url
    from server.delivery import Deliveries
    from server.deps import json_answer
    from server.service import now_utc
    from server.wire import inflate
    from sync.protocol import Heartbeat

    database = Database(database_url(db))
    app = server_app.create_app(database)
    service = app.state.service
    deliveries = Deliveries(database, service)

    async def heartbeat(request: Request) -> Response:
        raw = await request.body()
        with database.tx(write=False) as tx:
            headers = {k.lower(): v for k, v in request.headers.items()}
            now = now_utc()
            kiosk = service.authenticate(tx, headers, "POST", request.url.path, raw, now, buffered=True)
            beat = Heartbeat.model_validate_json(inflate(raw, "gzip"))
            answer = service.heartbeat(tx, kiosk, beat, now)
        return json_answer(answer)

    async def pdf(code: str) -> Response:
        opened = deliveries.open(code)
        assert opened is not None
        assert opened[1] is not None
        with database.tx(write=False) as tx:
            facts = certificates.issued(tx, opened[1])
        assert facts is not None
        return Response(certificates.render(opened[1], *facts), media_type="application/pdf")  # on the loop

    app.router.routes[:0] = [APIRoute("/api/v1/heartbeat", heartbeat, methods=["POST"]),
                             APIRoute("/p/{code}", pdf, methods=["GET"])]  # fmt: skip
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    print(f"listening on http://127.0.0.1:{sock.getsockname()[1]}", flush=True)
    uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False)).run(sockets=[sock])


class BaselineProcess(ServerProcess):
    def command(self, *args: str) -> list[str]:
        if args and args[0] == "serve":
            return [sys.executable, __file__, "--serve-baseline", self.db]
        return super().command(*args)


def pdf_links(kiosk: Kiosk, db: str, count: int) -> list[str]:
    """Links to `count` different issued certificates, so every fetch renders a page (none is a cache hit)."""
    import sqlite3

    numbers = [f"{APPLICATION}{n:04d}" for n in range(count)]
    conn = sqlite3.connect(db)
    with conn:
        conn.executemany("INSERT INTO applications (application_no, service, status, updated_at, applicant_name)"
                         " VALUES (?, 'income_certificate', 'delivered', '2026-11-20T10:00:00Z', 'Sita Devi')",
                         [(n,) for n in numbers])  # fmt: skip
    conn.close()
    token = make_token(ReceiptClaim(KIOSK_CODE, 1, "T1", 5000, "2026-11-23T04:30:00Z"), kiosk.key)
    links = []
    for number in numbers:
        body = {"receipt_token": token, "kind": "certificate", "application_no": number}
        answer = kiosk.send("POST", "/api/v1/deliveries", body)
        assert answer.status_code == 200, answer.text
        links.append(str(answer.json()["url"]))
    return links


def fetch_pdfs(urls: list[str], served: Any, stop: Any) -> None:
    with requests.Session() as session:
        for url in urls:
            if stop.is_set():
                break
            assert session.get(url, timeout=120).headers["content-type"] == "application/pdf"
            with served.get_lock():
                served.value += 1


def beats(kiosk: Kiosk, count: int, busy: Any = lambda: True) -> list[float]:
    """Heartbeat latencies (ms), one every 20 ms, while `busy()` (the PDF fetchers still have work)."""
    took = []
    with requests.Session() as session:
        for _ in range(count):
            if not busy():
                break
            headers, wire = kiosk.signed("POST", "/api/v1/heartbeat", BEAT)
            start = time.perf_counter()
            answer = session.post(kiosk.server.url + "/api/v1/heartbeat", data=wire, headers=headers, timeout=30)
            took.append((time.perf_counter() - start) * 1000)
            assert answer.status_code == 200, answer.text
            time.sleep(0.02)
    return took


def p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]  # never past the largest value


def measure(server: ServerProcess, folder: Path, count: int) -> dict[str, Any]:
    server.start()
    try:
        kiosk = enrol_key(server)
        links = pdf_links(kiosk, server.db, 8 * PER_FETCHER + 1)
        start = time.perf_counter()
        requests.get(links.pop(), timeout=60)
        one_pdf = (time.perf_counter() - start) * 1000
        quiet = beats(kiosk, count)
        context = multiprocessing.get_context("spawn")
        served, stop = context.Value("i", 0), context.Event()
        fetchers = [context.Process(target=fetch_pdfs, args=(links[n::8], served, stop)) for n in range(8)]
        for fetcher in fetchers:
            fetcher.start()
        deadline = time.monotonic() + 120
        while served.value < 8:  # every fetcher started and the server busy before the heartbeats begin
            if time.monotonic() > deadline or not all(f.is_alive() for f in fetchers):
                raise RuntimeError(f"PDF fetchers did not get going ({served.value} served); see {server.log_path}")
            time.sleep(0.05)
        before = served.value
        loaded = beats(kiosk, count, lambda: served.value < len(links) - 8)
        pdfs = served.value - before
        stop.set()
        for fetcher in fetchers:
            fetcher.join()
    finally:
        server.stop()
    return {"one_pdf": one_pdf, "quiet": quiet, "loaded": loaded, "pdfs": pdfs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--beats", type=int, default=300)
    parser.add_argument("--serve-baseline", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_baseline:
        serve_baseline(args.serve_baseline)
        return
    results = {}
    for name, kind in (("ours (sync handlers)", ServerProcess), ("naive (async on the loop)", BaselineProcess)):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            results[name] = measure(kind(str(folder / "server.db"), folder / "server.log"), folder, args.beats)
    for name, r in results.items():
        print(f"{name}: one PDF {r['one_pdf']:.0f} ms; heartbeat alone p50 {p(r['quiet'], 50):.1f} ms "
              f"p99 {p(r['quiet'], 99):.1f} ms; with 8 PDFs rendering p50 {p(r['loaded'], 50):.1f} ms "
              f"p99 {p(r['loaded'], 99):.1f} ms max {max(r['loaded']):.0f} ms "
              f"({len(r['loaded'])} beats, {r['pdfs']} PDFs served meanwhile)")  # fmt: skip
    ours, naive = (p(r["loaded"], 99) for r in results.values())
    print(f"p99 heartbeat under PDF load: ours {ours:.1f} ms vs naive {naive:.1f} ms, ratio {naive / ours:.1f}x "
          f"(goal: ours < 50 ms)")  # fmt: skip


if __name__ == "__main__":
    main()
