"""Aadhaar Pay is built from [payments].rails through the enrolled client, and offered only once the bank list has
arrived and the operator's daily two-factor login is done — against the real reference server process."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from drivers.biometric.rdservice.emulator import RdServiceEmulator
from kiosk.aadhaar import AadhaarNumber
from kiosk.clock import FakeClock, SystemClock
from kiosk.config import parse_config
from kiosk.operator import OperatorAuth
from kiosk.payments.aadhaar_pay import AadhaarPay
from kiosk.payments.operator_2fa import PASSED, OperatorTwoFactor
from kiosk.payments.port import PaymentMethod
from kiosk.store import Store
from sync.agent import enrol
from sync.settings import load_settings
from tests.drivers.waiting import eventually
from tests.kiosk import aeps_bench
from tests.kiosk.aeps_bench import PAYS, Bench
from tests.sync.harness import write_config
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


@pytest.fixture
def login_config(tmp_path: Path, bench: Bench) -> Iterator[Path]:
    """What `kioskctl provision` leaves behind for an Aadhaar Pay kiosk: enrolled, a finger reader, the rail named."""
    finger = RdServiceEmulator(SystemClock()).start()
    config = write_config(tmp_path, bench.server.url, "RJ-JP-AEPS-0042")
    extra = f"""
[payments]
rails = ["aadhaar_pay"]

[devices.biometric]
driver = "rdservice"
first_port = {finger.port}
last_port = {finger.port}
try_https = false
"""
    config.write_text(config.read_text(encoding="utf-8") + extra, encoding="utf-8")
    settings = load_settings(config)
    store = Store.open(settings.database, SystemClock())
    enrol(settings, store, bench.server.admin("admin", "issue-token", settings.kiosk_code))
    OperatorAuth(store).add("op-1", "Ramesh Meena", PIN, by="engineer-7")
    store.close()
    yield config
    finger.stop()


def kioskctl(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "provisioning.cli", *args], input=stdin, capture_output=True,
                          text=True, check=False, timeout=60)  # fmt: skip


def test_the_operator_logs_in_for_aadhaar_pay_from_a_terminal_with_pin_and_finger(login_config: Path) -> None:
    login = ("operator", "aadhaar-login", "--config", str(login_config), "--operator", "op-1", "--stdin")
    wrong = kioskctl(*login, stdin=f"000000\n{PAYS}\n")
    assert (wrong.returncode, "wrong PIN" in wrong.stdout) == (1, True), wrong.stdout + wrong.stderr
    bad_number = kioskctl(*login, stdin=f"{PIN}\n1234 5678 9012\n")
    assert (bad_number.returncode, "Aadhaar number" in bad_number.stdout) == (1, True), bad_number.stdout
    done = kioskctl(*login, stdin=f"{PIN}\n{PAYS}\n")
    assert (done.returncode, done.stdout.splitlines()[-1][:2]) == (0, "ok"), done.stdout + done.stderr
    again = kioskctl(*login, stdin="")
    assert (again.returncode, "already done today" in again.stdout) == (0, True), again.stdout
    store = Store.open(load_settings(login_config).database, SystemClock())
    try:
        rows = store.read("SELECT details FROM journal WHERE action = ?", (PASSED,))
    finally:
        store.close()
    assert len(rows) == 1
    assert PAYS.replace(" ", "") not in str(rows[0]["details"])  # masked, never the full number
