"""A note in escrow when the database cannot take its record (disk full, read-only, I/O error): the note goes back,
the acceptor is disabled with a fault, and the kiosk stops taking cash — never a stacked note without a record.

The database lives on a real, small tmpfs that the test fills (we run as root), or another process holds its lock.
A live `mount -o remount,ro` is refused by Linux (EBUSY) while the kiosk holds the database open for writing; the
kernel's own remount after an I/O error ends in the same failed COMMIT that these cases produce."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.cash.ssp.emulator import SspEmulator
from kiosk.availability import MIN_FREE_DISK_BYTES, Reason, assess
from kiosk.cash_payment import CANNOT_RECORD, CashUpdate
from kiosk.devices.cash import AcceptorStatus, NoteEscrowed
from kiosk.devices.printer import PrinterStatus
from tests.drivers.cash.conftest import wait_until
from tests.kiosk.cash_rig import CashSide, cash_side
from tests.kiosk.helpers import cash_bill


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "disk"
    folder.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path) -> None:
    """Write until the file system says it is full."""
    done = subprocess.run(
        ["dd", "if=/dev/zero", f"of={folder / 'filler'}", "bs=4k"], capture_output=True, text=True, check=False
    )
    assert "No space left" in done.stderr
    assert shutil.disk_usage(folder).free < 4096


def lock_database(folder: Path) -> None:
    """Another process holds the database's write lock for longer than the kiosk waits."""
    holder = sqlite3.connect(folder / "kiosk.db", isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    HOLDERS.append(holder)


@pytest.fixture
def paying(small_disk: Path, tmp_path: Path) -> Iterator[tuple[CashSide, SspEmulator]]:
    device = SspEmulator()
    port = device.serve_pty(tmp_path / "ttyCASH")
    side = cash_side(small_disk / "kiosk.db", port)
    side.store.conn.execute("PRAGMA busy_timeout=300")  # the field waits 30 s; the outcome is the same, sooner
    try:
        wait_until(lambda: side.driver.status is AcceptorStatus.DISABLED)
        side.desk.begin(cash_bill(side.ledger, 500).id)
        wait_until(lambda: device.state.enabled)
        yield side, device
    finally:
        while HOLDERS:
            HOLDERS.pop().close()
        side.driver.close()
        with contextlib.suppress(Exception):  # closing a store whose disk failed may fail too; unmount anyway
            side.store.close()
        device.close()


HOLDERS: list[sqlite3.Connection] = []


@pytest.mark.parametrize("fault", [fill, lock_database], ids=["disk_full", "locked"])
def test_note_in_escrow_is_returned_when_its_record_cannot_be_committed(
    paying: tuple[CashSide, SspEmulator], small_disk: Path, fault: object
) -> None:
    side, device = paying
    assert callable(fault)
    fault(small_disk)
    assert device.insert_note(100)
    wait_until(lambda: device.state.note is None)
    assert device.stacked == []  # never a stacked note without a committed record
    assert device.state.returned == [100]
    wait_until(lambda: side.driver.status is AcceptorStatus.FAULT)
    health = side.driver.health()
    assert not health.ok
    assert "could not record" in health.detail
    wait_until(lambda: not device.state.enabled)  # the acceptor is disabled …
    side.driver.enable(frozenset(side.driver.denominations()))  # … and asking for notes again does not enable it
    time.sleep(0.2)
    assert not device.insert_note(50)
    assert device.stacked == []
    updates: list[CashUpdate] = []
    while not side.updates.empty():
        updates.append(side.updates.get())
    (refused,) = [u for u in updates if u.problem == CANNOT_RECORD and isinstance(u.event, NoteEscrowed)]
    assert refused.txn is not None  # the payment's screen is told: no notes to insert any more
    assert refused.accepting == frozenset()
    # Invariant 5: the kiosk is out of service for cash, with a villager message, whatever the disk says.
    availability = assess(
        manual_reason=None, disk_free_bytes=10 * MIN_FREE_DISK_BYTES, database_writable=True,
        printer=PrinterStatus.READY, acceptor=side.driver.status,
    )  # fmt: skip
    assert not availability.cash
    assert availability.reasons == (Reason.ACCEPTOR,)
    assert availability.villager_message("hi")
