"""Operator screens: render kiosk.flows.operator.OperatorMode (already formatted) and forward taps to it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.cash_recovery import STUCK_REASONS, stuck_payments
from kiosk.flows.operator import OperatorMode, OpStep
from kiosk.flows.operator_pages import SERVICE_REASONS
from kiosk.money import Money
from kiosk.receipt import Identity
from ui.qr import qr_source
from ui.screens import OperatorScreen
from ui.viewmodels.aadhaar_login import aadhaar_login_view
from ui.viewmodels.bbps_pending import bbps_pending_view
from ui.worker import OffThread


def _half(text: str, language: str) -> str:
    """'हिंदी / English' -> the reader's half."""
    hindi, _, english = text.partition(" / ")
    return (hindi if language == "hi" else english) or text


def _notes(count: int, value: Money) -> dict[str, str]:
    return {"notes": str(count), "value": value.format()}


class OperatorViewModel(QObject):
    changed = Signal()
    locked = Signal()  # operator mode is over: the app goes to the villager home

    def __init__(self, services: OperatorScreen, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.language = "hi"
        identity = services.config.identity
        self.mode = OperatorMode(
            services.store,
            services.ledger,
            services.devices,
            identity=Identity(identity.kiosk_code, identity.centre_name_hi),
            receipt_qr=services.receipt_qr,
            zreport_qr=services.zreport_qr,
            opening_float=services.config.rules.opening_float,
            certificates=services.certificates,
            two_factor=services.two_factor,
        )
        self.worker = OffThread(self)  # the Aadhaar Pay login's capture and match

    def set_language(self, language: str) -> None:
        self.language = language
        self.changed.emit()

    def _do(self, intent: Callable[[], object]) -> None:
        was = self.mode.step
        intent()
        self.changed.emit()
        if was is not OpStep.LOCKED and self.mode.step is OpStep.LOCKED:
            self.locked.emit()

    # -- intents ---------------------------------------------------------------------------------
    @Slot()
    def open(self) -> None:
        self._do(self.mode.open)

    @Slot(str)
    def chooseOperator(self, operator_id: str) -> None:
        self._do(lambda: self.mode.choose_operator(operator_id))

    @Slot(str)
    def press(self, digit: str) -> None:
        self._do(lambda: self.mode.press(digit))

    @Slot()
    def backspace(self) -> None:
        self._do(self.mode.backspace)

    @Slot()
    def submitPin(self) -> None:
        self._do(self.mode.submit_pin)

    @Slot()
    def signOut(self) -> None:
        self._do(lambda: self.mode.lock("signed out"))

    def lock(self, reason: str) -> None:
        self._do(lambda: self.mode.lock(reason))

    @Slot()
    def back(self) -> None:
        self._do(self.mode.back)

    @Slot()
    def showStatus(self) -> None:
        self._do(self.mode.show_status)

    @Slot()
    def startClose(self) -> None:
        self._do(self.mode.start_close)

    @Slot(int)
    def selectDenomination(self, paise: int) -> None:
        self._do(lambda: self.mode.select_denomination(paise))

    @Slot()
    def nextDenomination(self) -> None:
        self._do(self.mode.next_denomination)

    @Slot()
    def submitCount(self) -> None:
        self._do(self.mode.submit_count)

    @Slot()
    def showReport(self) -> None:
        self._do(self.mode.show_zreport)

    @Slot()
    def printReport(self) -> None:
        self._do(self.mode.print_report)

    @Slot()
    def showReprints(self) -> None:
        self._do(self.mode.show_reprints)

    @Slot(str)
    def reprint(self, txn_id: str) -> None:
        self._do(lambda: self.mode.reprint(txn_id))

    @Slot(str)
    def printCertificate(self, txn_id: str) -> None:
        self._do(lambda: self.mode.print_certificate(txn_id))

    @Slot()
    def showVouchers(self) -> None:
        self._do(self.mode.show_vouchers)

    @Slot(int)
    def settleVoucher(self, voucher_no: int) -> None:
        self._do(lambda: self.mode.settle_voucher(voucher_no))

    @Slot()
    def showStuck(self) -> None:
        self._do(self.mode.show_stuck)

    @Slot(str, int)
    def resolveStuck(self, txn_id: str, reason_index: int) -> None:
        self._do(lambda: self.mode.resolve_stuck(txn_id, reason_index))

    @Slot()
    def showService(self) -> None:
        self._do(self.mode.show_service)

    @Slot(int)
    def takeOutOfService(self, index: int) -> None:
        self._do(lambda: self.mode.take_out_of_service(index))

    @Slot()
    def backInService(self) -> None:
        self._do(self.mode.back_in_service)

    @Slot()
    def showCashbox(self) -> None:
        self._do(self.mode.show_cashbox)

    @Slot()
    def announceRemoval(self) -> None:
        self._do(self.mode.announce_removal)

    @Slot()
    def showAadhaarLogin(self) -> None:
        self._do(self.mode.show_aadhaar_login)

    @Slot()
    def aadhaarLoginOk(self) -> None:
        """OK on the login page; the finger's capture and the AUA's match run off the Qt thread meanwhile."""
        work = self.mode.confirm_aadhaar_login()
        self.changed.emit()
        if work is not None:
            self.worker.run(
                work,
                lambda result: self._do(lambda: self.mode.aadhaar_login_finished(result)),
                lambda _exc: self._do(self.mode.aadhaar_login_failed),
            )

    # -- what the screens show ---------------------------------------------------------------------
    def _message(self) -> dict[str, Any]:
        m = self.mode.message
        if m is None:
            return {"code": "", "args": []}
        return {"code": m.notice.value, "args": [_half(a, self.language) for a in m.args]}

    def _operators(self) -> list[dict[str, str]]:
        return [{"id": i, "name": n} for i, n in self.mode.operators()]

    def _status(self) -> dict[str, Any]:
        if self.mode.step is not OpStep.STATUS:
            return {}
        page = self.mode.status_page()
        return {
            "devices": [{"kind": d.kind, "status": d.status, "ok": d.ok, "detail": d.detail} for d in page.devices],
            "paper": page.paper,
            "cashBox": _notes(page.cash_box_notes, page.cash_box_value),
            "rdVersion": page.rd_service_version,
            "rdExpiry": page.rd_certificate_expiry,
            "outbox": str(page.outbox_depth),
            "lastSync": page.last_sync,
            "outOfService": _half(page.out_of_service, self.language),
        }

    def _count_rows(self) -> list[dict[str, Any]]:
        sheet = self.mode.sheet
        if sheet is None:
            return []
        return [
            {"paise": d.paise, "label": d.format(decimals=False), "entry": sheet.entries.get(d.paise, ""),
             "selected": d.paise == sheet.selected}
            for d in sheet.denominations
        ]  # fmt: skip

    def _reconciliation(self) -> dict[str, Any]:
        r = self.mode.reconciliation
        if r is None:
            return {}
        rows = []
        for paise in sorted(set(r.counted) | set(r.ledger), reverse=True):
            counted, ledger = r.counted.get(paise, 0), r.ledger.get(paise, 0)
            rows.append({
                "note": Money(paise).format(decimals=False), "counted": str(counted), "ledger": str(ledger),
                "difference": f"{counted - ledger:+d}" if counted != ledger else "0", "ok": counted == ledger,
            })  # fmt: skip
        acceptor = self.mode.acceptor_notes
        return {
            "closeNo": str(r.close_no),
            "days": ", ".join(r.covers_days),
            "rows": rows,
            "countedTotal": r.counted_total.format(),
            "ledgerTotal": r.ledger_total.format(),
            "countedNotes": str(sum(r.counted.values())),
            "ledgerNotes": str(sum(r.ledger.values())),
            "acceptorNotes": "" if acceptor is None else str(acceptor),
            "acceptorAgrees": acceptor is None or acceptor == sum(r.ledger.values()),
            "openingFloat": r.opening_float.format(),
            "vouchersIssued": r.vouchers_issued.format(),
            "vouchersSettled": r.vouchers_settled.format(),
            "openVouchers": str(r.open_vouchers),
            "suspense": r.suspense.format(),
            "expected": r.expected_in_box.format(),
            "difference": r.difference.format(),
            "balanced": not r.difference,
        }

    def _report(self) -> dict[str, Any]:
        report = self.mode.report
        if report is None:
            return {}
        return {"lines": report.lines(), "qr": qr_source(self.mode.report_qr), "day": report.business_day}

    def _reprints(self) -> list[dict[str, Any]]:
        if self.mode.step is not OpStep.REPRINT:
            return []
        return [
            {"txn": r.txn_id, "no": str(r.receipt_no), "day": r.business_day, "amount": r.amount.format(),
             "service": r.service_hi if self.language == "hi" else r.service_en,
             "certificate": self.mode.has_certificate(r.txn_id)}
            for r in self.mode.reprintable()
        ]  # fmt: skip

    def _vouchers(self) -> list[dict[str, Any]]:
        if self.mode.step is not OpStep.VOUCHERS:
            return []
        return [
            {"no": v.no, "amount": v.amount.format(), "day": v.business_day}
            for v in self.services.ledger.vouchers(state="open")
        ]

    def _stuck(self) -> list[dict[str, Any]]:
        if self.mode.step is not OpStep.STUCK:
            return []
        ledger = self.services.ledger
        # Closable with a reason; then Aadhaar payments awaiting the bank's answer, shown but never closed by hand:
        # the bank may have debited, so only its answer by reference (the app keeps asking) may end them.
        rows = [(t, True) for t in stuck_payments(ledger)] + [(t, False) for t in ledger.unknown_outcomes()]
        return [
            {"txn": t.id, "reference": t.reference, "day": t.business_day, "due": t.total_due.format(),
             "paid": t.amount_paid.format(), "resolvable": resolvable,
             "service": t.service_name_hi if self.language == "hi" else t.service_name_en}
            for t, resolvable in rows
        ]  # fmt: skip

    def _reasons(self) -> list[str]:
        return [_half(r, self.language) for r in SERVICE_REASONS]

    def _removals(self) -> list[dict[str, Any]]:
        if self.mode.step is not OpStep.CASHBOX:
            return []
        return [{"at": at, "kind": kind, "flagged": flagged} for at, kind, flagged in self.mode.removals()]

    step = Property(str, lambda self: self.mode.step.value, notify=changed)
    message = Property(dict, _message, notify=changed)
    operators = Property(list, _operators, notify=changed)
    chosenOperator = Property(str, lambda self: self.mode.operator_id, notify=changed)
    operatorName = Property(str, lambda self: self.mode.operator_name, notify=changed)
    pinLength = Property(int, lambda self: len(self.mode.pin), notify=changed)
    status = Property(dict, _status, notify=changed)
    countRows = Property(list, _count_rows, notify=changed)
    reconciliation = Property(dict, _reconciliation, notify=changed)
    report = Property(dict, _report, notify=changed)
    reprints = Property(list, _reprints, notify=changed)
    vouchers = Property(list, _vouchers, notify=changed)
    reasons = Property(list, _reasons, notify=changed)
    outOfService = Property(str, lambda self: _half(self.mode.switch.reason() or "", self.language), notify=changed)
    removals = Property(list, _removals, notify=changed)
    stuck = Property(list, _stuck, notify=changed)
    aadhaarLogin = Property(dict, lambda self: aadhaar_login_view(self.mode.aadhaar_login),
                            notify=changed)  # fmt: skip
    bbpsPending = Property(list, lambda self: bbps_pending_view(self.services.store, self.language)
                           if self.mode.step is OpStep.STUCK else [], notify=changed)  # fmt: skip
    stuckReasons = Property(list, lambda self: [_half(r, self.language) for r in STUCK_REASONS], notify=changed)
