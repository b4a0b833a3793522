"""Reprints: a receipt of the last days again, or the paid-for certificate that did not come out."""

from __future__ import annotations

from datetime import timedelta

from kiosk.clock import business_day
from kiosk.documents import CertificatePrinter, DocumentProblem, DocumentResult
from kiosk.flows.operator_pages import ReceiptRow
from kiosk.flows.operator_tools.common import Kiosk, Message, Notice, Outcome
from kiosk.money import Money
from kiosk.printing import reprint_receipt
from kiosk.transactions import TxnState

REPRINT_DAYS = 7  # receipts of the last N business days can be reprinted
REPRINT_LIST = 40  # newest first; older ones through `kioskctl`


class ReprintTool:
    def __init__(self, kiosk: Kiosk, certificates: CertificatePrinter | None, days: int = REPRINT_DAYS) -> None:
        self.kiosk, self.certificates, self.days = kiosk, certificates, days

    def reprintable(self) -> list[ReceiptRow]:
        since = (business_day(self.kiosk.store.clock.now()) - timedelta(days=self.days - 1)).isoformat()
        states = (TxnState.PAID, TxnState.RECEIPT_PENDING, TxnState.RECEIPT_PRINTED, TxnState.COMPLETED)
        rows = self.kiosk.store.read(
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

    def listed(self, txn_id: str) -> bool:
        return txn_id in {r.txn_id for r in self.reprintable()}

    def reprint(self, txn_id: str, operator_id: str) -> Outcome:
        if not self.listed(txn_id):
            return False, None
        kiosk = self.kiosk
        copy = kiosk.count_journal("operator.receipt_reprinted", txn_id) + 1
        result = reprint_receipt(
            kiosk.ledger, kiosk.devices.printer, txn_id, copy=copy, identity=kiosk.identity, clock=kiosk.store.clock,
            qr_text=kiosk.receipt_qr,
        )  # fmt: skip
        with kiosk.store.write(operator_id) as uow:
            uow.record(
                "operator.receipt_reprinted" if result.printed else "operator.receipt_reprint_failed",
                txn_id,
                {"receipt_no": result.txn.receipt_no, "copy": copy},
            )
        if result.printed:
            return True, Message(Notice.REPRINTED, (str(result.txn.receipt_no),))
        status = result.outcome.status.value if result.outcome else "-"
        return False, Message(Notice.NOT_PRINTED, (status,))

    def has_certificate(self, txn_id: str) -> bool:
        """A certificate print was paid for with this receipt (the journey journaled whether it came out)."""
        row = self.kiosk.store.read_one(
            "SELECT 1 AS yes FROM journal WHERE subject = ? AND action IN ('certificate.printed',"
            " 'certificate.not_printed') LIMIT 1",
            (txn_id,),
        )
        return row is not None

    def print_certificate(self, txn_id: str, operator_id: str) -> Outcome:
        """The villager was told to ask the operator: print the paid-for certificate again (a new job each time)."""
        if not self.listed(txn_id) or not self.has_certificate(txn_id):
            return False, None
        kiosk = self.kiosk
        txn = kiosk.ledger.get(txn_id)
        copy = kiosk.count_journal("operator.certificate_printed", txn_id) + 1
        if self.certificates is None:
            result = DocumentResult(False, DocumentProblem.NO_PRINTER, "no certificate printer configured")
        else:
            job = f"certificate-{txn_id}-operator-{copy}"
            result = self.certificates.print_certificate(job, txn.service_id, txn.reference)
        kiosk.ledger.document_printed(
            txn_id, document="certificate", printed=result.printed, problem=result.problem.value, detail=result.detail
        )
        with kiosk.store.write(operator_id) as uow:
            action = "operator.certificate_printed" if result.printed else "operator.certificate_print_failed"
            uow.record(action, txn_id, {"receipt_no": txn.receipt_no, "copy": copy, "problem": result.problem.value})
        if result.printed:
            return True, Message(Notice.CERTIFICATE_PRINTED, (str(txn.receipt_no),))
        return False, Message(Notice.CERTIFICATE_NOT_PRINTED, (result.problem.value, result.detail[:80]))
