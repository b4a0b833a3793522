"""Cash-box removals: the acceptor's removed event must match an operator's recorded removal, or it is flagged."""

from __future__ import annotations

from datetime import timedelta

from kiosk.clock import iso_utc
from kiosk.store import Store

# How long before the acceptor notices that the operator's "removing the cash box" action stays valid.
MATCH_WINDOW = timedelta(minutes=10)


class CashBoxLog:
    def __init__(self, store: Store) -> None:
        self.store = store

    def operator_removing(self, *, operator: str) -> None:
        with self.store.write(operator) as uow:
            uow.record("cashbox.removal_announced", "cashbox", {"operator": operator})

    def acceptor_reported_removed(self) -> bool:
        """Record the acceptor's event; returns True when an operator had announced it, else flags it."""
        since = iso_utc(self.store.clock.now() - MATCH_WINDOW)
        announced = self.store.read_one(
            "SELECT id, actor FROM journal WHERE action = 'cashbox.removal_announced' AND at >= ?"
            " AND id > COALESCE((SELECT max(id) FROM journal WHERE action LIKE 'cashbox.removed%'), 0)"
            " ORDER BY id DESC LIMIT 1",
            (since,),
        )
        with self.store.write("acceptor") as uow:
            if announced is not None:
                uow.record("cashbox.removed", "cashbox", {"operator": announced["actor"]})
            else:
                uow.record("cashbox.removed_unannounced", "cashbox", {"alert": True})
        return announced is not None
