"""The ECR-JSON/1 driver against the terminal emulator over loopback HTTP, on every firmware profile."""

from __future__ import annotations

import re

import pytest

from drivers.payment_terminal.driver import EcrTerminal
from drivers.payment_terminal.emulator import TerminalEmulator
from drivers.payment_terminal.transport import Endpoint, HttpTransport
from kiosk.clock import FakeClock
from kiosk.devices.payment_terminal import SaleState, TerminalRefused, TerminalStatus, TerminalUnreachable
from kiosk.money import Money
from tests.drivers.waiting import eventually

AMOUNT = Money(45_050)


def test_a_sale_is_approved_after_card_and_pin_and_carries_the_rrn(
    emulator: TerminalEmulator, terminal: EcrTerminal
) -> None:
    assert terminal.init("TXN1", AMOUNT).state is SaleState.WAITING_CARD
    emulator.insert_card(last4="4242")
    assert terminal.status("TXN1").state is SaleState.WAITING_PIN
    emulator.enter_pin()
    sale = terminal.status("TXN1")
    assert (sale.state, sale.amount, sale.response_code) == (SaleState.APPROVED, AMOUNT, "00")
    assert len(sale.rrn) == 12
    assert sale.pan_last4 in ("4242", "")  # the minimal firmware does not tell the card's digits


def test_card_pulled_early_ends_the_sale_with_nothing_taken(emulator: TerminalEmulator, terminal: EcrTerminal) -> None:
    terminal.init("TXN1", AMOUNT)
    emulator.insert_card()
    emulator.pull_card()
    sale = terminal.status("TXN1")
    assert sale.state is SaleState.CARD_REMOVED
    assert not sale.rrn
    eventually(lambda: terminal.terminal_status() is TerminalStatus.READY, "the terminal is free again")


def test_no_pin_in_time_the_terminal_times_the_sale_out(emulator: TerminalEmulator, terminal: EcrTerminal) -> None:
    terminal.init("TXN1", AMOUNT)
    emulator.insert_card()
    emulator.time_out()
    assert terminal.status("TXN1").state is SaleState.TIMED_OUT


def test_a_wrong_pin_is_declined_with_the_banks_response_code(
    emulator: TerminalEmulator, terminal: EcrTerminal
) -> None:
    terminal.init("TXN1", AMOUNT)
    emulator.insert_card()
    emulator.enter_pin("55")
    sale = terminal.status("TXN1")
    assert (sale.state, sale.response_code) == (SaleState.DECLINED, "55")


def test_a_second_sale_is_refused_while_busy_and_the_same_reference_is_the_same_sale(
    emulator: TerminalEmulator, terminal: EcrTerminal
) -> None:
    terminal.init("TXN1", AMOUNT)
    with pytest.raises(TerminalRefused, match="busy") as caught:
        terminal.init("TXN2", AMOUNT)
    assert caught.value.code == "busy"
    assert terminal.init("TXN1", AMOUNT).state is SaleState.WAITING_CARD  # idempotent, not a second sale
    assert list(emulator.sales) == ["TXN1"]
    with pytest.raises(TerminalRefused) as reused:
        terminal.init("TXN1", Money(100))
    assert reused.value.code == "ref_reused"


def test_a_terminal_without_its_bank_link_refuses_sales_and_is_reported(
    emulator: TerminalEmulator, terminal: EcrTerminal
) -> None:
    emulator.host_online = False
    eventually(lambda: terminal.terminal_status() is TerminalStatus.HOST_OFFLINE, "the watch sees no bank link")
    with pytest.raises(TerminalRefused) as caught:
        terminal.init("TXN1", AMOUNT)
    assert caught.value.code == "host_offline"
    assert not terminal.health().ok


def test_a_switched_off_terminal_is_offline_and_comes_back_when_it_answers_again(
    emulator: TerminalEmulator, terminal: EcrTerminal
) -> None:
    terminal.init("TXN1", AMOUNT)
    emulator.stop()
    with pytest.raises(TerminalUnreachable):
        terminal.status("TXN1")
    eventually(lambda: terminal.terminal_status() is TerminalStatus.OFFLINE, "the watch sees it gone")
    assert re.search(r"/ecr/v1/terminal: Connection(Refused|Reset)Error", terminal.health().detail)
    emulator.start()  # the same port: the terminal rebooted and kept its sale
    eventually(lambda: terminal.terminal_status() is TerminalStatus.BUSY, "the watch sees it back, busy")
    assert terminal.status("TXN1").state is SaleState.WAITING_CARD


