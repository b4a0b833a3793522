import pytest

from kiosk.availability import MIN_FREE_DISK_BYTES, Reason, ServiceSwitch, assess
from kiosk.cashbox import CashBoxLog
from kiosk.clock import FakeClock
from kiosk.devices.cash import AcceptorStatus
from kiosk.devices.printer import PrinterStatus
from kiosk.store import Store

HEALTHY = {
    "manual_reason": None,
    "disk_free_bytes": 10 * MIN_FREE_DISK_BYTES,
    "database_writable": True,
    "printer": PrinterStatus.READY,
    "acceptor": AcceptorStatus.DISABLED,
}


def test_a_healthy_kiosk_takes_cash() -> None:
    result = assess(**HEALTHY)  # type: ignore[arg-type]
    assert (result.payments, result.cash, result.reasons) == (True, True, ())


@pytest.mark.parametrize(
    ("change", "reason", "payments"),
    [
        ({"printer": PrinterStatus.PAPER_OUT}, Reason.PRINTER, True),
        ({"printer": None}, Reason.PRINTER, True),
        ({"acceptor": AcceptorStatus.JAMMED}, Reason.ACCEPTOR, True),
        ({"acceptor": AcceptorStatus.DISCONNECTED}, Reason.ACCEPTOR, True),
        ({"disk_free_bytes": 1024}, Reason.DISK_FULL, False),
        ({"database_writable": False}, Reason.DATABASE_READ_ONLY, False),
        ({"manual_reason": "cash box being emptied"}, Reason.OPERATOR, False),
    ],
)
def test_a_kiosk_that_cannot_keep_its_promises_stops_taking_cash(
    change: dict[str, object], reason: Reason, payments: bool
) -> None:
    result = assess(**{**HEALTHY, **change})  # type: ignore[arg-type]
    assert not result.cash
    assert result.reasons[0] is reason
    assert result.payments is payments
    assert result.villager_message("hi")
    assert result.villager_message("en")


def test_a_printer_near_paper_end_still_prints() -> None:
    assert assess(**{**HEALTHY, "printer": PrinterStatus.PAPER_NEAR_END}).cash  # type: ignore[arg-type]


def test_cash_can_continue_without_a_printer_when_the_centre_chooses_so() -> None:
    relaxed = assess(**{**HEALTHY, "printer": PrinterStatus.PAPER_OUT}, stop_cash_without_printer=False)  # type: ignore[arg-type]
    assert relaxed.cash


def test_the_out_of_service_switch_survives_a_restart_and_is_journaled(store: Store) -> None:
    switch = ServiceSwitch(store)
    switch.take_out_of_service("नोट मशीन की सफाई", operator="op-1")
    assert ServiceSwitch(store).reason() == "नोट मशीन की सफाई"
    switch.back_in_service(operator="op-1")
    assert switch.reason() is None
    actions = [r["action"] for r in store.read("SELECT action FROM journal ORDER BY id")]
    assert actions == ["kiosk.out_of_service", "kiosk.in_service"]
    with pytest.raises(ValueError, match="reason"):
        switch.take_out_of_service("  ", operator="op-1")


def test_an_announced_cash_box_removal_matches_and_an_unannounced_one_is_flagged(
    store: Store, clock: FakeClock
) -> None:
    log = CashBoxLog(store)
    log.operator_removing(operator="op-1")
    clock.advance(60)
    assert log.acceptor_reported_removed()
    clock.advance(60)
    assert not log.acceptor_reported_removed()  # the announcement was used up by the first removal
    log.operator_removing(operator="op-1")
    clock.advance(3600)
    assert not log.acceptor_reported_removed()  # too long ago
    kinds = [r["kind"] for r in store.read("SELECT kind FROM outbox ORDER BY seq")]
    assert kinds.count("cashbox.removed_unannounced") == 2
