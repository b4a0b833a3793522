"""Money by payment rail for the day close and Z-report, and the held (unknown-outcome) payments the operator owns."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kiosk.money import Money
from kiosk.store import Store
from kiosk.transactions import PAID_STATES, TxnState

# How each mode reads on the operator's screen and paper, Hindi / English.
RAIL_NAMES = {"cash": "नकद / Cash", "aadhaar": "आधार / Aadhaar", "upi": "यूपीआई / UPI", "card": "कार्ड / Card",
              "aadhaar_pay": "आधार पे / Aadhaar Pay"}  # fmt: skip

# What the operator must do about a payment whose outcome is unknown, per mode (Hindi, English).
ACTIONS = {
    "upi": (
        "नकद न लें। मशीन हर शुरुआत पर PSP से पूछती है; 2 कार्य दिवस बाद भी अज्ञात हो तो सर्वर के UPI मिलान में UTR देखें।",
        "Take no cash for it. The kiosk asks the PSP at every start; still unknown after 2 working days, look up the"
        " UTR in the server's UPI reconciliation and refund or confirm there.",
    ),
    "card": (
        "नकद न लें। टर्मिनल की सेटलमेंट रिपोर्ट में RRN देखें।",
        "Take no cash for it. Find the RRN in the terminal's settlement report; the server's reconciliation decides.",
    ),
}
DEFAULT_ACTION = (
    "नकद न लें। बैंक का उत्तर आने पर मशीन खुद मिलान करेगी; 2 कार्य दिवस बाद भी अज्ञात हो तो हेल्पडेस्क को बताएँ।",
    "Take no cash for it. The kiosk settles it when the bank answers; still unknown after 2 working days, call the"
    " helpdesk with the slip's reference.",
)


@dataclass(frozen=True, slots=True)
class RailTotal:
    mode: str  # a PaymentMode value
    count: int
    amount: Money

    @property
    def name(self) -> str:
        return RAIL_NAMES.get(self.mode, self.mode)


@dataclass(frozen=True, slots=True)
class HeldPayment:
    txn_id: str
    mode: str
    amount: Money
    reference: str  # the consumer/application number, as on the villager's slip
    since: str  # ISO UTC, when it was last updated

    @property
    def action(self) -> tuple[str, str]:
        return ACTIONS.get(self.mode, DEFAULT_ACTION)


def rail_totals(store: Store, days: Iterable[str]) -> tuple[RailTotal, ...]:
    """Paid transactions of the given business days, one line per payment mode (cash and each rail)."""
    day_list = sorted(set(days))
    if not day_list:
        return ()
    marks = ",".join("?" * len(day_list))
    states = tuple(s.value for s in PAID_STATES)
    rows = store.read(
        f"SELECT payment_mode AS mode, count(*) AS n, SUM(amount_due + fee) AS amount FROM transactions"
        f" WHERE business_day IN ({marks}) AND state IN ({','.join('?' * len(states))})"
        " GROUP BY payment_mode ORDER BY payment_mode",
        (*day_list, *states),
    )
    return tuple(RailTotal(str(r["mode"] or "-"), int(r["n"]), Money(int(r["amount"]))) for r in rows)


def held_payments(store: Store) -> tuple[HeldPayment, ...]:
    rows = store.read(
        "SELECT id, payment_mode, amount_due + fee AS amount, reference, updated_at FROM transactions"
        " WHERE state = ? ORDER BY created_at",
        (TxnState.STATUS_UNKNOWN.value,),
    )
    return tuple(
        HeldPayment(
            str(r["id"]),
            str(r["payment_mode"] or "-"),
            Money(int(r["amount"])),
            str(r["reference"]),
            str(r["updated_at"]),
        )
        for r in rows
    )


def summary(totals: Iterable[RailTotal], held: Iterable[HeldPayment]) -> dict[str, object]:
    """For the day-close event the server keeps: paise per mode, and the held payments by reference."""
    return {
        "rails": {t.mode: {"count": t.count, "amount": t.amount.paise} for t in totals},
        "held": [{"txn_id": h.txn_id, "mode": h.mode, "amount": h.amount.paise} for h in held],
    }


def report_lines(totals: Iterable[RailTotal], held: Iterable[HeldPayment]) -> list[str]:
    """The Z-report's per-rail block and the operator's to-do list for held payments (Hindi, then English)."""
    out = ["भुगतान के तरीके / by payment rail:"]
    out += [f"  {t.name}  ·  {t.count}  ·  {t.amount}" for t in totals] or ["  —"]
    held_list = list(held)
    if held_list:
        out.append(f"अज्ञात स्थिति / outcome unknown: {len(held_list)}")
        for h in held_list:
            hindi, english = h.action
            out.append(f"  {RAIL_NAMES.get(h.mode, h.mode)}  {h.amount}  Ref {h.txn_id[:8].upper()}  ({h.reference})")
            out.append(f"    {hindi}")
            out.append(f"    {english}")
    return out
