"""Blob upload over a 2G link that drops: resumable 16 KiB chunks (ours) vs one PUT per file (up to the server's
256 KiB per request) restarted from zero after a drop."""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.capture.blob_events import emit_with_blobs  # noqa: E402
from kiosk.capture.vault import Vault  # noqa: E402
from kiosk.clock import SystemClock  # noqa: E402
from sync.blob_upload import CHUNK_BYTES, BlobUploader  # noqa: E402
from sync.client import Client, TransportError  # noqa: E402
from sync.identity import SyncState, load_or_create_key  # noqa: E402
from sync.protocol.blobs import MAX_CHUNK_BYTES  # noqa: E402
from tests.sync.harness import ServerProcess, enrolled_kiosk  # noqa: E402

HEADER_BYTES = 450  # request line, signature headers, Content-Range; measured order of magnitude per request


class DroppingLink(requests.Session):
    """A modelled 2G link in front of the real server: counts the bytes pushed onto it (failed sends included) and
    drops the connection after an exponentially distributed number of bytes (a call that falls back, a cell change).
    The time is computed (bytes at `bits_per_s` plus one round trip per request), not slept."""

    def __init__(self, mean_drop_bytes: float, bits_per_s: float, rtt_s: float, seed: int) -> None:
        super().__init__()
        self.rng = random.Random(seed)
        self.mean, self.bps, self.rtt = mean_drop_bytes, bits_per_s, rtt_s
        self.until_drop = self.rng.expovariate(1 / mean_drop_bytes)
        self.bytes = 0
        self.requests = 0
        self.drops = 0

    def request(self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        size = HEADER_BYTES + len(kwargs.get("data") or b"")
        self.requests += 1
        if size > self.until_drop:
            self.bytes += int(self.until_drop)
            self.until_drop = self.rng.expovariate(1 / self.mean)
            self.drops += 1
            raise requests.ConnectionError("modelled 2G drop")
        self.bytes += size
        self.until_drop -= size
        return super().request(method, url, *args, **kwargs)

    def seconds(self) -> float:
        return self.bytes * 8 / self.bps + self.requests * self.rtt


def run(server: ServerProcess, folder: Path, code: str, pages: list[bytes], chunk: int, link: DroppingLink) -> None:
    folder.mkdir()
    settings, store = enrolled_kiosk(folder, server, server.url, code)
    vault = Vault.open(store, settings.vault_key_file or folder / "vault.key")
    refs = [vault.put(page, "image/jpeg") for page in pages]
    with store.write("bench") as uow:
        emit_with_blobs(uow, "application.submitted", {"application_no": code}, refs)
    kiosk_id = str(SyncState(store).get("kiosk_id"))
    client = Client(server.url, load_or_create_key(settings.key_file), kiosk_id, SystemClock(), session=link)
    uploader = BlobUploader(vault, client, chunk_bytes=chunk, budget_bytes=10**9)
    for _ in range(100_000):
        if not vault.waiting_upload():
            break
        try:
            uploader.step()
        except TransportError:
            continue  # the agent's backoff would wait here; the link model's time already counts the lost bytes
    else:
        raise RuntimeError("upload never finished")
    store.close()


def sum_of(links: list[DroppingLink]) -> tuple[int, float]:
    return sum(link.bytes for link in links), sum(link.seconds() for link in links)


def report(mean_kb: float, name: str, links: list[DroppingLink], total: int) -> None:
    sent, seconds = sum_of(links)
    runs = len(links)
    print(f"  drop every ~{mean_kb:.0f} KB: {name:24s} {sent / total:.2f}× the pages' bytes on the link, "
          f"{sum(link.requests for link in links) / runs:5.1f} requests, "
          f"{sum(link.drops for link in links) / runs:4.1f} drops, {seconds / runs / 60:4.1f} min per run")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--page-bytes", type=int, default=60_000, help="a scanned A4 page at the issue's goal")
    parser.add_argument("--mean-drop-kb", type=float, nargs="+", default=[400.0, 100.0, 50.0])
    parser.add_argument("--bits-per-s", type=float, default=40_000, help="GPRS/EDGE in a village")
    parser.add_argument("--rtt-s", type=float, default=0.7)
    parser.add_argument("--repeats", type=int, default=3, help="seeds of the drop model per case (averaged)")
    args = parser.parse_args()
    rng = random.Random(1)
    pages = [rng.randbytes(args.page_bytes) for _ in range(args.pages)]  # JPEG-like: does not compress
    total = sum(len(p) for p in pages)
    print(f"{args.pages} pages, {total:,} bytes, link {args.bits_per_s / 1000:.0f} kbit/s, RTT {args.rtt_s} s")
    with tempfile.TemporaryDirectory() as work_dir:
        work = Path(work_dir)
        server = ServerProcess(str(work / "server.db"), work / "server.log").start()
        try:
            for n, mean_kb in enumerate(args.mean_drop_kb):
                results: dict[str, list[DroppingLink]] = {}
                for name, chunk in (("resumable 16 KiB chunks", CHUNK_BYTES), ("whole file, restart", MAX_CHUNK_BYTES)):
                    for seed in range(args.repeats):
                        link = DroppingLink(mean_kb * 1000, args.bits_per_s, args.rtt_s, seed=seed)
                        code = f"RJ-B{n}{seed}-{chunk % 9973:04d}"
                        run(server, work / code, code, pages, chunk, link)
                        results.setdefault(name, []).append(link)
                    report(mean_kb, name, results[name], total * args.repeats)
                ours, naive = (sum_of(results[k]) for k in ("resumable 16 KiB chunks", "whole file, restart"))
                print(f"  → naive/ours: bytes {naive[0] / ours[0]:.2f}×, time {naive[1] / ours[1]:.2f}×")
        finally:
            server.stop()


if __name__ == "__main__":
    main()
