"""Verifying the hash-chained journal: report the first row that was changed, removed or inserted."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.store import Store
from kiosk.store.db import GENESIS_HASH, chain_hash


@dataclass(frozen=True, slots=True)
class JournalCheck:
    ok: bool
    rows: int
    first_broken_id: int | None = None
    reason: str = ""

    def describe(self) -> str:
        if self.ok:
            return f"journal intact: {self.rows} rows verified"
        return f"journal BROKEN at row {self.first_broken_id}: {self.reason}"


def verify_journal(store: Store, *, expected_head: str | None = None) -> JournalCheck:
    """Walk the chain from the first row. `expected_head` (e.g. the server's last known hash) catches truncation."""
    prev_hash = GENESIS_HASH
    expected_id = 1
    count = 0
    last_hash = GENESIS_HASH
    cursor = store.conn.execute(
        "SELECT id, at, actor, action, subject, details, prev_hash, hash FROM journal ORDER BY id"
    )
    for row in cursor:
        row_id, at, actor, action, subject, details, stored_prev, stored_hash = row
        if row_id != expected_id:
            return JournalCheck(False, count, expected_id, f"row {expected_id} is missing (next row is {row_id})")
        if stored_prev != prev_hash:
            return JournalCheck(False, count, row_id, "its link to the previous row does not match")
        if chain_hash(prev_hash, (row_id, at, actor, action, subject, details)) != stored_hash:
            return JournalCheck(False, count, row_id, "its contents were changed after it was written")
        prev_hash = last_hash = stored_hash
        expected_id += 1
        count += 1
    if expected_head is not None and expected_head not in (last_hash,):
        known = store.read_one("SELECT id FROM journal WHERE hash = ?", (expected_head,))
        if known is None:
            return JournalCheck(False, count, expected_id, "rows after the last one the server knows were removed")
    return JournalCheck(True, count)
