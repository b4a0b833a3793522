"""Operator mode as a state machine: hidden entry, PIN, menu and device status; each tool's work is its own machine
in `kiosk/flows/operator_tools/` (close and Z-report, reprints, vouchers, stuck payments, service switch, cash box,
the daily Aadhaar Pay login)."""

from __future__ import annotations

import enum

from kiosk.clock import parse_iso_utc, to_ist
from kiosk.dayclose import Reconciliation
from kiosk.documents import CertificatePrinter
from kiosk.flows.base import Devices
from kiosk.flows.operator_pages import CountSheet, DeviceLine, ReceiptRow, StatusPage
from kiosk.flows.operator_tools.aadhaar_login import AadhaarLoginTool, Work
from kiosk.flows.operator_tools.close import ACCEPTOR_COUNT_AT_CLOSE, CloseTool
from kiosk.flows.operator_tools.common import Kiosk, Message, Notice, Outcome
from kiosk.flows.operator_tools.desk import CashBoxTool, ServiceTool, StuckTool, VoucherTool
from kiosk.flows.operator_tools.reprint import REPRINT_DAYS, REPRINT_LIST, ReprintTool
from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.operator import OperatorAuth
from kiosk.outbox import Outbox
from kiosk.payments.operator_2fa import OperatorTwoFactor, TwoFactorResult
from kiosk.printing import QrText
from kiosk.receipt import Identity
from kiosk.store import Store
from kiosk.zreport import ZReport
from kiosk.zreport_print import ZReportQr

__all__ = ["ACCEPTOR_COUNT_AT_CLOSE", "REPRINT_DAYS", "REPRINT_LIST", "Message", "Notice", "OpStep", "OperatorMode"]
PIN_LENGTH = 6


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
    AADHAAR_LOGIN = "aadhaar_login"  # the daily two-factor login for Aadhaar Pay (operator_tools/aadhaar_login.py)


