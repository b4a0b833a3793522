"""Aadhaar Pay inside the journey: choose it, the bank, the Aadhaar number on the journey's keypad, the finger —
against the real reference server process (its AePS switch) and the RD service emulator's real PidData."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kiosk.flows.aeps_journey import AepsJourney
from kiosk.flows.base import Devices, Problem, Step
from kiosk.flows.journey import Journey
from kiosk.ledger import Ledger
from kiosk.payment_outcome import Backoff
from kiosk.transactions import PaymentMode, TxnState
from tests.fakes.devices import MemoryFingerReader
from tests.kiosk import aeps_bench
from tests.kiosk.aeps_bench import PAYS, SBI, UID_OF, Bench
from tests.kiosk.flows.test_rail_payment import GOOD, printed_text

bench = aeps_bench.bench  # the shared module fixture
QUICK = Backoff(first_s=0, cap_s=0, asks=2)


@pytest.fixture
def aeps(start: Callable[[str], Journey], bench: Bench) -> AepsJourney:
    journey = start("jvvnl-bill")
    for digit in GOOD:
        journey.press(digit)
    journey.submit()
    assert journey.step is Step.CHOOSE_PAYMENT
    return AepsJourney(journey, bench.rail(), bench.reader, backoff=QUICK)


def up_to_the_finger(aeps: AepsJourney, uid: str) -> None:
    assert aeps.offered()
    assert aeps.choose()
    assert aeps.journey.step is Step.CHOOSE_BANK
    assert not aeps.choose_bank("999999")  # only a bank from the list
    assert aeps.journey.payment.txn is None  # nothing to hold until a finger is sent
    assert aeps.choose_bank(SBI)
    assert aeps.journey.step is Step.ENTER_AADHAAR
    for digit in uid.replace(" ", ""):
        aeps.journey.press(digit)
    assert aeps.journey.submit()
    assert aeps.journey.step is Step.AEPS_FINGER


def test_a_bill_paid_by_aadhaar_pay_commits_the_rrn_once_and_prints_it(
    aeps: AepsJourney, ledger: Ledger, devices: Devices, bench: Bench
) -> None:
    up_to_the_finger(aeps, PAYS)
    assert aeps.finger()
    assert aeps.journey.step is Step.DONE
    txn = aeps.journey.payment.txn
    assert txn is not None
    assert (txn.state, txn.payment_mode) == (TxnState.COMPLETED, PaymentMode.AADHAAR_PAY)
    assert len(txn.payment_ref) == 12
    assert bench.rows(txn.id)[0][:3] == ("y", "00", txn.payment_ref)
    assert f"RRN: {txn.payment_ref}" in printed_text(devices.printer)
    assert aeps.journey.aadhaar_number is None  # not kept past the payment


def test_a_mismatch_asks_for_another_finger_and_the_second_pays(aeps: AepsJourney, bench: Bench) -> None:
    up_to_the_finger(aeps, UID_OF["300-once"])
    assert not aeps.finger()
    assert (aeps.journey.step, aeps.journey.problem) == (Step.AEPS_FINGER, Problem.DECLINED)
    assert aeps.advice is not None
    assert aeps.advice.code == "300"
    assert aeps.finger()
    assert aeps.journey.step is Step.DONE
    txn = aeps.journey.payment.txn
    assert txn is not None
    assert txn.state is TxnState.COMPLETED
    assert [row[3] for row in bench.rows(txn.id)] == [2]  # the debit was the second try


def test_locked_biometrics_say_what_to_do_and_take_nothing(aeps: AepsJourney, ledger: Ledger) -> None:
    up_to_the_finger(aeps, UID_OF["330"])
    assert aeps.finger()
    assert (aeps.journey.step, aeps.journey.problem) == (Step.CHOOSE_PAYMENT, Problem.DECLINED)
    assert aeps.advice is not None
    assert aeps.advice.code == "330"
    assert "unlock" in aeps.advice.en.lower()
    assert aeps.journey.payment.txn is None
    assert [r["state"] for r in ledger.store.read("SELECT state FROM transactions")] == ["cancelled"]


def test_not_offered_before_the_operators_login(start: Callable[[str], Journey], bench: Bench) -> None:
    class Closed:
        def done_today(self) -> bool:
            return False

    journey = start("jvvnl-bill")
    for digit in GOOD:
        journey.press(digit)
    journey.submit()
    closed = bench.rail()
    closed.gate = Closed()
    aeps = AepsJourney(journey, closed, bench.reader)
    assert not aeps.offered()
    assert not aeps.choose()
    assert journey.step is Step.CHOOSE_PAYMENT


def test_cancel_before_any_finger_was_read_cancels_and_after_a_try_holds_for_inquiry(
    aeps: AepsJourney, ledger: Ledger, bench: Bench
) -> None:
    no_finger = MemoryFingerReader()
    no_finger.finger_placed = False
    aeps.reader = no_finger
    up_to_the_finger(aeps, PAYS)
    assert not aeps.finger()
    assert aeps.journey.problem is Problem.FINGER_RETRY  # not a try: nothing left the kiosk
    txn = aeps.journey.payment.txn
    assert txn is not None
    assert aeps.cancel()
    assert (aeps.journey.step, ledger.get(txn.id).state) == (Step.CLOSED, TxnState.CANCELLED)


def test_cancel_after_a_mismatch_holds_the_payment_to_be_asked_about(aeps: AepsJourney, ledger: Ledger) -> None:
    up_to_the_finger(aeps, UID_OF["300"])
    assert not aeps.finger()
    txn = aeps.journey.payment.txn
    assert txn is not None
    assert aeps.cancel()
    assert ledger.get(txn.id).state is TxnState.STATUS_UNKNOWN  # a try was sent: asked about by reference
