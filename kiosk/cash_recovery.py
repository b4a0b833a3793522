"""After a crash: settle the payments a killed process left open, and let the operator resolve what is still stuck."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kiosk.clock import Clock
from kiosk.devices.printer import ReceiptPrinter
from kiosk.ledger import Ledger, LedgerError
from kiosk.printing import QrText, print_receipt
from kiosk.receipt import Identity, build_voucher_slip
from kiosk.transactions import RAIL_MODES, PaymentMode, Txn, TxnState

# Paid online: the bank or PSP may have taken the money, so a restart never cancels these blind.
ONLINE_MODES = RAIL_MODES | {PaymentMode.AADHAAR}

# The reasons an operator can pick for a payment still stuck after the automatic settlement (typed text also works).
STUCK_REASONS: tuple[str, ...] = (
    "ग्राहक चला गया / The villager left",
    "भुगतान दोबारा किया गया / The villager paid again in a new transaction",
    "तकनीकी समस्या / Technical problem",
)


@dataclass(frozen=True, slots=True)
class Settlement:
    """What a start settled, each already journaled by the ledger."""

    receipts_pending: tuple[str, ...] = ()  # paid in full, receipt not yet printed: reprintable, printed next
    vouchers: tuple[int, ...] = ()  # part-paid: the change-due vouchers issued
    cancelled: tuple[str, ...] = ()  # nothing paid
    left_open: tuple[str, ...] = ()  # not ours to settle (an Aadhaar answer still awaited): the operator resolves

    @property
    def anything(self) -> bool:
        return bool(self.receipts_pending or self.vouchers or self.cancelled or self.left_open)


def settle_open_payments(ledger: Ledger, reason: str) -> Settlement:
    """Every transaction a dead process left between creation and a printed receipt gets its honest end state."""
    pending: list[str] = []
    vouchers: list[int] = []
    cancelled: list[str] = []
    left: list[str] = []
    for txn in ledger.open_transactions():
        if txn.state is TxnState.AWAITING_PAYMENT and txn.payment_mode in ONLINE_MODES:
            left.append(txn.id)  # the bank may have debited: only its answer (or the operator) may close it
            continue
        voucher = end_unpaid(ledger, txn, reason)
        if voucher is None:
            cancelled.append(txn.id)
        else:
            vouchers.append(voucher)
    for row in ledger.store.read("SELECT id FROM transactions WHERE state = ? ORDER BY created_at", ("paid",)):
        ledger.receipt_pending(str(row["id"]), reason=reason)
        pending.append(str(row["id"]))
    settlement = Settlement(tuple(pending), tuple(vouchers), tuple(cancelled), tuple(left))
    if settlement.anything:
        with ledger.store.write(ledger.actor) as uow:
            uow.record(
                "payments.settled_at_start",
                "kiosk",
                {
                    "reason": reason,
                    "receipts_pending": len(pending),
                    "vouchers": vouchers,
                    "cancelled": len(cancelled),
                    "left_open": len(left),
                },
            )
    return settlement


def end_unpaid(ledger: Ledger, txn: Txn, reason: str) -> int | None:
    """Close a transaction that was never paid in full: its credit becomes a voucher (the number), else cancelled."""
    if txn.amount_paid.paise > 0:
        return ledger.abandon(txn.id, reason=reason).voucher_no
    ledger.cancel(txn.id, reason=reason)
    return None


def stuck_payments(ledger: Ledger) -> list[Txn]:
    """What the operator's resolve page lists: every payment neither finished nor settled — except a rail's, which
    only the rail's answer by reference may end (the app asks at start; held ones are listed as unknown)."""
    return [t for t in ledger.open_transactions() if t.payment_mode not in RAIL_MODES]


def resolve_stuck(ledger: Ledger, txn_id: str, *, reason: str, operator: str) -> int | None:
    """The operator closes one stuck payment with their reason (journaled with their id); a voucher number when the
    villager had paid part. Bad input (no reason, not stuck) is refused and nothing changes."""
    text = " ".join(reason.split())
    if not 3 <= len(text) <= 200:
        raise LedgerError("give a reason of 3 to 200 characters for resolving a stuck payment")
    txn = ledger.get(txn_id)
    if txn.state not in (TxnState.CREATED, TxnState.AWAITING_PAYMENT):
        raise LedgerError(f"transaction {txn_id} is {txn.state.value}, not stuck")
    if txn.payment_mode in RAIL_MODES:
        raise LedgerError(f"transaction {txn_id} is a {txn.payment_mode.value} payment: only the rail's answer ends it")
    voucher = end_unpaid(ledger, txn, f"operator {operator}: {text}")
    with ledger.store.write(operator) as uow:
        uow.record("payment.resolved_by_operator", txn_id, {"reason": text, "voucher": voucher})
    return voucher


def print_pending_receipts(
    ledger: Ledger, printer: ReceiptPrinter, txn_ids: Iterable[str], *, identity: Identity, clock: Clock, qr: QrText
) -> list[str]:
    """At the next chance (the start, when the printer can print): the receipts a crash left pending come out, each
    moved to printed; one the printer cannot do stays pending (reprintable by the operator). The printed ids."""
    printed: list[str] = []
    for txn_id in txn_ids:
        if not printer.status().can_print:
            break
        if print_receipt(ledger, printer, txn_id, identity=identity, clock=clock, qr_text=qr).printed:
            printed.append(txn_id)
    return printed


def print_voucher_slips(
    ledger: Ledger, printer: ReceiptPrinter, voucher_nos: Iterable[int], *, identity: Identity, clock: Clock
) -> list[int]:
    """At the next chance (the start): a slip for each change-due voucher a restart issued, so the villager who comes
    back has it in hand; each printed slip is journaled. One the printer cannot do is still in operator mode's
    vouchers. The numbers printed."""
    wanted = set(voucher_nos)
    printed: list[int] = []
    for voucher in ledger.vouchers(state="open"):
        if voucher.no not in wanted:
            continue
        if not printer.status().can_print:
            break
        txn = ledger.get(voucher.txn_id)
        slip = build_voucher_slip(voucher.no, voucher.amount, txn, identity, printed_at=clock.now())
        if printer.print_job(f"voucher-{voucher.no}", slip).printed:
            with ledger.store.write(ledger.actor) as uow:
                uow.record("voucher.slip_printed", voucher.txn_id, {"voucher": voucher.no})
            printed.append(voucher.no)
    return printed
