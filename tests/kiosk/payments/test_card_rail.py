"""The card rail over the real ECR-JSON/1 driver and the terminal emulator: every sale ends paid, refused or held."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import timedelta

import pytest

from drivers.payment_terminal.codec import check_ref
from drivers.payment_terminal.driver import EcrTerminal
from drivers.payment_terminal.emulator import TerminalEmulator
from kiosk.clock import FakeClock
from kiosk.devices.payment_terminal import TerminalStatus
from kiosk.money import Money
from kiosk.payments.card import MAX_ATTEMPTS, CardPayment, CardUnavailable, sale_ref
from kiosk.payments.port import Outcome, PaymentMethod, PaymentRequest, Rail
from tests.drivers.waiting import eventually

AMOUNT = Money(23_400)
TIMEOUT_S = 90.0


@pytest.fixture
def emulator() -> Iterator[TerminalEmulator]:
    with TerminalEmulator() as running:
        yield running


@pytest.fixture
def terminal(emulator: TerminalEmulator, clock: FakeClock) -> Iterator[EcrTerminal]:
    driver = EcrTerminal.from_config({"port": emulator.address, "watch_interval_s": 0.1, "timeout_s": 2}, clock)
    yield driver
    driver.close()


@pytest.fixture
def rail(terminal: EcrTerminal, clock: FakeClock) -> CardPayment:
    return CardPayment(terminal, clock, card_timeout_s=TIMEOUT_S)


def _pay(emulator: TerminalEmulator, response_code: str = "00") -> None:
    emulator.insert_card(last4="4242")
    emulator.enter_pin(response_code)


def test_the_card_rail_is_a_payment_method_offered_only_while_the_terminal_is_ready(
    rail: CardPayment, emulator: TerminalEmulator, terminal: EcrTerminal
) -> None:
    method: PaymentMethod = rail
    assert method.rail is Rail.CARD
    eventually(rail.available, "offered once the watch has seen the terminal idle")
    emulator.host_online = False
    eventually(lambda: not rail.available(), "not offered without a bank link")
    emulator.host_online = True
    eventually(rail.available, "offered again")
    emulator.stop()
    eventually(lambda: terminal.terminal_status() is TerminalStatus.OFFLINE, "terminal seen off")
    assert not rail.available()


def test_a_paid_card_sale_carries_the_rrn_and_never_more_than_the_last_four_digits(
    rail: CardPayment, emulator: TerminalEmulator, clock: FakeClock
) -> None:
    started = rail.start(PaymentRequest("TXN-7", AMOUNT))
    assert (started.prompt, started.expires_at) == ("card.insert", clock.now() + timedelta(seconds=TIMEOUT_S))
    assert rail.poll("TXN-7").outcome is Outcome.PENDING
    _pay(emulator)
    result = rail.poll("TXN-7")
    assert (result.outcome, result.code) == (Outcome.PAID, "00")
    assert result.reference == emulator.sales["TXN-7"].rrn
    assert result.detail.endswith("RUPAY card ending 4242")


def test_no_card_before_the_deadline_aborts_the_sale_and_nothing_is_taken(
    rail: CardPayment, emulator: TerminalEmulator, clock: FakeClock
) -> None:
    rail.start(PaymentRequest("TXN-7", AMOUNT))
    clock.advance(TIMEOUT_S - 1)
    assert rail.poll("TXN-7").outcome is Outcome.PENDING
    clock.advance(1)
    result = rail.poll("TXN-7")
    assert (result.outcome, result.code) == (Outcome.EXPIRED, "aborted")
    assert emulator.sales["TXN-7"].state == "aborted"


def test_a_card_pulled_early_is_declined_and_the_retry_is_a_new_sale_on_the_terminal(
    rail: CardPayment, emulator: TerminalEmulator
) -> None:
    rail.start(PaymentRequest("TXN-7", AMOUNT))
    emulator.insert_card()
    emulator.pull_card()
    assert (rail.poll("TXN-7").outcome, rail.poll("TXN-7").code) == (Outcome.DECLINED, "card_removed")
    rail.start(PaymentRequest("TXN-7", AMOUNT, attempt=2))
    _pay(emulator)
    assert rail.poll("TXN-7").outcome is Outcome.PAID
    assert list(emulator.sales) == ["TXN-7", "TXN-7.2"]


def test_no_pin_in_the_terminals_time_expires_the_offer(rail: CardPayment, emulator: TerminalEmulator) -> None:
    rail.start(PaymentRequest("TXN-7", AMOUNT))
    emulator.insert_card()
    emulator.time_out()
    result = rail.poll("TXN-7")
    assert (result.outcome, result.code) == (Outcome.EXPIRED, "timed_out")


def test_starting_the_same_attempt_twice_is_one_sale_and_a_busy_terminal_refuses_another(
    rail: CardPayment, emulator: TerminalEmulator
) -> None:
    rail.start(PaymentRequest("TXN-7", AMOUNT))
    rail.start(PaymentRequest("TXN-7", AMOUNT))
    with pytest.raises(CardUnavailable, match=r"TXN-8: terminal refused \(busy\)"):
        rail.start(PaymentRequest("TXN-8", AMOUNT))
    assert list(emulator.sales) == ["TXN-7"]


@pytest.mark.parametrize("profile", ["full", "minimal"])
def test_an_approval_after_the_abort_is_held_then_found_paid_by_the_inquiry(profile: str, clock: FakeClock) -> None:
    with TerminalEmulator(profile=profile) as emulator:
        terminal = EcrTerminal.from_config({"port": emulator.address}, clock)
        try:
            rail = CardPayment(terminal, clock)
            emulator.hold_authorisation = True
            rail.start(PaymentRequest("TXN-7", AMOUNT))
            _pay(emulator)
            held = rail.cancel("TXN-7")
            assert held.outcome is Outcome.UNKNOWN  # with the bank: never reported as not taken
            emulator.bank_answers("00")
            paid = rail.inquire("TXN-7", AMOUNT)
            assert (paid.outcome, paid.reference) == (Outcome.PAID, emulator.sales["TXN-7"].rrn)
        finally:
            terminal.close()


def test_a_terminal_offline_past_the_deadline_is_held_and_its_approval_found_when_it_returns(
    rail: CardPayment, emulator: TerminalEmulator, clock: FakeClock
) -> None:
    rail.start(PaymentRequest("TXN-7", AMOUNT))
    emulator.stop()  # the LAN cable is pulled; the villager pays on the terminal all the same
    _pay(emulator)
    assert rail.poll("TXN-7").outcome is Outcome.PENDING
    clock.advance(TIMEOUT_S)
    assert rail.poll("TXN-7").outcome is Outcome.UNKNOWN
    assert rail.cancel("TXN-7").outcome is Outcome.UNKNOWN
    emulator.start()
    assert rail.inquire("TXN-7", AMOUNT).outcome is Outcome.PAID


def test_after_a_kiosk_restart_the_inquiry_finds_the_approved_retry(
    rail: CardPayment, emulator: TerminalEmulator, terminal: EcrTerminal, clock: FakeClock
) -> None:
    rail.start(PaymentRequest("TXN-7", AMOUNT))
    _pay(emulator, "51")
    assert rail.poll("TXN-7").code == "51"
    rail.start(PaymentRequest("TXN-7", AMOUNT, attempt=2))
    _pay(emulator)
    restarted = CardPayment(terminal, clock)
    assert restarted.inquire("TXN-7", AMOUNT).reference == emulator.sales["TXN-7.2"].rrn
    assert CardPayment(terminal, clock).poll("TXN-7").reference == emulator.sales["TXN-7.2"].rrn


def test_after_a_kiosk_restart_a_sale_still_waiting_for_the_card_is_aborted_by_poll_or_cancel(
    rail: CardPayment, emulator: TerminalEmulator, terminal: EcrTerminal, clock: FakeClock
) -> None:
    rail.start(PaymentRequest("TXN-7", AMOUNT))
    assert CardPayment(terminal, clock).inquire("TXN-7", AMOUNT).outcome is Outcome.UNKNOWN  # still running
    result = CardPayment(terminal, clock).poll("TXN-7")
    assert (result.outcome, result.code) == (Outcome.EXPIRED, "aborted")
    assert emulator.current is None  # the terminal is free for the next villager
    assert CardPayment(terminal, clock).cancel("TXN-404").code == "unknown_ref"


def test_inquiring_about_a_payment_the_terminal_never_saw_says_nothing_was_taken(rail: CardPayment) -> None:
    result = rail.inquire("TXN-404", AMOUNT)
    assert (result.outcome, result.code) == (Outcome.EXPIRED, "unknown_ref")


def test_a_declined_card_is_declined_with_the_banks_code(rail: CardPayment, emulator: TerminalEmulator) -> None:
    rail.start(PaymentRequest("TXN-7", AMOUNT))
    _pay(emulator, "55")
    result = rail.poll("TXN-7")
    assert (result.outcome, result.code, result.detail) == (Outcome.DECLINED, "55", "incorrect PIN")


def test_an_approval_for_another_amount_than_the_ledgers_is_held_for_reconciliation_not_paid(
    rail: CardPayment, emulator: TerminalEmulator
) -> None:
    rail.start(PaymentRequest("TXN-7", AMOUNT))
    _pay(emulator)
    result = rail.inquire("TXN-7", Money(100))
    assert (result.outcome, result.reference) == (Outcome.UNKNOWN, "")
    assert result.detail == "terminal approved 23400 paise, expected 100: reconcile"


def test_a_terminal_that_is_off_when_the_kiosk_starts_does_not_hold_up_the_start(clock: FakeClock) -> None:
    silent = socket.socket()  # bound, never listening or answering: a terminal that is not there
    silent.bind(("127.0.0.1", 0))
    silent.listen(0)
    address = f"http://127.0.0.1:{silent.getsockname()[1]}"
    try:
        terminal = EcrTerminal.from_config({"port": address, "timeout_s": 1}, clock)
        # Built while its first question is still unanswered: the start did not wait for the terminal.
        assert terminal.health().detail == "not asked yet"
        assert not CardPayment(terminal, clock).available()
        terminal.close()
    finally:
        silent.close()


def test_the_ledgers_transaction_ids_fit_the_terminals_reference_for_every_attempt() -> None:
    txn_id = "0b6f1c1e-8a55-4d8e-9f0e-2f7b1f3c9a10"  # kiosk.ledger makes uuid4 transaction ids
    assert check_ref(sale_ref(txn_id, MAX_ATTEMPTS)) == f"{txn_id}.{MAX_ATTEMPTS}"
    with pytest.raises(ValueError, match="attempt 10 is not 1-9"):
        sale_ref(txn_id, MAX_ATTEMPTS + 1)
