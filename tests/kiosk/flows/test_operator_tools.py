"""Each operator tool is a machine of its own, usable and testable without operator mode's sign-in and pages."""

from __future__ import annotations

import pytest

from kiosk.flows.base import Devices
from kiosk.flows.operator import Notice, OperatorMode
from kiosk.flows.operator_tools.close import CloseTool
from kiosk.flows.operator_tools.common import Kiosk
from kiosk.flows.operator_tools.desk import ServiceTool, VoucherTool
from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.operator import OperatorAuth
from kiosk.receipt import Identity
from kiosk.store import Store
from tests.kiosk.helpers import cash_bill

IDENTITY = Identity("RJ-JP-SAN-0001", "e-Mitra Plus, Sanganer")


@pytest.fixture
def kiosk(store: Store, ledger: Ledger, devices: Devices) -> Kiosk:
    return Kiosk(store, ledger, devices, IDENTITY, lambda txn: f"https://server.example/r/{txn.id}")


def test_the_close_tool_reveals_the_reconciliation_only_after_the_count_is_committed(
    kiosk: Kiosk, ledger: Ledger, store: Store
) -> None:
    txn = cash_bill(ledger, 500)
    ledger.credit_cash(txn.id, Money.rupees(500))
    ledger.receipt_printed(txn.id, job_id="j-1")
    ledger.complete(txn.id)
    close = CloseTool(kiosk, lambda report: "https://server.example/z/1")
    assert close.start() == (True, None)
    assert close.sheet is not None
    assert close.reconciliation is None
    for denomination in close.sheet.denominations:
        close.select(denomination.paise)
        close.sheet.press("1" if denomination.paise == 50_000 else "0")
    assert close.submit("op-1") == (True, None)
    assert close.sheet is None
    assert close.reconciliation is not None
    assert close.reconciliation.counted[50_000] == 1
    closed = store.read_one("SELECT actor FROM journal WHERE action = 'day.closed'")
    assert closed is not None
    assert closed["actor"] == "op-1"


def test_the_close_tool_refuses_while_a_payment_is_open_and_opens_no_sheet(kiosk: Kiosk, ledger: Ledger) -> None:
    cash_bill(ledger, 350)
    started, message = CloseTool(kiosk, lambda report: "").start()
    assert started is False
    assert message is not None
    assert message.notice is Notice.PAYMENT_OPEN


def test_the_voucher_tool_gives_the_ledgers_reason_for_a_voucher_that_does_not_exist(kiosk: Kiosk) -> None:
    settled, message = VoucherTool(kiosk).settle(999, "op-1")
    assert settled is False
    assert message is not None
    assert message.notice is Notice.VOUCHER_REFUSED
    assert "999" in message.args[0]


def test_the_service_tool_refuses_an_unknown_reason_and_going_back_in_service_when_in_service(kiosk: Kiosk) -> None:
    service = ServiceTool(kiosk)
    assert service.take_out(99, "op-1") == (False, None)
    assert service.back_in("op-1") == (False, None)
    assert service.switch.reason() is None


def test_an_intent_a_tool_refuses_silently_leaves_the_last_message_on_screen(
    store: Store, ledger: Ledger, devices: Devices
) -> None:
    OperatorAuth(store).add("op-1", "Sunita", "271828", by="engineer")
    mode = OperatorMode(store, ledger, devices, identity=IDENTITY, receipt_qr=lambda txn: "", zreport_qr=lambda r: "")
    mode.open()
    for digit in "271828":
        mode.press(digit)
    assert mode.submit_pin()
    mode.show_vouchers()
    assert mode.settle_voucher(999) is False
    refused = mode.message
    mode.show_service()
    mode.message = refused
    assert mode.back_in_service() is False
    assert mode.message is refused
