"""The outbox drainer: send pending events in batches and settle each one only on the server's word."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from kiosk.dayclose import DayClose
from kiosk.outbox import Outbox
from kiosk.store.db import OutboxItem
from sync.client import BadAnswer, Client, Refusal
from sync.protocol import BatchAnswer

log = logging.getLogger("kiosk-agent")


@dataclass(frozen=True, slots=True)
class DrainReport:
    sent: int = 0
    delivered: int = 0
    quarantined: int = 0
    high_water: int | None = None
    resent: int = 0


class Drainer:
    def __init__(self, outbox: Outbox, client: Client, *, batch_items: int = 500, batch_bytes: int = 256_000) -> None:
        self.outbox = outbox
        self.client = client
        self.max_items = batch_items
        self.batch_bytes = batch_bytes
        # Shrinks when the server refuses a whole batch, to find the one bad item; grows back after successes.
        self.limit = batch_items

    def drain(self, *, max_batches: int = 1000) -> int:
        delivered = 0
        for _ in range(max_batches):
            report = self.drain_once()
            delivered += report.delivered
            if report.sent == 0:
                break
        return delivered

    def drain_once(self) -> DrainReport:
        items = self.outbox.pending(limit=self.limit, max_bytes=self.batch_bytes)
        if not items:
            return DrainReport()
        try:
            answer = self.client.call("POST", "/events:batch", BatchAnswer, _RawBatch(items))
        except Refusal as exc:
            if exc.status not in (413, 422):
                raise
            return self._refused_batch(items, exc)
        delivered, quarantined = self._settle(items, answer)
        self.limit = min(self.max_items, self.limit * 2)
        resent = self.check_high_water(answer.high_water)
        return DrainReport(len(items), delivered, quarantined, answer.high_water, resent)

    def _refused_batch(self, items: list[OutboxItem], exc: Refusal) -> DrainReport:
        if len(items) > 1:
            self.limit = max(1, len(items) // 2)
            log.warning("server refused a batch of %d (%s); retrying in smaller batches", len(items), exc.detail)
            return DrainReport(sent=len(items))
        item = items[0]
        log.error("server refused event seq %d (%s) as invalid: quarantined, the rest go on", item.seq, exc.detail)
        self.outbox.quarantine(item.seq, f"{exc.status}: {exc.detail}")
        return DrainReport(sent=1, quarantined=1)

    def _settle(self, items: list[OutboxItem], answer: BatchAnswer) -> tuple[int, int]:
        sent = {item.uuid: item.seq for item in items}
        seen: set[str] = set()
        for result in answer.results:
            if sent.get(result.uuid) != result.seq or result.uuid in seen:
                # One wrong line makes the whole answer untrustworthy: mark nothing, send again later.
                raise BadAnswer(f"events:batch answer names uuid {result.uuid} seq {result.seq}, which we did not send")
            seen.add(result.uuid)
        ok = [r.seq for r in answer.results if r.status in ("accepted", "duplicate")]
        delivered = self.outbox.mark_delivered(ok)
        self._acknowledge_closes(items, set(ok))
        quarantined = 0
        for result in answer.results:
            if result.status == "rejected":
                log.error("server rejected event seq %d: %s (quarantined)", result.seq, result.reason)
                self.outbox.quarantine(result.seq, result.reason or "rejected by server")
                quarantined += 1
        missing = len(items) - len(answer.results)
        if missing:
            log.warning("server answered for %d of %d events; the rest stay pending", len(answer.results), len(items))
        return delivered, quarantined

    def _acknowledge_closes(self, items: list[OutboxItem], ok: set[int]) -> None:
        """A day close the server now holds: only from here does the cash-box level restart after it."""
        for item in items:
            if item.kind == "day.closed" and item.seq in ok:
                DayClose(self.outbox.store).acknowledge(int(item.payload["close_no"]))

    def contiguous_delivered(self) -> int:
        """The highest seq such that every item up to it is delivered on our side."""
        row = self.outbox.store.read_one("SELECT min(seq) AS s FROM outbox WHERE state != 'delivered'")
        if row is None or row["s"] is None:
            return self.outbox.last_seq()
        return int(row["s"]) - 1

    def check_high_water(self, high_water: int) -> int:
        """Resend what the server says it lacks (it was restored from a backup, or lost a commit)."""
        ours = self.contiguous_delivered()
        if high_water >= ours:
            return 0
        count = self.outbox.resend_above(high_water)
        if count:
            log.warning("server high-water %d is below our delivered %d: resending %d events", high_water, ours, count)
        return count


class _RawBatch:
    """The batch body built straight from outbox rows (payloads are already canonical JSON in the store)."""

    def __init__(self, items: list[OutboxItem]) -> None:
        self.items = items

    def model_dump_json(self) -> str:
        return json.dumps(
            {"items": [
                {"seq": i.seq, "uuid": i.uuid, "kind": i.kind, "occurred_at": i.occurred_at, "payload": i.payload}
                for i in self.items
            ]},
            separators=(",", ":"), ensure_ascii=False,
        )  # fmt: skip
