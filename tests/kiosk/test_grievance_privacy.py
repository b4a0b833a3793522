"""Privacy on the grievance path (#20.4): after one grievance registered online with a photo and one queued offline,
the mobile number is nowhere on disk — kiosk or server database, their WAL, the logs, temp — the photo is nowhere
but the vault, and the description is in no log and no journal row (only where the grievance itself must be kept)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kiosk.capture.port import PageVerdict
from kiosk.clock import FakeClock
from kiosk.flows.grievance_steps import Capture, GrievanceFlow
from kiosk.grievance_queue import OutboxGrievances
from kiosk.receipt import Identity
from kiosk.store import Store
from sync.grievance_client import departments
from tests.fakes.capture_grievance import MemoryVault, ShotCamera, StackPages
from tests.fakes.devices import MemoryPrinter
from tests.kiosk.test_aadhaar_privacy import leaks, log_file, temp_dir
from tests.sync.grievance_rig import desk_of, placed_kiosk
from tests.sync.harness import ServerProcess

__all__ = ["log_file", "temp_dir"]  # fixtures shared with the first privacy test
MOBILE = "7737012345"
TEXT = "sarpanch ne nali nahi banwai, ghar ke aage paani bharta hai"
PHOTO = b"\xff\xd8\xff\xe0PHOTO-OF-THE-DRAIN" + bytes(range(256))
PAGE = b"\xff\xd8\xff\xe0SCANNED-PAGE" + bytes(range(255, -1, -1))


@pytest.fixture(scope="module")
def server(grievance_server: ServerProcess) -> ServerProcess:
    return grievance_server  # shared by the grievance tests (tests/conftest.py, tests/sync/grievance_rig.py)


def journey(store: Store, server: ServerProcess, url: str | None = None) -> GrievanceFlow:
    kiosk = placed_kiosk(server, f"RJ-BN-GRV-{'OFF' if url else 'ON'}", "Bikaner", "Lunkaransar")
    capture = Capture(ShotCamera(PHOTO), StackPages((PAGE, PageVerdict.READABLE)), MemoryVault())
    return GrievanceFlow(departments(), desk_of(kiosk, url), OutboxGrievances(store, "RJ-BN-GRV"),
                         printer=MemoryPrinter(), identity=Identity("RJ-BN-GRV", "Lunkaransar"), clock=FakeClock(),
                         capture=capture)  # fmt: skip


def register(flow: GrievanceFlow) -> None:
    flow.register()
    flow.choose_department("panchayati_raj")
    flow.choose_category("road")
    flow.describe(TEXT)
    for digit in MOBILE:
        flow.press(digit)
    flow.submit_mobile()
    assert flow.take_photo()
    assert flow.scan_page()
    flow.attachments_done()
    assert flow.confirm()


def test_a_grievance_online_and_one_queued_leave_no_mobile_photo_or_text_where_they_must_not_be(
    tmp_path: Path, server: ServerProcess, clock: FakeClock, log_file: Path, temp_dir: Path
) -> None:
    store = Store.open(tmp_path / "kiosk.db", clock)
    try:
        register(online := journey(store, server))
        register(queued := journey(store, server, url="http://127.0.0.1:9"))
        assert not online.view().queued
        assert queued.view().queued
        assert "grievance registration: no usable answer" in log_file.read_text("utf-8")  # logging saw the flow
        kiosk_db, server_db = tmp_path / "kiosk.db", Path(server.db)
        databases = [kiosk_db, server_db, *(d.with_name(d.name + "-wal") for d in (kiosk_db, server_db))]
        logs = [log_file, server.log_path, server_db.with_name("sms.jsonl")]
        temp = [p for p in temp_dir.rglob("*") if p.is_file()]
        assert leaks([*databases, *logs, *temp], [MOBILE.encode(), PHOTO[:24], PAGE[:24]]) == []
        assert leaks([*logs, *temp], [TEXT.encode()]) == []
        conn = sqlite3.connect(kiosk_db)
        try:
            journal = conn.execute("SELECT action, details FROM journal").fetchall()
        finally:
            conn.close()
        assert "grievance.queued" in {row[0] for row in journal}
        assert not any(TEXT in str(row[1]) or MOBILE in str(row[1]) for row in journal)
    finally:
        store.close()
