"""The blind daily close: count per denomination, commit, then reveal the reconciliation and the Z-report."""

from __future__ import annotations

from kiosk.cash_payment import COUNT_KEY
from kiosk.clock import business_day
from kiosk.dayclose import MAX_NOTES_PER_DENOMINATION, CloseError, DayClose, Reconciliation
from kiosk.flows.operator_pages import CountSheet
from kiosk.flows.operator_tools.common import Kiosk, Message, Notice, Outcome
from kiosk.money import INR_NOTES, Money
from kiosk.zreport import ZReport, build_zreport
from kiosk.zreport_print import ZReportQr, print_zreport

ACCEPTOR_COUNT_AT_CLOSE = "acceptor_stacked_count_at_close"  # the acceptor's own counter when the last close ran


class CloseTool:
    """No expected figure exists in this object until the count is committed (`reconciliation`)."""

    def __init__(self, kiosk: Kiosk, zreport_qr: ZReportQr, opening_float: Money = Money(0)) -> None:
        self.kiosk = kiosk
        self.zreport_qr = zreport_qr
        self.closing = DayClose(kiosk.store, opening_float=opening_float)
        self.sheet: CountSheet | None = None
        self.reconciliation: Reconciliation | None = None
        self.acceptor_notes: int | None = None  # notes the acceptor's own counter stacked since the last close
        self.report: ZReport | None = None
        self.report_qr = ""

    def reset(self) -> None:
        self.sheet, self.reconciliation, self.report, self.report_qr = None, None, None, ""

    def overdue_days(self) -> list[str]:
        return list(self.closing.status().overdue_days)

    def refusal(self) -> Message | None:
        status = self.closing.status()
        store = self.kiosk.store
        if status.closed_today:
            return Message(Notice.ALREADY_CLOSED, (business_day(store.clock.now()).strftime("%d-%m-%Y"),))
        busy = len(self.kiosk.ledger.open_transactions())
        if busy or self.kiosk.devices.desk.open_session() is not None:
            return Message(Notice.PAYMENT_OPEN, (str(max(busy, 1)),))
        return None

    def start(self) -> Outcome:
        refusal = self.refusal()
        if refusal is not None:
            return False, refusal
        notes = self.kiosk.devices.cash.denominations() or INR_NOTES
        self.sheet = CountSheet(tuple(sorted(notes, reverse=True)))
        self.sheet.selected = self.sheet.denominations[0].paise
        self.reconciliation = None
        return True, None

    def select(self, paise: int) -> None:
        if self.sheet is not None and paise in {d.paise for d in self.sheet.denominations}:
            self.sheet.selected = paise

    def submit(self, operator_id: str) -> Outcome:
        """Commit the count (one SQLite transaction with its journal and outbox rows), then reveal the figures."""
        sheet = self.sheet
        if sheet is None:
            return False, None
        missing = sheet.missing()
        if missing is not None:
            sheet.selected = missing.paise
            return False, Message(Notice.NOT_COUNTED, (missing.format(decimals=False),))
        counted = sheet.counted()
        absurd = next((d for d in sheet.denominations if counted[d.paise] > MAX_NOTES_PER_DENOMINATION), None)
        if absurd is not None:
            sheet.selected = absurd.paise
            return False, Message(Notice.BAD_COUNT, (absurd.format(decimals=False), str(counted[absurd.paise])))
        refusal = self.refusal()
        if refusal is not None:
            return False, refusal
        try:
            self.reconciliation = self.closing.submit_count(
                counted, operator=operator_id, denominations=sheet.denominations, acceptor=None
            )
        except CloseError as exc:  # another screen closed or a payment opened between the checks and the commit
            return False, self.refusal() or Message(Notice.CLOSE_REFUSED, (str(exc),))
        self.acceptor_notes = self.acceptor_since_last_close(operator_id)
        self.sheet = None
        return True, None

    def acceptor_since_last_close(self, operator_id: str) -> int | None:
        """The acceptor's own stacked-note counter (kept by CashDesk) since the previous close, then re-based."""
        store = self.kiosk.store
        now = store.get_meta(COUNT_KEY)
        if not now:  # never told, or an acceptor whose firmware keeps no counter: the third count is unavailable
            return None
        before = store.get_meta(ACCEPTOR_COUNT_AT_CLOSE)
        with store.write(operator_id) as uow:
            uow.set_meta(ACCEPTOR_COUNT_AT_CLOSE, now)
        return int(now) - int(before) if before else None

    def show_report(self) -> None:
        store = self.kiosk.store
        day = self.reconciliation.business_day if self.reconciliation else business_day(store.clock.now()).isoformat()
        self.report = build_zreport(store, self.kiosk.identity.kiosk_code, day)
        self.report_qr = self.zreport_qr(self.report)

    def print_report(self, operator_id: str) -> Outcome:
        if self.report is None:
            return False, None
        kiosk, report = self.kiosk, self.report
        copy = kiosk.count_journal("operator.zreport_printed", f"zreport:{report.business_day}") + 1
        outcome = print_zreport(
            kiosk.devices.printer, report, kiosk.identity, qr_text=self.report_qr, printed_at=kiosk.store.clock.now(),
            job_id=f"zreport-{report.business_day}-{copy}",
        )  # fmt: skip
        with kiosk.store.write(operator_id) as uow:
            uow.record(
                "operator.zreport_printed" if outcome.printed else "operator.zreport_not_printed",
                f"zreport:{report.business_day}",
                {"close_no": report.close_no, "copy": copy, "status": outcome.status.value},
            )
        if outcome.printed:
            return True, Message(Notice.PRINTED)
        return False, Message(Notice.NOT_PRINTED, (outcome.status.value,))
