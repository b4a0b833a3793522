"""Catalogue search latency per keystroke over 1,200 services: the precomputed index vs a naive substring scan."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable

from kiosk.catalogue import DEFAULT_CATALOGUE, load_catalogue
from kiosk.catalogue_gen import scaled_catalogue
from kiosk.search import SearchIndex, naive_search

QUERIES = (
    "bijli bill",
    "बिजली बिल",
    "pani ka bill",
    "jati praman patra",
    "जाति प्रमाण पत्र",
    "electrcity",
    "jamabandi",
    "kota widow pension",
    "mool niwas",
    "income certificate",
)


def keystrokes() -> list[str]:
    """Every prefix of every query, as the screen searches after each key."""
    return [q[:i] for q in QUERIES for i in range(1, len(q) + 1)]


def measure(search: Callable[[str], object], typed: list[str], rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        for text in typed:
            start = time.perf_counter()
            search(text)
            samples.append((time.perf_counter() - start) * 1000)
    return samples


def p(samples: list[float], q: float) -> float:
    return statistics.quantiles(samples, n=100)[int(q) - 1]


def main() -> None:
    size = 12_000 if os.environ.get("KIOSK_SOAK") else 1_200
    catalogue = scaled_catalogue(load_catalogue(DEFAULT_CATALOGUE), size)
    start = time.perf_counter()
    index = SearchIndex(catalogue)
    build_ms = (time.perf_counter() - start) * 1000
    typed = keystrokes()
    ours = measure(index.search, typed, rounds=5)
    naive = measure(lambda text: naive_search(catalogue, text), typed, rounds=5)
    print(f"services: {len(catalogue.services)}, keystrokes: {len(typed)} x 5, index built in {build_ms:.0f} ms")
    print(f"index : p50 {p(ours, 50):.3f} ms  p99 {p(ours, 99):.3f} ms  (goal p99 < 5 ms)")
    print(f"naive : p50 {p(naive, 50):.3f} ms  p99 {p(naive, 99):.3f} ms")
    print(f"ratio naive/index p99: {p(naive, 99) / p(ours, 99):.2f}x")


if __name__ == "__main__":
    main()
