"""A bill paid through BBPS, end to end against the real reference server as the BBPOU: fetch, the biller's exactness
on the amount step, the fee shown before paying, cash, the payment posted with the txn id as idempotency key, and
the receipt — also when the network is down after the cash was taken."""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import timedelta

import pytest

from kiosk.bbps import Biller, FetchedBill
from kiosk.bbps_store import BbpsRecords
from kiosk.catalogue import Catalogue
from kiosk.clock import FakeClock, SystemClock
from kiosk.flows.base import Devices, Problem, Step
from kiosk.flows.bbps_complaint import ComplaintFlow, ComplaintProblem, ComplaintStep
from kiosk.flows.bbps_steps import BbpsJourney
from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.online import NotFound, Unavailable
from kiosk.printing import reprint_receipt
from kiosk.receipt import Identity, Line, Pair, ReceiptLayout
from server.online import DEMO_BILLS, DEMO_UNANSWERED, consumer_number
from sync.bbps_client import HttpBbps
from sync.client import Client
from tests.fakes.devices import MemoryCashAcceptor, MemoryOnline, MemoryPrinter, demo_aadhaar
from tests.server.conftest import enrol_key
from tests.sync.harness import ServerProcess

JVVNL_ACCOUNT = DEMO_BILLS[0][1]  # ₹350 due; JVVNL is "exact", no convenience fee
AVVNL_ACCOUNT = consumer_number("AVVNL", 1)  # AVVNL is "exact and above" with a ₹10 convenience fee


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    folder = tmp_path_factory.mktemp("bbps-journey")
    process = ServerProcess(str(folder / "server.db"), folder / "server.log").start()
    process.admin("seed", "--per-biller", "2")
    yield process
    process.stop()


@pytest.fixture(scope="module")
def bbpou(server: ServerProcess) -> HttpBbps:
    kiosk = enrol_key(server, "RJ-JP-BBPS-J001")
    client = Client(server.url, kiosk.key, kiosk.kiosk_id, SystemClock(), timeout_s=5.0)
    return HttpBbps(client, "AGT-RJ-0001", rng=random.Random(1))


class NetworkDownForPayments:
    """Fetches reach the BBPOU; the payment's post meets a closed port (the network went down after the fetch)."""

    def __init__(self, real: HttpBbps, dead_url: str) -> None:
        self.real = real
        self.dead = HttpBbps(Client(dead_url, real.client.key, real.client.kiosk_id, SystemClock(), timeout_s=1.0),
                             real.agent_id)  # fmt: skip

    def billers(self) -> Mapping[str, Biller] | Unavailable:
        return self.real.billers()

    def fetch(self, biller: Biller, params: Mapping[str, str]) -> FetchedBill | NotFound | Unavailable:
        return self.real.fetch(biller, params)

    def pay(self, order: object) -> object:
        return self.dead.pay(order)  # type: ignore[arg-type]


@pytest.fixture
def start(catalogue: Catalogue, ledger: Ledger, devices: Devices, online: MemoryOnline,
          bbpou: HttpBbps) -> Callable[..., BbpsJourney]:  # fmt: skip
    def _start(service_id: str, account: str, agent: object = bbpou) -> BbpsJourney:
        journey = BbpsJourney(catalogue.get(service_id), bbpou=agent, ledger=ledger, devices=devices,  # type: ignore[arg-type]
                              bills=online, applications=online, aadhaar=online)  # fmt: skip
        devices.desk.on_update = journey.on_update
        devices.desk.attach()
        for digit in account:
            journey.press(digit)
        journey.submit()
        return journey

    return _start


def amount(journey: BbpsJourney, rupees: int) -> bool:
    journey.amount_entry.value = ""
    for digit in str(rupees):
        journey.press(digit)
    return journey.submit()


def pay_cash(journey: BbpsJourney, devices: Devices, *notes: int) -> None:
    assert journey.choose_cash()
    assert isinstance(devices.cash, MemoryCashAcceptor)
    for note in notes:
        assert devices.cash.insert(note)


def texts(layout: object) -> str:
    assert isinstance(layout, ReceiptLayout)
    return "\n".join(b.text if isinstance(b, Line) else f"{b.label}: {b.value}" if isinstance(b, Pair) else ""
                     for b in layout.blocks)  # fmt: skip


