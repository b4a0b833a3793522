"""An application on the villager's screen, offscreen: questions, the form with its errors in Hindi, two documents
scanned and a photo (memory capture devices), the fee in cash, and the acknowledgement slip."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.application_records import SUBMITTED
from kiosk.clock import FakeClock
from kiosk.outbox import Outbox
from kiosk.receipt import ReceiptLayout
from tests.fakes.capture_apply import MemoryCamera, MemoryPages, MemoryVault
from tests.fakes.devices import MemoryCashAcceptor, MemoryPrinter
from tests.fakes.services import memory_services
from tests.kiosk.test_aadhaar_privacy import leaks, log_file, temp_dir
from tests.kiosk.test_application_privacy import needles
from ui import driver
from ui.app import KioskWindow
from ui.composition import Services
from ui.tour import Tour
from ui.tour_apply import caste_application

__all__ = ["log_file", "temp_dir"]  # fixtures shared with the privacy tests
TYPED = {"applicant_name": "Ramu Meena", "father_name": "Mohan Lal", "birth_date": "05-03-1990", "caste": "Meena"}


@pytest.fixture
def services(tmp_path: Path, fake_clock: FakeClock) -> Iterator[Services]:
    built = dataclasses.replace(memory_services(tmp_path, fake_clock), pages=MemoryPages(), camera=MemoryCamera(False),
                                vault=MemoryVault())  # fmt: skip  # the first photo has no face in it
    yield built
    built.close()


def step(kiosk: KioskWindow) -> str:
    journey = kiosk.vm.journey.journey
    return journey.step.value if journey is not None else ""


def at(kiosk: KioskWindow, qtbot: QtBot, name: str) -> None:
    qtbot.waitUntil(lambda: step(kiosk) == name, timeout=5000)
    driver.settle()


def test_caste_application_on_screen_from_questions_to_the_slip(
    kiosk: KioskWindow, services: Services, qtbot: QtBot, tmp_path: Path, log_file: Path, temp_dir: Path
) -> None:
    w = kiosk.window
    kiosk.vm.openService("caste-apply")
    at(kiosk, qtbot, "eligibility")
    assert "राजस्थान" in driver.text_of(w, "questionText")
    driver.tap(w, "yesButton")
    assert step(kiosk) == "eligibility"  # the second question
    driver.tap(w, "yesButton")
    at(kiosk, qtbot, "form")
    for field, text in TYPED.items():
        driver.type_text(w, f"field_{field}", text)
    driver.type_text(w, "field_mobile", "98765")
    driver.tap(w, "choice_caste_class_st")
    driver.tap(w, "formNextButton")
    assert step(kiosk) == "form"
    assert driver.text_of(w, "problem_mobile").startswith("मोबाइल नंबर:")  # the error names the field, in Hindi
    driver.type_text(w, "field_mobile", "43210")
    driver.tap(w, "formNextButton")
    for _document in range(2):
        at(kiosk, qtbot, "scan")
        driver.tap(w, "scanButton")
        assert driver.find(w, "pagePreview").property("source").toString().startswith("data:image/png")  # the page
        assert driver.find(w, "pagePreview").property("paintedWidth") > 0
        assert driver.text_of(w, "pagesText").endswith("1")
        driver.tap(w, "nextDocumentButton")
    at(kiosk, qtbot, "photo")
    driver.tap(w, "takePhotoButton")
    assert "चेहरा" in driver.text_of(w, "photoProblemText")  # no face: take it again
    driver.tap(w, "takePhotoButton")
    driver.tap(w, "usePhotoButton")
    at(kiosk, qtbot, "review")
    assert "₹40.00" in driver.text_of(w, "reviewFeeText")
    driver.tap(w, "confirmApplicationButton")
    at(kiosk, qtbot, "choose_payment")
    driver.tap(w, "payCashButton")
    at(kiosk, qtbot, "cash")
    cash = services.devices.cash
    assert isinstance(cash, MemoryCashAcceptor)
    cash.insert(20)
    cash.insert(20)
    at(kiosk, qtbot, "done")
    number = kiosk.vm.journey.application.number
    assert driver.text_of(w, "applicationNumberText").endswith(number)
    assert driver.find(w, "applicationDonePanel").property("visible")
    (event,) = [i.payload for i in Outbox(services.store).pending() if i.kind == SUBMITTED]
    assert event["application_no"] == number
    assert event["fields"] == {**TYPED, "mobile": "9876543210", "caste_class": "st"}
    printer = services.devices.printer
    assert isinstance(printer, MemoryPrinter)
    assert any(isinstance(d, ReceiptLayout) and d.txn_id == f"application-{number}" for d in printer.jobs.values())
    # The previews went to the screen as data URLs: none of them, nor a page or the photo, reached a file.
    vault = services.vault
    assert isinstance(vault, MemoryVault)
    on_disk = [
        tmp_path / "kiosk.db",
        tmp_path / "kiosk.db-wal",
        log_file,
        *(p for p in temp_dir.rglob("*") if p.is_file()),
    ]
    assert leaks(on_disk, needles(list(vault.blobs.values()))) == []


def test_application_is_not_listed_while_its_camera_is_absent(kiosk: KioskWindow, services: Services) -> None:
    kiosk.vm.catalogue.setQuery("jati aavedan")
    assert "caste-apply" in [r["id"] for r in kiosk.vm.catalogue.results]
    assert isinstance(services.camera, MemoryCamera)
    services.camera.present = False
    kiosk.vm.catalogue.setQuery("jati aavedan ")
    assert "caste-apply" not in [r["id"] for r in kiosk.vm.catalogue.results]


def test_the_tour_applies_for_a_caste_certificate_with_a_screenshot_of_each_step(
    kiosk: KioskWindow, services: Services, tmp_path: Path
) -> None:
    services.camera.faces.clear()  # type: ignore[union-attr]  # the tour's photo has a face at once
    log = io.StringIO()
    tour = Tour(kiosk, services.devices.cash, tmp_path / "shots", log)  # type: ignore[arg-type]  # memory cash
    assert caste_application(tour) is True
    names = [p.stem[3:] for p in tour.shots]
    assert names == ["apply-eligibility", "apply-form", "apply-document-1", "apply-document-2", "apply-photo",
                     "apply-review", "apply-acknowledgement"]  # fmt: skip
    assert all(p.stat().st_size > 0 for p in tour.shots)
    assert "slip printed" in log.getvalue()
    assert step(kiosk) == ""  # finished: back home


def test_the_tour_leaves_the_application_out_where_no_scanner_is_configured(
    kiosk: KioskWindow, services: Services, tmp_path: Path
) -> None:
    bare = dataclasses.replace(services, pages=None)
    kiosk.vm.services = bare
    assert caste_application(Tour(kiosk, services.devices.cash, tmp_path, io.StringIO())) is None  # type: ignore[arg-type]
