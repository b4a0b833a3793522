"""Cross-checks that ledger, vouchers, outbox and journal agree — used after crash and concurrency tests."""

from __future__ import annotations

import json
from collections import Counter

from kiosk.journal import verify_journal
from kiosk.store import Store


def assert_books_agree(store: Store) -> None:
    store.check_integrity()
    check = verify_journal(store)
    assert check.ok, check.describe()

    # Cash payments only: an Aadhaar payment's amount is the bank's debit, with no notes behind it.
    paid_by_txn = {
        r["id"]: r["amount_paid"]
        for r in store.read("SELECT id, amount_paid FROM transactions WHERE payment_mode IS NOT 'aadhaar'")
    }
    credited = Counter[str]()
    for row in store.read("SELECT txn_id, denomination FROM cash_events WHERE kind = 'credit'"):
        credited[row["txn_id"]] += row["denomination"]
    for txn_id, paid in paid_by_txn.items():
        assert credited[txn_id] == paid, f"transaction {txn_id}: ledger says {paid}, notes add up to {credited[txn_id]}"

    seqs = [r["seq"] for r in store.read("SELECT seq FROM outbox ORDER BY seq")]
    assert seqs == list(range(1, len(seqs) + 1)), "outbox sequence has a gap"
    assert store.read_one("SELECT value FROM counters WHERE name = 'outbox_seq'") == {"value": len(seqs)}
    assert check.rows == len(seqs), "every journal row has exactly one outbox event"

    credit_events = Counter(
        json.loads(r["payload"])["cash_event"]
        for r in store.read("SELECT payload FROM outbox WHERE kind = 'cash.credit'")
    )
    cash_ids = [r["id"] for r in store.read("SELECT id FROM cash_events WHERE kind = 'credit'")]
    assert sorted(credit_events) == sorted(cash_ids), "every credited note has its outbox event"
    assert set(credit_events.values()) <= {1}, "a credited note has more than one outbox event"

    for row in store.read("SELECT * FROM transactions"):
        due = row["amount_due"] + row["fee"]
        vouchers = store.read("SELECT amount, reason FROM vouchers WHERE txn_id = ?", (row["id"],))
        if row["state"] == "abandoned":
            assert [v["amount"] for v in vouchers] == [row["amount_paid"]]
        elif row["amount_paid"] > due:
            assert [v["amount"] for v in vouchers] == [row["amount_paid"] - due]
        else:
            assert vouchers == []
