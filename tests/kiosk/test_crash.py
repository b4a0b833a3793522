"""Crash tests: a child paying bills is SIGKILLed at random moments; nothing committed may be lost or doubled."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kiosk.clock import FakeClock
from kiosk.store import Store
from tests.kiosk.consistency import assert_books_agree

ROOT = Path(__file__).resolve().parents[2]
KILLS = 1000 if os.environ.get("KIOSK_SOAK") else 150


def spawn(db: Path, seed: int, limit: int | None = None) -> subprocess.Popen[str]:
    args = [sys.executable, "-m", "tests.kiosk.crash_writer", str(db), str(seed)]
    if limit is not None:
        args.append(str(limit))
    return subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def reported_credits(lines: list[str]) -> list[tuple[str, int]]:
    credits = []
    for line in lines:
        parts = line.split()
        if len(parts) == 4 and parts[0] == "C":
            credits.append((parts[1], int(parts[2])))
    return credits


def wait_for_credits(lines: list[str], credits: int, timeout_s: float = 5.0) -> None:
    deadline = time.monotonic() + timeout_s
    while len(reported_credits(list(lines))) < credits and time.monotonic() < deadline:
        time.sleep(0.002)


@pytest.mark.slow
def test_credits_survive_sigkill_at_random_moments_exactly_once(tmp_path: Path) -> None:
    db = tmp_path / "kiosk.db"
    Store.open(db, FakeClock()).close()
    rng = random.Random(20261123)
    reported: list[tuple[str, int]] = []
    for kill in range(KILLS):
        lines: list[str] = []
        with spawn(db, seed=kill) as child:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "ready", child.stderr.read() if child.stderr else ""
            reader = threading.Thread(target=lines.extend, args=(child.stdout,), daemon=True)
            reader.start()
            # Kill after a random number of committed credits, then a random moment more: on a loaded machine a
            # random time alone let children die before they wrote anything.
            wait_for_credits(lines, rng.randint(0, 3))
            time.sleep(rng.uniform(0.0, 0.03))
            child.send_signal(signal.SIGKILL)
            child.wait()
            reader.join()
        reported.extend(reported_credits(lines))

    store = Store.open(db, FakeClock())
    try:
        assert_books_agree(store)
        in_ledger = {
            r["device_ref"]: r["denomination"] for r in store.read("SELECT device_ref, denomination FROM cash_events")
        }
        for ref, paise in reported:
            assert in_ledger.get(ref) == paise, f"credit {ref} was reported committed but is not in the ledger"
        unreported = set(in_ledger) - {ref for ref, _ in reported}
        assert len(unreported) <= KILLS, "more committed-but-unreported credits than kills"
        assert len(reported) > KILLS, "the children barely wrote anything; the test would prove nothing"
    finally:
        store.close()


def test_two_processes_writing_at_once_keep_the_sequence_gap_free(tmp_path: Path) -> None:
    db = tmp_path / "kiosk.db"
    Store.open(db, FakeClock()).close()
    children = [spawn(db, seed=s, limit=40) for s in (1, 2)]
    for child in children:
        with child:
            out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        assert out.rstrip().endswith("finished")
    store = Store.open(db, FakeClock())
    try:
        assert_books_agree(store)
        assert store.db["transactions"].count == 80
        uuids = [r["uuid"] for r in store.read("SELECT uuid FROM outbox")]
        assert len(uuids) == len(set(uuids))
    finally:
        store.close()


@pytest.mark.parametrize("seed", [7])
def test_the_consistency_check_notices_a_credit_without_its_outbox_event(tmp_path: Path, seed: int) -> None:
    db = tmp_path / "kiosk.db"
    Store.open(db, FakeClock()).close()
    with spawn(db, seed=seed, limit=3) as child:
        child.communicate(timeout=60)
    store = Store.open(db, FakeClock())
    try:
        assert_books_agree(store)
        store.conn.execute("DROP TRIGGER journal_append_only_delete")
        last = store.read_one("SELECT max(seq) AS seq FROM outbox WHERE kind = 'cash.credit'")
        assert last is not None
        store.conn.execute("DELETE FROM outbox WHERE seq = ?", (last["seq"],))
        with pytest.raises(AssertionError):
            assert_books_agree(store)
    finally:
        store.close()
