"""The SSP driver against the emulator, through real bytes on a pty — each test named after a failure it prevents."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from drivers.cash.ssp.codec import Command
from drivers.cash.ssp.driver import SspAcceptor
from drivers.cash.ssp.emulator import SspEmulator
from kiosk.availability import assess
from kiosk.cash_payment import CashDesk
from kiosk.clock import FakeClock
from kiosk.device_report import publish
from kiosk.devices.cash import (
    AcceptorDisconnected,
    AcceptorReconnected,
    AcceptorStatus,
    CashBoxRemoved,
    CashBoxReplaced,
    CashEvent,
    ClearedAtPowerUp,
    FraudAttempt,
    Jammed,
    NoteCredited,
    NoteEscrowed,
    NoteRejected,
    NoteReturned,
    StackedCount,
    StackerFull,
)
from kiosk.devices.printer import PrinterStatus
from kiosk.flows.base import Devices
from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.store import Store
from tests.drivers.cash.conftest import ALL_NOTES, Events, answers, reject_reason, wait_until
from tests.fakes.devices import MemoryFingerReader, MemoryPrinter


def test_the_channel_table_is_read_from_the_device(acceptor: SspAcceptor) -> None:
    assert acceptor.denominations() == tuple(Money.rupees(r) for r in (10, 20, 50, 100, 200, 500))
    assert acceptor.health().ok


def test_a_note_is_credited_only_after_it_is_stacked(
    acceptor: SspAcceptor, emulator: SspEmulator, events: Events
) -> None:
    acceptor.enable(ALL_NOTES)
    wait_until(lambda: acceptor.status is AcceptorStatus.ACCEPTING)
    assert emulator.insert_note(100)
    escrowed = events.next_of(NoteEscrowed)
    assert escrowed == NoteEscrowed(Money.rupees(100), 4)
    credited = events.next_of(NoteCredited)
    assert isinstance(credited, NoteCredited)
    assert credited.denomination == Money.rupees(100)
    assert emulator.stacked == [100]


def test_note_returned_after_escrow_is_never_credited(
    acceptor: SspAcceptor, emulator: SspEmulator, events: Events
) -> None:
    def decide(event: CashEvent) -> None:
        events(event)
        if isinstance(event, NoteEscrowed):  # while the note is held, another payment lowered what is due
            acceptor.enable(frozenset({Money.rupees(100)}))

    acceptor._listener = decide  # the same thread calls it, as in the kiosk
    acceptor.enable(frozenset({Money.rupees(500)}))
    wait_until(lambda: acceptor.status is AcceptorStatus.ACCEPTING)
    assert emulator.insert_note(500)
    events.next_of(NoteReturned)
    rejected = events.next_of(NoteRejected)
    assert isinstance(rejected, NoteRejected)
    assert rejected.reason == reject_reason(emulator, "rejected by host")
    assert not events.of(NoteCredited)
    assert emulator.stacked == []
    assert emulator.state.returned == [500]


def test_an_inhibited_note_is_refused_by_the_device(
    acceptor: SspAcceptor, emulator: SspEmulator, events: Events
) -> None:
    acceptor.enable(frozenset({Money.rupees(10), Money.rupees(20)}))
    wait_until(lambda: acceptor.status is AcceptorStatus.ACCEPTING)
    assert not emulator.insert_note(500)
    rejected = events.next_of(NoteRejected)
    assert isinstance(rejected, NoteRejected)
    assert rejected.reason == reject_reason(emulator, "channel inhibited")
    assert emulator.stacked == []


def test_a_fake_note_is_rejected_and_never_credited(
    acceptor: SspAcceptor, emulator: SspEmulator, events: Events
) -> None:
    acceptor.enable(ALL_NOTES)
    wait_until(lambda: acceptor.status is AcceptorStatus.ACCEPTING)
    assert emulator.insert_fake_note()
    rejected = events.next_of(NoteRejected)
    assert isinstance(rejected, NoteRejected)
    assert rejected.reason == reject_reason(emulator, "invalid note")
    assert not events.of(NoteCredited)


def test_retried_poll_after_lost_reply_does_not_double_credit(
    acceptor: SspAcceptor, emulator: SspEmulator, events: Events
) -> None:
    acceptor.enable(ALL_NOTES)
    wait_until(lambda: acceptor.status is AcceptorStatus.ACCEPTING)
    emulator.insert_note(200)
    events.next_of(NoteEscrowed)
    emulator.drop_replies(2)  # the replies to the accepting POLL and its first retry are lost
    events.next_of(NoteCredited)
    events.drain(0.3)
    assert len(events.of(NoteCredited)) == 1
    assert emulator.stacked == [200]
    polls = [p for p in emulator.received if p.data[0] == Command.POLL]
    repeats = sum(1 for a, b in itertools.pairwise(polls) if a.seq == b.seq)
    assert repeats >= 2  # the same packet really was sent again


def test_a_corrupted_reply_is_asked_for_again(acceptor: SspAcceptor, emulator: SspEmulator, events: Events) -> None:
    acceptor.enable(ALL_NOTES)
    wait_until(lambda: acceptor.status is AcceptorStatus.ACCEPTING)
    emulator.insert_note(50)
    events.next_of(NoteEscrowed)
    emulator.corrupt_replies(3)
    events.next_of(NoteCredited)
    assert emulator.stacked == [50]
    assert acceptor.health().ok


def test_garbage_on_the_line_is_survived(acceptor: SspAcceptor, emulator: SspEmulator, events: Events) -> None:
    emulator.send_garbage(bytes(range(256)) + b"\x7f\x00\x05")
    acceptor.enable(ALL_NOTES)
    wait_until(lambda: acceptor.status is AcceptorStatus.ACCEPTING)
    emulator.insert_note(20)
    events.next_of(NoteCredited)
    assert emulator.stacked == [20]


def test_unplugged_mid_payment_reports_disconnected_and_reconnects(
    acceptor: SspAcceptor, emulator: SspEmulator, events: Events
) -> None:
    acceptor.enable(ALL_NOTES)
    wait_until(lambda: acceptor.status is AcceptorStatus.ACCEPTING)
    emulator.unplug()
    events.next_of(AcceptorDisconnected)
    assert not acceptor.health().ok
    assert acceptor.status is AcceptorStatus.DISCONNECTED
    emulator.replug()
    events.next_of(AcceptorReconnected)
    wait_until(lambda: acceptor.status is AcceptorStatus.ACCEPTING)  # our wish to accept is applied again
    emulator.insert_note(10)
    events.next_of(NoteCredited)
    assert emulator.stacked == [10]


def test_a_device_that_goes_silent_is_reported_disconnected(
    acceptor: SspAcceptor, emulator: SspEmulator, events: Events
) -> None:
    emulator.go_silent()
    events.next_of(AcceptorDisconnected)
    emulator.go_silent(False)
    events.next_of(AcceptorReconnected)


def test_power_cut_with_note_in_escrow_returns_it_from_the_front(
    acceptor: SspAcceptor, emulator: SspEmulator, events: Events
) -> None:
    acceptor.enable(ALL_NOTES)
    wait_until(lambda: acceptor.status is AcceptorStatus.ACCEPTING)
    emulator.power_cycle_with_note(100, stage="escrow")
    cleared = events.next_of(ClearedAtPowerUp)
    assert cleared == ClearedAtPowerUp(False, 4, Money.rupees(100))
    assert emulator.stacked == []
    assert not events.of(NoteCredited)


def test_power_cut_mid_stack_reports_the_note_in_the_cash_box(
    acceptor: SspAcceptor, emulator: SspEmulator, events: Events
) -> None:
    acceptor.enable(ALL_NOTES)
    wait_until(lambda: acceptor.status is AcceptorStatus.ACCEPTING)
    emulator.power_cycle_with_note(500, stage="stacking")
    cleared = events.next_of(ClearedAtPowerUp)
    counted = 1 if answers(emulator, Command.GET_COUNTERS) else None
    assert cleared == ClearedAtPowerUp(True, 6, Money.rupees(500), device_count=counted)
    assert emulator.stacked == [500]


def test_jams_stacker_full_cash_box_and_fraud_are_reported_once_each(
    acceptor: SspAcceptor, emulator: SspEmulator, events: Events
) -> None:
    emulator.jam(safe=False)
    assert events.next_of(Jammed) == Jammed(safe=False)
    wait_until(lambda: acceptor.status is AcceptorStatus.JAMMED)
    assert not acceptor.health().ok
    emulator.clear_jam()
    wait_until(lambda: acceptor.status is AcceptorStatus.DISABLED)
    emulator.fill_stacker()
    events.next_of(StackerFull)
    emulator.fill_stacker(False)
    emulator.remove_cashbox()
    events.next_of(CashBoxRemoved)
    emulator.replace_cashbox()
    events.next_of(CashBoxReplaced)
    acceptor.enable(ALL_NOTES)
    wait_until(lambda: acceptor.status is AcceptorStatus.ACCEPTING)
    emulator.insert_note(100, on_string=True)
    assert events.next_of(FraudAttempt) == FraudAttempt(4)
    events.drain(0.2)
    assert len(events.of(Jammed)) == 1
    assert len(events.of(StackerFull)) == 1
    assert not events.of(NoteCredited)


def test_a_device_demanding_encryption_is_a_clear_fault(tmp_path: Path) -> None:
    device = SspEmulator(require_encryption=True)
    path = device.serve_pty(tmp_path / "tty")
    driver = SspAcceptor(path, FakeClock(), poll_interval_s=0.02, reply_timeout_s=0.5, reconnect_interval_s=0.1)
    driver.start(Events())
    try:
        wait_until(lambda: driver.status is AcceptorStatus.FAULT)
        assert "encryption" in driver.health().detail
    finally:
        driver.close()
        device.close()


def test_refused_optional_commands_are_features_absent_and_notes_are_still_taken(
    acceptor: SspAcceptor, emulator: SspEmulator, events: Events
) -> None:
    counted = events.next_of(StackedCount)
    assert isinstance(counted, StackedCount)
    assert (counted.count is not None) == answers(emulator, Command.GET_COUNTERS)  # never a made-up count
    assert (acceptor.serial_number is not None) == answers(emulator, Command.SERIAL_NUMBER)
    acceptor.enable(ALL_NOTES)
    wait_until(lambda: acceptor.status is AcceptorStatus.ACCEPTING)
    for rupees in (100, 500):
        assert emulator.insert_note(rupees)
        credited = events.next_of(NoteCredited)
        assert isinstance(credited, NoteCredited)
        assert credited.denomination == Money.rupees(rupees)
        assert (credited.device_count is not None) == answers(emulator, Command.GET_COUNTERS)
    emulator.insert_fake_note()
    events.next_of(NoteRejected)
    assert emulator.stacked == [100, 500]
    assert acceptor.health().ok
    optional = {Command.GET_COUNTERS, Command.SERIAL_NUMBER, Command.LAST_REJECT_CODE}
    assert {c for c in optional if not answers(emulator, c)} <= acceptor.absent


class PollThreadKiller(BaseException):
    """Something no handler in the poll loop expects (in the field: a bug, MemoryError …)."""


def test_a_poll_thread_that_dies_is_a_device_fault_not_a_quiet_acceptor(
    acceptor: SspAcceptor, emulator: SspEmulator, events: Events, store: Store
) -> None:
    def dies(event: CashEvent) -> None:
        events(event)
        if isinstance(event, NoteEscrowed):
            raise PollThreadKiller("boom")

    acceptor._listener = dies  # the same thread calls it, as in the kiosk
    acceptor.enable(ALL_NOTES)
    wait_until(lambda: acceptor.status is AcceptorStatus.ACCEPTING)
    assert emulator.insert_note(100)
    wait_until(lambda: acceptor.status is AcceptorStatus.FAULT)
    health = acceptor.health()
    assert not health.ok
    assert "poll thread" in health.detail
    # What the app writes for the heartbeat, and what availability makes of it: out of service for cash.
    publish(store, Devices(acceptor, MemoryPrinter(), MemoryFingerReader(), CashDesk(Ledger(store), acceptor)))
    assert json.loads(store.get_meta("device_status") or "{}")["cash"] == "fault"
    assert not devices_availability_cash(acceptor)


def devices_availability_cash(acceptor: SspAcceptor) -> bool:
    verdict = assess(
        manual_reason=None, disk_free_bytes=1 << 40, database_writable=True, printer=PrinterStatus.READY,
        acceptor=acceptor.status,
    )  # fmt: skip
    return verdict.cash
