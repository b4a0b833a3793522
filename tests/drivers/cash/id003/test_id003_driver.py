"""The ID-003 driver against the emulator, through real bytes on a pty — each test named after a failure it prevents."""

from __future__ import annotations

from pathlib import Path

import pytest

from drivers.cash.id003.codec import Command, Status
from drivers.cash.id003.driver import Id003Acceptor
from drivers.cash.id003.emulator import Id003Emulator
from drivers.cash.id003.profiles import Firmware
from kiosk.clock import FakeClock
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
    StackerFull,
)
from kiosk.money import Money
from tests.drivers.cash.conftest import ALL_NOTES, Events, wait_until
from tests.drivers.cash.id003.conftest import connect

R = Money.rupees


def accepting(acceptor: Id003Acceptor, notes: frozenset[Money] = ALL_NOTES) -> None:
    acceptor.enable(notes)
    wait_until(lambda: acceptor.status is AcceptorStatus.ACCEPTING)


def test_the_rupee_notes_come_from_the_code_table_and_a_refused_version_is_a_feature_absent(
    acceptor: Id003Acceptor, emulator: Id003Emulator
) -> None:
    assert acceptor.denominations() == tuple(R(r) for r in (10, 20, 50, 100, 200, 500))
    assert acceptor.health().ok
    if Command.VERSION in emulator.firmware.refuses:
        assert acceptor.absent == {Command.VERSION, Command.SET_SECURITY}
        assert acceptor.firmware == ""
    else:
        assert acceptor.absent == set()
        assert "(INR)" in acceptor.firmware


def test_a_note_is_credited_only_after_vend_valid(
    acceptor: Id003Acceptor, emulator: Id003Emulator, events: Events
) -> None:
    stacked_at_escrow: list[list[int]] = []

    def listen(event: CashEvent) -> None:
        if isinstance(event, NoteEscrowed):
            stacked_at_escrow.append(emulator.stacked)
        events(event)

    acceptor._listener = listen  # the poll thread calls it, as in the kiosk
    accepting(acceptor)
    assert emulator.insert_note(100)
    assert events.next_of(NoteEscrowed) == NoteEscrowed(R(100), 4)
    credited = events.next_of(NoteCredited)
    assert isinstance(credited, NoteCredited)
    assert credited.denomination == R(100)
    assert stacked_at_escrow == [[]]
    wait_until(lambda: emulator.stacked == [100])


def test_note_returned_after_escrow_is_never_credited(
    acceptor: Id003Acceptor, emulator: Id003Emulator, events: Events
) -> None:
    def decide(event: CashEvent) -> None:
        events(event)
        if isinstance(event, NoteEscrowed):  # while the note is held, another payment lowered what is due
            acceptor.enable(frozenset({R(100)}))

    acceptor._listener = decide
    accepting(acceptor, frozenset({R(500)}))
    assert emulator.insert_note(500)
    assert events.next_of(NoteReturned) == NoteReturned(R(500), 6)
    events.drain(0.3)
    assert not events.of(NoteCredited)
    assert emulator.stacked == []
    assert emulator.state.returned == [500]


def test_a_refused_denomination_is_refused_by_the_device(
    acceptor: Id003Acceptor, emulator: Id003Emulator, events: Events
) -> None:
    accepting(acceptor, frozenset({R(10), R(20)}))
    assert not emulator.insert_note(500)
    assert events.next_of(NoteRejected) == NoteRejected("denomination inhibited", 0x79)
    assert emulator.stacked == []


def test_a_fake_note_is_rejected_and_never_credited(
    acceptor: Id003Acceptor, emulator: Id003Emulator, events: Events
) -> None:
    accepting(acceptor)
    assert emulator.insert_fake_note()
    assert events.next_of(NoteRejected) == NoteRejected("invalid note", 0x76)
    events.drain(0.2)
    assert not events.of(NoteCredited)
    assert not events.of(NoteEscrowed)


def test_a_lost_ack_makes_the_device_repeat_vend_valid_and_the_note_is_still_credited_once(
    acceptor: Id003Acceptor, emulator: Id003Emulator, events: Events
) -> None:
    def listen(event: CashEvent) -> None:
        events(event)
        if isinstance(event, NoteCredited):
            emulator.lose_commands(1)  # the ACK that follows never arrives

    acceptor._listener = listen
    accepting(acceptor)
    emulator.insert_note(200)
    events.next_of(NoteCredited)
    wait_until(lambda: emulator.stacked == [200])
    events.drain(0.3)
    assert len(events.of(NoteCredited)) == 1
    acks = [f for f in emulator.received if f.code == Command.ACK]
    assert len(acks) >= 2  # the ACK really was sent again


