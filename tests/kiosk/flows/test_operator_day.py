"""A randomized business day, then the blind close: operator count == ledger == the notes the emulator stacked.

Payments go through CashDesk and the real SSP driver to the acceptor emulator on a pty: part payments left as
change-due vouchers, overpayments, a jam, a power cut with a note mid-stack, and a SIGKILL'd kiosk process in
the middle of a note. CI size: 30 payments; `make soak` (KIOSK_SOAK=1): 300.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from drivers.cash.ssp.emulator import SspEmulator
from kiosk.flows.base import Devices
from kiosk.flows.operator import ACCEPTOR_COUNT_AT_CLOSE, OperatorMode, OpStep
from kiosk.journal import verify_journal
from kiosk.money import Money
from kiosk.operator import OperatorAuth
from kiosk.receipt import Identity
from kiosk.transactions import TxnState
from kiosk.zreport import build_zreport
from tests.drivers.cash.conftest import wait_until
from tests.fakes.devices import MemoryFingerReader, MemoryPrinter
from tests.kiosk.cash_rig import CashSide, cash_side
from tests.kiosk.consistency import assert_books_agree
from tests.kiosk.helpers import cash_bill
from tests.sync.harness import soak

ROOT = Path(__file__).resolve().parents[3]
PAYMENTS = 300 if soak() else 30
TOLERANCE = Money.rupees(50)  # an overshoot up to ₹50 is taken and becomes a change-due voucher
PIN = "246813"


def credits(side: CashSide) -> int:
    row = side.store.read_one("SELECT count(*) AS n FROM cash_events")
    return int(row["n"]) if row else 0


def wait_settled(device: SspEmulator, side: CashSide) -> None:
    """Deadline: no note half-way, nothing queued, and every note in the box has its ledger row."""
    wait_until(lambda: device.state.note is None and not device.state.queue and credits(side) == len(device.stacked))


def insert(device: SspEmulator, side: CashSide, rupees: int) -> None:
    """A villager feeds one note; wait until the device is done with it and every stacked note is in the ledger."""
    channel = device.state.channels.index(rupees)
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline and not (device.state.enabled and device.state.inhibit_mask & (1 << channel)):
        time.sleep(0.01)
    device.insert_note(rupees)
    wait_settled(device, side)


def feed(device: SspEmulator, side: CashSide, txn_id: str, rng: random.Random, *, walk_away: bool) -> None:
    """Pay until paid in full, or walk away after the first note (the credit becomes a change-due voucher)."""
    while (txn := side.ledger.get(txn_id)).state is TxnState.AWAITING_PAYMENT:
        if walk_away and txn.amount_paid.paise:
            side.desk.end(reason="villager walked away")
            return
        fits = [r for r in (10, 20, 50, 100, 200, 500) if r * 100 <= txn.remaining.paise + TOLERANCE.paise]
        insert(device, side, rng.choice(fits))


def killed_child(db: Path, port: str, device: SspEmulator, rng: random.Random) -> None:
    """The kiosk process dies (SIGKILL) while a note is going into the box."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.kiosk.cash_child", str(db), port, str(rng.randrange(1000))],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        wait_until(lambda: device.state.enabled)
        device.insert_note(10)
        time.sleep(rng.uniform(0.0, 0.06))
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        if child.stdout is not None:
            child.stdout.close()


