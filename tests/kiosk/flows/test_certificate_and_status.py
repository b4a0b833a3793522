"""Certificate print (consent, fingerprint, fee, print) and application status journeys."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kiosk.catalogue import Catalogue
from kiosk.documents import DocumentProblem, DocumentResult
from kiosk.flows.base import Devices, Problem, Step
from kiosk.flows.journey import Journey
from kiosk.ledger import Ledger
from kiosk.outbox import Outbox
from kiosk.transactions import TxnState
from tests.fakes.devices import MemoryOnline, MemoryPrinter, demo_aadhaar, demo_account

READY = demo_account("202611001")
PENDING = demo_account("202611002")


def typed(journey: Journey, number: str) -> Journey:
    for digit in number:
        journey.press(digit)
    journey.submit()
    return journey


def test_ready_certificate_goes_consent_finger_fee_print(start: Callable[[str], Journey], devices: Devices) -> None:
    journey = typed(start("caste-cert"), READY)
    assert journey.step is Step.CONSENT
    assert journey.verify_finger() is False  # no fingerprint before consent
    assert journey.consent()
    assert journey.step is Step.ENTER_AADHAAR
    assert journey.verify_finger() is False  # no fingerprint before the Aadhaar number
    for digit in demo_aadhaar():
        journey.press(digit)
    assert journey.submit()
    assert journey.step is Step.VERIFY_FINGER
    assert journey.verify_finger()
    assert journey.step is Step.CHOOSE_PAYMENT
    assert journey.view().amount_due == "₹50.00"
    journey.choose_aadhaar()
    assert journey.step is Step.PAY_FINGER  # the number given for the verification is not asked twice
    journey.pay_finger()
    assert journey.step is Step.DONE
    assert isinstance(devices.printer, MemoryPrinter)
    assert len(devices.printer.jobs) == 1


def test_certificate_not_ready_says_so_instead_of_charging(start: Callable[[str], Journey]) -> None:
    journey = typed(start("income-cert"), PENDING)
    assert (journey.step, journey.problem) == (Step.ERROR, Problem.NOT_READY)


def test_status_check_shows_the_status_and_finishes(start: Callable[[str], Journey]) -> None:
    journey = typed(start("application-status"), PENDING)
    assert journey.step is Step.STATUS_SHOWN
    view = journey.view()
    assert view.application_status == "under_review"
    assert "Geeta" not in view.consumer
    assert journey.finish()
    assert journey.step is Step.CLOSED


def test_status_check_timeout_is_a_timeout_problem(start: Callable[[str], Journey], online: object) -> None:
    from tests.fakes.devices import MemoryOnline

    assert isinstance(online, MemoryOnline)
    online.slow.add(PENDING)
    journey = typed(start("application-status"), PENDING)
    assert (journey.step, journey.problem) == (Step.ERROR, Problem.TIMEOUT)


def test_information_service_has_no_journey(start: Callable[[str], Journey]) -> None:
    import pytest

    with pytest.raises(ValueError, match="no journey"):
        start("palanhar-info")


def test_report_problem_queues_one_outbox_event_with_screen_and_devices(store: object, devices: Devices) -> None:
    from kiosk.flows.problems import report_problem
    from kiosk.outbox import Outbox
    from kiosk.store import Store

    assert isinstance(store, Store)
    seq = report_problem(
        store, screen="cash", flow_state={"step": "cash"}, devices=[devices.cash.health(), devices.printer.health()]
    )
    (item,) = Outbox(store).pending()
    assert (item.seq, item.kind) == (seq, "problem.reported")
    assert item.payload["screen"] == "cash"
    assert item.payload["devices"][0]["kind"] == "cash"


class ScriptedCertificates:
    """The certificate port as the flow sees it: answers as told, records what it was asked."""

    def __init__(self, result: DocumentResult) -> None:
        self.result = result
        self.asked: list[tuple[str, str, str]] = []

    def print_certificate(self, job_id: str, service_id: str, application_no: str) -> DocumentResult:
        self.asked.append((job_id, service_id, application_no))
        return self.result


def paid_certificate(journey: Journey) -> Journey:
    typed(journey, READY)
    journey.consent()
    for digit in demo_aadhaar():
        journey.press(digit)
    journey.submit()
    journey.verify_finger()
    journey.choose_aadhaar()
    journey.pay_finger()
    return journey


@pytest.mark.parametrize(
    ("result", "shown", "journaled"),
    [
        (DocumentResult(True), "printed", "certificate.printed"),
        (DocumentResult(False, DocumentProblem.NOT_ISSUED, "409"), "not_issued", "certificate.not_printed"),
        (DocumentResult(False, DocumentProblem.PRINTER, "stopped: paper"), "printer", "certificate.not_printed"),
    ],
)
def test_the_certificate_is_printed_after_the_fee_and_the_outcome_is_journaled(
    catalogue: Catalogue, ledger: Ledger, devices: Devices, online: MemoryOnline, result: DocumentResult, shown: str,
    journaled: str,
) -> None:  # fmt: skip
    certificates = ScriptedCertificates(result)
    journey = Journey(catalogue.get("caste-cert"), ledger=ledger, devices=devices, bills=online,
                      applications=online, aadhaar=online, certificates=certificates)  # fmt: skip
    paid_certificate(journey)
    assert journey.step is Step.DONE
    txn = journey.payment.txn
    assert txn is not None
    assert txn.state is TxnState.COMPLETED  # the fee is paid and its receipt printed whatever the A4 printer does
    assert certificates.asked == [(f"certificate-{txn.id}", "caste-cert", READY)]
    assert journey.view().certificate == shown
    kinds = [(e.kind, e.payload["subject"]) for e in Outbox(ledger.store).pending()]
    assert (journaled, txn.id) in kinds


def test_without_a_certificate_printer_the_villager_is_sent_to_the_operator(start: Callable[[str], Journey]) -> None:
    journey = paid_certificate(start("caste-cert"))
    assert journey.view().certificate == "no_printer"
