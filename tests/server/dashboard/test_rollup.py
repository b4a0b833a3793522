"""Events folded into the dashboard's rollups exactly once, through the real ingest, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from server.dashboard import auth, fleet, report
from server.dashboard.rollup import FoldedElsewhere, Sampler, fold_kiosk, refresh
from server.db import Database
from server.service import Kiosk, Service
from sync.protocol import EventItem, Heartbeat

NOW = datetime(2026, 11, 23, 6, 30, tzinfo=UTC)
SITE = {"district": "Jaipur", "block": "Chaksu", "gram_panchayat": "Kotkhawda", "centre": "RGSK Kotkhawda",
        "nodal_officer": "BDO Chaksu",
        "hours": {d: "09:00-18:00" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}}  # fmt: skip
DIVISION = auth.Officer("div", "Div", "division", None, None)
Event = tuple[int, str, str, dict[str, Any]]


def enrolled(db: Database, code: str = "RJ-JAI-0001") -> Kiosk:
    kiosk_id = "k-" + code.lower()
    with db.tx() as tx:
        tx.execute("INSERT INTO kiosks (id, code, public_key, enrolled_at) VALUES (?, ?, ?, ?)",
                   (kiosk_id, code, "A" * 43, "2026-09-01T00:00:00Z"))  # fmt: skip
    return Kiosk(kiosk_id, code)


def send(db: Database, kiosk: Kiosk, events: list[Event]) -> None:
    items = [EventItem(seq=seq, uuid=str(uuid.uuid5(uuid.NAMESPACE_URL, f"{kiosk.id}/{seq}")), kind=kind,
                       occurred_at=at, payload=payload) for seq, kind, at, payload in events]  # fmt: skip
    service = Service(db)
    with db.tx() as tx:
        service.ingest(tx, kiosk, items, NOW)


def day_rows(db: Database, kiosk: Kiosk) -> dict[str, tuple[int, int, int, int]]:
    with db.tx(write=False) as tx:
        rows = tx.all("SELECT day, txns, amount_paise, closes, problems FROM dash_days WHERE kiosk_id = ?", (kiosk.id,))
    return {str(r[0]): (int(r[1]), int(r[2]), int(r[3]), int(r[4])) for r in rows}


def payment(seq: int, txn: str, service: str, paise: int, at: str, cash: bool) -> list[Event]:
    created = (seq, "txn.created", at, {"subject": txn, "service_id": service, "amount_due": paise, "fee": 0})
    if cash:
        half = (seq + 1, "cash.credit", at, {"subject": txn, "amount_paid": paise // 2, "state": "awaiting_payment"})
        full = (seq + 2, "cash.credit", at, {"subject": txn, "amount_paid": paise, "state": "paid"})
        return [created, half, full]
    return [created, (seq + 1, "txn.paid", at, {"subject": txn, "amount_paid": paise, "payment_mode": "aadhaar"})]


def test_payments_closes_problems_and_visits_are_folded_by_business_day_in_india(db: Database) -> None:
    kiosk = enrolled(db)
    events = [(1, "kiosk.provisioned", "2026-11-01T04:00:00Z", {**SITE, "subject": "kiosk"}),
              (2, "kiosk.geotagged", "2026-11-01T04:10:00Z", {"lat": 26.6, "lon": 75.9})]  # fmt: skip
    events += payment(3, "T1", "electricity.jvvnl", 125_050, "2026-11-20T05:00:00Z", cash=True)
    events += payment(6, "T2", "water.phed", 30_000, "2026-11-20T19:00:00Z", cash=False)  # 00:30 on the 21st in India
    events += [(8, "day.closed", "2026-11-20T14:00:00Z", {"subject": "close:1"}),
               (9, "problem.reported", "2026-11-20T06:00:00Z", {"screen": "payment"})]  # fmt: skip
    send(db, kiosk, events)
    assert refresh(db) == 9
    assert day_rows(db, kiosk) == {"2026-11-20": (1, 125_050, 1, 1), "2026-11-21": (1, 30_000, 0, 0)}
    with db.tx(write=False) as tx:
        assert fleet.places(tx, DIVISION) == {"Jaipur": ["Chaksu"]}
        state = tx.one("SELECT last_txn_at, open_problems, geo_lat FROM dash_state WHERE kiosk_id = ?", (kiosk.id,))
        services = tx.all("SELECT day, service, txns, amount_paise FROM dash_service_days ORDER BY day")
    assert state == ("2026-11-20T19:00:00Z", 1, 26.6)
    assert [tuple(s) for s in services] == [("2026-11-20", "electricity.jvvnl", 1, 125_050),
                                            ("2026-11-21", "water.phed", 1, 30_000)]  # fmt: skip
    send(db, kiosk, [(10, "kiosk.inspection", "2026-11-22T06:00:00Z", {"healthy": True, "engineer": "e1"})])
    refresh(db)
    with db.tx(write=False) as tx:
        assert tx.one("SELECT open_problems, inspected_at FROM dash_state WHERE kiosk_id = ?", (kiosk.id,)) == (
            0, "2026-11-22T06:00:00Z")  # fmt: skip


def test_events_above_a_gap_wait_for_it_and_nothing_is_folded_twice(db: Database) -> None:
    kiosk = enrolled(db)
    first = payment(1, "T1", "water.phed", 10_000, "2026-11-20T05:00:00Z", cash=False)
    later = payment(3, "T2", "water.phed", 20_000, "2026-11-20T06:00:00Z", cash=False)
    send(db, kiosk, later)  # seq 3-4 arrive before 1-2: high-water stays 0
    assert refresh(db) == 0
    assert day_rows(db, kiosk) == {}
    send(db, kiosk, first)
    assert refresh(db) == 4
    assert refresh(db) == 0
    send(db, kiosk, first)  # a resend: duplicates change nothing
    refresh(db)
    assert day_rows(db, kiosk) == {"2026-11-20": (2, 30_000, 0, 0)}


def test_a_pass_that_read_the_mark_before_another_pass_moved_it_folds_nothing_twice(db: Database) -> None:
    kiosk = enrolled(db)
    send(db, kiosk, payment(1, "T1", "water.phed", 10_000, "2026-11-20T05:00:00Z", cash=False))
    stale = (1, 0)  # what a second leader read before the first one's pass committed
    assert refresh(db) == 2
    with db.tx(write=False) as tx:
        high = int(tx.one("SELECT high_water FROM kiosks WHERE id = ?", (kiosk.id,))[0])  # type: ignore[index]
    assert high == 2
    with pytest.raises(FoldedElsewhere, match=kiosk.id):
        fold_kiosk(db, kiosk.id, kiosk.code, (1, high), stale)
    assert day_rows(db, kiosk) == {"2026-11-20": (1, 10_000, 0, 0)}
    with db.tx(write=False) as tx:
        assert tx.one("SELECT done_seq, halted_at FROM dash_state WHERE kiosk_id = ?", (kiosk.id,)) == (2, None)


def test_sampled_heartbeats_mark_in_service_hours_and_keep_one_timeline_point_per_quarter_hour(db: Database) -> None:
    kiosk = enrolled(db)
    sampler = Sampler()
    beat = Heartbeat(agent_version="1", app_version="1", boot_id="b", uptime_s=1.0, last_seq=0, outbox_depth=0,
                     quarantined=0, disk_free_bytes=1)  # fmt: skip
    for minute in range(0, 60, 1):  # 09:00-09:59 India time, a beat a minute
        sampler.offer(kiosk.id, datetime(2026, 11, 20, 3, 30, tzinfo=UTC) + timedelta(minutes=minute), beat)
    closed = beat.model_copy(update={"out_of_service": "printer out of paper"})
    sampler.offer(kiosk.id, datetime(2026, 11, 20, 5, 30, tzinfo=UTC), closed)  # 11:00, out of service
    assert sampler.flush(db) == 5  # 09:00, 09:15, 09:30, 09:45, 11:00
    with db.tx(write=False) as tx:
        assert tx.one("SELECT hours_seen FROM dash_days WHERE kiosk_id = ?", (kiosk.id,)) == (1 << 9,)


def test_report_card_counts_uptime_in_published_hours_and_ranks_blocks(db: Database) -> None:
    busy, quiet = enrolled(db, "RJ-JAI-0001"), enrolled(db, "RJ-JAI-0002")
    for kiosk, block in ((busy, "Chaksu"), (quiet, "Phagi")):
        send(db, kiosk, [(1, "kiosk.provisioned", "2026-10-01T04:00:00Z", {**SITE, "block": block})])
    send(db, busy, [(2 + n, "txn.paid", "2026-11-05T05:00:00Z", {"subject": f"T{n}", "amount_paid": 10_000})
                    for n in range(3)])  # fmt: skip
    refresh(db)
    sampler = Sampler()
    beat = Heartbeat(agent_version="1", app_version="1", boot_id="b", uptime_s=1.0, last_seq=0, outbox_depth=0,
                     quarantined=0, disk_free_bytes=1)  # fmt: skip
    for hour in range(9, 18):  # every published hour of 5 November, in India time
        sampler.offer(busy.id, datetime(2026, 11, 5, hour, 0, tzinfo=UTC) - timedelta(hours=5, minutes=30), beat)
    sampler.flush(db)
    first, last = report.parse_month("2026-11", NOW.date())
    with db.tx(write=False) as tx:
        lines = report.report_card(tx, DIVISION, "Jaipur", None, first, last)
    assert [(line.rank, line.name, line.txns, line.paise) for line in lines] == [
        (1, "Chaksu", 3, 30_000), (2, "Phagi", 0, 0)]  # fmt: skip
    assert lines[0].open_hours == 30 * 9
    assert lines[0].seen_hours == 9
    assert lines[0].days_closed == 29
    assert lines[0].services == {"unknown": (3, 30_000)}
    text = report.as_csv(lines, ["rank", "block", "machines", "txns", "amount", "uptime", "closed", "incidents",
                                 "inspected", "last"])  # fmt: skip
    assert text.splitlines()[1].startswith("1,Chaksu,1,3,300.00,3.3,29,")


@pytest.mark.parametrize(("month", "problem"), [
    ("2026-13", "not YYYY-MM"), ("Nov 2026", "not YYYY-MM"), ("2027-01", "in the future"),
    ("1999-01", "months back"), ("2026-11' OR '1'='1", "not YYYY-MM"),
])  # fmt: skip
def test_report_months_that_are_malformed_in_the_future_or_too_far_back_are_refused(month: str, problem: str) -> None:
    with pytest.raises(report.BadMonth, match=problem):
        report.parse_month(month, NOW.date())


def test_a_name_that_would_run_as_a_spreadsheet_formula_is_written_as_text() -> None:
    line = report.Line('=HYPERLINK("http://evil")', machines=1, rank=1)
    assert report.as_csv([line], ["r", "n", "m", "t", "a", "u", "c", "i", "s", "l"]).splitlines()[1].startswith(
        "1,\"'=HYPERLINK(\"\"http://evil\"\")\"")  # fmt: skip


def test_alerts_are_stored_once_and_cleared_when_the_machine_comes_back(db: Database) -> None:
    kiosk = enrolled(db)
    with db.tx() as tx:
        tx.execute("INSERT INTO heartbeats (kiosk_id, received_at, body, count) VALUES (?, ?, ?, 1)",
                   (kiosk.id, "2026-11-23T05:00:00Z", '{"devices": {"printer": "paper_out"}}'))  # fmt: skip
    assert fleet.run_alerts(db, NOW) == (3, 0)  # offline (90 min silent), paper out, idle since enrolment
    assert fleet.run_alerts(db, NOW + timedelta(minutes=10)) == (0, 0)
    with db.tx() as tx:
        tx.execute("UPDATE heartbeats SET received_at = ?, body = ? WHERE kiosk_id = ?",
                   ("2026-11-23T06:39:00Z", '{"devices": {"printer": "ready"}}', kiosk.id))  # fmt: skip
    assert fleet.run_alerts(db, NOW + timedelta(minutes=10)) == (0, 2)
    with db.tx(write=False) as tx:
        open_kinds = tx.all("SELECT kind FROM dash_alerts WHERE cleared_at IS NULL")
        history = tx.one("SELECT count(*) FROM dash_alerts")
    assert [r[0] for r in open_kinds] == ["idle"]
    assert history == (3,)


def test_a_kiosk_provisioned_event_as_kioskctl_sends_it_places_the_machine(db: Database) -> None:
    """The payload of docs/kiosk-events.md: identity nested, hours with holidays, the registered position."""
    kiosk = enrolled(db, "RJ-JPR-BSS-0001")
    payload = {
        "kiosk_id": kiosk.id,
        "identity": {"code": kiosk.code, "centre_name_hi": "राजीव गांधी सेवा केंद्र, बस्सी",
                     "centre_name_en": "Rajiv Gandhi Seva Kendra, Bassi", "district": "Jaipur", "block": "Bassi",
                     "gram_panchayat": "Bassi", "nodal_officer": "BDO Bassi", "helpline": "181"},
        "hours": {"mon": "09:00-17:00", "sun": "closed", "holidays": ["2027-01-26"]},
        "position": {"lat": 26.8478, "lon": 76.0916, "accuracy_m": 4.5, "source": "gps"},
        "devices": {}, "self_test": {}, "engineer": "ENG-042", "software": "0.1.0",
    }  # fmt: skip
    send(db, kiosk, [(1, "kiosk.provisioned", "2026-11-23T05:00:00Z", {**payload, "subject": "kiosk"})])
    refresh(db)
    with db.tx(write=False) as tx:
        row = tx.one(
            "SELECT district, block, gram_panchayat, centre, nodal_officer, reg_lat, reg_lon, hours FROM dash_sites"
            " WHERE kiosk_id = ?",
            (kiosk.id,),
        )
    assert row is not None
    assert row[:5] == ("Jaipur", "Bassi", "Bassi", "राजीव गांधी सेवा केंद्र, बस्सी", "BDO Bassi")
    assert (row[5], row[6]) == (26.8478, 76.0916)
    assert json.loads(row[7]) == {"mon": "09:00-17:00", "sun": "closed"}
