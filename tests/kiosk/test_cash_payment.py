"""Cash payments end to end: the desk, the real SSP driver and the emulator through bytes on a pty."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.cash.ssp.emulator import SspEmulator
from kiosk.cash_payment import acceptable_notes
from kiosk.devices.cash import AcceptorStatus
from kiosk.money import Money
from kiosk.transactions import TxnState
from tests.drivers.cash.conftest import wait_until
from tests.kiosk.cash_rig import CashSide, cash_side
from tests.kiosk.helpers import cash_bill

R = Money.rupees
NOTES = tuple(R(r) for r in (10, 20, 50, 100, 200, 500))


@pytest.fixture(params=["full", "minimal"])
def device(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[SspEmulator]:
    """The desk with an acceptor that answers everything, and with one that answers only the minimal SSP set."""
    emulator = SspEmulator(firmware=request.param)
    emulator.port = emulator.serve_pty(tmp_path / "ttyCASH")  # type: ignore[attr-defined]
    yield emulator
    emulator.close()


@pytest.fixture
def kiosk(tmp_path: Path, device: SspEmulator) -> Iterator[CashSide]:
    side = cash_side(tmp_path / "kiosk.db", device.port)  # type: ignore[attr-defined]
    wait_until(lambda: side.driver.status is AcceptorStatus.DISABLED)
    yield side
    side.close()


def paid(side: CashSide, txn_id: str) -> Money:
    return side.ledger.get(txn_id).amount_paid


def test_bigger_notes_are_inhibited_as_the_amount_due_drops() -> None:
    assert acceptable_notes(NOTES, R(350), Money(0)) == {R(10), R(20), R(50), R(100), R(200)}
    assert acceptable_notes(NOTES, R(30), Money(0)) == {R(10), R(20)}
    assert acceptable_notes(NOTES, R(30), R(20)) == {R(10), R(20), R(50)}
    assert acceptable_notes(NOTES, Money(0), R(100)) == frozenset()


def test_a_bill_is_paid_note_by_note_and_the_acceptor_is_disabled_after(kiosk: CashSide, device: SspEmulator) -> None:
    txn = cash_bill(kiosk.ledger, 350)
    assert kiosk.desk.begin(txn.id) == {R(10), R(20), R(50), R(100), R(200)}
    wait_until(lambda: device.state.enabled)
    assert not device.insert_note(500)  # inhibited: it would overshoot
    wait_until(lambda: device.state.note is None)
    for note, total in ((200, 200), (100, 300), (50, 350)):
        wait_until(lambda: device.state.note is None)
        assert device.insert_note(note)
        wait_until(lambda total=total: paid(kiosk, txn.id) == R(total))
    assert kiosk.ledger.get(txn.id).state is TxnState.PAID
    wait_until(lambda: not device.state.enabled)
    assert kiosk.desk.open_session() is None
    assert kiosk.ledger.cash_total() == R(sum(device.stacked)) == R(350)


def test_walking_away_after_paying_part_issues_a_change_due_voucher(kiosk: CashSide, device: SspEmulator) -> None:
    txn = cash_bill(kiosk.ledger, 500)
    kiosk.desk.begin(txn.id)
    wait_until(lambda: device.state.enabled)
    device.insert_note(200)
    wait_until(lambda: paid(kiosk, txn.id) == R(200))
    after, voucher_no = kiosk.desk.end(reason="idle timeout")
    assert after is not None
    assert after.state is TxnState.ABANDONED
    assert [(v.no, v.amount) for v in kiosk.ledger.vouchers(state="open")] == [(voucher_no, R(200))]
    wait_until(lambda: not device.state.enabled)


def test_an_overpayment_within_the_tolerance_becomes_a_voucher(tmp_path: Path, device: SspEmulator) -> None:
    side = cash_side(tmp_path / "k.db", device.port, tolerance=R(100))  # type: ignore[attr-defined]
    wait_until(lambda: side.driver.status is AcceptorStatus.DISABLED)  # connected
    try:
        txn = cash_bill(side.ledger, 120)
        assert R(200) in side.desk.begin(txn.id)
        wait_until(lambda: device.state.enabled)
        device.insert_note(200)
        wait_until(lambda: side.ledger.get(txn.id).state is TxnState.PAID)
        assert [v.amount for v in side.ledger.vouchers()] == [R(80)]
    finally:
        side.close()


def test_power_cut_with_note_in_escrow_credits_nothing(kiosk: CashSide, device: SspEmulator) -> None:
    txn = cash_bill(kiosk.ledger, 500)
    kiosk.desk.begin(txn.id)
    device.power_cycle_with_note(100, stage="escrow")
    wait_until(lambda: device.state.enabled)  # the driver set the device up again after its reset
    assert paid(kiosk, txn.id) == Money(0)
    assert device.stacked == []


def test_power_cut_with_note_mid_stack_credits_exactly_once(kiosk: CashSide, device: SspEmulator) -> None:
    txn = cash_bill(kiosk.ledger, 500)
    kiosk.desk.begin(txn.id)
    wait_until(lambda: device.state.enabled)
    device.power_cycle_with_note(100, stage="stacking")
    wait_until(lambda: paid(kiosk, txn.id) == R(100))
    wait_until(lambda: device.state.enabled)
    assert kiosk.ledger.cash_total() == R(100)
    assert device.stacked == [100]


def test_a_kiosk_restart_with_a_note_in_escrow_credits_it_exactly_once(tmp_path: Path, device: SspEmulator) -> None:
    side = cash_side(tmp_path / "k.db", device.port)  # type: ignore[attr-defined]
    wait_until(lambda: side.driver.status is AcceptorStatus.DISABLED)  # connected
    txn = cash_bill(side.ledger, 500)
    side.desk.begin(txn.id)
    wait_until(lambda: device.state.enabled)
    side.driver.poll_interval_s = 5.0  # the kiosk freezes right after the note reaches escrow …
    device.insert_note(200)
    wait_until(lambda: side.store.read_one("SELECT 1 AS x FROM escrow_notes WHERE state = 'escrow'") is not None)
    side.close()  # … and dies; the note waits in escrow
    again = cash_side(tmp_path / "k.db", device.port)  # type: ignore[attr-defined]
    try:
        wait_until(lambda: again.ledger.get(txn.id).amount_paid == R(200))
        wait_until(lambda: device.state.note is None)
        assert device.stacked == [200]
        assert again.ledger.cash_total() == R(200)
        # The start settled the interrupted payment only after the note's fate was known: it is on the voucher.
        assert again.ledger.get(txn.id).state is TxnState.ABANDONED
        assert [v.amount for v in again.ledger.vouchers()] == [R(200)]
    finally:
        again.close()


def test_a_note_stacked_with_no_payment_open_goes_to_suspense(kiosk: CashSide, device: SspEmulator) -> None:
    device.power_cycle_with_note(50, stage="stacking")
    wait_until(lambda: kiosk.store.read_one("SELECT kind FROM cash_events") == {"kind": "suspense"})
    assert kiosk.ledger.cash_total() == R(50)