def test_an_exact_and_above_bill_may_be_paid_in_advance_but_not_in_part(start: Callable[..., BbpsJourney]) -> None:
    journey = start("avvnl-bill", AVVNL_ACCOUNT)
    assert journey.step is Step.ENTER_AMOUNT
    bill = journey.fetched
    assert bill is not None
    shown = journey.bbps_view()
    assert (shown.bill_amount, shown.low, shown.high, shown.exactness) == (bill.amount.format(), bill.amount.format(),
                                                                           "₹49,999.00", "EXACT_UP")  # fmt: skip
    rounded_up = -(-bill.amount.paise // 100)
    assert amount(journey, rounded_up - 1) is False
    assert (journey.step, journey.problem) == (Step.ENTER_AMOUNT, Problem.AMOUNT)
    assert amount(journey, rounded_up + 10) is True
    assert journey.step is Step.CHOOSE_PAYMENT


def test_the_convenience_fee_and_total_are_shown_before_paying(start: Callable[..., BbpsJourney]) -> None:
    journey = start("avvnl-bill", AVVNL_ACCOUNT)
    journey.submit()  # nothing typed: the bill amount
    bill = journey.fetched
    assert bill is not None
    shown, view = journey.bbps_view(), journey.view()
    assert journey.step is Step.CHOOSE_PAYMENT
    total = (bill.amount + Money(1_000)).format()
    assert (shown.amount, shown.fee, shown.total) == (bill.amount.format(), "₹10.00", total)
    assert view.amount_due == total  # what the cash step will ask for
    assert journey.payment.txn is None  # nothing opened yet: the villager may still walk away


def test_an_exact_biller_goes_straight_to_payment_with_the_bill_amount(start: Callable[..., BbpsJourney]) -> None:
    journey = start("jvvnl-bill", JVVNL_ACCOUNT)
    assert journey.step is Step.CHOOSE_PAYMENT
    assert journey.bbps_view().low == ""  # nothing to choose
    assert journey.bbps_view().total == "₹350.00"
    assert journey.submit() is False  # no amount step for an exact biller


def test_a_bill_paid_in_cash_prints_the_bbps_approval_reference_and_dates(
    start: Callable[..., BbpsJourney], devices: Devices, ledger: Ledger
) -> None:
    journey = start("jvvnl-bill", JVVNL_ACCOUNT)
    pay_cash(journey, devices, 200, 100, 50)
    assert journey.step is Step.DONE
    assert journey.bbps_view().confirmation == "confirmed"
    ref = journey.bbps_view().approval_ref
    assert ref.startswith("CC01")
    assert isinstance(devices.printer, MemoryPrinter)
    printed = texts(list(devices.printer.jobs.values())[-1])
    assert ref in printed
    assert "Jaipur Vidyut Vitran Nigam Ltd" in printed
    assert "देय तिथि / Due date: 05-12-2026" in printed
    assert "बिल तिथि / Bill date: 20-11-2026" in printed
    assert "pending" not in printed


def test_cash_taken_while_the_network_is_down_is_posted_later_once_and_the_reprint_has_the_reference(
    start: Callable[..., BbpsJourney], devices: Devices, ledger: Ledger, bbpou: HttpBbps, clock: FakeClock,
    server: ServerProcess,
) -> None:  # fmt: skip
    down = NetworkDownForPayments(bbpou, "http://127.0.0.1:9")
    journey = start("jvvnl-bill", JVVNL_ACCOUNT, down)
    pay_cash(journey, devices, 200, 100, 50)
    assert journey.step is Step.DONE  # the villager's money is committed and acknowledged
    assert journey.bbps_view().confirmation == "pending"
    assert isinstance(devices.printer, MemoryPrinter)
    first = texts(list(devices.printer.jobs.values())[-1])
    assert "Payment recorded, biller confirmation pending" in first
    assert "भुगतान दर्ज हुआ, बिलर की पुष्टि बाकी है" in first
    txn = journey.payment.txn
    assert txn is not None
    records = BbpsRecords(ledger.store)
    assert records.unconfirmed() == [(txn.id, "to_post", 1)]
    assert records.post(bbpou, clock.now()) == 0  # backing off: not due yet
    clock.advance(31)
    assert records.post(bbpou, clock.now()) == 1
    assert records.post(bbpou, clock.now() + timedelta(hours=2)) == 0  # posted once, never again
    facts = records.facts(txn.id)
    assert facts is not None
    assert facts.txn_ref_id
    again = reprint_receipt(ledger, devices.printer, txn.id, copy=1, identity=Identity("K", "C"), clock=clock,
                            qr_text=lambda t: "https://example/r")  # fmt: skip
    assert again.printed
    reprinted = texts(list(devices.printer.jobs.values())[-1])
    assert facts.txn_ref_id in reprinted
    assert "pending" not in reprinted
    with sqlite3.connect(server.db) as db:
        count = db.execute("SELECT COUNT(*) FROM bbps_payments WHERE idempotency_key = ?", (txn.id,)).fetchone()
    assert count == (1,)


def test_a_refused_amount_changes_nothing_in_the_ledger(start: Callable[..., BbpsJourney], ledger: Ledger) -> None:
    journey = start("jdvvnl-bill", consumer_number("JDVVNL", 1))  # exact and below: part payments
    bill = journey.fetched
    assert bill is not None
    assert amount(journey, bill.amount.whole_rupees + 1) is False
    assert ledger.open_transactions() == []
    assert amount(journey, 1) is True
    assert journey.bbps_view().amount == "₹1.00"


def test_a_postpaid_number_the_biller_does_not_know_is_not_found(start: Callable[..., BbpsJourney]) -> None:
    started = time.monotonic()
    journey = start("mobile-postpaid", "9000000001")
    assert (journey.step, journey.problem) == (Step.ERROR, Problem.NOT_FOUND)
    assert time.monotonic() - started < 10


def complaint_for(ledger: Ledger, bbpou: HttpBbps, receipt_no: int | None) -> ComplaintFlow:
    flow = ComplaintFlow(BbpsRecords(ledger.store), bbpou)
    for digit in str(receipt_no or 999):
        flow.press(digit)
    return flow


def test_a_complaint_is_registered_by_receipt_number_and_shown_again_with_its_status(
    start: Callable[..., BbpsJourney], devices: Devices, ledger: Ledger, bbpou: HttpBbps
) -> None:
    journey = start("jvvnl-bill", JVVNL_ACCOUNT)
    pay_cash(journey, devices, 200, 100, 50)
    txn = journey.payment.txn
    assert txn is not None
    flow = complaint_for(ledger, bbpou, txn.receipt_no)
    assert flow.submit() is True
    assert flow.step is ComplaintStep.CHOOSE_REASON
    assert flow.choose("NOT_A_REASON") is False
    assert flow.choose("WRONG_AMOUNT") is True
    shown = flow.view()
    assert (shown.step, shown.status, shown.registered_now) == (ComplaintStep.SHOWN, "ASSIGNED", True)
    assert shown.txn_ref_id == journey.bbps_view().approval_ref
    assert shown.assigned_to == "Jaipur Vidyut Vitran Nigam Ltd"
    again = complaint_for(ledger, bbpou, txn.receipt_no)
    assert again.submit() is True
    assert (again.view().step, again.view().complaint_id, again.view().registered_now) == (
        ComplaintStep.SHOWN, shown.complaint_id, False,
    )  # fmt: skip


def test_no_complaint_without_a_bbps_reference_or_for_a_receipt_from_elsewhere(
    start: Callable[..., BbpsJourney], devices: Devices, ledger: Ledger, bbpou: HttpBbps
) -> None:
    unknown = complaint_for(ledger, bbpou, 424242)
    assert unknown.submit() is False
    assert unknown.problem is ComplaintProblem.NOT_FOUND
    journey = start("jvvnl-bill", JVVNL_ACCOUNT, NetworkDownForPayments(bbpou, "http://127.0.0.1:9"))
    pay_cash(journey, devices, 200, 100, 50)
    txn = journey.payment.txn
    assert txn is not None
    pending = complaint_for(ledger, bbpou, txn.receipt_no)
    assert pending.submit() is False
    assert (pending.step, pending.problem) == (ComplaintStep.ENTER_RECEIPT, ComplaintProblem.PENDING)


def test_a_biller_silent_to_bbps_falls_back_to_a_provisional_cash_receipt_that_is_not_a_bbps_payment(
    start: Callable[..., BbpsJourney], devices: Devices, ledger: Ledger
) -> None:
    journey = start("jvvnl-bill", DEMO_UNANSWERED[0][1])  # the biller does not answer; the service allows provisional
    assert journey.step is Step.ENTER_AMOUNT
    assert journey.bbps_view().biller_name == ""  # the screen shows the provisional wording, not a BBPS range
    assert amount(journey, 120) is True
    pay_cash(journey, devices, 100, 20)
    assert journey.step is Step.DONE
    assert journey.receipt().provisional
    txn = journey.payment.txn
    assert txn is not None
    assert BbpsRecords(ledger.store).facts(txn.id) is None  # nothing to post to the BBPOU


def test_a_bill_paid_by_aadhaar_is_posted_to_bbps_as_an_aeps_payment_once(
    start: Callable[..., BbpsJourney], online: MemoryOnline, ledger: Ledger, server: ServerProcess
) -> None:
    journey = start("jvvnl-bill", JVVNL_ACCOUNT)
    assert journey.choose_aadhaar()
    for digit in demo_aadhaar():
        journey.press(digit)
    assert journey.submit()
    assert journey.pay_finger() is True
    assert len(online.payments) == 1
    assert journey.bbps_view().confirmation == "confirmed"
    txn = journey.payment.txn
    assert txn is not None
    with sqlite3.connect(server.db) as db:
        rows = db.execute("SELECT request FROM bbps_payments WHERE idempotency_key = ?", (txn.id,)).fetchall()
    assert len(rows) == 1
    assert '"payment_mode":"AEPS"' in rows[0][0]