@pytest.mark.slow
def test_a_randomized_day_closes_with_count_equal_to_ledger_equal_to_notes_stacked(tmp_path: Path) -> None:
    rng = random.Random(2311)
    device = SspEmulator()
    port = device.serve_pty(tmp_path / "ttyCASH")
    db = tmp_path / "kiosk.db"
    side = cash_side(db, port, tolerance=TOLERANCE)
    with side.store.write("engineer") as uow:  # the acceptor's own counter as the box was commissioned
        uow.set_meta(ACCEPTOR_COUNT_AT_CLOSE, "0")
    jam_at, cut_at, kill_at, walk_at = (rng.randrange(PAYMENTS) for _ in range(4))
    walked = 0
    try:
        wait_until(lambda: side.driver.status.value == "disabled")
        for n in range(PAYMENTS):
            txn = cash_bill(side.ledger, rng.randrange(1, 80) * 10)
            side.desk.begin(txn.id)
            if n == jam_at:
                device.jam(safe=True)
                time.sleep(0.1)
                device.clear_jam()
            if n == cut_at:  # power fails with a note half-way into the box: it counts
                wait_until(lambda: device.state.enabled)
                device.power_cycle_with_note(rng.choice((10, 20, 50)), stage="stacking")
                wait_settled(device, side)
            if n == kill_at:
                side.desk.end(reason="kiosk restarting")
                side.close()
                killed_child(db, port, device, rng)
                side = cash_side(db, port, tolerance=TOLERANCE)  # the note in escrow is settled on reconnect
                wait_settled(device, side)
                # The start settled the payment the killed process left open (a voucher for what it had taken).
                assert side.desk.open_session() is None
                assert not side.ledger.open_transactions()
                continue
            walk_away = rng.random() < 0.1 or n == walk_at
            walked += walk_away
            feed(device, side, txn.id, rng, walk_away=walk_away)

        OperatorAuth(side.store).add("op-1", "Sunita", PIN, by="engineer")
        devices = Devices(side.driver, MemoryPrinter(), MemoryFingerReader(), side.desk)
        mode = OperatorMode(
            side.store, side.ledger, devices, identity=Identity("RJ-JP-SAN-0001", "Sanganer"),
            receipt_qr=lambda txn: txn.id, zreport_qr=lambda report: report.business_day,
        )  # fmt: skip
        mode.open()
        for digit in PIN:
            mode.press(digit)
        assert mode.submit_pin()
        assert mode.start_close(), mode.message
        box = Counter(device.stacked)  # what the operator finds in the cash box, counted by hand
        assert mode.sheet is not None
        for note in mode.sheet.denominations:
            mode.select_denomination(note.paise)
            for digit in str(box.get(note.paise // 100, 0)):
                mode.press(digit)
        assert mode.submit_count(), mode.message
        assert mode.step is OpStep.RECONCILIATION
        r = mode.reconciliation
        assert r is not None
        stacked = {rupees * 100: n for rupees, n in box.items()}
        assert {d: n for d, n in r.counted.items() if n} == stacked
        assert r.ledger == stacked
        assert mode.acceptor_notes == len(device.stacked)  # the acceptor's own counter: the third way
        assert r.difference == Money(0)
        vouchers = side.ledger.vouchers()
        assert r.vouchers_issued == Money(sum(v.amount.paise for v in vouchers))
        assert walked, "the day must have villagers walking away to prove anything"
        assert vouchers, "the day must have change-due vouchers to prove anything"
        report = build_zreport(side.store, "RJ-JP-SAN-0001", r.business_day)
        assert report.cash_total.paise == sum(device.stacked) * 100
        assert len(device.stacked) > PAYMENTS

        # Emptying the box: announced by the operator, then seen by the acceptor — matched; a second, unannounced
        # removal is flagged.
        mode.back()
        mode.show_cashbox()
        assert mode.announce_removal()
        device.remove_cashbox()
        wait_until(lambda: len(mode.removals()) == 2)
        device.replace_cashbox()
        wait_until(lambda: side.driver.status.value == "disabled")
        device.remove_cashbox()
        wait_until(lambda: len(mode.removals()) == 3)
        assert [(kind, flagged) for _, kind, flagged in mode.removals()] == [
            ("removed_unannounced", True), ("removed", False), ("removal_announced", False),
        ]  # fmt: skip
        assert verify_journal(side.store).ok
        assert_books_agree(side.store)
    finally:
        side.close()
        device.close()