def test_lost_and_corrupted_replies_are_asked_for_again(
    acceptor: Id003Acceptor, emulator: Id003Emulator, events: Events
) -> None:
    accepting(acceptor)
    emulator.insert_note(50)
    events.next_of(NoteEscrowed)
    emulator.drop_replies(1)
    emulator.corrupt_replies(2)
    events.next_of(NoteCredited)
    wait_until(lambda: emulator.stacked == [50])
    events.drain(0.2)
    assert len(events.of(NoteCredited)) == 1
    assert acceptor.health().ok


def test_garbage_on_the_line_is_survived(acceptor: Id003Acceptor, emulator: Id003Emulator, events: Events) -> None:
    emulator.send_garbage(bytes(range(256)) + b"\xfc\xfc\x05")
    accepting(acceptor)
    emulator.insert_note(20)
    events.next_of(NoteCredited)
    wait_until(lambda: emulator.stacked == [20])


def test_unplugged_mid_payment_reports_disconnected_and_reconnects(
    acceptor: Id003Acceptor, emulator: Id003Emulator, events: Events
) -> None:
    accepting(acceptor)
    emulator.unplug()
    events.next_of(AcceptorDisconnected)
    assert acceptor.status is AcceptorStatus.DISCONNECTED
    assert not acceptor.health().ok
    emulator.replug()
    events.next_of(AcceptorReconnected)
    wait_until(lambda: acceptor.status is AcceptorStatus.ACCEPTING)  # our wish to accept is applied again
    emulator.insert_note(10)
    events.next_of(NoteCredited)
    wait_until(lambda: emulator.stacked == [10])


def test_a_device_that_goes_silent_is_reported_disconnected(
    acceptor: Id003Acceptor, emulator: Id003Emulator, events: Events
) -> None:
    emulator.go_silent()
    events.next_of(AcceptorDisconnected)
    emulator.go_silent(False)
    events.next_of(AcceptorReconnected)


def test_power_cut_with_the_note_in_escrow_returns_it_and_names_it(
    acceptor: Id003Acceptor, emulator: Id003Emulator, events: Events
) -> None:
    def listen(event: CashEvent) -> None:
        events(event)
        if isinstance(event, NoteEscrowed):
            emulator.power_cycle()  # the lights go out while the kiosk records the note

    acceptor._listener = listen
    accepting(acceptor)
    emulator.insert_note(100)
    assert events.next_of(ClearedAtPowerUp) == ClearedAtPowerUp(False, 4, R(100))
    wait_until(lambda: acceptor.status is AcceptorStatus.ACCEPTING)  # set up again after the reset
    assert emulator.state.returned == [100]
    assert emulator.stacked == []
    assert not events.of(NoteCredited)


def test_power_cut_mid_stack_reports_the_note_in_the_cash_box(
    acceptor: Id003Acceptor, emulator: Id003Emulator, events: Events
) -> None:
    emulator.cut_power_at = "stacking"
    accepting(acceptor)
    emulator.insert_note(500)
    assert events.next_of(ClearedAtPowerUp) == ClearedAtPowerUp(True, 6, R(500))
    assert emulator.stacked == [500]
    assert not events.of(NoteCredited)


def test_power_cut_after_vend_valid_does_not_count_the_note_twice(
    acceptor: Id003Acceptor, emulator: Id003Emulator, events: Events
) -> None:
    def listen(event: CashEvent) -> None:
        events(event)
        if isinstance(event, NoteCredited):
            emulator.lose_commands(1)  # the ACK is lost, then the power goes

    acceptor._listener = listen
    emulator.cut_power_at = "vend"
    accepting(acceptor)
    emulator.insert_note(200)
    events.next_of(NoteCredited)
    wait_until(lambda: emulator.stacked == [200])
    wait_until(lambda: acceptor.status is AcceptorStatus.ACCEPTING)
    events.drain(0.2)
    assert len(events.of(NoteCredited)) == 1
    assert not events.of(ClearedAtPowerUp)


def test_a_note_found_in_the_stacker_at_power_up_that_was_never_seen_is_a_note_of_unknown_value(
    acceptor: Id003Acceptor, emulator: Id003Emulator, events: Events
) -> None:
    emulator.power_cycle_with_note(50, stage="stacking")
    assert events.next_of(ClearedAtPowerUp) == ClearedAtPowerUp(True, None, None)
    assert emulator.stacked == [50]


