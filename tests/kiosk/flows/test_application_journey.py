"""Application journeys from catalogue data: eligibility, the form, documents page by page, the photo, the fee through
the ordinary payment steps, the acknowledgement slip, and what is forgotten when the villager walks away."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from kiosk.application_form import Rule
from kiosk.application_records import SUBMITTED, application_number
from kiosk.capture.port import PageVerdict
from kiosk.catalogue import Catalogue
from kiosk.clock import FakeClock
from kiosk.flows.application_steps import ApplicationJourney
from kiosk.flows.base import Devices, Phase, Problem, Step
from kiosk.ledger import Ledger
from kiosk.outbox import Outbox
from kiosk.receipt import ReceiptLayout
from kiosk.transactions import TxnState
from tests.fakes.capture_apply import MemoryCamera, MemoryPages, MemoryVault, page
from tests.fakes.devices import MemoryCashAcceptor, MemoryOnline, MemoryPrinter

CASTE = {"applicant_name": "Ramesh Kumar Meena", "father_name": "मोहनलाल मीणा", "birth_date": "05-03-1990",
         "caste_class": "st", "caste": "Meena", "mobile": "9876543210"}  # fmt: skip


@pytest.fixture
def vault() -> MemoryVault:
    return MemoryVault()


@pytest.fixture
def apply(catalogue: Catalogue, ledger: Ledger, devices: Devices, online: MemoryOnline,
          vault: MemoryVault) -> Callable[..., ApplicationJourney]:  # fmt: skip
    def _apply(
        service_id: str, pages: MemoryPages | None = None, camera: MemoryCamera | None = None
    ) -> ApplicationJourney:
        journey = ApplicationJourney(
            catalogue.get(service_id), pages=pages or MemoryPages(), camera=camera or MemoryCamera(), vault=vault,
            ledger=ledger, devices=devices, bills=online, applications=online, aadhaar=online,
            kiosk_code="RJ-JP-SAN-0042",
        )  # fmt: skip
        devices.desk.on_update = journey.on_update  # type: ignore[assignment]
        devices.desk.attach()
        return journey

    return _apply


def step(journey: ApplicationJourney) -> Step:
    """The step as a value (mypy would narrow `journey.step` across the intents that change it)."""
    return journey.step


def filled(journey: ApplicationJourney, answers: dict[str, str]) -> ApplicationJourney:
    while journey.step is Step.ELIGIBILITY:
        assert journey.answer(True)
    for key, value in answers.items():
        assert journey.set_field(key, value)
    assert journey.submit_form(), journey.field_problems
    return journey


def scanned(journey: ApplicationJourney) -> ApplicationJourney:
    while journey.step is Step.SCAN:
        assert journey.scan()
        assert journey.finish_document()
    return journey


def slips(devices: Devices) -> list[ReceiptLayout]:
    assert isinstance(devices.printer, MemoryPrinter)
    return [
        d
        for d in devices.printer.jobs.values()
        if isinstance(d, ReceiptLayout) and d.meta.get("kind") == "acknowledgement"
    ]


def submitted(ledger: Ledger) -> list[dict[str, object]]:
    return [item.payload for item in Outbox(ledger.store).pending() if item.kind == SUBMITTED]


def test_caste_application_is_submitted_with_the_cash_that_pays_its_fee(apply: Callable[..., ApplicationJourney],
        devices: Devices, ledger: Ledger, vault: MemoryVault) -> None:  # fmt: skip
    journey = scanned(filled(apply("caste-apply"), CASTE))
    assert step(journey) is Step.PHOTO
    assert journey.take_photo()
    assert journey.accept_photo()
    assert step(journey) is Step.REVIEW
    assert journey.confirm()
    assert step(journey) is Step.CHOOSE_PAYMENT
    assert journey.choose_cash()
    assert submitted(ledger) == []  # nothing leaves before the fee is paid
    assert isinstance(devices.cash, MemoryCashAcceptor)
    devices.cash.insert(20)
    assert submitted(ledger) == []
    devices.cash.insert(20)
    assert step(journey) is Step.DONE
    (event,) = submitted(ledger)
    view = journey.application_view()
    assert event["application_no"] == view.number == journey.payment.txn.reference  # type: ignore[union-attr]
    assert event["fields"] == CASTE
    # Journaled with the number only (the typed details travel to the server, the journal keeps no copy of them).
    row = ledger.store.read_one("SELECT details, hash FROM journal WHERE action = ?", (SUBMITTED,))
    assert row is not None
    assert row["hash"] == event["journal_hash"]
    assert json.loads(row["details"]) == {"application_no": view.number, "service_id": "caste-apply"}
    blobs = event["blobs"]
    assert isinstance(blobs, list)
    assert len(blobs) == 3
    assert {b["sha256"] for b in blobs} == set(vault.blobs)
    # The submission is in the same SQLite transaction as the note that completed the fee: the seq just before it.
    items = Outbox(ledger.store).pending()
    at = next(i for i, item in enumerate(items) if item.kind == SUBMITTED)
    assert items[at + 1].kind == "cash.credit"
    assert items[at + 1].payload["state"] == "paid"
    (slip,) = slips(devices)
    text = repr(slip.blocks)
    assert view.number in text
    assert "तहसीलदार कार्यालय" in text
    assert view.expected_on in text
    assert slip.qr_text.endswith(view.number)
    assert "Ramesh" not in text
    assert "9876543210" not in text


def test_expected_date_is_processing_days_from_the_injected_clock(apply: Callable[..., ApplicationJourney],
        clock: FakeClock) -> None:  # fmt: skip
    clock.set(datetime(2027, 3, 30, 20, 0, tzinfo=UTC))  # 01:30 IST on the 31st: the business day is the 31st
    journey = filled(apply("pension-verification"), {"ppo_number": "4455667", "applicant_name": "Kamla Bai",
                                                      "jan_aadhaar": "1234567890"})  # fmt: skip
    scanned(journey)
    assert step(journey) is Step.REVIEW  # the yearly verification takes no photo
    assert journey.confirm()
    assert journey.application_view().expected_on == "03-04-2027"  # three days


def test_free_application_is_submitted_at_once_and_the_slip_printed(apply: Callable[..., ApplicationJourney],
        devices: Devices, ledger: Ledger) -> None:  # fmt: skip
    journey = scanned(filled(apply("pension-verification"), {"ppo_number": "4455667", "applicant_name": "कमला बाई",
                                                              "jan_aadhaar": "1234567890"}))  # fmt: skip
    assert journey.confirm()
    assert step(journey) is Step.DONE
    (event,) = submitted(ledger)
    assert event["txn_id"] is None
    assert event["photo"] is None
    assert len(slips(devices)) == 1
    assert journey.application_view().slip_printed


def test_a_no_ends_politely_with_why_and_where_to_go(apply: Callable[..., ApplicationJourney]) -> None:
    journey = apply("caste-apply")
    assert journey.answer(True)
    assert journey.answer(False)
    view = journey.application_view()
    assert step(journey) is Step.NOT_ELIGIBLE
    assert view.refusal is not None
    assert "तहसील" in view.refusal.refusal_hi
    assert "tehsil" in view.refusal.refusal_en
    assert journey.finish() is False
    assert journey.cancel()
    assert step(journey) is Step.CLOSED


def test_bad_fields_are_named_and_the_form_stays(apply: Callable[..., ApplicationJourney]) -> None:
    journey = apply("caste-apply")
    journey.answer(True)
    journey.answer(True)
    for key, value in {**CASTE, "birth_date": "31-02-1990", "mobile": "12345", "caste_class": "xyz",
                       "applicant_name": "R@m"}.items():  # fmt: skip
        journey.set_field(key, value)
    assert journey.submit_form() is False
    assert step(journey) is Step.FORM
    assert journey.field_problems == {"birth_date": Rule.DATE, "mobile": Rule.LENGTH, "caste_class": Rule.CHOICE,
                                      "applicant_name": Rule.PATTERN}  # fmt: skip


def test_romanised_and_hindi_names_are_both_accepted(apply: Callable[..., ApplicationJourney]) -> None:
    for name in ("Bhanwar Lal Gurjar", "भंवरलाल गुर्जर"):
        journey = filled(apply("caste-apply"), {**CASTE, "applicant_name": name})
        assert step(journey) is Step.SCAN


def test_unreadable_page_asks_for_a_retake_and_is_never_stored(apply: Callable[..., ApplicationJourney],
        vault: MemoryVault) -> None:  # fmt: skip
    pages = MemoryPages(page("blank", PageVerdict.BLANK), page("dark", PageVerdict.TOO_DARK),
                        page("skewed", PageVerdict.SKEWED), page("good"))  # fmt: skip
    journey = filled(apply("caste-apply", pages), CASTE)
    for reason in ("blank", "too_dark", "skewed"):
        assert journey.scan() is False
        view = journey.application_view()
        assert view.page_problem == reason
        assert view.preview_png
        assert not view.can_finish_document
        assert journey.finish_document() is False
    assert vault.blobs == {}
    assert journey.scan()
    assert journey.application_view().pages_taken == 1


def test_retaken_page_is_discarded_from_the_vault(apply: Callable[..., ApplicationJourney], vault: MemoryVault) -> None:
    journey = filled(apply("caste-apply"), CASTE)
    assert journey.scan()
    (first,) = vault.blobs
    assert journey.retake_page()
    assert vault.discarded == [first]
    assert vault.blobs == {}
    assert journey.scan()
    assert journey.application_view().pages_taken == 1


def test_photo_without_a_face_asks_for_a_retake(apply: Callable[..., ApplicationJourney], vault: MemoryVault) -> None:
    journey = scanned(filled(apply("caste-apply", camera=MemoryCamera(False, True)), CASTE))
    assert journey.take_photo() is False
    assert journey.application_view().page_problem == "no_face"
    assert journey.accept_photo() is False
    assert len(vault.blobs) == 2
    assert journey.take_photo()
    assert journey.accept_photo()
    assert len(vault.blobs) == 3


def test_scan_reports_its_waiting_phase_while_the_scanner_works(apply: Callable[..., ApplicationJourney]) -> None:
    seen: list[Phase] = []

    class Watching(MemoryPages):
        def capture(self):  # type: ignore[no-untyped-def]
            seen.append(journey.phase)
            return super().capture()

    journey = filled(apply("caste-apply", Watching()), CASTE)
    journey.scan()
    assert seen == [Phase.SCAN]
    assert journey.phase is Phase.IDLE


def test_abandoned_journey_discards_every_capture_and_sends_nothing(apply: Callable[..., ApplicationJourney],
        vault: MemoryVault, ledger: Ledger) -> None:  # fmt: skip
    journey = scanned(filled(apply("caste-apply"), CASTE))
    journey.take_photo()
    journey.accept_photo()
    journey.confirm()
    journey.choose_cash()
    assert journey.cancel()
    assert vault.blobs == {}
    assert len(vault.discarded) == 3
    assert journey.payment.txn is not None
    assert ledger.get(journey.payment.txn.id).state is TxnState.CANCELLED
    assert submitted(ledger) == []
    assert ledger.store.read("SELECT * FROM events_on_paid") == []


def test_part_paid_and_left_gives_a_voucher_and_no_submission(apply: Callable[..., ApplicationJourney],
        devices: Devices, vault: MemoryVault, ledger: Ledger) -> None:  # fmt: skip
    journey = scanned(filled(apply("domicile-apply"), {k: v for k, v in CASTE.items() if k in (
        "applicant_name", "father_name", "birth_date", "mobile")} | {"address": "गाँव सांगानेर, तहसील जयपुर"}))  # fmt: skip
    journey.take_photo()
    journey.accept_photo()
    journey.confirm()
    journey.choose_cash()
    assert isinstance(devices.cash, MemoryCashAcceptor)
    devices.cash.insert(20)
    assert journey.idle_timeout()
    assert step(journey) is Step.VOUCHER
    assert submitted(ledger) == []
    assert vault.blobs == {}


def test_not_offered_without_a_healthy_scanner_or_camera(apply: Callable[..., ApplicationJourney]) -> None:
    pages = MemoryPages()
    pages.ok = False
    journey = apply("caste-apply", pages)
    assert (journey.step, journey.problem) == (Step.ERROR, Problem.NOT_OFFERED)
    pages.ok = True
    assert journey.retry()  # "Try again" once the scanner is back: from the first question, never a keypad
    assert step(journey) is Step.ELIGIBILITY
    camera = MemoryCamera()
    camera.present = False
    journey = apply("caste-apply", camera=camera)
    assert step(journey) is Step.ERROR
    assert journey.retry() is False
    assert apply("pension-verification", camera=camera).step is Step.ELIGIBILITY  # no photo needed


def test_application_numbers_are_the_kiosk_serial_and_sequence_with_a_check_digit() -> None:
    number = application_number("RJ-JP-SAN-0042", 7)
    assert number[:9] == "004200007"
    assert len(number) == 10
    from common.numbers import luhn_ok

    assert luhn_ok(number)


def test_a_date_typed_without_dashes_is_kept_as_the_office_writes_it(apply: Callable[..., ApplicationJourney]) -> None:
    journey = filled(apply("caste-apply"), {**CASTE, "birth_date": "05031990"})
    assert journey.application_view().answers["birth_date"] == "05-03-1990"
