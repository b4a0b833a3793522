"""Reading and settling the outbox: what the sync agent sends, and what the server has confirmed."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime

from kiosk.clock import iso_utc, parse_iso_utc
from kiosk.store import Store
from kiosk.store.db import OutboxItem


class Outbox:
    def __init__(self, store: Store) -> None:
        self.store = store

    def pending(self, *, limit: int = 500, max_bytes: int = 256 * 1024) -> list[OutboxItem]:
        """The oldest undelivered items in sequence order, bounded by count and payload bytes (at least one)."""
        rows = self.store.read(
            "SELECT seq, uuid, kind, occurred_at, payload FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT ?",
            (limit,),
        )
        items: list[OutboxItem] = []
        size = 0
        for row in rows:
            size += len(row["payload"]) + len(row["kind"]) + 64
            if items and size > max_bytes:
                break
            items.append(
                OutboxItem(row["seq"], row["uuid"], row["kind"], row["occurred_at"], json.loads(row["payload"]))
            )
        return items

    def mark_delivered(self, seqs: Iterable[int]) -> int:
        """Mark items delivered: call only with sequence numbers the server's answer named."""
        wanted = sorted(set(seqs))
        if not wanted:
            return 0
        now = iso_utc(self.store.clock.now())
        with self.store.write("sync") as uow:
            changed = 0
            for seq in wanted:
                cursor = uow.execute(
                    "UPDATE outbox SET state = 'delivered', delivered_at = ? WHERE seq = ? AND state = 'pending'",
                    (now, seq),
                )
                changed += cursor.rowcount
        return changed

    def quarantine(self, seq: int, reason: str) -> None:
        """Set aside an item the server rejected as invalid so it does not block the rest."""
        with self.store.write("sync") as uow:
            uow.execute(
                "UPDATE outbox SET state = 'quarantined', reason = ? WHERE seq = ? AND state = 'pending'",
                (reason[:500], seq),
            )

    def resend_above(self, high_water: int) -> int:
        """The server's contiguous high-water mark is below what we think it has: send those items again."""
        with self.store.write("sync") as uow:
            cursor = uow.execute(
                "UPDATE outbox SET state = 'pending', delivered_at = NULL WHERE seq > ? AND state = 'delivered'",
                (high_water,),
            )
            return cursor.rowcount

    def depth(self) -> int:
        row = self.store.read_one("SELECT count(*) AS n FROM outbox WHERE state = 'pending'")
        return int(row["n"]) if row else 0

    def quarantined(self) -> int:
        row = self.store.read_one("SELECT count(*) AS n FROM outbox WHERE state = 'quarantined'")
        return int(row["n"]) if row else 0

    def oldest_pending_age_s(self, now: datetime) -> float | None:
        row = self.store.read_one("SELECT occurred_at FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT 1")
        if row is None:
            return None
        return max((now - parse_iso_utc(row["occurred_at"])).total_seconds(), 0.0)

    def last_seq(self) -> int:
        row = self.store.read_one("SELECT value FROM counters WHERE name = 'outbox_seq'")
        return int(row["value"]) if row else 0
