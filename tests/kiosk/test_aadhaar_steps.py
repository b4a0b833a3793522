"""The Aadhaar Pay steps as the journey drives them: bank, number, finger; a 300 asks for another finger (bounded),
then another method; a lost answer is asked about by reference — against the RD service emulator, the NMEA GPS
emulator on a pty (the position in the request) and the real server process."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.gps.nmea.driver import NmeaLocator
from drivers.gps.nmea.emulator import JAIPUR_FIX, NmeaEmulator
from kiosk.clock import FakeClock
from kiosk.devices.locator import LocatorStatus
from kiosk.flows.aadhaar_steps import AadhaarPayFlow, AepsStep
from kiosk.money import Money
from kiosk.payment_outcome import Backoff
from tests.drivers.waiting import eventually
from tests.kiosk import aeps_bench
from tests.kiosk.aeps_bench import PAYS, SBI, UID_OF, Bench

bench = aeps_bench.bench  # the shared module fixture
_refs = itertools.count(1)
QUICK = Backoff(first_s=0, cap_s=0, asks=2)


@pytest.fixture
def gps(tmp_path: Path) -> Iterator[NmeaLocator]:
    emulator = NmeaEmulator(tmp_path / "ttyGPS")
    locator = NmeaLocator(emulator.path, FakeClock(), reconnect_s=0.05).start()
    try:
        eventually(lambda: locator.status() is not LocatorStatus.DISCONNECTED, "driver opened the pty")
        emulator.send(*JAIPUR_FIX)
        eventually(lambda: locator.status() is LocatorStatus.FIX, "fix reported")
        yield locator
    finally:
        locator.close()
        emulator.close()


def flow(bench: Bench, gps: NmeaLocator | None = None, amount: Money = Money.rupees(150)) -> AadhaarPayFlow:
    return AadhaarPayFlow(bench.rail(), bench.reader, f"TXN-STEP-{next(_refs):04d}", amount, gps, QUICK)


def test_bank_number_finger_pays_and_the_request_carried_the_gps_position(bench: Bench, gps: NmeaLocator) -> None:
    pay = flow(bench, gps)
    assert not pay.choose_bank("999999")
    assert pay.problem == "bank"
    assert pay.choose_bank(SBI)
    assert not pay.enter_aadhaar("1234 5678 9012")  # starts with 1: no Aadhaar number does
    assert pay.problem == "aadhaar"
    assert pay.enter_aadhaar(PAYS)
    assert pay.pay_finger() is AepsStep.PAID
    assert pay.result is not None
    assert len(pay.result.reference) == 12
    row = bench.rows(pay.txn_id)[0]
    assert (row[4], round(float(row[5]), 4), round(float(row[6]), 4)) == (SBI, 26.9124, 75.7873)  # type: ignore[arg-type]


def test_a_mismatch_asks_for_another_finger_and_three_send_the_villager_to_another_method(bench: Bench) -> None:
    pay = flow(bench)
    assert pay.choose_bank(SBI)
    assert pay.enter_aadhaar(UID_OF["300"])
    steps = [pay.pay_finger() for _ in range(3)]
    assert steps == [AepsStep.PLACE_FINGER, AepsStep.PLACE_FINGER, AepsStep.OTHER_METHOD]
    assert pay.advice is not None
    assert pay.advice.code == "300"
    assert pay.pay_finger() is AepsStep.OTHER_METHOD  # no fourth try
    assert pay.attempt == 3


def test_the_second_finger_pays_after_a_first_mismatch(bench: Bench) -> None:
    pay = flow(bench)
    assert pay.choose_bank(SBI)
    assert pay.enter_aadhaar(UID_OF["300-once"])
    assert [pay.pay_finger(), pay.pay_finger()] == [AepsStep.PLACE_FINGER, AepsStep.PAID]
    assert bench.rows(pay.txn_id)[0][:2] == ("y", "00")


def test_a_lost_answer_is_asked_about_and_the_one_debit_is_found(bench: Bench) -> None:
    def lose(path: str, status: int, headers: dict[str, str], body: bytes) -> tuple[int, dict[str, str], bytes]:
        return (503, {"Content-Type": "text/plain"}, b"gone") if path.endswith("/aeps:pay") else (status, headers, body)

    pay = flow(bench)
    assert pay.choose_bank(SBI)
    assert pay.enter_aadhaar(PAYS)
    bench.proxy.mutate = lose
    try:
        assert pay.pay_finger() is AepsStep.PAID
    finally:
        bench.proxy.mutate = None
    assert pay.result is not None
    assert pay.result.reference == bench.rows(pay.txn_id)[0][2]


def test_a_status_that_stays_unknown_holds_the_payment_for_reconciliation(bench: Bench) -> None:
    def silent(path: str, status: int, headers: dict[str, str], body: bytes) -> tuple[int, dict[str, str], bytes]:
        return (503, {"Content-Type": "text/plain"}, b"gone") if "/aeps:" in path else (status, headers, body)

    pay = flow(bench)
    assert pay.choose_bank(SBI)
    assert pay.enter_aadhaar(PAYS)
    bench.proxy.mutate = silent
    try:
        assert pay.pay_finger() is AepsStep.STATUS_UNKNOWN
    finally:
        bench.proxy.mutate = None
    assert pay.advice is not None
    assert "Do not pay again" in pay.advice.en
    assert pay.pay_finger() is AepsStep.STATUS_UNKNOWN  # nothing more is sent for this reference
