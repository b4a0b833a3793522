"""PostgreSQL events by month: keys unique forever across partitions, and the migration from today's table."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from server import partitions
from server.db import Database, IntegrityError
from server.service import Kiosk, Service
from sync.protocol import EventItem

NOW = datetime(2026, 12, 6, 3, 0, tzinfo=UTC)
LEGACY_EVENTS = """CREATE TABLE events (
    kiosk_id TEXT NOT NULL, seq BIGINT NOT NULL, uuid TEXT NOT NULL, kind TEXT NOT NULL,
    occurred_at TEXT NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL, reason TEXT,
    received_at TEXT NOT NULL, PRIMARY KEY (kiosk_id, seq), UNIQUE (kiosk_id, uuid))"""


def item(seq: int, ident: str | None = None) -> EventItem:
    fields = {"seq": seq, "uuid": ident or str(uuid.uuid4()), "kind": "payment.completed",
              "occurred_at": "2026-12-06T02:00:00Z", "payload": {"amount_paise": 100}}  # fmt: skip
    return EventItem.model_validate(fields)


def enrolled(service: Service, code: str = "RJ-JPR-0001") -> Kiosk:
    with service.db.tx() as tx:
        tx.execute("INSERT INTO kiosks (id, code, public_key, enrolled_at) VALUES (?, ?, 'x', '2026-01-01')",
                   ("k-" + code, code))  # fmt: skip
    return Kiosk("k-" + code, code)


def ingest(service: Service, kiosk: Kiosk, items: list[EventItem], when: datetime = NOW) -> list[str]:
    with service.db.tx() as tx:
        results, _ = service.ingest(tx, kiosk, items, when)
    return [r.status for r in results]


def test_a_seq_or_uuid_used_in_an_old_month_is_refused_in_a_new_month(pg_url: str) -> None:
    service = Service(Database(pg_url))
    with service.db.tx() as tx:  # the months of this test, whatever today's date (the server makes today's)
        partitions.ensure_partitions(tx, 2026, 12, 1)
    kiosk = enrolled(service)
    first = item(1)
    assert ingest(service, kiosk, [first, item(2)], datetime(2026, 12, 31, 23, 59, tzinfo=UTC)) == ["accepted"] * 2
    january = datetime(2027, 1, 1, 0, 1, tzinfo=UTC)
    assert ingest(service, kiosk, [item(1), item(3, first.uuid), first], january) == ["rejected", "rejected",
                                                                                       "duplicate"]  # fmt: skip
    with pytest.raises(IntegrityError), service.db.tx() as tx:  # even SQL that skips the service's checks
        tx.execute("INSERT INTO events (kiosk_id, seq, uuid, kind, occurred_at, payload, status, received_at)"
                   " VALUES (?, 2, 'other', 'k', 'x', '{}', 'accepted', '2027-01-02')", (kiosk.id,))  # fmt: skip
    with service.db.tx(write=False) as tx:
        months = tx.all("SELECT tableoid::regclass::text, count(*) FROM events GROUP BY 1 ORDER BY 1")
    assert months == [("events_2026_12", 2)]
    service.db.close()


def test_the_housekeeper_keeps_partitions_ahead_of_the_clock(pg_url: str) -> None:
    db = Database(pg_url)
    Service(db)
    assert partitions.maintain(db, datetime(2027, 11, 1, tzinfo=UTC)) > 0
    with db.tx(write=False) as tx:
        assert tx.one("SELECT to_regclass('events_2028_02')") == ("events_2028_02",)
    db.close()


def test_todays_events_table_migrates_with_its_keys_and_keeps_taking_events(pg_url: str) -> None:
    db = Database(pg_url)
    with db.tx() as tx:
        tx.execute(LEGACY_EVENTS)
    service = Service(db)  # an old database: the server runs on, reading keys through a view
    kiosk = enrolled(service)
    first = item(1)
    assert ingest(service, kiosk, [first, item(2)]) == ["accepted"] * 2
    with db.tx() as tx:
        done = partitions.migrate(tx, NOW)
    assert "2 events kept in events_legacy (before 2027-01)" in done
    with db.tx() as tx:
        assert partitions.migrate(tx, NOW) == "events is already partitioned: nothing to do"
    again = Service(db)
    assert ingest(again, kiosk, [item(1), item(3, first.uuid), item(3)], datetime(2027, 1, 5, tzinfo=UTC)) == [
        "rejected", "rejected", "accepted"]  # fmt: skip
    with db.tx(write=False) as tx:
        assert tx.one("SELECT high_water FROM kiosks WHERE id = ?", (kiosk.id,)) == (3,)
        months = tx.all("SELECT tableoid::regclass::text, count(*) FROM events GROUP BY 1 ORDER BY 1")
    assert months == [("events_2027_01", 1), ("events_legacy", 2)]
    db.close()


def test_a_migration_refuses_events_stamped_after_next_month_and_changes_nothing(pg_url: str) -> None:
    db = Database(pg_url)
    with db.tx() as tx:
        tx.execute(LEGACY_EVENTS)
        tx.execute("INSERT INTO events VALUES ('k', 1, 'u', 'k', 'x', '{}', 'accepted', NULL, '2031-01-01')")
    Service(db)
    with pytest.raises(ValueError, match="after 2027-01"), db.tx() as tx:
        partitions.migrate(tx, NOW)
    with db.tx(write=False) as tx:
        assert partitions.events_kind(tx) == "r"
    db.close()
