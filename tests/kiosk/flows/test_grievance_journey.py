"""The grievance journey end to end against the real reference server: register with a photo and a page, a slip
with the number, the mobile masked once typed; offline it is queued in the outbox with a provisional reference and
registered at the server when the outbox drains; look-ups by number and mobile, a reminder, feedback."""

from __future__ import annotations

import socket
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.capture.port import PageVerdict
from kiosk.clock import FakeClock, SystemClock
from kiosk.flows.grievance_steps import Capture, GProblem, GrievanceFlow, GStep
from kiosk.grievance import MAX_DESCRIPTION
from kiosk.grievance_queue import OutboxGrievances
from kiosk.outbox import Outbox
from kiosk.receipt import Identity, Line, Pair, ReceiptLayout
from kiosk.store import Store
from server import grievance_store
from server.dashboard import rollup
from server.db import Database
from sync.client import Client
from sync.drain import Drainer
from sync.grievance_client import HttpGrievances, departments
from tests.fakes.capture_grievance import MemoryVault, ShotCamera, StackPages
from tests.fakes.devices import MemoryPrinter
from tests.server.conftest import Kiosk
from tests.sync.grievance_rig import database, placed_kiosk
from tests.sync.harness import ServerProcess

MOBILE = "9829054321"
NOTHING = Capture()  # no camera, scanner or vault
TEXT = "गाँव के स्कूल के पास हैंडपंप दो हफ़्ते से खराब है"


@pytest.fixture(scope="module")
def server(grievance_server: ServerProcess) -> ServerProcess:
    return grievance_server  # shared by the grievance tests (tests/conftest.py, tests/sync/grievance_rig.py)


@pytest.fixture(scope="module")
def kiosk(server: ServerProcess) -> Kiosk:
    return placed_kiosk(server, "RJ-AL-GRV-0001", "Alwar", "Tijara")


def client(kiosk: Kiosk, url: str | None = None) -> Client:
    return Client(url or kiosk.server.url, kiosk.key, kiosk.kiosk_id, SystemClock(), timeout_s=3.0)


def dead_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"  # closed again at once: nothing listens there


def flow(kiosk: Kiosk, store: Store, printer: MemoryPrinter, *, url: str | None = None,
         capture: Capture = NOTHING) -> GrievanceFlow:  # fmt: skip
    return GrievanceFlow(departments(), HttpGrievances(client(kiosk, url)), OutboxGrievances(store, "RJ-AL-GRV-0001"),
                         printer=printer, identity=Identity("RJ-AL-GRV-0001", "Tijara RGSK"), clock=FakeClock(),
                         capture=capture)  # fmt: skip


def fill_in(journey: GrievanceFlow, mobile: str = MOBILE) -> None:
    assert journey.register()
    assert journey.choose_department("phed")
    assert journey.choose_category("no_water")
    assert journey.describe(f"  {TEXT}  ")
    for digit in mobile:
        journey.press(digit)
    assert journey.submit_mobile()


def slip_text(slip: object) -> str:
    assert isinstance(slip, ReceiptLayout)
    return "\n".join(b.text if isinstance(b, Line) else f"{b.label}: {b.value}" if isinstance(b, Pair) else ""
                     for b in slip.blocks)  # fmt: skip


def test_a_grievance_with_a_photo_and_a_page_gets_its_number_on_the_slip_with_the_mobile_masked(
    kiosk: Kiosk, store: Store
) -> None:
    printer, vault = MemoryPrinter(), MemoryVault()
    capture = Capture(ShotCamera(b"photo-jpeg"), StackPages((b"page-jpeg", PageVerdict.READABLE)), vault)
    journey = flow(kiosk, store, printer, capture=capture)
    fill_in(journey)
    assert journey.view().mobile_masked == "XXXXXX4321"
    assert journey.view().digits == ""  # the typed number is gone from the screen once entered
    assert journey.take_photo()
    assert journey.scan_page()
    assert len(vault.blobs) == journey.view().attachments == 2
    assert journey.attachments_done()
    assert journey.confirm()
    view = journey.view()
    assert view.step is GStep.REGISTERED
    assert not view.queued
    assert view.reference.startswith("RJ")
    assert view.slip_printed
    text = slip_text(printer.jobs[f"grievance-{journey.request_id}"])
    assert view.reference in text
    assert "XXXXXX4321" in text
    assert MOBILE not in text
    assert TEXT not in text


def test_an_unreadable_page_is_not_attached_and_asks_for_another_scan(kiosk: Kiosk, store: Store) -> None:
    capture = Capture(None, StackPages((b"dark", PageVerdict.TOO_DARK), (b"ok", PageVerdict.READABLE)), MemoryVault())
    journey = flow(kiosk, store, MemoryPrinter(), capture=capture)
    fill_in(journey)
    assert not journey.scan_page()
    assert journey.view().problem is GProblem.UNREADABLE
    assert journey.view().attachments == 0
    assert journey.scan_page()
    assert journey.view().attachments == 1
    assert not journey.take_photo()
    assert journey.view().problem is GProblem.NO_CAMERA


def test_an_empty_description_and_a_bad_mobile_are_refused_with_the_reason(kiosk: Kiosk, store: Store) -> None:
    journey = flow(kiosk, store, MemoryPrinter())
    journey.register()
    journey.choose_department("energy")
    assert not journey.choose_category("no_water")  # a category of another department
    journey.choose_category("no_supply")
    assert not journey.describe("   ")
    assert journey.view().problem is GProblem.EMPTY
    journey.describe("no light for three days")
    for digit in "5829012345":
        journey.press(digit)
    assert not journey.submit_mobile()
    assert journey.view().problem is GProblem.MOBILE_START
    assert journey.view().step is GStep.MOBILE