class OperatorMode:
    """Single-threaded, driven by the UI. Intents outside their step do nothing. Every action is journaled.
    Sign-in and navigation live here; each intent on a tool's page is passed to that tool's machine."""

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
        two_factor: OperatorTwoFactor | None = None,
    ) -> None:
        self.store = store
        self.ledger = ledger
        self.devices = devices
        self.auth = OperatorAuth(store)
        kiosk = Kiosk(store, ledger, devices, identity, receipt_qr)
        self.close = CloseTool(kiosk, zreport_qr, opening_float)
        self.reprints = ReprintTool(kiosk, certificates, reprint_days)
        self.vouchers = VoucherTool(kiosk)
        self.stuck = StuckTool(kiosk)
        self.service = ServiceTool(kiosk)
        self.cashbox = CashBoxTool(kiosk, reprint_days)
        self.switch = self.service.switch
        self.aadhaar_login = AadhaarLoginTool(two_factor, devices.biometric)
        self.step = OpStep.LOCKED
        self.message: Message | None = None
        self.operator_id = ""
        self.operator_name = ""
        self.pin = ""

    # The close tool's state, read by the screens and tests.
    @property
    def sheet(self) -> CountSheet | None:
        return self.close.sheet

    @property
    def reconciliation(self) -> Reconciliation | None:
        return self.close.reconciliation

    @property
    def acceptor_notes(self) -> int | None:
        return self.close.acceptor_notes

    @property
    def report(self) -> ZReport | None:
        return self.close.report

    @property
    def report_qr(self) -> str:
        return self.close.report_qr

    def _did(self, outcome: Outcome) -> bool:
        """A tool's outcome on the screen; an intent refused with nothing to say leaves the last message up."""
        ok, message = outcome
        if ok or message is not None:
            self.message = message
        return ok

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
        if self.step is OpStep.COUNT and self.close.sheet is not None:
            self.message = None
            return self.close.sheet.press(digit)
        return self.step is OpStep.AADHAAR_LOGIN and self.aadhaar_login.press(digit)

    def backspace(self) -> bool:
        if self.step is OpStep.PIN and self.pin:
            self.pin = self.pin[:-1]
            return True
        if self.step is OpStep.COUNT and self.close.sheet is not None:
            return self.close.sheet.backspace()
        return self.step is OpStep.AADHAAR_LOGIN and self.aadhaar_login.backspace()

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
        self.close.reset()
        self.aadhaar_login.reset()

    @property
    def signed_in(self) -> bool:
        return self.step not in (OpStep.LOCKED, OpStep.PIN)

    def back(self) -> None:
        if self.signed_in and self.step is not OpStep.MENU and not self.aadhaar_login.waiting:
            self._menu()

    def _menu(self) -> None:
        self.step, self.close.sheet = OpStep.MENU, None
        self.aadhaar_login.reset()  # the PIN and the number typed there go with the page
        overdue = self.close.overdue_days()
        self.message = Message(Notice.OVERDUE, (", ".join(overdue),)) if overdue else None

    # -- device status -------------------------------------------------------------------------
    def _show(self, step: OpStep) -> None:
        if self.signed_in:
            self.step, self.message = step, None

    def show_status(self) -> None:
        self._show(OpStep.STATUS)

    def status_page(self) -> StatusPage:
        d = self.devices
        lines = tuple(DeviceLine(h.kind, h.status, h.ok, h.detail) for h in (d.cash.health(), d.printer.health(),
                                                                               d.biometric.health()))  # fmt: skip
        notes, value = self.close.closing.cash_box_level()
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

    # -- the blind close and the Z-report (operator_tools/close.py) ------------------------------
    def start_close(self) -> bool:
        if not self.signed_in:
            return False
        started = self._did(self.close.start())
        if started:
            self.step = OpStep.COUNT
        return started

    def select_denomination(self, paise: int) -> None:
        if self.step is OpStep.COUNT:
            self.close.select(paise)

    def next_denomination(self) -> None:
        if self.step is OpStep.COUNT and self.close.sheet is not None:
            self.close.sheet.advance()

    def submit_count(self) -> bool:
        """Commit the count (one SQLite transaction with its journal and outbox rows), then reveal the figures."""
        if self.step is not OpStep.COUNT or not self._did(self.close.submit(self.operator_id)):
            return False
        self.step = OpStep.RECONCILIATION
        return True

    def show_zreport(self) -> None:
        if self.signed_in:
            self.close.show_report()
            self.step, self.message = OpStep.ZREPORT, None

    def print_report(self) -> bool:
        return self.step is OpStep.ZREPORT and self._did(self.close.print_report(self.operator_id))

    # -- reprints (operator_tools/reprint.py) ----------------------------------------------------
    def show_reprints(self) -> None:
        self._show(OpStep.REPRINT)

    def reprintable(self) -> list[ReceiptRow]:
        return self.reprints.reprintable()

    def reprint(self, txn_id: str) -> bool:
        return self.step is OpStep.REPRINT and self._did(self.reprints.reprint(txn_id, self.operator_id))

    def has_certificate(self, txn_id: str) -> bool:
        return self.reprints.has_certificate(txn_id)

    def print_certificate(self, txn_id: str) -> bool:
        if self.step is not OpStep.REPRINT:
            return False
        return self._did(self.reprints.print_certificate(txn_id, self.operator_id))

    # -- vouchers, stuck payments, the service switch, the cash box (operator_tools/desk.py) -----
    def show_vouchers(self) -> None:
        self._show(OpStep.VOUCHERS)

    def settle_voucher(self, voucher_no: int) -> bool:
        return self.step is OpStep.VOUCHERS and self._did(self.vouchers.settle(voucher_no, self.operator_id))

    def show_stuck(self) -> None:
        self._show(OpStep.STUCK)

    def resolve_stuck(self, txn_id: str, reason_index: int) -> bool:
        if self.step is not OpStep.STUCK:
            return False
        return self._did(self.stuck.resolve(txn_id, reason_index, self.operator_id))

    def show_service(self) -> None:
        self._show(OpStep.SERVICE)

    def take_out_of_service(self, reason_index: int) -> bool:
        return self.step is OpStep.SERVICE and self._did(self.service.take_out(reason_index, self.operator_id))

    def back_in_service(self) -> bool:
        return self.step is OpStep.SERVICE and self._did(self.service.back_in(self.operator_id))

    def show_cashbox(self) -> None:
        self._show(OpStep.CASHBOX)

    def announce_removal(self) -> bool:
        return self.step is OpStep.CASHBOX and self._did(self.cashbox.announce(self.operator_id))

    def removals(self, limit: int = 10) -> list[tuple[str, str, bool]]:
        return self.cashbox.removals(limit)

    # -- the daily Aadhaar Pay login (operator_tools/aadhaar_login.py) ---------------------------
    def show_aadhaar_login(self) -> None:
        if self.signed_in and self.aadhaar_login.start():
            self.step, self.message = OpStep.AADHAAR_LOGIN, None

    def confirm_aadhaar_login(self) -> Work | None:
        """OK on the page: the next phase, or the capture and match for the UI to run off the Qt thread."""
        if self.step is not OpStep.AADHAAR_LOGIN:
            return None
        return self.aadhaar_login.confirm(self.operator_id)

    def aadhaar_login_finished(self, result: TwoFactorResult) -> None:
        if self.step is OpStep.AADHAAR_LOGIN:
            self.aadhaar_login.finished(result)

    def aadhaar_login_failed(self) -> None:
        if self.step is OpStep.AADHAAR_LOGIN:
            self.aadhaar_login.failed()