def test_jams_stacker_full_cash_box_and_fraud_are_reported_once_each(
    acceptor: Id003Acceptor, emulator: Id003Emulator, events: Events
) -> None:
    emulator.jam(safe=False)
    assert events.next_of(Jammed) == Jammed(safe=False)
    wait_until(lambda: acceptor.status is AcceptorStatus.JAMMED)
    assert not acceptor.health().ok
    emulator.clear_jam()
    wait_until(lambda: acceptor.status is AcceptorStatus.DISABLED)
    emulator.jam(safe=True)
    assert events.next_of(Jammed) == Jammed(safe=True)
    emulator.clear_jam()
    emulator.fill_stacker()
    events.next_of(StackerFull)
    wait_until(lambda: acceptor.status is AcceptorStatus.STACKER_FULL)
    emulator.fill_stacker(False)
    emulator.remove_cashbox()
    events.next_of(CashBoxRemoved)
    wait_until(lambda: acceptor.status is AcceptorStatus.CASHBOX_REMOVED)
    emulator.replace_cashbox()
    events.next_of(CashBoxReplaced)
    accepting(acceptor)
    emulator.insert_note(100, on_string=True)
    assert events.next_of(FraudAttempt) == FraudAttempt(4)
    events.drain(0.2)
    assert len(events.of(Jammed)) == 2
    assert len(events.of(StackerFull)) == 1
    assert len(events.of(CashBoxRemoved)) == 1
    assert not events.of(NoteCredited)
    assert emulator.stacked == []


def test_a_device_failure_is_a_fault_naming_the_part_until_it_clears(
    acceptor: Id003Acceptor, emulator: Id003Emulator
) -> None:
    emulator.fail(0xA2)
    wait_until(lambda: acceptor.status is AcceptorStatus.FAULT)
    assert acceptor.health().detail == "stacker motor failure"
    emulator.fail(None)
    wait_until(lambda: acceptor.status is AcceptorStatus.DISABLED)


def test_a_note_the_kiosk_cannot_record_at_escrow_is_returned_and_the_acceptor_stops(
    acceptor: Id003Acceptor, emulator: Id003Emulator, events: Events
) -> None:
    def disk_full(event: CashEvent) -> None:
        events(event)
        if isinstance(event, NoteEscrowed):
            raise OSError(28, "No space left on device")

    acceptor._listener = disk_full
    accepting(acceptor)
    emulator.insert_note(200)
    assert events.next_of(NoteReturned) == NoteReturned(R(200), 5)
    wait_until(lambda: not emulator.state.enabled)
    assert acceptor.status is AcceptorStatus.FAULT
    assert "could not record" in acceptor.health().detail
    acceptor.enable(ALL_NOTES)  # the kiosk asks again: no note may be taken until it restarts
    events.drain(0.3)
    assert not emulator.state.enabled
    assert emulator.stacked == []
    assert not events.of(NoteCredited)


def test_a_credit_the_kiosk_cannot_record_is_not_acked_and_is_offered_again(
    acceptor: Id003Acceptor, emulator: Id003Emulator, events: Events
) -> None:
    failures = [OSError(28, "No space left on device")]

    def flaky(event: CashEvent) -> None:
        if isinstance(event, NoteCredited) and failures:
            raise failures.pop()
        events(event)

    acceptor._listener = flaky
    accepting(acceptor)
    emulator.insert_note(100)
    credited = events.next_of(NoteCredited)
    wait_until(lambda: emulator.stacked == [100])
    assert isinstance(credited, NoteCredited)
    assert credited.denomination == R(100)
    assert acceptor.status is AcceptorStatus.FAULT  # it took the note, but takes no more


class Crash(BaseException):
    """Something no handler expects (stands in for a bug in the poll loop)."""


def test_a_dead_poll_thread_is_a_fault_not_a_quiet_device(acceptor: Id003Acceptor, emulator: Id003Emulator) -> None:
    def crash(event: CashEvent) -> None:
        if isinstance(event, NoteEscrowed):
            raise Crash("boom")

    acceptor._listener = crash
    accepting(acceptor)
    emulator.insert_note(10)
    wait_until(lambda: acceptor.status is AcceptorStatus.FAULT)
    assert acceptor.health().detail == "the poll thread died: Crash: boom"


