"""The kiosk's BBPOU client against the real reference server process: async fetch polled with backoff, exactness and
fee checked by the BBPOU, one payment per idempotency key, complaints by the BBPS transaction reference."""

from __future__ import annotations

import random
import sqlite3
import time
import uuid
from collections.abc import Iterator
from datetime import date

import pytest

from kiosk.bbps import (
    Biller,
    ComplaintReason,
    ComplaintState,
    Confirmation,
    Exactness,
    FetchedBill,
    PaymentOrder,
    PaymentRefused,
)
from kiosk.clock import SystemClock
from kiosk.money import Money
from kiosk.online import NotFound, Unavailable
from server.online import DEMO_BILLS, DEMO_UNANSWERED, consumer_number
from sync.bbps_client import HttpBbps
from sync.client import Client
from tests.server.conftest import Kiosk, enrol_key
from tests.sync.harness import ServerProcess


class RecordingSleep:
    """Really waits (the server's biller answers on its own clock) and keeps the schedule for the test to read."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        time.sleep(seconds)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    folder = tmp_path_factory.mktemp("bbps")
    process = ServerProcess(str(folder / "server.db"), folder / "server.log").start()
    process.admin("seed", "--per-biller", "2")
    yield process
    process.stop()


@pytest.fixture(scope="module")
def enrolled(server: ServerProcess) -> Kiosk:
    return enrol_key(server, "RJ-JP-BBPS-0001")


def bbpou(kiosk: Kiosk, **options: float) -> tuple[HttpBbps, RecordingSleep]:
    """A client of its own (its own polling options and recorded waits) for the one enrolled kiosk."""
    sleep = RecordingSleep()
    client = Client(kiosk.server.url, kiosk.key, kiosk.kiosk_id, SystemClock(), timeout_s=5.0)
    return HttpBbps(client, "AGT-RJ-0001", sleep=sleep, rng=random.Random(3), **options), sleep  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def agent(enrolled: Kiosk) -> HttpBbps:
    return bbpou(enrolled)[0]


def billers(agent: HttpBbps) -> dict[str, Biller]:
    found = agent.billers()
    assert not isinstance(found, Unavailable), found
    return dict(found)


def fetched(agent: HttpBbps, code: str, account: str) -> FetchedBill:
    biller = billers(agent)[code]
    bill = agent.fetch(biller, {biller.params[0].name: account})
    assert isinstance(bill, FetchedBill), bill
    return bill


def order(bill: FetchedBill | None, biller: Biller, account: str, amount: Money, *, key: str = "",
          fee: Money | None = None) -> PaymentOrder:  # fmt: skip
    fee = biller.fee.fee_for(amount) if fee is None else fee
    return PaymentOrder(key or uuid.uuid4().hex, biller.biller_id, {biller.params[0].name: account},
                        bill.ref_id if bill else None, amount, fee)  # fmt: skip


def test_the_directory_has_electricity_water_gas_and_postpaid_billers_with_every_exactness_rule(
    agent: HttpBbps,
) -> None:
    found = billers(agent)
    assert {"JVVNL", "AVVNL", "JDVVNL", "PHED", "RSGL", "POSTPAID"} <= set(found)
    assert {b.exactness for b in found.values()} == set(Exactness)
    assert found["JVVNL"].params[0].name == "K Number"


def test_a_fetched_bill_arrives_after_polling_with_its_dates_and_amount_in_paise(enrolled: Kiosk) -> None:
    agent, sleep = bbpou(enrolled)
    biller_code, account, name, bill_no, paise, due = DEMO_BILLS[0]
    bill = fetched(agent, biller_code, account)
    assert (bill.amount, bill.customer_name, bill.bill_number) == (Money(paise), name, bill_no)
    assert bill.due_date == date.fromisoformat(due)
    assert bill.bill_date < bill.due_date
    assert bill.biller_name == "Jaipur Vidyut Vitran Nigam Ltd"
    assert sleep.waits
    assert all(w >= 0.3 for w in sleep.waits)  # the server's hint is the floor


def test_a_slow_biller_is_polled_again_no_sooner_than_the_servers_hint_until_the_bill_is_ready(
    enrolled: Kiosk,
) -> None:
    agent, sleep = bbpou(enrolled, poll_base_s=0.05, poll_cap_s=0.4)
    bill = fetched(agent, "RSGL", consumer_number("RSGL", 1))
    assert bill.amount.paise > 0
    assert len(sleep.waits) == 3  # the slow biller answers at the third poll
    assert all(w >= 0.3 for w in sleep.waits)  # the server's hint is the floor


def test_a_fetch_that_is_not_ready_by_the_deadline_is_a_timeout_not_a_bill(enrolled: Kiosk) -> None:
    agent, sleep = bbpou(enrolled, fetch_deadline_s=0.3)
    biller = billers(agent)["RSGL"]
    answer = agent.fetch(biller, {"Customer ID": consumer_number("RSGL", 2)})
    assert isinstance(answer, Unavailable)
    assert answer.timed_out
    assert sum(sleep.waits) <= 0.3


def test_an_unknown_account_is_not_found_and_a_silent_biller_is_unavailable(agent: HttpBbps) -> None:
    jvvnl = billers(agent)["JVVNL"]
    assert isinstance(agent.fetch(jvvnl, {"K Number": "111111111111"}), NotFound)
    silent = agent.fetch(jvvnl, {"K Number": DEMO_UNANSWERED[0][1]})
    assert isinstance(silent, Unavailable)
    assert "did not answer" in silent.detail


def test_the_same_idempotency_key_posted_twice_is_one_payment_with_one_reference(
    agent: HttpBbps, server: ServerProcess
) -> None:
    biller = billers(agent)["JVVNL"]
    bill = fetched(agent, "JVVNL", DEMO_BILLS[1][1])
    first_order = order(bill, biller, DEMO_BILLS[1][1], bill.amount)
    first, again = agent.pay(first_order), agent.pay(first_order)
    assert isinstance(first, Confirmation)
    assert first == again
    assert first.txn_ref_id.startswith("CC01")
    assert first.due_date == bill.due_date
    assert first.bill_date == bill.bill_date
    with sqlite3.connect(server.db) as db:
        rows = db.execute("SELECT COUNT(*) FROM bbps_payments WHERE idempotency_key = ?",
                          (first_order.idempotency_key,)).fetchone()  # fmt: skip
    assert rows == (1,)
    other_amount = order(bill, biller, DEMO_BILLS[1][1], bill.amount + Money(100), key=first_order.idempotency_key)
    assert not isinstance(agent.pay(other_amount), Confirmation)  # the key is taken: nothing paid a second time


def test_the_bbpou_refuses_an_amount_outside_the_billers_exactness(agent: HttpBbps) -> None:
    jvvnl, avvnl = billers(agent)["JVVNL"], billers(agent)["AVVNL"]  # exact; exact and above
    bill = fetched(agent, "JVVNL", DEMO_BILLS[0][1])
    for wrong in (bill.amount - Money(100), bill.amount + Money(100)):
        refused = agent.pay(order(bill, jvvnl, DEMO_BILLS[0][1], wrong))
        assert isinstance(refused, PaymentRefused)
        assert "EXACT rule" in refused.reason
    account = consumer_number("AVVNL", 1)
    bill = fetched(agent, "AVVNL", account)
    less = agent.pay(order(bill, avvnl, account, bill.amount - Money(100)))
    assert isinstance(less, PaymentRefused)
    assert "EXACT_UP" in less.reason
    assert isinstance(agent.pay(order(bill, avvnl, account, bill.amount + Money(5_000))), Confirmation)


def test_a_wrong_convenience_fee_is_refused_and_a_mandatory_fetch_cannot_be_skipped(agent: HttpBbps) -> None:
    avvnl = billers(agent)["AVVNL"]
    account = consumer_number("AVVNL", 2)
    bill = fetched(agent, "AVVNL", account)
    wrong_fee = agent.pay(order(bill, avvnl, account, bill.amount, fee=Money(0)))
    assert isinstance(wrong_fee, PaymentRefused)
    assert "convenience fee is 1000 paise" in wrong_fee.reason
    unfetched = agent.pay(order(None, avvnl, account, bill.amount))
    assert isinstance(unfetched, PaymentRefused)
    assert "fetched bill" in unfetched.reason


def test_an_adhoc_biller_without_a_fetch_takes_any_amount_with_its_percentage_fee(agent: HttpBbps) -> None:
    postpaid = billers(agent)["POSTPAID"]
    paid = agent.pay(order(None, postpaid, "9876543210", Money(99_900)))
    assert isinstance(paid, Confirmation)
    assert paid.bill_date is None
    assert postpaid.fee.fee_for(Money(99_900)) == Money(999)


def test_a_complaint_is_registered_and_its_status_read_by_the_transaction_reference(agent: HttpBbps) -> None:
    postpaid = billers(agent)["POSTPAID"]
    paid = agent.pay(order(None, postpaid, "9876543210", Money(20_000)))
    assert isinstance(paid, Confirmation)
    registered = agent.complain(paid.txn_ref_id, ComplaintReason.WRONG_AMOUNT)
    assert isinstance(registered, ComplaintState)
    assert registered.status == "ASSIGNED"
    assert registered.assigned_to == "Mobile Postpaid"
    assert registered.complaint_id.startswith("CM")
    assert agent.complain(paid.txn_ref_id, ComplaintReason.WRONG_AMOUNT) == registered  # not registered twice
    assert agent.complaint_status(paid.txn_ref_id) == registered
    assert isinstance(agent.complaint_status("CC01NOSUCHREF000"), NotFound)
    assert isinstance(agent.complain("CC01NOSUCHREF000", ComplaintReason.OTHER), NotFound)
