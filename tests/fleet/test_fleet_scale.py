"""The fleet-scale bench at CI size, as a correctness check: every request answered, every event kept once."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from tests.sync.harness import _server_rows

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_fleet_scale.py"


def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_fleet_scale", BENCH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_the_scale_bench_keeps_every_event_once_in_its_months_partition(tmp_path: Path, pg_url: str) -> None:
    scale = bench()
    windows = scale.run(pg_url, tmp_path, events=30_000, step=10_000, beats=40, batches=8, report=False)
    assert [w.statuses for w in windows] == [{"200": 48}] * 3
    assert [w.events_before for w in windows] == [10_000, 20_000, 30_000]
    measured = 3 * 8 * 100
    assert _server_rows(pg_url, "SELECT count(*), count(DISTINCT (kiosk_id, seq)) FROM events") == [
        (30_000 + measured, 30_000 + measured)]  # fmt: skip
    assert _server_rows(pg_url, "SELECT count(*) FROM event_keys") == [(30_000 + measured,)]
    months = _server_rows(pg_url, "SELECT tableoid::regclass::text, count(*) FROM events"
                                  " WHERE kiosk_id LIKE 'k-bulk-%' GROUP BY 1 ORDER BY 1")  # fmt: skip
    assert months == [("events_2024_01", 10_000), ("events_2024_02", 10_000), ("events_2024_03", 10_000)]
    assert _server_rows(pg_url, "SELECT sum(high_water) FROM kiosks WHERE code LIKE 'RJ-MEAS-%'") == [(measured,)]
