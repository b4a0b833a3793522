"""The small operator tools: change-due vouchers, stuck payments, the out-of-service switch, cash-box removal."""

from __future__ import annotations

from datetime import timedelta

from kiosk.availability import ServiceSwitch
from kiosk.cash_recovery import STUCK_REASONS, resolve_stuck
from kiosk.cashbox import CashBoxLog
from kiosk.clock import iso_utc, parse_iso_utc, to_ist
from kiosk.flows.operator_pages import SERVICE_REASONS
from kiosk.flows.operator_tools.common import Kiosk, Message, Notice, Outcome
from kiosk.ledger import LedgerError


class VoucherTool:
    def __init__(self, kiosk: Kiosk) -> None:
        self.kiosk = kiosk

    def settle(self, voucher_no: int, operator_id: str) -> Outcome:
        try:
            voucher = self.kiosk.ledger.settle_voucher(voucher_no, operator=operator_id)
        except LedgerError as exc:
            return False, Message(Notice.VOUCHER_REFUSED, (str(exc),))
        return True, Message(Notice.VOUCHER_SETTLED, (str(voucher.no), voucher.amount.format()))


class StuckTool:
    """Payments still open after the start's settlement (e.g. an Aadhaar answer never came)."""

    def __init__(self, kiosk: Kiosk) -> None:
        self.kiosk = kiosk

    def resolve(self, txn_id: str, reason_index: int, operator_id: str) -> Outcome:
        if not 0 <= reason_index < len(STUCK_REASONS):
            return False, None
        ledger = self.kiosk.ledger
        try:
            voucher = resolve_stuck(ledger, txn_id, reason=STUCK_REASONS[reason_index], operator=operator_id)
        except LedgerError as exc:
            return False, Message(Notice.STUCK_REFUSED, (str(exc),))
        return True, Message(Notice.STUCK_RESOLVED, (ledger.get(txn_id).reference, str(voucher or "")))


class ServiceTool:
    def __init__(self, kiosk: Kiosk) -> None:
        self.switch = ServiceSwitch(kiosk.store)

    def take_out(self, reason_index: int, operator_id: str) -> Outcome:
        if not 0 <= reason_index < len(SERVICE_REASONS):
            return False, None
        reason = SERVICE_REASONS[reason_index]
        self.switch.take_out_of_service(reason, operator=operator_id)
        return True, Message(Notice.OUT_OF_SERVICE, (reason,))

    def back_in(self, operator_id: str) -> Outcome:
        if self.switch.reason() is None:
            return False, None
        self.switch.back_in_service(operator=operator_id)
        return True, Message(Notice.IN_SERVICE)


class CashBoxTool:
    def __init__(self, kiosk: Kiosk, days: int) -> None:
        self.kiosk, self.days = kiosk, days
        self.log = CashBoxLog(kiosk.store)

    def announce(self, operator_id: str) -> Outcome:
        self.log.operator_removing(operator=operator_id)
        return True, Message(Notice.REMOVAL_ANNOUNCED)

    def removals(self, limit: int = 10) -> list[tuple[str, str, bool]]:
        """Recent cash-box events, newest first: (IST time, event, flagged = removed with nobody announcing it)."""
        store = self.kiosk.store
        since = iso_utc(store.clock.now() - timedelta(days=self.days))
        rows = store.read(
            "SELECT at, action FROM journal WHERE action LIKE 'cashbox.%' AND at >= ? ORDER BY id DESC LIMIT ?",
            (since, limit),
        )
        return [
            (f"{to_ist(parse_iso_utc(r['at'])):%d-%m %H:%M}", str(r["action"]).removeprefix("cashbox."),
             r["action"] == "cashbox.removed_unannounced")
            for r in rows
        ]  # fmt: skip