def test_an_abort_before_the_bank_is_asked_ends_the_sale(emulator: TerminalEmulator, terminal: EcrTerminal) -> None:
    terminal.init("TXN1", AMOUNT)
    emulator.insert_card()
    assert terminal.abort("TXN1").state is SaleState.ABORTED
    assert terminal.abort("TXN1").state is SaleState.ABORTED  # a repeated abort changes nothing


def test_an_approval_arriving_after_the_abort_is_reported_by_the_status_query(
    emulator: TerminalEmulator, terminal: EcrTerminal
) -> None:
    emulator.hold_authorisation = True
    terminal.init("TXN1", AMOUNT)
    emulator.insert_card()
    emulator.enter_pin()
    if emulator.profile.abort_while_authorising:
        assert terminal.abort("TXN1").state is SaleState.ABORTING
    else:
        with pytest.raises(TerminalRefused, match="cannot_abort"):
            terminal.abort("TXN1")
    emulator.bank_answers("00")
    sale = terminal.status("TXN1")
    assert sale.state is SaleState.APPROVED
    assert sale.rrn


def test_an_unknown_reference_is_refused_by_name(terminal: EcrTerminal) -> None:
    with pytest.raises(TerminalRefused) as caught:
        terminal.status("NEVER")
    assert caught.value.code == "unknown_ref"


def test_the_watch_survives_odd_answers_counts_them_and_recovers(
    emulator: TerminalEmulator, terminal: EcrTerminal
) -> None:
    emulator.garbage = [b"\x00\xff\xfe", b"<html>proxy error</html>", b'{"protocol": "ecr-json/1", "state": 7}']
    eventually(lambda: terminal.refusals.count >= 3, "three odd answers counted")
    eventually(lambda: terminal.terminal_status() is TerminalStatus.READY, "ready again after the odd answers")
    assert "3 answers refused" in terminal.health().detail


def test_an_odd_answer_to_a_sale_request_makes_its_outcome_unknown_not_an_error_that_loses_it(
    emulator: TerminalEmulator, terminal: EcrTerminal
) -> None:
    terminal.close()  # the watch would take the odd answer itself
    terminal.init("TXN1", AMOUNT)
    emulator.garbage = [b"not json"]
    with pytest.raises(TerminalUnreachable, match="not JSON"):
        terminal.status("TXN1")
    assert terminal.status("TXN1").state is SaleState.WAITING_CARD  # asked again, the sale is still there


class _Exploding:
    """A transport whose third request hits a bug below the driver: the watch thread must not die silently."""

    def __init__(self, inner: HttpTransport) -> None:
        self.inner = inner
        self.calls = 0

    def request(self, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]:
        self.calls += 1
        if self.calls >= 3:
            raise RuntimeError("bug in a lower layer")
        return self.inner.request(method, path, body)


def test_a_dead_watch_is_reported_as_a_device_fault(emulator: TerminalEmulator, clock: FakeClock) -> None:
    transport = _Exploding(HttpTransport(Endpoint.parse(emulator.address), 2.0))
    terminal = EcrTerminal(transport, clock, watch_interval_s=0.05)
    terminal.start()
    try:
        eventually(lambda: terminal.terminal_status() is TerminalStatus.FAULT, "the dead watch reported")
        health = terminal.health()
        assert (health.status, health.ok) == ("fault", False)
        assert "payment-terminal-watch thread died: RuntimeError: bug in a lower layer" in health.detail
    finally:
        terminal.close()


@pytest.mark.parametrize("address", ["ftp://10.0.0.5", "http://", "10.0.0.5:99999"])
def test_a_bad_terminal_address_in_the_config_is_refused_naming_it(address: str, clock: FakeClock) -> None:
    with pytest.raises(ValueError, match="terminal address"):
        EcrTerminal.from_config({"port": address}, clock)


def test_a_config_without_an_address_is_refused_naming_the_section(clock: FakeClock) -> None:
    with pytest.raises(ValueError, match=r"\[devices.payment_terminal\] needs port"):
        EcrTerminal.from_config({}, clock)
