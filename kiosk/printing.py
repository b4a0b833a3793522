"""Commit first, print second: print a paid transaction's receipt and record in the ledger whether it came out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kiosk.bbps_store import BbpsRecords
from kiosk.clock import Clock
from kiosk.devices.printer import PrintOutcome, ReceiptPrinter
from kiosk.ledger import Ledger, LedgerError
from kiosk.money import Money
from kiosk.receipt import Identity, build_receipt
from kiosk.transactions import Txn, TxnState

# Builds the verification text for the QR (owned by sync: `<server>/r/<token>`) from the transaction.
QrText = Callable[[Txn], str]


@dataclass(frozen=True, slots=True)
class ReceiptResult:
    txn: Txn
    outcome: PrintOutcome | None  # None when nothing was sent (already printed)
    message_hi: str
    message_en: str

    @property
    def printed(self) -> bool:
        return self.outcome is not None and self.outcome.printed


@dataclass(frozen=True, slots=True)
class PaymentGate:
    allowed: bool
    message_hi: str
    message_en: str


def may_take_payment(printer: ReceiptPrinter, *, require_printer: bool = True) -> PaymentGate:
    """Asked before a payment starts: with `require_printer` (config) no cash is taken while no receipt can print."""
    status = printer.status()
    if status.can_print or not require_printer:
        return PaymentGate(True, "", "")
    return PaymentGate(
        False,
        "रसीद प्रिंटर अभी काम नहीं कर रहा है, इसलिए भुगतान बंद है। कृपया ऑपरेटर से संपर्क करें।",
        f"Receipt printer not ready ({status.value}): payments are paused. Please ask the operator.",
    )


def job_id_for(txn: Txn, *, copy: int = 0) -> str:
    """The original receipt is one job whatever the retries; each asked-for duplicate is its own job."""
    base = f"rcpt-{txn.receipt_no}-{txn.id[:8]}"
    return base if copy == 0 else f"{base}-dup{copy}"


def print_receipt(
    ledger: Ledger,
    printer: ReceiptPrinter,
    txn_id: str,
    *,
    identity: Identity,
    clock: Clock,
    qr_text: QrText,
) -> ReceiptResult:
    """Print the receipt of a PAID (or RECEIPT_PENDING) transaction and move it to PRINTED or PENDING."""
    txn = ledger.get(txn_id)
    if txn.state in (TxnState.RECEIPT_PRINTED, TxnState.COMPLETED):
        return ReceiptResult(txn, None, "रसीद पहले ही छप चुकी है।", "The receipt was already printed.")
    if txn.state not in (TxnState.PAID, TxnState.RECEIPT_PENDING):
        raise LedgerError(f"transaction {txn_id} is {txn.state.value}: nothing to print a receipt for")
    notes, voucher = cash_details(ledger, txn)
    bbps = BbpsRecords(ledger.store).facts(txn.id)
    layout = build_receipt(txn, identity, printed_at=clock.now(), qr_text=qr_text(txn), notes=notes, voucher=voucher,
                           bbps=bbps)  # fmt: skip
    outcome = printer.print_job(job_id_for(txn), layout)
    return _record(ledger, txn, outcome)


def reprint_receipt(
    ledger: Ledger,
    printer: ReceiptPrinter,
    txn_id: str,
    *,
    copy: int,
    identity: Identity,
    clock: Clock,
    qr_text: QrText,
) -> ReceiptResult:
    """The operator's reprint: a pending receipt prints as the original, a printed one as DUPLICATE copy `copy`."""
    txn = ledger.get(txn_id)
    if txn.state in (TxnState.PAID, TxnState.RECEIPT_PENDING):
        return print_receipt(ledger, printer, txn_id, identity=identity, clock=clock, qr_text=qr_text)
    if txn.state not in (TxnState.RECEIPT_PRINTED, TxnState.COMPLETED):
        raise LedgerError(f"transaction {txn_id} is {txn.state.value}: it has no receipt to reprint")
    if copy < 1:
        raise LedgerError(f"duplicate copy number must be 1 or more, got {copy}")
    notes, voucher = cash_details(ledger, txn)
    layout = build_receipt(
        txn,
        identity,
        printed_at=clock.now(),
        qr_text=qr_text(txn),
        notes=notes,
        voucher=voucher,
        duplicate=True,
        bbps=BbpsRecords(ledger.store).facts(txn.id),
    )
    outcome = printer.print_job(job_id_for(txn, copy=copy), layout)
    if outcome.printed:
        return ReceiptResult(txn, outcome, "प्रतिलिपि छप गई।", "Duplicate printed.")
    return ReceiptResult(txn, outcome, "प्रतिलिपि नहीं छप सकी।", f"Duplicate not printed: {outcome.status.value}")


def cash_details(ledger: Ledger, txn: Txn) -> tuple[list[Money], tuple[int, Money] | None]:
    """Notes credited to the transaction and its change-due voucher, read back from the ledger so reprints match."""
    rows = ledger.store.read(
        "SELECT denomination FROM cash_events WHERE txn_id = ? AND kind = 'credit' ORDER BY id", (txn.id,)
    )
    voucher = next(((v.no, v.amount) for v in ledger.vouchers() if v.txn_id == txn.id), None)
    return [Money(int(r["denomination"])) for r in rows], voucher


def _record(ledger: Ledger, txn: Txn, outcome: PrintOutcome) -> ReceiptResult:
    if outcome.printed:
        txn = ledger.receipt_printed(txn.id, job_id=outcome.job_id)
        return ReceiptResult(txn, outcome, "कृपया अपनी रसीद लें।", "Please take your receipt.")
    if txn.state is TxnState.PAID:
        txn = ledger.receipt_pending(txn.id, reason=f"{outcome.status.value}: {outcome.detail}".strip(": "))
    return ReceiptResult(
        txn,
        outcome,
        f"भुगतान प्राप्त हुआ। रसीद नं. {txn.receipt_no} ऑपरेटर से लें।",
        f"Payment received. Collect receipt No. {txn.receipt_no} from the operator.",
    )
