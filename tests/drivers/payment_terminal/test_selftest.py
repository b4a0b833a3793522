"""The payment terminal plugin: found through the registry, its self-test's verdict names what it saw, its probe."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers import registry
from drivers.payment_terminal.driver import EcrTerminal
from drivers.payment_terminal.emulator import PROFILES, TerminalEmulator
from kiosk.clock import FakeClock
from kiosk.config import DeviceConfig, load_config
from kiosk.devices.payment_terminal import SaleState
from kiosk.devices.plugin import Verdict
from kiosk.money import Money
from provisioning.cli import main
from provisioning.detect import probe_configured
from provisioning.devices import self_test
from tests.drivers.waiting import eventually
from tests.kiosk.test_config import GOOD, write

PLUGIN = registry.plugin("payment_terminal", "ecr_json")


@pytest.fixture
def idle() -> Iterator[TerminalEmulator]:
    with TerminalEmulator() as running:  # nobody presents a card
        yield running


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_kioskctl_self_test_against_the_emulator_passes_naming_the_approved_sale(profile: str) -> None:
    out = io.StringIO()
    assert main(["device", "test", "payment_terminal", "--emulator", "--profile", profile], out) == 0, out.getvalue()
    assert "PASS  seen: ₹1 sale approved, RRN 634012000001" in out.getvalue()
    assert out.getvalue().count("PASS") == 1


def test_without_a_sale_the_self_test_passes_for_the_connection_only(idle: TerminalEmulator) -> None:
    result = PLUGIN.selftest({"port": idle.address}, lambda line: None)
    assert result.verdict is Verdict.PASS
    assert result.seen == "PASS  connection only: the terminal answered idle and online; a sale was not tested"
    assert not idle.sales


def test_a_sale_nobody_pays_is_aborted_and_reported_untested(idle: TerminalEmulator) -> None:
    result = PLUGIN.selftest({"port": idle.address, "sale": True, "seconds": 0.3}, lambda line: None)
    assert result.verdict is Verdict.UNTESTED
    assert "info  no card in 0 s: aborted, the terminal says aborted" in result.lines
    assert result.seen.startswith("UNTESTED  the terminal answered, but the sale ended aborted")


def test_a_terminal_without_its_bank_link_fails_the_self_test_saying_so(idle: TerminalEmulator) -> None:
    idle.host_online = False
    result = PLUGIN.selftest({"port": idle.address}, lambda line: None)
    assert result.verdict is Verdict.FAIL
    assert result.seen == (
        "FAIL  the terminal has no link to its bank: check its SIM or network (Emulated EDC A910 EMU00042)"
    )


def test_the_self_test_fails_clearly_when_nothing_answers_or_no_address_is_given() -> None:
    out = io.StringIO()
    assert main(["device", "test", "payment_terminal", "--port", "127.0.0.1:1"], out) == 1
    assert "FAIL  no ECR-JSON/1 terminal answered at http://127.0.0.1:1: GET" in out.getvalue()
    assert PLUGIN.selftest({}, lambda line: None).seen.startswith("FAIL  no terminal address: give --port")


def test_probe_finds_the_terminal_without_starting_a_sale(idle: TerminalEmulator) -> None:
    answer = PLUGIN.probe(idle.address)
    assert answer.answered
    assert answer.evidence == f"ECR-JSON/1 terminal EMU00042 Emulated EDC A910 at {idle.address}"
    assert answer.section == {"port": idle.address}
    assert not idle.sales
    assert not PLUGIN.probe("127.0.0.1:1").answered


def test_provisioning_self_tests_the_configured_terminal_through_the_registry(idle: TerminalEmulator) -> None:
    passed, seen = self_test("payment_terminal", {"driver": "ecr_json", "port": idle.address})
    assert passed, seen
    assert seen.startswith("payment_terminal: PASS  connection only")


def test_the_configured_terminal_is_built_through_the_registry(idle: TerminalEmulator) -> None:
    built = registry.build(DeviceConfig("payment_terminal", "ecr_json", {"port": idle.address}), FakeClock())
    try:
        eventually(lambda: built.health().ok, "the built terminal seen idle and online")
    finally:
        built.close()


def test_a_kiosk_config_names_the_terminal_in_its_own_device_section(tmp_path: Path) -> None:
    section = '\n[devices.payment_terminal]\ndriver = "ecr_json"\nport = "http://192.168.1.50:8080"\n'
    device = load_config(write(tmp_path, GOOD + section)).devices["payment_terminal"]
    assert (device.driver, device.params) == ("ecr_json", {"port": "http://192.168.1.50:8080"})


def test_the_doctor_checks_the_configured_terminal_and_warns_without_its_bank_link(idle: TerminalEmulator) -> None:
    params = {"driver": "ecr_json", "port": idle.address}
    checkup = probe_configured("payment_terminal", params)
    assert checkup is not None
    assert (checkup.ok, checkup.detail) == (True, f"ECR-JSON/1 terminal EMU00042 Emulated EDC A910 at {idle.address}")
    idle.host_online = False
    offline = probe_configured("payment_terminal", params)
    assert offline is not None
    assert (offline.ok, offline.detail, offline.todo) == (False, "no bank link", "check its SIM")
    assert not idle.sales


def test_the_emulator_runs_on_its_own_for_the_demo_and_pays_every_sale(clock: FakeClock) -> None:
    command = [sys.executable, "-m", "drivers.payment_terminal.emulator", "--auto-pay-after-s", "0.1"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        address = process.stdout.readline().strip()
        terminal = EcrTerminal.from_config({"port": address}, clock)
        try:
            terminal.init("DEMO1", Money(5000))
            eventually(lambda: terminal.status("DEMO1").state is SaleState.APPROVED, "the demo's card holder paid")
        finally:
            terminal.close()
    finally:
        process.terminate()
        assert process.wait(timeout=10) == 0
        if process.stdout is not None:
            process.stdout.close()
