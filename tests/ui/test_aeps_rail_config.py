"""Aadhaar Pay is built from [payments].rails through the enrolled client, and offered only once the bank list has
arrived and the operator's daily two-factor login is done — against the real reference server process."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.aadhaar import AadhaarNumber
from kiosk.clock import FakeClock
from kiosk.config import parse_config
from kiosk.operator import OperatorAuth
from kiosk.payments.aadhaar_pay import AadhaarPay
from kiosk.payments.operator_2fa import OperatorTwoFactor
from kiosk.payments.port import PaymentMethod
from kiosk.store import Store
from tests.drivers.waiting import eventually
from tests.kiosk import aeps_bench
from tests.kiosk.aeps_bench import PAYS, Bench
from ui.demo_config import demo_config_document
from ui.rails import build_rails

bench = aeps_bench.bench  # the shared module fixture
PIN = "482913"
MORNING_IST = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)  # 09:30 IST


@pytest.fixture
def kiosk_store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "kiosk.db", FakeClock(MORNING_IST))
    OperatorAuth(opened).add("op-1", "Ramesh Meena", PIN, by="engineer-7")
    yield opened
    opened.close()


def rails_for(names: list[str], tmp_path: Path, bench: Bench, store: Store) -> tuple[PaymentMethod, ...]:
    document = demo_config_document(tmp_path)
    document["payments"] = {"rails": names}
    return build_rails(parse_config(document), bench.switch.client, store.clock, store)


def test_aadhaar_pay_named_in_the_config_is_offered_after_the_banks_arrive_and_the_operator_logs_in(
    tmp_path: Path, bench: Bench, kiosk_store: Store
) -> None:
    (rail,) = rails_for(["aadhaar_pay"], tmp_path, bench, kiosk_store)
    assert isinstance(rail, AadhaarPay)
    eventually(lambda: bool(rail.banks.banks), "the bank list fetched in the background")
    assert not rail.available()  # no two-factor login yet today
    assert isinstance(rail.gate, OperatorTwoFactor)
    assert rail.gate.login("op-1", PIN, AadhaarNumber.parse(PAYS), bench.finger()).ok
    assert rail.available()


def test_aadhaar_pay_not_named_in_the_config_is_not_built(tmp_path: Path, bench: Bench, kiosk_store: Store) -> None:
    assert rails_for([], tmp_path, bench, kiosk_store) == ()
