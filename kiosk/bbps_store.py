"""BBPS payments kept in the kiosk's database: ordered before money is taken, posted to the BBPOU after it is paid
(now, or later by retry when the network is down), and the approval reference the receipt prints."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import Protocol

from kiosk.bbps import BbpsFacts, Confirmation, FetchedBill, PaymentOrder, PaymentRefused, Quote
from kiosk.clock import iso_utc
from kiosk.money import Money
from kiosk.online import Unavailable
from kiosk.store.db import Store
from kiosk.transactions import PAID_STATES, PaymentMode

# How BBPS names the kiosk's payment modes in a payment request (a rail added later passes its own name through).
BBPS_MODES = {"cash": "Cash", "aadhaar": "AEPS", "upi": "UPI", "card": "Card"}
# Retry waits after a failed post: 30 s doubling to an hour (the agent's job adds its own jitter).
FIRST_RETRY_S = 30
MAX_RETRY_S = 3600


class Payer(Protocol):
    def pay(self, order: PaymentOrder) -> Confirmation | PaymentRefused | Unavailable: ...


class BbpsRecords:
    def __init__(self, store: Store, *, actor: str = "kiosk") -> None:
        self.store = store
        self.actor = actor

    def order(self, txn_id: str, *, biller_id: str, biller_name: str, params: dict[str, str],
              bill: FetchedBill | None, quote: Quote, mode: PaymentMode) -> None:  # fmt: skip
        """Record what must be posted for this transaction: before it awaits payment, so no money is ever taken
        for a BBPS bill without the kiosk knowing it owes the BBPOU a post. Not journaled itself (the transaction is;
        the post's outcome is journaled and sent as `bbps.confirmed` / `bbps.refused`)."""
        with self.store.write(self.actor) as uow:
            uow.execute(
                "INSERT INTO bbps_payments (txn_id, biller_id, biller_name, params, fetch_ref_id, amount, fee,"
                " payment_mode, bill_date, due_date, state, next_try_at, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'to_post', ?, ?, ?)",
                (txn_id, biller_id, biller_name, json.dumps(params, sort_keys=True), bill.ref_id if bill else None,
                 quote.amount.paise, quote.fee.paise, BBPS_MODES.get(mode.value, mode.value),
                 bill.bill_date.isoformat() if bill else None,
                 bill.due_date.isoformat() if bill else None, uow.now, uow.now, uow.now),
            )  # fmt: skip

    def facts(self, txn_id: str) -> BbpsFacts | None:
        row = self.store.read_one(
            "SELECT biller_name, txn_ref_id, bill_date, due_date, state FROM bbps_payments WHERE txn_id = ?", (txn_id,)
        )
        if row is None:
            return None
        return BbpsFacts(str(row["biller_name"]), row["txn_ref_id"], _day(row["bill_date"]), _day(row["due_date"]),
                         row["state"] == "refused")  # fmt: skip

    def due_for_posting(self, now: datetime, *, txn_id: str | None = None) -> list[PaymentOrder]:
        """Paid transactions whose BBPS payment is not posted yet and whose next try is due (or this one)."""
        states = tuple(s.value for s in PAID_STATES)
        rows = self.store.read(
            "SELECT b.* FROM bbps_payments b JOIN transactions t ON t.id = b.txn_id WHERE b.state = 'to_post'"
            f" AND t.state IN ({','.join('?' * len(states))}) AND (b.next_try_at <= ? OR b.txn_id = ?)"
            " ORDER BY b.created_at",
            (*states, iso_utc(now), txn_id or ""),
        )
        return [
            PaymentOrder(str(r["txn_id"]), str(r["biller_id"]), json.loads(r["params"]), r["fetch_ref_id"],
                         Money(int(r["amount"])), Money(int(r["fee"])), str(r["payment_mode"]))
            for r in rows
        ]  # fmt: skip

    def post(self, payer: Payer, now: datetime, *, txn_id: str | None = None) -> int:
        """Post every due payment (or just `txn_id`); returns how many were confirmed. Safe to run from the UI and
        the agent at once: the idempotency key makes a second post of one payment the same payment."""
        confirmed = 0
        for order in self.due_for_posting(now, txn_id=txn_id):
            answer = payer.pay(order)
            if isinstance(answer, Confirmation):
                self._confirmed(order.idempotency_key, answer)
                confirmed += 1
            elif isinstance(answer, PaymentRefused):
                self._refused(order.idempotency_key, answer.reason)
            else:
                self._failed(order.idempotency_key, answer.detail or "no answer", now)
        return confirmed

    def _confirmed(self, txn_id: str, answer: Confirmation) -> None:
        with self.store.write(self.actor) as uow:
            uow.execute(
                "UPDATE bbps_payments SET state = 'confirmed', txn_ref_id = ?, biller_name = ?,"
                " bill_date = COALESCE(?, bill_date), due_date = COALESCE(?, due_date), updated_at = ?"
                " WHERE txn_id = ? AND state = 'to_post'",
                (answer.txn_ref_id, answer.biller_name or "", _iso(answer.bill_date), _iso(answer.due_date), uow.now,
                 txn_id),
            )  # fmt: skip
            uow.record("bbps.confirmed", txn_id, {"txn_ref_id": answer.txn_ref_id})

    def _refused(self, txn_id: str, reason: str) -> None:
        # The villager paid and the BBPOU will not take it: the operator refunds (listed with the refused state).
        with self.store.write(self.actor) as uow:
            uow.execute("UPDATE bbps_payments SET state = 'refused', last_error = ?, updated_at = ? WHERE txn_id = ?",
                        (reason[:200], uow.now, txn_id))  # fmt: skip
            uow.record("bbps.refused", txn_id, {"reason": reason[:200]})

    def _failed(self, txn_id: str, detail: str, now: datetime) -> None:
        with self.store.write(self.actor) as uow:
            row = uow.execute("SELECT attempts FROM bbps_payments WHERE txn_id = ?", (txn_id,)).fetchone()
            attempts = int(row[0]) + 1
            wait = min(FIRST_RETRY_S * 2 ** min(attempts - 1, 16), MAX_RETRY_S)
            uow.execute(
                "UPDATE bbps_payments SET attempts = ?, next_try_at = ?, last_error = ?, updated_at = ?"
                " WHERE txn_id = ?",
                (attempts, iso_utc(now + timedelta(seconds=wait)), detail[:200], uow.now, txn_id),
            )

    def by_receipt(self, receipt_no: int) -> BbpsFacts | None:
        """The BBPS payment printed on this kiosk's receipt `receipt_no` (complaints are made by receipt number:
        digits the villager can type, where the BBPS reference has letters)."""
        row = self.store.read_one(
            "SELECT b.txn_id FROM bbps_payments b JOIN transactions t ON t.id = b.txn_id WHERE t.receipt_no = ?",
            (receipt_no,),
        )
        return None if row is None else self.facts(str(row["txn_id"]))

    def unconfirmed(self) -> list[tuple[str, str, int]]:
        """(txn id, state, attempts) of paid BBPS payments without an approval reference: for the operator."""
        states = tuple(s.value for s in PAID_STATES)
        rows = self.store.read(
            "SELECT b.txn_id, b.state, b.attempts FROM bbps_payments b JOIN transactions t ON t.id = b.txn_id"
            f" WHERE b.state != 'confirmed' AND t.state IN ({','.join('?' * len(states))}) ORDER BY b.created_at",
            states,
        )
        return [(str(r["txn_id"]), str(r["state"]), int(r["attempts"])) for r in rows]


def _day(text: object) -> date | None:
    return date.fromisoformat(str(text)) if text else None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
