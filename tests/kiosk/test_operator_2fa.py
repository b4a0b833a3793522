"""The operator's daily two-factor login before Aadhaar Pay: PIN plus a fresh finger matched by the reference server's
AUA emulator, once per IST business day, journaled without the PID or the full number."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.aadhaar import AadhaarNumber
from kiosk.clock import FakeClock
from kiosk.operator import OperatorAuth
from kiosk.payments.aadhaar_pay import AadhaarPay
from kiosk.payments.operator_2fa import FAILED, PASSED, OperatorTwoFactor
from kiosk.store import Store
from sync.aeps_client import aadhaar_pay_kit
from tests.kiosk import aeps_bench
from tests.kiosk.aeps_bench import PAYS, UID_OF, Bench

bench = aeps_bench.bench  # the shared module fixture
PIN = "482913"
LATE_EVENING_IST = datetime(2026, 12, 6, 18, 0, tzinfo=UTC)  # 23:30 IST


@pytest.fixture
def day_clock() -> FakeClock:
    return FakeClock(LATE_EVENING_IST)


@pytest.fixture
def kiosk_store(tmp_path: Path, day_clock: FakeClock) -> Iterator[Store]:
    opened = Store.open(tmp_path / "kiosk.db", day_clock)
    OperatorAuth(opened).add("op-1", "Ramesh Meena", PIN, by="engineer-7")
    yield opened
    opened.close()


@pytest.fixture
def gate(kiosk_store: Store, bench: Bench) -> OperatorTwoFactor:
    return OperatorTwoFactor(kiosk_store, OperatorAuth(kiosk_store), bench.switch)


def journal(store: Store) -> list[str]:
    return [r["action"] for r in store.read("SELECT action FROM journal WHERE action LIKE 'operator.two_factor%'")]


def test_aadhaar_pay_is_offered_only_after_the_pin_and_a_matched_finger(gate: OperatorTwoFactor, bench: Bench) -> None:
    rail = AadhaarPay(bench.switch, bench.banks, gate)
    assert not rail.available()
    result = gate.login("op-1", PIN, AadhaarNumber.parse(PAYS), bench.finger())
    assert (result.ok, result.code) == (True, "00")
    assert rail.available()
    assert journal(gate.store) == [PASSED]


def test_the_login_holds_until_midnight_ist_not_utc(
    gate: OperatorTwoFactor, day_clock: FakeClock, bench: Bench
) -> None:
    assert gate.login("op-1", PIN, AadhaarNumber.parse(PAYS), bench.finger()).ok
    day_clock.set(datetime(2026, 12, 6, 18, 29, tzinfo=UTC))  # 23:59 IST, the same business day
    assert gate.done_today()
    day_clock.set(datetime(2026, 12, 6, 18, 31, tzinfo=UTC))  # 00:01 IST, still 6 December in UTC
    assert not gate.done_today()


def test_the_days_login_survives_a_restart(gate: OperatorTwoFactor, tmp_path: Path, day_clock: FakeClock,
                                           bench: Bench) -> None:  # fmt: skip
    assert gate.login("op-1", PIN, AadhaarNumber.parse(PAYS), bench.finger()).ok
    gate.store.close()
    reopened = Store.open(tmp_path / "kiosk.db", day_clock)
    try:
        assert OperatorTwoFactor(reopened, OperatorAuth(reopened), bench.switch).done_today()
    finally:
        reopened.close()


def test_a_wrong_pin_never_asks_the_aua(gate: OperatorTwoFactor, bench: Bench) -> None:
    sent = len(bench.proxy.history)
    result = gate.login("op-1", "000001", AadhaarNumber.parse(PAYS), bench.finger())
    assert (result.ok, result.reason) == (False, "pin")
    assert len(bench.proxy.history) == sent
    assert not gate.done_today()


def test_a_finger_that_does_not_match_is_refused_and_journaled_without_the_number(
    gate: OperatorTwoFactor, bench: Bench
) -> None:
    mismatch = UID_OF["300"]
    result = gate.login("op-1", PIN, AadhaarNumber.parse(mismatch), bench.finger())
    assert (result.ok, result.reason, result.code) == (False, "finger", "300")
    assert not gate.done_today()
    assert journal(gate.store) == [FAILED]
    details = gate.store.read_one("SELECT details FROM journal WHERE action = ?", (FAILED,))
    assert details is not None
    assert f"XXXX-XXXX-{mismatch[-4:]}" in details["details"]
    wal = gate.store.path.with_name(gate.store.path.name + "-wal")
    assert wal.stat().st_size > 0
    assert mismatch.encode() not in gate.store.path.read_bytes() + wal.read_bytes()


def test_the_composed_kit_offers_aadhaar_pay_once_the_list_is_in_and_the_operator_logged_in(
    kiosk_store: Store, bench: Bench
) -> None:
    kit = aadhaar_pay_kit(bench.switch.client, kiosk_store)
    assert not kit.rail.available()
    assert kit.banks.refresh()
    assert not kit.rail.available()  # the list alone is not enough
    assert kit.two_factor.login("op-1", PIN, AadhaarNumber.parse(PAYS), bench.finger()).ok
    assert kit.rail.available()
