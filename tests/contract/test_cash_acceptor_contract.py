"""What every cash driver must do, proved on each protocol's emulator through the real CashDesk and ledger."""

from __future__ import annotations

from kiosk.cash_payment import CashUpdate
from kiosk.devices.cash import (
    AcceptorStatus,
    CashBoxRemoved,
    CashBoxReplaced,
    Jammed,
    NoteCredited,
    NoteEscrowed,
)
from kiosk.money import Money
from tests.contract.conftest import CashKiosk
from tests.drivers.cash.conftest import wait_until
from tests.kiosk.helpers import cash_bill

R = Money.rupees


def paying(kiosk: CashKiosk, rupees: int = 500) -> str:
    txn = cash_bill(kiosk.ledger, rupees)
    kiosk.desk.begin(txn.id)
    wait_until(lambda: kiosk.device.state.enabled)
    return txn.id


def credited(kiosk: CashKiosk) -> list[Money]:
    return [u.credited for u in list(kiosk.updates) if u.credited is not None]


def test_a_note_in_escrow_is_not_credited_until_the_device_has_stacked_it(kiosk: CashKiosk) -> None:
    seen_at_escrow: list[tuple[Money, list[int]]] = []

    def at_escrow(update: CashUpdate) -> None:
        kiosk.updates.append(update)
        if isinstance(update.event, NoteEscrowed):
            assert update.txn is not None
            seen_at_escrow.append((update.txn.amount_paid, kiosk.device.stacked))

    kiosk.desk.on_update = at_escrow
    txn_id = paying(kiosk)
    assert kiosk.device.insert_note(100)
    wait_until(lambda: kiosk.ledger.get(txn_id).amount_paid == R(100))
    wait_until(lambda: kiosk.device.stacked == [100])  # ID-003 credits at VEND VALID, a moment before STACKED
    assert seen_at_escrow == [(Money(0), [])]
    wait_until(lambda: credited(kiosk) == [R(100)])  # the screen is told after the commit


def test_a_note_returned_from_escrow_is_never_credited(kiosk: CashKiosk) -> None:
    def cancel_at_escrow(update: CashUpdate) -> None:
        kiosk.updates.append(update)
        if isinstance(update.event, NoteEscrowed):  # the villager presses Cancel while the note is held
            kiosk.desk.end(reason="cancelled by the villager")

    kiosk.desk.on_update = cancel_at_escrow
    paying(kiosk)
    assert kiosk.device.insert_note(200)
    wait_until(lambda: kiosk.device.state.returned == [200])
    wait_until(lambda: not kiosk.device.state.enabled)
    assert kiosk.device.stacked == []
    assert kiosk.ledger.cash_total() == Money(0)
    assert credited(kiosk) == []
    assert not any(isinstance(u.event, NoteCredited) for u in kiosk.updates)


def test_power_up_with_a_note_in_escrow_gives_it_back_and_credits_nothing(kiosk: CashKiosk) -> None:
    txn_id = paying(kiosk)
    kiosk.device.power_cycle_with_note(100, stage="escrow")
    wait_until(lambda: kiosk.device.state.returned == [100])
    wait_until(lambda: kiosk.device.state.enabled)  # the driver set the device up again after its reset
    assert kiosk.ledger.get(txn_id).amount_paid == Money(0)
    assert kiosk.device.stacked == []
    assert kiosk.device.insert_note(50)  # and the payment goes on
    wait_until(lambda: kiosk.ledger.get(txn_id).amount_paid == R(50))
    wait_until(lambda: kiosk.device.stacked == [50])
    assert kiosk.ledger.cash_total() == R(50)


def test_power_cut_while_a_note_is_stacked_credits_it_exactly_once(kiosk: CashKiosk) -> None:
    txn_id = paying(kiosk)
    kiosk.family.cut_power_mid_stack(kiosk.device, 200)
    wait_until(lambda: kiosk.ledger.get(txn_id).amount_paid == R(200))
    wait_until(lambda: kiosk.device.state.enabled)  # set up again after the reset, still paying
    assert kiosk.device.stacked == [200]
    assert kiosk.device.insert_note(100)
    wait_until(lambda: kiosk.ledger.get(txn_id).amount_paid == R(300))
    wait_until(lambda: kiosk.device.stacked == [200, 100])
    assert kiosk.ledger.cash_total() == R(300)
    wait_until(lambda: credited(kiosk) == [R(200), R(100)])


def test_a_jam_stops_the_acceptor_credits_nothing_and_clears(kiosk: CashKiosk) -> None:
    txn_id = paying(kiosk)
    kiosk.device.jam(safe=False)
    wait_until(lambda: kiosk.driver.status is AcceptorStatus.JAMMED)
    assert not kiosk.driver.health().ok
    wait_until(lambda: any(u.problem == "Jammed" for u in list(kiosk.updates)))
    assert not kiosk.device.insert_note(100)  # nothing goes in while it is jammed
    kiosk.device.clear_jam()
    wait_until(lambda: kiosk.driver.status is AcceptorStatus.ACCEPTING)
    jams = [u.event for u in list(kiosk.updates) if isinstance(u.event, Jammed)]
    assert jams == [Jammed(safe=False)]
    assert kiosk.ledger.get(txn_id).amount_paid == Money(0)
    assert kiosk.device.stacked == []


def test_a_removed_cash_box_is_reported_once_and_its_return_too(kiosk: CashKiosk) -> None:
    kiosk.device.remove_cashbox()
    wait_until(lambda: kiosk.driver.status is AcceptorStatus.CASHBOX_REMOVED)
    assert not kiosk.driver.health().ok
    wait_until(lambda: any(u.problem == "CashBoxRemoved" for u in list(kiosk.updates)))
    kiosk.device.replace_cashbox()
    wait_until(lambda: any(isinstance(u.event, CashBoxReplaced) for u in list(kiosk.updates)))
    wait_until(lambda: kiosk.driver.status is AcceptorStatus.DISABLED)
    assert [type(u.event) for u in kiosk.updates if isinstance(u.event, CashBoxRemoved)] == [CashBoxRemoved]


def test_a_note_the_kiosk_cannot_record_at_escrow_is_returned_and_cash_stops(recording_kiosk: CashKiosk) -> None:
    kiosk = recording_kiosk
    txn_id = paying(kiosk)
    kiosk.disk_full = True  # the escrow record is the next write
    assert kiosk.device.insert_note(500)
    wait_until(lambda: kiosk.device.state.returned == [500])
    wait_until(lambda: kiosk.driver.status is AcceptorStatus.FAULT)
    wait_until(lambda: not kiosk.device.state.enabled)
    kiosk.disk_full = False
    kiosk.desk.begin(txn_id)  # even asked again, it takes no note until the kiosk restarts
    assert not kiosk.device.insert_note(100)
    assert kiosk.device.stacked == []
    assert kiosk.ledger.get(txn_id).amount_paid == Money(0)
