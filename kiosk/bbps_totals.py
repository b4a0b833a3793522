"""Bharat BillPay at day close: the day's BBPS payments by the biller's answer, and those the operator must follow."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kiosk.money import Money
from kiosk.store import Store
from kiosk.transactions import PAID_STATES

# The BBPOU's answer to a paid bill, as the operator reads it (Hindi / English).
STATE_NAMES = {
    "confirmed": "पुष्टि हुई / confirmed",
    "to_post": "पुष्टि बाकी / awaiting the biller",
    "refused": "बिलर ने मना किया / refused by the biller",
}

# What the operator must do about a paid bill the biller has not confirmed (Hindi, English).
ACTIONS = {
    "to_post": (
        "ग्रामीण से दोबारा पैसे न लें। मशीन इसे भारत बिल पे को खुद भेजती रहती है; इंटरनेट जाँचें। अगले कार्य दिवस तक"
        " पुष्टि न हो तो रसीद संख्या के साथ हेल्पडेस्क को बताएँ।",
        "Take no money again. The kiosk keeps sending it to Bharat BillPay by itself; check the internet. Not"
        " confirmed by the next working day: call the helpdesk with the receipt number.",
    ),
    "refused": (
        "बिलर ने भुगतान नहीं लिया: रसीद देखकर ग्रामीण को राशि वापस करें, रसीद अपने पास रखें और हेल्पडेस्क को बताएँ।",
        "The biller refused the payment: give the villager the amount back against the receipt, keep the receipt"
        " and tell the helpdesk.",
    ),
}


@dataclass(frozen=True, slots=True)
class BbpsTotal:
    """Paid BBPS bills of the day in one state of the biller's answer: bill amounts and fees apart."""

    state: str  # confirmed, to_post, refused
    count: int
    amount: Money
    fee: Money

    @property
    def name(self) -> str:
        return STATE_NAMES.get(self.state, self.state)


@dataclass(frozen=True, slots=True)
class AwaitingBiller:
    """A paid BBPS bill without the biller's approval reference: still being posted, or refused."""

    txn_id: str
    receipt_no: int | None
    business_day: str
    biller_name: str
    reference: str  # the consumer number, as on the villager's receipt
    amount: Money  # the bill amount plus the convenience fee: what the villager paid
    state: str  # to_post or refused
    attempts: int

    @property
    def action(self) -> tuple[str, str]:
        return ACTIONS.get(self.state, ACTIONS["to_post"])


def _paid() -> tuple[str, tuple[str, ...]]:
    states = tuple(s.value for s in PAID_STATES)
    return f"t.state IN ({','.join('?' * len(states))})", states


def bbps_totals(store: Store, days: Iterable[str]) -> tuple[BbpsTotal, ...]:
    """The paid BBPS bills of the given business days, one line per state of the biller's answer."""
    day_list = sorted(set(days))
    if not day_list:
        return ()
    paid, states = _paid()
    rows = store.read(
        "SELECT b.state, count(*) AS n, SUM(b.amount) AS amount, SUM(b.fee) AS fee FROM bbps_payments b"
        f" JOIN transactions t ON t.id = b.txn_id WHERE t.business_day IN ({','.join('?' * len(day_list))})"
        f" AND {paid} GROUP BY b.state ORDER BY b.state",
        (*day_list, *states),
    )
    return tuple(BbpsTotal(str(r["state"]), int(r["n"]), Money(int(r["amount"])), Money(int(r["fee"]))) for r in rows)


def awaiting_biller(store: Store) -> tuple[AwaitingBiller, ...]:
    """Every paid BBPS bill, of any day, the biller has not confirmed: the operator's to-do list, oldest first."""
    paid, states = _paid()
    rows = store.read(
        "SELECT b.txn_id, t.receipt_no, t.business_day, b.biller_name, t.reference, b.amount + b.fee AS amount,"
        " b.state, b.attempts FROM bbps_payments b JOIN transactions t ON t.id = b.txn_id"
        f" WHERE b.state != 'confirmed' AND {paid} ORDER BY b.created_at",
        states,
    )
    return tuple(
        AwaitingBiller(str(r["txn_id"]), r["receipt_no"], str(r["business_day"]), str(r["biller_name"]),
                       str(r["reference"]), Money(int(r["amount"])), str(r["state"]), int(r["attempts"]))
        for r in rows
    )  # fmt: skip


def bbps_summary(totals: Iterable[BbpsTotal], awaiting: Iterable[AwaitingBiller]) -> dict[str, object]:
    """For the day-close event the server keeps: paise per state, and the unconfirmed payments by transaction."""
    return {
        "bbps": {t.state: {"count": t.count, "amount": t.amount.paise, "fee": t.fee.paise} for t in totals},
        "bbps_unconfirmed": [{"txn_id": a.txn_id, "state": a.state, "amount": a.amount.paise} for a in awaiting],
    }


def bbps_report_lines(totals: Iterable[BbpsTotal], awaiting: Iterable[AwaitingBiller]) -> list[str]:
    """The Z-report's Bharat BillPay block and the operator's to-do list for unconfirmed bills (Hindi, then English)."""
    total_list, awaiting_list = list(totals), list(awaiting)
    if not total_list and not awaiting_list:
        return []
    out = ["भारत बिल पे / Bharat BillPay:"]
    out += [f"  {t.name}  ·  {t.count}  ·  {t.amount}  + शुल्क/fee {t.fee}" for t in total_list] or ["  —"]
    if awaiting_list:
        out.append(f"बिलर की पुष्टि नहीं / not confirmed by the biller: {len(awaiting_list)}")
        for a in awaiting_list:
            hindi, english = a.action
            out.append(f"  {STATE_NAMES.get(a.state, a.state)}  {a.amount}  रसीद/receipt {a.receipt_no or '-'}"
                       f"  {a.biller_name} ({a.reference})")  # fmt: skip
            out.append(f"    {hindi}")
            out.append(f"    {english}")
    return out
