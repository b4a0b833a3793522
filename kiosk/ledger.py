"""The cash ledger: every change to a transaction, a note or a voucher, committed with its outbox and journal rows."""

from __future__ import annotations

import json
import uuid as uuidlib
from dataclasses import dataclass, replace

from kiosk.capture.blob_events import link_blobs
from kiosk.clock import business_day, parse_iso_utc
from kiosk.money import Money
from kiosk.store import Store, UnitOfWork
from kiosk.transactions import PaymentMode, Txn, TxnState, check_transition


class LedgerError(ValueError):
    """A request the ledger refuses (unknown transaction, bad amount); nothing was written."""


@dataclass(frozen=True, slots=True)
class Credit:
    """The result of crediting one note: the updated transaction, and a voucher if it overpaid."""

    txn: Txn
    cash_event_id: int
    voucher_no: int | None
    duplicate: bool = False


@dataclass(frozen=True, slots=True)
class Voucher:
    no: int
    txn_id: str
    amount: Money
    reason: str
    state: str
    business_day: str


class Ledger:
    """Domain operations on the store. Each public method is exactly one SQLite transaction."""

    def __init__(self, store: Store, *, actor: str = "kiosk") -> None:
        self.store = store
        self.actor = actor

    # -- reads ---------------------------------------------------------------------------------
    def get(self, txn_id: str) -> Txn:
        row = self.store.read_one("SELECT * FROM transactions WHERE id = ?", (txn_id,))
        if row is None:
            raise LedgerError(f"no transaction {txn_id}")
        return Txn.from_row(row)

    def open_transactions(self) -> list[Txn]:
        rows = self.store.read(
            "SELECT * FROM transactions WHERE state IN (?, ?) ORDER BY created_at",
            (TxnState.CREATED.value, TxnState.AWAITING_PAYMENT.value),
        )
        return [Txn.from_row(r) for r in rows]

    def vouchers(self, *, state: str | None = None) -> list[Voucher]:
        sql = "SELECT * FROM vouchers" + (" WHERE state = ?" if state else "") + " ORDER BY no"
        rows = self.store.read(sql, (state,) if state else ())
        return [
            Voucher(r["no"], r["txn_id"], Money(r["amount"]), r["reason"], r["state"], r["business_day"]) for r in rows
        ]

    def cash_total(self) -> Money:
        row = self.store.read_one("SELECT COALESCE(SUM(denomination), 0) AS total FROM cash_events")
        return Money(int(row["total"])) if row else Money(0)

    # -- writes --------------------------------------------------------------------------------
    def create(
        self,
        *,
        service_id: str,
        service_name_hi: str,
        service_name_en: str,
        reference: str,
        amount_due: Money,
        fee: Money = Money(0),
    ) -> Txn:
        if amount_due.is_negative() or fee.is_negative():
            raise LedgerError("amount due and fee must not be negative")
        if not service_id.strip():
            raise LedgerError("a transaction needs a service id")
        txn_id = str(uuidlib.uuid4())
        with self.store.write(self.actor) as uow:
            day = business_day(self.store.clock.now()).isoformat()
            uow.execute(
                "INSERT INTO transactions (id, service_id, service_name_hi, service_name_en, reference, amount_due,"
                " fee, state, business_day, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    txn_id,
                    service_id,
                    service_name_hi,
                    service_name_en,
                    reference,
                    amount_due.paise,
                    fee.paise,
                    TxnState.CREATED.value,
                    day,
                    uow.now,
                    uow.now,
                ),
            )
            uow.checkpoint("after_ledger")
            uow.record(
                "txn.created",
                txn_id,
                {
                    "service_id": service_id,
                    "reference": reference,
                    "amount_due": amount_due.paise,
                    "fee": fee.paise,
                    "business_day": day,
                },
            )
        return self.get(txn_id)

    def await_payment(self, txn_id: str, mode: PaymentMode) -> Txn:
        with self.store.write(self.actor) as uow:
            txn = self._locked(uow, txn_id)
            check_transition(txn_id, txn.state, TxnState.AWAITING_PAYMENT)
            uow.execute(
                "UPDATE transactions SET state = ?, payment_mode = ?, updated_at = ? WHERE id = ?",
                (TxnState.AWAITING_PAYMENT.value, mode.value, uow.now, txn_id),
            )
            uow.checkpoint("after_ledger")
            uow.record("txn.awaiting_payment", txn_id, {"payment_mode": mode.value})
        return self.get(txn_id)

    def credit_cash(
        self, txn_id: str, denomination: Money, *, channel: int | None = None, device_ref: str | None = None
    ) -> Credit:
        """Count one stacked note: cash event + transaction + outbox + journal in one transaction.

        `device_ref` identifies the device's credit event; crediting the same one again changes nothing.
        This is the hot path of a cash payment, so it reads through the bare connection.
        """
        if denomination.paise <= 0:
            raise LedgerError(f"a note must have a positive value, got {denomination}")
        with self.store.write(self.actor) as uow:
            if device_ref is not None:
                seen = uow.execute("SELECT id, txn_id FROM cash_events WHERE device_ref = ?", (device_ref,)).fetchone()
                if seen is not None:
                    return Credit(self._locked(uow, str(seen[1])), int(seen[0]), None, duplicate=True)
            txn = self._locked(uow, txn_id)
            if txn.state is not TxnState.AWAITING_PAYMENT or txn.payment_mode is not PaymentMode.CASH:
                raise LedgerError(f"transaction {txn_id} is not waiting for cash (state {txn.state.value})")
            event_id = self._insert_cash_event(uow, "credit", txn_id, denomination, channel, device_ref)
            paid = txn.amount_paid + denomination
            state = TxnState.PAID if paid >= txn.total_due else TxnState.AWAITING_PAYMENT
            receipt_no = uow.next_number("receipt_no") if state is TxnState.PAID else None
            uow.execute(
                "UPDATE transactions SET amount_paid = ?, state = ?, receipt_no = ?, updated_at = ? WHERE id = ?",
                (paid.paise, state.value, receipt_no, uow.now, txn_id),
            )
            uow.checkpoint("after_ledger")
            if state is TxnState.PAID:
                self._release_on_paid(uow, txn_id)
            uow.record(
                "cash.credit",
                txn_id,
                {
                    "cash_event": event_id,
                    "denomination": denomination.paise,
                    "channel": channel,
                    "amount_paid": paid.paise,
                    "state": state.value,
                    "receipt_no": receipt_no,
                },
            )
            voucher_no = None
            overpaid = paid - txn.total_due
            if overpaid.paise > 0:
                voucher_no = self._issue_voucher(uow, txn_id, overpaid, "overpaid", txn.business_day)
        updated = replace(txn, amount_paid=paid, state=state, receipt_no=receipt_no, updated_at=uow.now)
        return Credit(updated, event_id, voucher_no)

    def record_suspense(
        self, denomination: Money, *, channel: int | None, reason: str, device_ref: str | None = None
    ) -> int:
        """A note that reached the cash box with no transaction to credit: kept for the operator to resolve."""
        if device_ref is not None:
            seen = self.store.read_one("SELECT id FROM cash_events WHERE device_ref = ?", (device_ref,))
            if seen is not None:
                return int(seen["id"])
        with self.store.write(self.actor) as uow:
            event_id = self._insert_cash_event(uow, "suspense", None, denomination, channel, device_ref)
            uow.record(
                "cash.suspense",
                f"cash_event:{event_id}",
                {
                    "cash_event": event_id,
                    "denomination": denomination.paise,
                    "channel": channel,
                    "reason": reason,
                },
            )
        return event_id

    def pay_other(self, txn_id: str, *, payment_ref: str) -> Txn:
        """A non-cash payment (Aadhaar-enabled payment) confirmed online: the whole amount at once."""
        with self.store.write(self.actor) as uow:
            txn = self._locked(uow, txn_id)
            waiting = txn.state in (TxnState.AWAITING_PAYMENT, TxnState.STATUS_UNKNOWN)
            if not waiting or txn.payment_mode is PaymentMode.CASH:
                raise LedgerError(f"transaction {txn_id} is not waiting for a non-cash payment")
            check_transition(txn_id, txn.state, TxnState.PAID)
            receipt_no = uow.next_number("receipt_no")
            uow.execute(
                "UPDATE transactions SET amount_paid = ?, state = ?, payment_ref = ?, receipt_no = ?, updated_at = ?"
                " WHERE id = ?",
                (txn.total_due.paise, TxnState.PAID.value, payment_ref, receipt_no, uow.now, txn_id),
            )
            uow.checkpoint("after_ledger")
            self._release_on_paid(uow, txn_id)
            uow.record(
                "txn.paid",
                txn_id,
                {
                    "payment_mode": txn.payment_mode.value if txn.payment_mode else None,
                    "payment_ref": payment_ref,
                    "amount_paid": txn.total_due.paise,
                    "receipt_no": receipt_no,
                },
            )
        return self.get(txn_id)

    def outcome_unknown(self, txn_id: str, *, reason: str) -> Txn:
        """An online payment that may have been debited (no answer in time): kept for the server's answer by
        reference or the operator's reconciliation, never cancelled blind."""
        return self._move(txn_id, TxnState.STATUS_UNKNOWN, "txn.status_unknown", {"reason": reason[:200]})

    def unknown_outcomes(self) -> list[Txn]:
        """Online payments still waiting for their outcome: the operator's reconciliation list."""
        rows = self.store.read(
            "SELECT * FROM transactions WHERE state = ? ORDER BY created_at", (TxnState.STATUS_UNKNOWN.value,)
        )
        return [Txn.from_row(r) for r in rows]

    def receipt_printed(self, txn_id: str, *, job_id: str) -> Txn:
        return self._move(txn_id, TxnState.RECEIPT_PRINTED, "txn.receipt_printed", {"job_id": job_id})

    def receipt_pending(self, txn_id: str, *, reason: str) -> Txn:
        return self._move(txn_id, TxnState.RECEIPT_PENDING, "txn.receipt_pending", {"reason": reason})

    def complete(self, txn_id: str) -> Txn:
        return self._move(txn_id, TxnState.COMPLETED, "txn.completed", {})

    def cancel(self, txn_id: str, *, reason: str) -> Txn:
        """Cancel a transaction nobody has paid anything towards."""
        txn = self.get(txn_id)
        check_transition(txn_id, txn.state, TxnState.CANCELLED)
        if txn.amount_paid.paise > 0:
            raise LedgerError(f"transaction {txn_id} has {txn.amount_paid} paid; abandon it to issue a voucher")
        return self._move(txn_id, TxnState.CANCELLED, "txn.cancelled", {"reason": reason})

    def abandon(self, txn_id: str, *, reason: str) -> Credit:
        """The villager left after paying part: the credit becomes a change-due voucher, never dropped."""
        with self.store.write(self.actor) as uow:
            txn = self._locked(uow, txn_id)
            check_transition(txn_id, txn.state, TxnState.ABANDONED)
            if txn.amount_paid.paise <= 0:
                raise LedgerError(f"transaction {txn_id} has nothing paid; cancel it instead")
            uow.execute(
                "UPDATE transactions SET state = ?, updated_at = ? WHERE id = ?",
                (TxnState.ABANDONED.value, uow.now, txn_id),
            )
            uow.checkpoint("after_ledger")
            uow.record("txn.abandoned", txn_id, {"reason": reason, "amount_paid": txn.amount_paid.paise})
            voucher_no = self._issue_voucher(uow, txn_id, txn.amount_paid, reason, txn.business_day)
        return Credit(self.get(txn_id), 0, voucher_no)

    def settle_voucher(self, voucher_no: int, *, operator: str) -> Voucher:
        with self.store.write(operator) as uow:
            row = uow.execute("SELECT state, amount FROM vouchers WHERE no = ?", (voucher_no,)).fetchone()
            if row is None:
                raise LedgerError(f"no change-due voucher number {voucher_no}")
            if row[0] != "open":
                raise LedgerError(f"voucher {voucher_no} is already settled")
            uow.execute(
                "UPDATE vouchers SET state = 'settled', settled_at = ?, settled_by = ? WHERE no = ?",
                (uow.now, operator, voucher_no),
            )
            uow.checkpoint("after_ledger")
            uow.record("voucher.settled", f"voucher:{voucher_no}", {"amount": int(row[1]), "operator": operator})
        return next(v for v in self.vouchers() if v.no == voucher_no)

    # -- helpers -------------------------------------------------------------------------------
    def _locked(self, uow: UnitOfWork, txn_id: str) -> Txn:
        cursor = uow.execute("SELECT * FROM transactions WHERE id = ?", (txn_id,))
        row = cursor.fetchone()
        if row is None:
            raise LedgerError(f"no transaction {txn_id}")
        return Txn.from_row(dict(zip([d[0] for d in cursor.description], row, strict=True)))

    def document_printed(self, txn_id: str, *, document: str, printed: bool, problem: str, detail: str) -> None:
        """Journal (and tell the server) whether the paid-for document came out of the A4 printer; the money is
        already committed either way, and an operator reprints from this record."""
        with self.store.write(self.actor) as uow:
            self._locked(uow, txn_id)
            action = f"{document}.printed" if printed else f"{document}.not_printed"
            uow.record(action, txn_id, {"problem": problem, "detail": detail[:200]})

    def _release_on_paid(self, uow: UnitOfWork, txn_id: str) -> None:
        """Events that wait for this transaction's fee (an application's submission, kiosk/application_records.py)
        leave in the same SQLite transaction as the payment: paid means submitted, unpaid means never sent."""
        rows = uow.execute("SELECT kind, payload, note FROM events_on_paid WHERE txn_id = ?", (txn_id,)).fetchall()
        for kind, payload, note in rows:
            digest = uow.journal(str(kind), txn_id, json.loads(note))
            link_blobs(uow, uow.emit(str(kind), {**json.loads(payload), "journal_hash": digest}), strict=False)
        if rows:
            uow.execute("DELETE FROM events_on_paid WHERE txn_id = ?", (txn_id,))

    def _move(self, txn_id: str, state: TxnState, action: str, details: dict[str, object]) -> Txn:
        with self.store.write(self.actor) as uow:
            txn = self._locked(uow, txn_id)
            check_transition(txn_id, txn.state, state)
            uow.execute(
                "UPDATE transactions SET state = ?, updated_at = ? WHERE id = ?", (state.value, uow.now, txn_id)
            )
            uow.checkpoint("after_ledger")
            uow.record(action, txn_id, details)
        return self.get(txn_id)

    def _insert_cash_event(
        self,
        uow: UnitOfWork,
        kind: str,
        txn_id: str | None,
        denomination: Money,
        channel: int | None,
        device_ref: str | None,
    ) -> int:
        day = business_day(parse_iso_utc(uow.now)).isoformat()
        cursor = uow.execute(
            "INSERT INTO cash_events (txn_id, kind, denomination, channel, device_ref, business_day, occurred_at)"
            " VALUES (?,?,?,?,?,?,?)",
            (txn_id, kind, denomination.paise, channel, device_ref, day, uow.now),
        )
        uow.checkpoint("after_cash_event")
        return int(cursor.lastrowid or 0)

    def _issue_voucher(self, uow: UnitOfWork, txn_id: str, amount: Money, reason: str, day: str) -> int:
        no = uow.next_number("voucher_no")
        uow.execute(
            "INSERT INTO vouchers (no, txn_id, amount, reason, state, business_day, created_at)"
            " VALUES (?,?,?,?, 'open', ?, ?)",
            (no, txn_id, amount.paise, reason, day, uow.now),
        )
        uow.record("voucher.issued", f"voucher:{no}", {"txn_id": txn_id, "amount": amount.paise, "reason": reason})
        return no
