"""Issue 20.4 on the application path: after applications paid, retaken and abandoned, no scanned page, photo or
preview (nor the marker inside them, raw or base64) is in the kiosk's database, its WAL, the journal, the log or temp
— while the application itself (its number and blob references) is."""

from __future__ import annotations

import base64
from pathlib import Path

from kiosk.application_records import SUBMITTED
from kiosk.capture.port import PageVerdict
from kiosk.cash_payment import CashDesk
from kiosk.catalogue import DEFAULT_CATALOGUE, load_catalogue
from kiosk.clock import FakeClock
from kiosk.flows.application_steps import ApplicationJourney
from kiosk.flows.base import Devices, Step
from kiosk.ledger import Ledger
from kiosk.outbox import Outbox
from kiosk.store import Store
from tests.fakes.capture_apply import MARKER, MemoryCamera, MemoryPages, MemoryVault, page
from tests.fakes.devices import MemoryCashAcceptor, MemoryFingerReader, MemoryPrinter, sample_online
from tests.kiosk.test_aadhaar_privacy import leaks, log_file, temp_dir

__all__ = ["log_file", "temp_dir"]  # fixtures shared with the Aadhaar privacy test
ANSWERS = {"applicant_name": "Ramesh Kumar Meena", "father_name": "Mohan Lal", "birth_date": "05-03-1990",
           "caste_class": "st", "caste": "Meena", "mobile": "9876543210"}  # fmt: skip


class Recording(MemoryPages):
    """Keeps every page it handed out, so the test knows exactly which bytes must not be on disk."""

    def __init__(self, *results: object) -> None:
        super().__init__(*results)  # type: ignore[arg-type]
        self.handed: list[bytes] = []

    def capture(self):  # type: ignore[no-untyped-def]
        result = super().capture()
        self.handed += [result.jpeg, result.preview_png] if hasattr(result, "jpeg") else []
        return result


def needles(images: list[bytes]) -> list[bytes]:
    """The marker raw and in the three base64 alignments (a JSON payload would carry it so), and a slice of each
    image's body (past its header, which every JPEG shares)."""
    found = [MARKER, *(base64.b64encode(b"x" * shift + MARKER)[4:-4] for shift in range(3))]
    return found + [data[40:88] for data in images]


def apply_once(journey: ApplicationJourney, cash: MemoryCashAcceptor, *, pay: bool) -> None:
    while journey.step is Step.ELIGIBILITY:
        journey.answer(True)
    for key, value in ANSWERS.items():
        journey.set_field(key, value)
    assert journey.submit_form()
    while journey.step is Step.SCAN:
        if not journey.scan():
            continue  # an unreadable page: scanned again
        journey.retake_page()  # the villager did not like it: discarded, scanned again
        assert journey.scan()
        journey.finish_document()
    assert not journey.take_photo()  # no face
    assert journey.take_photo()
    assert journey.accept_photo()
    assert journey.confirm()
    assert journey.choose_cash()
    if pay:
        cash.insert(20)
        cash.insert(20)
        assert journey.step is Step.DONE
    else:
        assert journey.cancel()


def test_applications_leave_no_page_photo_or_preview_on_disk(
    tmp_path: Path, clock: FakeClock, log_file: Path, temp_dir: Path
) -> None:
    store = Store.open(tmp_path / "kiosk.db", clock)
    try:
        ledger, cash, online = Ledger(store), MemoryCashAcceptor(), sample_online()
        devices = Devices(cash, MemoryPrinter(), MemoryFingerReader(), CashDesk(ledger, cash))
        pages, camera, vault = (
            Recording(page("blank", PageVerdict.BLANK)),
            MemoryCamera(False, True, False, True),
            MemoryVault(),
        )
        service = load_catalogue(DEFAULT_CATALOGUE).get("caste-apply")
        for pay in (True, False):
            journey = ApplicationJourney(service, pages=pages, camera=camera, vault=vault, ledger=ledger,
                                         devices=devices, bills=online, applications=online, aadhaar=online,
                                         kiosk_code="RJ-JP-SAN-0001")  # fmt: skip
            devices.desk.on_update = journey.on_update  # type: ignore[assignment]
            devices.desk.attach()
            apply_once(journey, cash, pay=pay)
        (event,) = [i.payload for i in Outbox(store).pending() if i.kind == SUBMITTED]
        assert len(event["blobs"]) == 3
        assert set(vault.blobs) == {b["sha256"] for b in event["blobs"]}
        assert "page refused (blank)" in log_file.read_text("utf-8")  # logging really captured the journey
        shot_bytes = pages.handed + [vault.blobs[b["sha256"]] for b in event["blobs"]]
        on_disk = [tmp_path / "kiosk.db", tmp_path / "kiosk.db-wal", log_file]
        on_disk += [p for p in temp_dir.rglob("*") if p.is_file()]
        assert all(p.exists() for p in on_disk[:3])
        assert leaks(on_disk, needles(shot_bytes)) == []
        journal = "".join(str(r) for r in store.read("SELECT action, subject, details FROM journal"))
        assert str(event["application_no"]) in journal
        assert MARKER.decode() not in journal
    finally:
        store.close()
