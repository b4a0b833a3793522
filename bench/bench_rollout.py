"""How long from publishing a release to 95 % of a 3,000-machine division running it, rolled out in waves? And what
does the server pay per kiosk per update check?

3,000 simulated agents (tests/fleet/simfleet.py) send signed heartbeats over HTTP to the real server process,
round after round, as fast as loopback allows; each takes 2 rounds to download, 1 to switch, then reports the new
version. The rollout runs pilot:30 → one block → one district → all, each wave starting when 90 % of the previous
one runs the release. Printed: rounds and seconds to 95 %; the server's CPU per heartbeat (the update check: the
offer travels in the heartbeat answer); and one rollout pass (the server's bookkeeping of every targeted kiosk)
against a naive pass that asks the database once per kiosk, ratio printed. bench/README.md turns rounds into time
at 2G speed.

    .venv/bin/python bench/bench_rollout.py                 # 3,000 machines, ~2 minutes on 2 cores
    .venv/bin/python bench/bench_rollout.py --machines 300  # a quick look
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from server.db import Database  # noqa: E402
from server.fleetops import rollout  # noqa: E402
from tests.fleet.simfleet import Fleet, add_fleet  # noqa: E402
from tests.sync.harness import ServerProcess  # noqa: E402

DISTRICTS = ("Jaipur", "Alwar", "Dausa", "Sikar", "Jhunjhunu", "Tonk")
BLOCKS_PER_DISTRICT = 5
VERSION = "2.0.0"


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / 100


def places(machines: int) -> list[tuple[str, str, int]]:
    blocks = [(d, f"{d[:3]}{n}") for d in DISTRICTS for n in range(1, BLOCKS_PER_DISTRICT + 1)]
    each, extra = divmod(machines, len(blocks))
    return [(d, b, each + (i < extra)) for i, (d, b) in enumerate(blocks)]


def naive_pass(db: Database, version: str) -> int:
    """The obvious bookkeeping: for every targeted kiosk, one query for its last heartbeat."""
    running = 0
    with db.tx(write=False) as tx:
        for (kiosk_id,) in tx.all("SELECT kiosk_id FROM release_targets WHERE version = ?", (version,)):
            row = tx.one("SELECT body FROM heartbeats WHERE kiosk_id = ?", (kiosk_id,))
            running += row is not None and rollout.software_state(str(row[0]), version) == "running"
    return running


def ours_pass(db: Database, version: str) -> int:
    """What each rollout pass does: every targeted kiosk's state from one joined query."""
    with db.tx(write=False) as tx:
        return rollout.progress(tx, version).running


def best_of(runs: int, work: object) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return min(times)


def run(machines: int, folder: Path) -> dict[str, float]:
    server = ServerProcess(str(folder / "server.db"), folder / "server.log").start()
    try:
        agents = add_fleet(server.db, places(machines))
        fleet = Fleet(server.port, server.db, agents, connections=4)
        fleet.round()  # everyone known to the server, on 1.0.0
        db = Database("sqlite:///" + server.db)
        from server.dashboard.auth import add_officer

        add_officer(db, "div.bench", "Bench", "bench-password-1", "division", None, None, "2026-01-01T00:00:00Z")
        pid = server.process.pid if server.process else 0
        cpu_before, requests_before = cpu_seconds(pid), fleet.requests
        started, rounds = time.perf_counter(), 0
        first = places(machines)[0]
        rollout.start(db, "div.bench", VERSION, f"pilot:30,block:{first[1]},district:{first[0]},all",
                      datetime.now(UTC), threshold=0.2, advance_at=0.9)  # fmt: skip
        while fleet.share_on(VERSION) < 0.95:
            fleet.round()
            rounds += 1
            time.sleep(0.2)  # the server's heartbeat flush, so the next rollout pass sees this round
        seconds = time.perf_counter() - started
        cpu_per_beat = (cpu_seconds(pid) - cpu_before) / (fleet.requests - requests_before)
        with db.tx(write=False) as tx:
            targeted = tx.one("SELECT count(*) FROM release_targets")
        ours = best_of(3, lambda: ours_pass(db, VERSION))
        naive = best_of(3, lambda: naive_pass(db, VERSION))
        return {"machines": machines, "rounds_to_95": rounds, "seconds_to_95": round(seconds, 1),
                "server_cpu_us_per_update_check": round(cpu_per_beat * 1e6, 1),
                "targeted": int(targeted[0]) if targeted else 0,
                "pass_ms_ours": round(ours * 1000, 1), "pass_ms_naive": round(naive * 1000, 1),
                "naive_over_ours": round(naive / ours, 2)}  # fmt: skip
    finally:
        server.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--machines", type=int, default=3000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        print(json.dumps(run(args.machines, Path(folder)), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
