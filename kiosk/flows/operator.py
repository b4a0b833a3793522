"""Operator mode as a state machine: hidden entry, PIN, menu, device status, blind close, Z-report and the tools."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import timedelta

from kiosk.availability import ServiceSwitch
from kiosk.cash_payment import COUNT_KEY
from kiosk.cash_recovery import STUCK_REASONS, resolve_stuck
from kiosk.cashbox import CashBoxLog
from kiosk.clock import business_day, iso_utc, parse_iso_utc, to_ist
from kiosk.dayclose import MAX_NOTES_PER_DENOMINATION, CloseError, DayClose, Reconciliation
from kiosk.documents import CertificatePrinter, DocumentProblem, DocumentResult
from kiosk.flows.base import Devices
from kiosk.flows.operator_pages import SERVICE_REASONS, CountSheet, DeviceLine, ReceiptRow, StatusPage
from kiosk.ledger import Ledger, LedgerError
from kiosk.money import INR_NOTES, Money
from kiosk.operator import OperatorAuth
from kiosk.outbox import Outbox
from kiosk.printing import QrText, reprint_receipt
from kiosk.receipt import Identity
from kiosk.store import Store
from kiosk.transactions import TxnState
from kiosk.zreport import ZReport, build_zreport
from kiosk.zreport_print import ZReportQr, print_zreport

PIN_LENGTH = 6
REPRINT_DAYS = 7  # receipts of the last N business days can be reprinted
REPRINT_LIST = 40  # newest first; older ones through `kioskctl`
ACCEPTOR_COUNT_AT_CLOSE = "acceptor_stacked_count_at_close"  # the acceptor's own counter when the last close ran


class OpStep(enum.StrEnum):
    LOCKED = "locked"  # villager mode: nothing of operator mode is shown
    PIN = "pin"
    MENU = "menu"
    STATUS = "status"
    COUNT = "count"  # blind: no expected figure anywhere on this step
    RECONCILIATION = "reconciliation"
    ZREPORT = "zreport"
    REPRINT = "reprint"
    VOUCHERS = "vouchers"
    SERVICE = "service"
    CASHBOX = "cashbox"
    STUCK = "stuck"  # payments still open after the start's settlement (e.g. an Aadhaar answer never came)


class Notice(enum.StrEnum):
    """What the screen tells the operator; each is one translated sentence with `args` filled in."""

    CHOOSE_OPERATOR = "choose_operator"
    NO_OPERATORS = "no_operators"
    WRONG_PIN = "wrong_pin"  # args: tries left
    LOCKED = "locked"  # args: until HH:MM (IST)
    PIN_SHORT = "pin_short"
    PAYMENT_OPEN = "payment_open"  # args: how many
    ALREADY_CLOSED = "already_closed"  # args: the day
    NOT_COUNTED = "not_counted"  # args: the note (₹500)
    BAD_COUNT = "bad_count"  # args: the note (₹500), the count typed
    CLOSE_REFUSED = "close_refused"  # args: DayClose's own words (English), for what the checks above cannot see
    OVERDUE = "overdue"  # args: the days with no close, which today's close will cover
    PRINTED = "printed"
    NOT_PRINTED = "not_printed"  # args: printer status
    REPRINTED = "reprinted"  # args: receipt number
    CERTIFICATE_PRINTED = "certificate_printed"  # args: receipt number
    CERTIFICATE_NOT_PRINTED = "certificate_not_printed"  # args: the reason (a DocumentProblem value) and detail
    VOUCHER_SETTLED = "voucher_settled"  # args: number, amount
    VOUCHER_REFUSED = "voucher_refused"  # args: the reason
    OUT_OF_SERVICE = "out_of_service"  # args: the reason
    IN_SERVICE = "in_service"
    REMOVAL_ANNOUNCED = "removal_announced"
    STUCK_RESOLVED = "stuck_resolved"  # args: the bill's reference, the voucher number ("" when nothing was paid)
    STUCK_REFUSED = "stuck_refused"  # args: the reason


@dataclass(frozen=True, slots=True)
class Message:
    notice: Notice
    args: tuple[str, ...] = ()


class OperatorMode:
    """Single-threaded, driven by the UI. Intents outside their step do nothing. Every action is journaled."""

    def __init__(
        self,
        store: Store,
        ledger: Ledger,
        devices: Devices,
        *,
        identity: Identity,
        receipt_qr: QrText,
        zreport_qr: ZReportQr,
        opening_float: Money = Money(0),
        reprint_days: int = REPRINT_DAYS,
        certificates: CertificatePrinter | None = None,
    ) -> None:
        self.store = store
        self.ledger = ledger
        self.devices = devices
        self.identity = identity
        self.receipt_qr = receipt_qr
        self.zreport_qr = zreport_qr
        self.auth = OperatorAuth(store)
        self.closing = DayClose(store, opening_float=opening_float)
        self.switch = ServiceSwitch(store)
        self.cashbox = CashBoxLog(store)
        self.reprint_days = reprint_days
        self.certificates = certificates
        self.step = OpStep.LOCKED
        self.message: Message | None = None
        self.operator_id = ""
        self.operator_name = ""
        self.pin = ""
        self.sheet: CountSheet | None = None
        self.reconciliation: Reconciliation | None = None
        self.acceptor_notes: int | None = None  # notes the acceptor's own counter stacked since the last close
        self.report: ZReport | None = None
        self.report_qr = ""

    # -- entry and sign-in ---------------------------------------------------------------------
    def operators(self) -> list[tuple[str, str]]:
        rows = self.store.read("SELECT id, name FROM operators WHERE active = 1 ORDER BY name, id")
        return [(str(r["id"]), str(r["name"])) for r in rows]

    def open(self) -> None:
        """The hidden gesture: show the PIN pad (and nothing else of operator mode)."""
        if self.step is not OpStep.LOCKED:
            return
        self.step, self.pin, self.message = OpStep.PIN, "", None
        people = self.operators()
        self.operator_id = people[0][0] if len(people) == 1 else ""
        if not people:
            self.message = Message(Notice.NO_OPERATORS)

    def choose_operator(self, operator_id: str) -> None:
        if self.step is OpStep.PIN and operator_id in dict(self.operators()):
            self.operator_id, self.pin, self.message = operator_id, "", None

    def press(self, digit: str) -> bool:
        """A keypad digit: into the PIN, or into the selected denomination of the blind count."""
        if len(digit) != 1 or not digit.isascii() or not digit.isdigit():
            return False
        if self.step is OpStep.PIN:
            if len(self.pin) >= PIN_LENGTH:
                return False
            self.pin += digit
            return True
        if self.step is OpStep.COUNT and self.sheet is not None:
            self.message = None
            return self.sheet.press(digit)
        return False

    def backspace(self) -> bool:
        if self.step is OpStep.PIN and self.pin:
            self.pin = self.pin[:-1]
            return True
        if self.step is OpStep.COUNT and self.sheet is not None:
            return self.sheet.backspace()
        return False

    def submit_pin(self) -> bool:
        if self.step is not OpStep.PIN:
            return False
        if not self.operator_id:
            self.message = Message(Notice.CHOOSE_OPERATOR if self.operators() else Notice.NO_OPERATORS)
            return False
        if len(self.pin) != PIN_LENGTH:
            self.message = Message(Notice.PIN_SHORT)
            return False
        result = self.auth.sign_in(self.operator_id, self.pin)
        self.pin = ""
        if not result.ok:
            if result.locked_until is not None:
                self.message = Message(Notice.LOCKED, (f"{to_ist(result.locked_until):%H:%M}",))
            else:
                self.message = Message(Notice.WRONG_PIN, (str(result.tries_left or 0),))
            return False
        self.operator_name = result.name
        self._menu()
        return True

    def lock(self, reason: str = "signed out") -> None:
        """Back to villager mode: on the operator's own tap, on idle, or when the PIN pad is left."""
        if self.step is OpStep.LOCKED:
            return
        if self.step is not OpStep.PIN and self.operator_id:
            with self.store.write(self.operator_id) as uow:
                uow.record("operator.signed_out", self.operator_id, {"reason": reason})
        self.step, self.message, self.pin = OpStep.LOCKED, None, ""
        self.operator_id = self.operator_name = ""
        self.sheet, self.reconciliation, self.report, self.report_qr = None, None, None, ""

    @property
    def signed_in(self) -> bool:
        return self.step not in (OpStep.LOCKED, OpStep.PIN)

    def back(self) -> None:
        if self.signed_in and self.step is not OpStep.MENU:
            self._menu()

    def _menu(self) -> None:
        self.step, self.sheet = OpStep.MENU, None
        overdue = self.closing.status().overdue_days
        self.message = Message(Notice.OVERDUE, (", ".join(overdue),)) if overdue else None

    # -- device status -------------------------------------------------------------------------
    def show_status(self) -> None:
        if self.signed_in:
            self.step, self.message = OpStep.STATUS, None

    def status_page(self) -> StatusPage:
        d = self.devices
        lines = tuple(DeviceLine(h.kind, h.status, h.ok, h.detail) for h in (d.cash.health(), d.printer.health(),
                                                                               d.biometric.health()))  # fmt: skip
        notes, value = self.closing.cash_box_level()
        info = d.biometric.discover()
        delivered = self.store.read_one("SELECT max(delivered_at) AS at FROM outbox WHERE state = 'delivered'")
        last = delivered["at"] if delivered else None
        return StatusPage(
            devices=lines,
            paper=d.printer.status().value,
            cash_box_notes=notes,
            cash_box_value=value,
            rd_service_version=info.rd_service_version if info else "",
            rd_certificate_expiry=(info.certificate_expiry or "") if info else "",
            outbox_depth=Outbox(self.store).depth(),
            last_sync=f"{to_ist(parse_iso_utc(last)):%d-%m-%Y %H:%M}" if last else "",
            out_of_service=self.switch.reason() or "",
        )

    # -- the blind close -----------------------------------------------------------------------
    def start_close(self) -> bool:
        if not self.signed_in:
            return False
        refusal = self._close_refusal()
        if refusal is not None:
            self.message = refusal
            return False
        notes = self.devices.cash.denominations() or INR_NOTES
        self.sheet = CountSheet(tuple(sorted(notes, reverse=True)))
        self.sheet.selected = self.sheet.denominations[0].paise
        self.step, self.message, self.reconciliation = OpStep.COUNT, None, None
        return True

    def _close_refusal(self) -> Message | None:
        status = self.closing.status()
        if status.closed_today:
            return Message(Notice.ALREADY_CLOSED, (business_day(self.store.clock.now()).strftime("%d-%m-%Y"),))
        busy = len(self.ledger.open_transactions())
        if busy or self.devices.desk.open_session() is not None:
            return Message(Notice.PAYMENT_OPEN, (str(max(busy, 1)),))
        return None

    def select_denomination(self, paise: int) -> None:
        if (
            self.step is OpStep.COUNT
            and self.sheet is not None
            and paise in {d.paise for d in self.sheet.denominations}
        ):
            self.sheet.selected = paise

    def next_denomination(self) -> None:
        if self.step is OpStep.COUNT and self.sheet is not None:
            self.sheet.advance()

    def submit_count(self) -> bool:
        """Commit the count (one SQLite transaction with its journal and outbox rows), then reveal the figures."""
        if self.step is not OpStep.COUNT or self.sheet is None:
            return False
        missing = self.sheet.missing()
        if missing is not None:
            self.sheet.selected = missing.paise
            self.message = Message(Notice.NOT_COUNTED, (missing.format(decimals=False),))
            return False
        absurd = next(
            (d for d in self.sheet.denominations if self.sheet.counted()[d.paise] > MAX_NOTES_PER_DENOMINATION), None
        )
        if absurd is not None:
            self.sheet.selected = absurd.paise
            self.message = Message(
                Notice.BAD_COUNT, (absurd.format(decimals=False), str(self.sheet.counted()[absurd.paise]))
            )
            return False
        refusal = self._close_refusal()
        if refusal is not None:
            self.message = refusal
            return False
        try:
            self.reconciliation = self.closing.submit_count(
                self.sheet.counted(), operator=self.operator_id, denominations=self.sheet.denominations, acceptor=None
            )
        except CloseError as exc:  # another screen closed or a payment opened between the checks and the commit
            self.message = self._close_refusal() or Message(Notice.CLOSE_REFUSED, (str(exc),))
            return False
        self.acceptor_notes = self._acceptor_since_last_close()
        self.step, self.message, self.sheet = OpStep.RECONCILIATION, None, None
        return True

    def _acceptor_since_last_close(self) -> int | None:
        """The acceptor's own stacked-note counter (kept by CashDesk) since the previous close, then re-based."""
        now = self.store.get_meta(COUNT_KEY)
        if not now:  # never told, or an acceptor whose firmware keeps no counter: the third count is unavailable
            return None
        before = self.store.get_meta(ACCEPTOR_COUNT_AT_CLOSE)
        with self.store.write(self.operator_id) as uow:
            uow.set_meta(ACCEPTOR_COUNT_AT_CLOSE, now)
        return int(now) - int(before) if before else None

    # -- Z-report --------------------------------------------------------------------------------
    def show_zreport(self) -> None:
        if not self.signed_in:
            return
        day = (
            self.reconciliation.business_day
            if self.reconciliation
            else business_day(self.store.clock.now()).isoformat()
        )
        self.report = build_zreport(self.store, self.identity.kiosk_code, day)
        self.report_qr = self.zreport_qr(self.report)
        self.step, self.message = OpStep.ZREPORT, None

    def print_report(self) -> bool:
        if self.step is not OpStep.ZREPORT or self.report is None:
            return False
        copy = self._count_journal("operator.zreport_printed", f"zreport:{self.report.business_day}") + 1
        outcome = print_zreport(
            self.devices.printer, self.report, self.identity, qr_text=self.report_qr, printed_at=self.store.clock.now(),
            job_id=f"zreport-{self.report.business_day}-{copy}",
        )  # fmt: skip
        with self.store.write(self.operator_id) as uow:
            uow.record(
                "operator.zreport_printed" if outcome.printed else "operator.zreport_not_printed",
                f"zreport:{self.report.business_day}",
                {"close_no": self.report.close_no, "copy": copy, "status": outcome.status.value},
            )
        self.message = (
            Message(Notice.PRINTED) if outcome.printed else Message(Notice.NOT_PRINTED, (outcome.status.value,))
        )
        return outcome.printed

    # -- reprints ----------------------------------------------------------------------------------
    def show_reprints(self) -> None:
        if self.signed_in:
            self.step, self.message = OpStep.REPRINT, None

    def reprintable(self) -> list[ReceiptRow]:
        since = (business_day(self.store.clock.now()) - timedelta(days=self.reprint_days - 1)).isoformat()
        states = (TxnState.PAID, TxnState.RECEIPT_PENDING, TxnState.RECEIPT_PRINTED, TxnState.COMPLETED)
        rows = self.store.read(
            "SELECT id, receipt_no, business_day, service_name_en, service_name_hi, amount_paid, state"
            " FROM transactions WHERE receipt_no IS NOT NULL AND business_day >= ? AND state IN (?, ?, ?, ?)"
            " ORDER BY receipt_no DESC LIMIT ?",
            (since, *(s.value for s in states), REPRINT_LIST),
        )
        return [
            ReceiptRow(r["id"], r["receipt_no"], r["business_day"], r["service_name_en"], r["service_name_hi"],
                       Money(r["amount_paid"]), r["state"])
            for r in rows
        ]  # fmt: skip

    def reprint(self, txn_id: str) -> bool:
        if self.step is not OpStep.REPRINT or txn_id not in {r.txn_id for r in self.reprintable()}:
            return False
        copy = self._count_journal("operator.receipt_reprinted", txn_id) + 1
        result = reprint_receipt(
            self.ledger, self.devices.printer, txn_id, copy=copy, identity=self.identity, clock=self.store.clock,
            qr_text=self.receipt_qr,
        )  # fmt: skip
        with self.store.write(self.operator_id) as uow:
            uow.record(
                "operator.receipt_reprinted" if result.printed else "operator.receipt_reprint_failed",
                txn_id,
                {"receipt_no": result.txn.receipt_no, "copy": copy},
            )
        if result.printed:
            self.message = Message(Notice.REPRINTED, (str(result.txn.receipt_no),))
        else:
            status = result.outcome.status.value if result.outcome else "-"
            self.message = Message(Notice.NOT_PRINTED, (status,))
        return result.printed

    def has_certificate(self, txn_id: str) -> bool:
        """A certificate print was paid for with this receipt (the journey journaled whether it came out)."""
        row = self.store.read_one(
            "SELECT 1 AS yes FROM journal WHERE subject = ? AND action IN ('certificate.printed',"
            " 'certificate.not_printed') LIMIT 1",
            (txn_id,),
        )
        return row is not None

    def print_certificate(self, txn_id: str) -> bool:
        """The villager was told to ask the operator: print the paid-for certificate again (a new job each time)."""
        if self.step is not OpStep.REPRINT or txn_id not in {r.txn_id for r in self.reprintable()}:
            return False
        if not self.has_certificate(txn_id):
            return False
        txn = self.ledger.get(txn_id)
        copy = self._count_journal("operator.certificate_printed", txn_id) + 1
        if self.certificates is None:
            result = DocumentResult(False, DocumentProblem.NO_PRINTER, "no certificate printer configured")
        else:
            job = f"certificate-{txn_id}-operator-{copy}"
            result = self.certificates.print_certificate(job, txn.service_id, txn.reference)
        self.ledger.document_printed(
            txn_id, document="certificate", printed=result.printed, problem=result.problem.value, detail=result.detail
        )
        with self.store.write(self.operator_id) as uow:
            action = "operator.certificate_printed" if result.printed else "operator.certificate_print_failed"
            uow.record(action, txn_id, {"receipt_no": txn.receipt_no, "copy": copy, "problem": result.problem.value})
        if result.printed:
            self.message = Message(Notice.CERTIFICATE_PRINTED, (str(txn.receipt_no),))
        else:
            self.message = Message(Notice.CERTIFICATE_NOT_PRINTED, (result.problem.value, result.detail[:80]))
        return result.printed

    # -- change-due vouchers -----------------------------------------------------------------------
    def show_vouchers(self) -> None:
        if self.signed_in:
            self.step, self.message = OpStep.VOUCHERS, None

    def settle_voucher(self, voucher_no: int) -> bool:
        if self.step is not OpStep.VOUCHERS:
            return False
        try:
            voucher = self.ledger.settle_voucher(voucher_no, operator=self.operator_id)
        except LedgerError as exc:
            self.message = Message(Notice.VOUCHER_REFUSED, (str(exc),))
            return False
        self.message = Message(Notice.VOUCHER_SETTLED, (str(voucher.no), voucher.amount.format()))
        return True

    # -- out of service ----------------------------------------------------------------------------
    def show_service(self) -> None:
        if self.signed_in:
            self.step, self.message = OpStep.SERVICE, None

    def take_out_of_service(self, reason_index: int) -> bool:
        if self.step is not OpStep.SERVICE or not 0 <= reason_index < len(SERVICE_REASONS):
            return False
        reason = SERVICE_REASONS[reason_index]
        self.switch.take_out_of_service(reason, operator=self.operator_id)
        self.message = Message(Notice.OUT_OF_SERVICE, (reason,))
        return True

    def back_in_service(self) -> bool:
        if self.step is not OpStep.SERVICE or self.switch.reason() is None:
            return False
        self.switch.back_in_service(operator=self.operator_id)
        self.message = Message(Notice.IN_SERVICE)
        return True

    def show_stuck(self) -> None:
        if self.signed_in:
            self.step, self.message = OpStep.STUCK, None

    def resolve_stuck(self, txn_id: str, reason_index: int) -> bool:
        if self.step is not OpStep.STUCK or not 0 <= reason_index < len(STUCK_REASONS):
            return False
        try:
            voucher = resolve_stuck(self.ledger, txn_id, reason=STUCK_REASONS[reason_index], operator=self.operator_id)
        except LedgerError as exc:
            self.message = Message(Notice.STUCK_REFUSED, (str(exc),))
            return False
        self.message = Message(Notice.STUCK_RESOLVED, (self.ledger.get(txn_id).reference, str(voucher or "")))
        return True

    # -- cash-box removal --------------------------------------------------------------------------
    def show_cashbox(self) -> None:
        if self.signed_in:
            self.step, self.message = OpStep.CASHBOX, None

    def announce_removal(self) -> bool:
        if self.step is not OpStep.CASHBOX:
            return False
        self.cashbox.operator_removing(operator=self.operator_id)
        self.message = Message(Notice.REMOVAL_ANNOUNCED)
        return True

    def removals(self, limit: int = 10) -> list[tuple[str, str, bool]]:
        """Recent cash-box events, newest first: (IST time, event, flagged = removed with nobody announcing it)."""
        since = iso_utc(self.store.clock.now() - timedelta(days=self.reprint_days))
        rows = self.store.read(
            "SELECT at, action FROM journal WHERE action LIKE 'cashbox.%' AND at >= ? ORDER BY id DESC LIMIT ?",
            (since, limit),
        )
        return [
            (f"{to_ist(parse_iso_utc(r['at'])):%d-%m %H:%M}", str(r["action"]).removeprefix("cashbox."),
             r["action"] == "cashbox.removed_unannounced")
            for r in rows
        ]  # fmt: skip

    def _count_journal(self, action: str, subject: str) -> int:
        row = self.store.read_one(
            "SELECT count(*) AS n FROM journal WHERE action = ? AND subject = ?", (action, subject)
        )
        return int(row["n"]) if row else 0