def test_offline_it_is_queued_with_a_provisional_reference_and_registered_when_the_outbox_drains(
    kiosk: Kiosk, store: Store, server: ServerProcess, tmp_path: Path
) -> None:
    printer = MemoryPrinter()
    journey = flow(kiosk, store, printer, url=dead_url())
    fill_in(journey, mobile="9414077777")
    journey.attachments_done()
    assert journey.confirm()
    view = journey.view()
    assert view.queued
    assert view.reference == "P-RJ-AL-GRV-0001-" + journey.request_id[:8].upper()
    assert view.reference in slip_text(printer.jobs[f"grievance-{journey.request_id}"])
    store.close()
    assert b"9414077777" not in Path(store.path).read_bytes()
    reopened = Store.open(store.path, FakeClock())
    try:
        Drainer(Outbox(reopened), client(kiosk)).drain()
    finally:
        reopened.close()
    db = Database("sqlite:///" + server.db)
    try:
        rollup.refresh(db)
    finally:
        db.close()
    hints = HttpGrievances(client(kiosk)).by_mobile("9414077777")
    assert isinstance(hints, tuple)
    assert len(hints) == 1
    assert hints[0].status == "pending"
    conn = sqlite3.connect(server.db)
    assert conn.execute("SELECT provisional FROM grievances WHERE provisional IS NOT NULL").fetchall() == [
        (view.reference,)
    ]
    conn.close()


def test_looking_up_by_number_shows_whom_it_is_pending_with_and_a_second_reminder_waits_a_week(
    kiosk: Kiosk, store: Store
) -> None:
    first = flow(kiosk, store, MemoryPrinter())
    fill_in(first)
    first.attachments_done()
    first.confirm()
    number = first.view().reference
    journey = flow(kiosk, store, MemoryPrinter())
    journey.find_by_number()
    for digit in number[2:]:
        journey.press(digit)
    assert journey.submit_number()
    shown = journey.view().grievance
    assert shown is not None
    assert shown.pending_with == "Water supply (PHED) office, Alwar"
    assert [s.kind for s in shown.history] == ["registered"]
    assert journey.remind()
    assert journey.view().problem is GProblem.REMINDED
    assert not journey.remind()
    assert journey.view().problem is GProblem.TOO_SOON
    assert journey.view().remind_after
    assert not journey.start_feedback()  # still pending: feedback comes after disposal


def test_looking_up_by_mobile_lists_hints_and_closing_forgets_everything(kiosk: Kiosk, store: Store) -> None:
    journey = flow(kiosk, store, MemoryPrinter())
    journey.find_by_mobile()
    for digit in "9000000001":
        journey.press(digit)
    assert journey.submit_lookup_mobile()
    assert journey.view().step is GStep.LIST
    assert journey.view().hints == ()
    assert journey.close()
    assert journey.view().step is GStep.CLOSED
    assert journey.view().digits == journey.view().description == journey.view().mobile_masked == ""


def test_after_disposal_the_villager_rates_it_once_and_a_long_description_is_cut_to_the_limit(
    kiosk: Kiosk, store: Store, server: ServerProcess
) -> None:
    first = flow(kiosk, store, MemoryPrinter())
    first.register()
    first.choose_department("revenue")
    first.choose_category("certificate")
    first.describe("x" * (MAX_DESCRIPTION + 100))
    assert len(first.description) == MAX_DESCRIPTION
    for digit in MOBILE:
        first.press(digit)
    first.submit_mobile()
    first.attachments_done()
    first.confirm()
    number = first.view().reference
    db = database(server)
    try:
        with db.tx() as tx:
            grievance_store.dispose(tx, "Tehsildar Tijara", number, "Certificate issued", datetime.now(UTC))
    finally:
        db.close()
    journey = flow(kiosk, store, MemoryPrinter())
    journey.find_by_number()
    for digit in number[2:]:
        journey.press(digit)
    journey.submit_number()
    assert not journey.remind()  # disposed: nothing to remind
    assert journey.start_feedback()
    assert not journey.send_feedback("no stars yet")
    assert journey.rate(5)
    assert journey.send_feedback("  quick   work ")
    shown = journey.view().grievance
    assert shown is not None
    assert shown.feedback_rating == 5
    assert shown.reply == "Certificate issued"
    assert not journey.start_feedback()  # given once


def test_a_queued_grievance_the_server_cannot_read_is_passed_over_without_halting_the_rollup(
    store: Store, server: ServerProcess
) -> None:
    other = placed_kiosk(server, "RJ-AL-GRV-0009", "Alwar", "Tijara")
    with store.write("ui") as uow:
        uow.emit("grievance.queued", {"request_id": "bad-department-1", "department": "space_agency"})
        uow.emit("kiosk.marker", {"subject": "after the bad one"})  # a kind the rollup passes over
    assert Drainer(Outbox(store), client(other)).drain() == 2
    db = database(server)
    try:
        rollup.refresh(db)
        with db.tx(write=False) as tx:
            state = tx.one("SELECT done_seq, halted_at FROM dash_state WHERE kiosk_id = ?", (other.kiosk_id,))
            found = tx.one("SELECT COUNT(*) FROM grievances WHERE request_id = 'bad-department-1'")
    finally:
        db.close()
    assert state == (2, None)
    assert found == (0,)
