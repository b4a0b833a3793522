"""What operator mode's "payments still open" page shows of Bharat BillPay bills the biller has not confirmed."""

from __future__ import annotations

from typing import Any

from kiosk.bbps_totals import awaiting_biller
from kiosk.store import Store


def bbps_pending_view(store: Store, language: str) -> list[dict[str, Any]]:
    """Oldest first, each with what the operator must do in the reader's language."""
    return [
        {"txn": a.txn_id, "receipt": str(a.receipt_no or "-"), "day": a.business_day, "biller": a.biller_name,
         "reference": a.reference, "amount": a.amount.format(), "state": a.state, "tries": str(a.attempts),
         "action": a.action[0 if language == "hi" else 1]}
        for a in awaiting_biller(store)
    ]  # fmt: skip