def test_an_acceptor_set_up_for_another_currency_is_a_clear_fault(tmp_path: Path) -> None:
    device = Id003Emulator(version=b"i(USA)100-SS ID003-05V193-30")
    driver = connect(device.serve_pty(tmp_path / "tty"), Events())
    try:
        wait_until(lambda: driver.status is AcceptorStatus.FAULT)
        assert driver.health().detail == "the acceptor runs USA currency software, not INR"
    finally:
        driver.close()
        device.close()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, "port must name the serial port"),
        ({"port": "/dev/x", "poll_interval_ms": 10}, "poll_interval_ms must be a whole number from 50 to 1000"),
        ({"port": "/dev/x", "currency": "USD"}, "currency 'USD' has no denomination table"),
    ],
)
def test_bad_configuration_is_refused_naming_the_setting(params: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Id003Acceptor.from_config(params, FakeClock())


def test_the_driver_is_found_by_name_through_its_entry_point() -> None:
    from drivers.registry import available, build
    from kiosk.config import DeviceConfig

    assert "cash.id003" in available("cash")
    driver = build(DeviceConfig("cash", "id003", {"port": "/dev/null-acceptor"}), FakeClock())
    assert isinstance(driver, Id003Acceptor)


def test_status_codes_match_the_published_table() -> None:
    assert (Status.ESCROW, Status.VEND_VALID, Status.STACKER_OPEN, Status.FAILURE) == (0x13, 0x15, 0x44, 0x49)


def test_a_kiosk_that_dies_with_the_note_in_escrow_lets_the_next_process_take_it(
    acceptor: Id003Acceptor, emulator: Id003Emulator, events: Events
) -> None:
    def die_at_escrow(event: CashEvent) -> None:
        if isinstance(event, NoteEscrowed):
            raise Crash("killed while recording the note")

    acceptor._listener = die_at_escrow
    accepting(acceptor)
    emulator.insert_note(100)
    wait_until(lambda: acceptor.status is AcceptorStatus.FAULT)
    acceptor.close()
    assert emulator.note_in_escrow  # the device holds the note: nobody said STACK-1
    again = connect(emulator.link_path, events)  # type: ignore[attr-defined]
    try:
        again.enable(ALL_NOTES)
        assert events.next_of(NoteEscrowed) == NoteEscrowed(R(100), 4)
        credited = events.next_of(NoteCredited)
        assert isinstance(credited, NoteCredited)
        assert credited.denomination == R(100)
        wait_until(lambda: emulator.stacked == [100])
    finally:
        again.close()


def test_a_kiosk_that_dies_before_acking_vend_valid_leaves_a_note_of_unknown_value_for_the_next_process(
    acceptor: Id003Acceptor, emulator: Id003Emulator, events: Events
) -> None:
    def die_at_credit(event: CashEvent) -> None:
        if isinstance(event, NoteCredited):
            raise Crash("killed before the credit was committed")

    acceptor._listener = die_at_credit
    accepting(acceptor)
    emulator.insert_note(200)
    wait_until(lambda: acceptor.status is AcceptorStatus.FAULT)
    acceptor.close()
    again = connect(emulator.link_path, events)  # type: ignore[attr-defined]
    try:
        # VEND VALID carries no denomination and ID-003 keeps no counter: the box has a note the operator counts.
        assert events.next_of(ClearedAtPowerUp) == ClearedAtPowerUp(True, None, None)
        wait_until(lambda: emulator.stacked == [200])
        assert not events.of(NoteCredited)
    finally:
        again.close()


def test_a_return_whose_returning_status_was_never_seen_still_ends_that_note(tmp_path: Path) -> None:
    device = Id003Emulator(firmware=Firmware("quick-return", return_polls=0))
    events = Events()
    driver = connect(device.serve_pty(tmp_path / "tty"), events)

    def decide(event: CashEvent) -> None:
        events(event)
        if isinstance(event, NoteEscrowed) and not device.state.returned:
            driver.enable(frozenset({R(10)}))  # the first ₹100 is no longer wanted

    driver._listener = decide
    try:
        accepting(driver, frozenset({R(100)}))
        device.insert_note(100)
        assert events.next_of(NoteReturned) == NoteReturned(R(100), 4)
        accepting(driver, frozenset({R(100)}))
        wait_until(lambda: device.state.refused == {0x61, 0x62, 0x63, 0x65, 0x66, 0x67, 0x68})
        assert device.insert_note(100)  # the same denomination again: a new note, recorded and stacked
        assert events.next_of(NoteEscrowed) == NoteEscrowed(R(100), 4)
        events.next_of(NoteCredited)
        wait_until(lambda: device.stacked == [100])
        assert device.state.returned == [100]
    finally:
        driver.close()
        device.close()
