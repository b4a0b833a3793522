"""A long randomized cash session: notes, fakes, jams, power cuts and SIGKILLs of the kiosk process.

At the end the ledger must hold exactly the notes the emulator stacked. CI size: 150 notes; KIOSK_SOAK=1: 1,000.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drivers.cash.ssp.emulator import SspEmulator
from kiosk.clock import SystemClock
from kiosk.store import Store
from tests.drivers.cash.conftest import wait_until
from tests.kiosk.consistency import assert_books_agree

ROOT = Path(__file__).resolve().parents[2]
NOTES = 1000 if os.environ.get("KIOSK_SOAK") else 150


class Kiosk:
    def __init__(self, db: Path, port: str) -> None:
        self.db, self.port, self.seed = db, port, 0
        self.process: subprocess.Popen[str] | None = None
        self.errors = (db.parent / "kiosk-stderr.txt").open("a")

    def start(self) -> None:
        self.seed += 1
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.kiosk.cash_child", str(self.db), self.port, str(self.seed)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=self.errors,
            text=True,
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "ready"

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()


@pytest.mark.slow
def test_ledger_equals_the_notes_stacked_through_faults_and_kills(tmp_path: Path) -> None:
    rng = random.Random(1123)
    device = SspEmulator()
    port = device.serve_pty(tmp_path / "ttyCASH")
    kiosk = Kiosk(tmp_path / "kiosk.db", port)
    kiosk.start()
    kills = power_cuts = 0
    try:
        for _ in range(NOTES):
            wait_until(lambda: device.state.note is None, timeout=15)
            roll = rng.random()
            if roll < 0.06:
                kiosk.kill()
                kills += 1
                device.insert_note(rng.choice((10, 20, 50, 100)))  # a note goes in while the kiosk is dead
                time.sleep(rng.uniform(0, 0.05))
                kiosk.start()
            elif roll < 0.10:
                power_cuts += 1
                device.power_cycle_with_note(rng.choice((10, 50, 100)), stage=rng.choice(("escrow", "stacking")))
            elif roll < 0.14:
                device.jam(safe=rng.random() < 0.5)
                time.sleep(0.05)
                device.clear_jam()
            elif roll < 0.18:
                device.insert_fake_note()
            else:
                wait_until(lambda: device.state.enabled, timeout=15)
                device.insert_note(rng.choice((10, 20, 50, 100, 200, 500)))
                if rng.random() < 0.05:  # SIGKILL just after a note went in: mid-escrow or mid-stack
                    time.sleep(rng.uniform(0, 0.06))
                    kiosk.kill()
                    kills += 1
                    kiosk.start()
        wait_until(lambda: device.state.note is None, timeout=15)
        time.sleep(0.5)  # let the last credit commit
    finally:
        kiosk.kill()
        device.close()
        kiosk.errors.close()
    crashes = (tmp_path / "kiosk-stderr.txt").read_text()
    assert "Traceback" not in crashes, crashes[-3000:]

    store = Store.open(tmp_path / "kiosk.db", SystemClock())
    try:
        in_ledger = store.read_one("SELECT COALESCE(SUM(denomination), 0) AS total FROM cash_events")
        assert in_ledger is not None
        assert in_ledger["total"] == sum(device.stacked) * 100
        assert len(device.stacked) > NOTES // 3, "too few notes were stacked to prove anything"
        assert kills > 3
        assert power_cuts > 0
        assert_books_agree(store)
    finally:
        store.close()
