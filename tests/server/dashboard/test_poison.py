"""Poison events: refused at ingest with the field named, and never able to stop other machines' rollups or alerts."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from server.dashboard import fleet
from server.dashboard.rollup import refresh
from server.db import Database
from server.service import Kiosk, Service
from sync.protocol import EventItem
from tests.server.dashboard.test_rollup import NOW, SITE, day_rows, enrolled

AT = "2026-11-20T05:00:00Z"
DASHBOARD_KINDS = ("txn.created", "txn.paid", "cash.credit", "day.closed", "problem.reported", "kiosk.inspection",
                   "kiosk.repair", "kiosk.geotagged", "kiosk.provisioned")  # fmt: skip


def item(seq: int, kind: str, payload: dict[str, Any], at: str = AT) -> EventItem:
    return EventItem(seq=seq, uuid=str(uuid.uuid4()), kind=kind, occurred_at=at, payload=payload)


def ingest(db: Database, kiosk: Kiosk, items: list[EventItem]) -> list[tuple[str, str | None]]:
    service = Service(db)
    with db.tx() as tx:
        results, _ = service.ingest(tx, kiosk, items, NOW)
    return [(r.status, r.reason) for r in results]


def test_poison_payloads_and_impossible_times_are_refused_with_the_field_named(db: Database) -> None:
    kiosk = enrolled(db)
    answers = ingest(db, kiosk, [
        item(1, "txn.paid", {"subject": "T1", "amount_paid": 5000}, at="9999-12-31T23:59:59Z"),
        item(2, "day.closed", {"subject": "close:1"}, at="1970-01-01T00:00:00Z"),
        item(3, "kiosk.provisioned", {**SITE, "hours": ["mon", "09:00-17:00"]}),
        item(4, "kiosk.provisioned", {**SITE, "position": {"lat": 26.9}}),
        item(5, "txn.paid", {"subject": "T1", "amount_paid": 10**30}),
        item(6, "kiosk.geotagged", {"lat": "26.9", "lon": 75.8}),
        item(7, "txn.paid", {"subject": "T1", "amount_paid": 5000}),
    ])  # fmt: skip
    assert [status for status, _ in answers] == ["rejected"] * 6 + ["accepted"]
    reasons = [str(reason) for _, reason in answers[:6]]
    assert "occurred_at 9999-12-31T23:59:59Z is more than a day ahead" in reasons[0]
    assert "before 2020-01-01" in reasons[1]
    assert reasons[2].startswith("kiosk.provisioned payload.hours:")
    assert reasons[3].startswith("kiosk.provisioned payload.position:")
    assert reasons[4].startswith("txn.paid payload.amount_paid:")
    assert reasons[5].startswith("kiosk.geotagged payload.lat:")
    assert refresh(db) == 7
    assert day_rows(db, kiosk) == {"2026-11-20": (1, 5000, 0, 0)}


def poison(db: Database, kiosk: Kiosk, seq: int, kind: str, payload: object, at: str = AT) -> None:
    """An event accepted before the schemas existed (an old database): written straight into the table."""
    with db.tx() as tx:
        tx.execute("INSERT INTO events (kiosk_id, epoch, seq, uuid, kind, occurred_at, payload, status, received_at)"
                   " VALUES (?, 1, ?, ?, ?, ?, ?, 'accepted', ?)",
                   (kiosk.id, seq, str(uuid.uuid4()), kind, at, json.dumps(payload), AT))  # fmt: skip
        tx.execute("UPDATE kiosks SET high_water = ? WHERE id = ?", (seq, kiosk.id))


def test_one_machine_whose_events_cannot_be_folded_is_halted_and_alerted_while_the_rest_fold(db: Database) -> None:
    bad, good = enrolled(db, "RJ-JAI-0001"), enrolled(db, "RJ-JAI-0002")
    poison(db, bad, 1, "kiosk.provisioned", {"identity": {"district": "Jaipur", "block": "Chaksu"}, "hours": ["mon"]})
    ingest(db, good, [item(1, "txn.paid", {"subject": "T1", "amount_paid": 700})])
    assert refresh(db) == 1
    assert day_rows(db, good) == {"2026-11-20": (1, 700, 0, 0)}
    with db.tx(write=False) as tx:
        halted = tx.one("SELECT done_seq, halted_reason FROM dash_state WHERE kiosk_id = ?", (bad.id,))
    assert halted is not None
    assert halted[0] == 0
    assert "epoch 1 seq 1 (kiosk.provisioned)" in str(halted[1])
    fleet.run_alerts(db, datetime(2026, 11, 23, 6, 30, tzinfo=UTC))
    with db.tx(write=False) as tx:
        kinds = {(str(k), str(n)) for k, n in tx.all("SELECT kiosk_id, kind FROM dash_alerts WHERE cleared_at IS NULL")}
    assert (bad.id, "rollup_halted") in kinds
    assert (good.id, "offline") in kinds  # the alert pass ran for every other machine too


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
FIELDS = st.sampled_from(["subject", "amount_paid", "state", "service_id", "lat", "lon", "hours", "position",
                          "identity", "healthy", "screen", "engineer", "notes", "district"])  # fmt: skip
PAYLOADS = st.dictionaries(FIELDS, JSON, max_size=6)
TIMES = st.sampled_from([AT, "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "2026-13-45T99:00:00Z", "garbage"])


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(batches=st.lists(st.tuples(st.sampled_from(DASHBOARD_KINDS), PAYLOADS, TIMES), min_size=1, max_size=4))
def test_random_payloads_for_one_machine_never_stop_the_other_machines_rollups(
    tmp_path_factory: Any, batches: list[tuple[str, dict[str, Any], str]]
) -> None:
    db = Database("sqlite:///" + str(tmp_path_factory.mktemp("poison") / "server.db"))
    Service(db)
    bad, good = enrolled(db, "RJ-JAI-0001"), enrolled(db, "RJ-JAI-0002")
    for seq, (kind, payload, at) in enumerate(batches, start=1):
        poison(db, bad, seq, kind, payload, at)  # worst case: nothing checked them on the way in
    ingest(db, bad, [item(100 + n, kind, payload) for n, (kind, payload, _) in enumerate(batches)])
    ingest(db, good, [item(1, "txn.paid", {"subject": "T1", "amount_paid": 700})])
    refresh(db)
    fleet.run_alerts(db, datetime(2026, 11, 23, 6, 30, tzinfo=UTC))
    assert day_rows(db, good) == {"2026-11-20": (1, 700, 0, 0)}
    db.close()
