"""The dashboard's certificate deliveries by channel: counted per district, block and day, in the officer's scope;
a printed certificate's event counts on the print channel when it is folded."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from server.channels import business_day, count_delivery
from server.dashboard import auth, rollup
from server.dashboard.deliveries import by_channel, locker_refused
from server.db import Database
from server.service import Service
from tests.server.dashboard.harness import PASSWORD, login
from tests.sync.harness import ServerProcess

REFUSED = [("k-alwar", 1, "CST1", "refused: the locker link has expired: link it again"), ("k-alwar", 2, "CST2", "new"),
           ("k-jaipur", 1, "CST3", "refused: the locker link has expired: link it again")]  # fmt: skip
SITES = {"k-alwar": ("Alwar", "Tijara"), "k-jaipur": ("Jaipur", "Chaksu")}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """The officers, sites and counts written before the server starts (one process, no CLI round trips)."""
    folder = tmp_path_factory.mktemp("deliveries")
    db = Database("sqlite:///" + str(folder / "server.db"))
    Service(db)
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    auth.add_officer(db, "collector.alwar", "Collector", PASSWORD, "district", "Alwar", None, stamp)
    auth.add_officer(db, "div.commissioner", "Commissioner", PASSWORD, "division", None, None, stamp)
    today = business_day(datetime.now(UTC))
    with db.tx() as tx:
        for n, (kiosk_id, (district, block)) in enumerate(SITES.items()):
            tx.execute("INSERT INTO dash_sites (kiosk_id, code, district, block, gram_panchayat, centre,"
                       " nodal_officer, hours) VALUES (?, ?, ?, ?, '', '', '', '{}')",
                       (kiosk_id, f"RJ-{n}", district, block))  # fmt: skip
        tx.many(
            "INSERT INTO delivery_channel_days (kiosk_id, day, channel, count) VALUES (?, ?, ?, ?)",
            [("k-alwar", today, "print", 3), ("k-alwar", today, "locker", 2), ("k-alwar", today, "sms", 1),
             ("k-jaipur", today, "qr", 5), ("k-alwar", "2020-01-01", "print", 9)],
        )  # fmt: skip
        for kiosk_id, seq, number, outcome in REFUSED:  # queued locker pushes (server/locker_link.drain_queued)
            tx.execute(
                "INSERT INTO events (kiosk_id, seq, uuid, kind, occurred_at, payload, status, received_at)"
                " VALUES (?, ?, ?, 'locker.requested', ?, ?, 'accepted', ?)",
                (kiosk_id, seq, f"u-{kiosk_id}-{seq}", stamp, json.dumps({"application_no": number}), stamp),
            )
            tx.execute("INSERT INTO locker_queued (kiosk_id, epoch, seq, outcome, handled_at) VALUES (?, 1, ?, ?, ?)",
                       (kiosk_id, seq, outcome, stamp))  # fmt: skip
    db.close()
    process = ServerProcess(str(folder / "server.db"), folder / "server.log").start()
    yield process
    process.stop()


def cells(page: str, table: str) -> list[list[str]]:
    body = page.split(f'id="{table}"', 1)[1].split("</table>", 1)[0]
    return [re.findall(r"<td[^>]*>([^<]*)</td>", row) for row in body.split("<tr") if "<td" in row]


def test_a_district_officer_sees_their_districts_deliveries_by_channel_and_not_others(server: ServerProcess) -> None:
    page = login(server, "collector.alwar").get(server.url + "/dash/deliveries?days=30", timeout=10)
    assert page.status_code == 200
    rows = cells(page.text, "deliveries")
    assert rows == [[business_day(datetime.now(UTC)), "Alwar", "Tijara", "3", "1", "0", "2", "6"]]
    assert cells(page.text, "totals") == [["3", "1", "0", "2", "6"]]  # print, SMS, QR, locker, total; no Jaipur


def test_a_queued_locker_push_refused_later_is_listed_with_its_reason_in_the_officers_scope(
    server: ServerProcess,
) -> None:
    page = login(server, "collector.alwar").get(server.url + "/dash/deliveries?days=30", timeout=10)
    assert [row[1:] for row in cells(page.text, "locker-refused")] == [
        ["Alwar", "Tijara", "RJ-0", "CST1", "the locker link has expired: link it again"]
    ]  # the push made ("new") and Jaipur's refusal are not listed
    everyone = login(server, "div.commissioner").get(server.url + "/dash/deliveries?days=30", timeout=10)
    assert sorted(row[4] for row in cells(everyone.text, "locker-refused")) == ["CST1", "CST3"]


def test_the_division_sees_every_district_and_a_bad_period_is_refused(server: ServerProcess) -> None:
    session = login(server, "div.commissioner")
    page = session.get(server.url + "/dash/deliveries", timeout=10)
    assert cells(page.text, "totals") == [["3", "1", "5", "2", "11"]]
    for bad in ("0", "²", "9" * 30):
        assert session.get(server.url + "/dash/deliveries", params={"days": bad}, timeout=10).status_code == 400


def test_a_printed_certificates_event_counts_once_on_the_print_channel(tmp_path: Path) -> None:
    db = Database("sqlite:///" + str(tmp_path / "server.db"))
    db.create_schema()
    at = datetime(2026, 11, 23, 20, 0, tzinfo=UTC)  # 01:30 IST on the 24th: the business day is India's
    with db.tx() as tx:
        rollup.fold(tx, "k1", "RJ-1", "certificate.printed", at.strftime("%Y-%m-%dT%H:%M:%SZ"), {"subject": "t1"})
        rollup.fold(tx, "k1", "RJ-1", "certificate.not_printed", (at + timedelta(minutes=1)).isoformat(), {})
    with db.tx(write=False) as tx:
        assert tx.all("SELECT day, channel, count FROM delivery_channel_days") == [("2026-11-24", "print", 1)]


def test_counts_add_up_per_day_and_channel_on_both_databases(db: Database) -> None:
    at = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)
    with db.tx() as tx:
        tx.execute("INSERT INTO dash_sites (kiosk_id, code, district, block, gram_panchayat, centre, nodal_officer,"
                   " hours) VALUES ('k1', 'RJ-1', 'Alwar', 'Tijara', '', '', '', '{}')")  # fmt: skip
        for channel in ("locker", "locker", "sms"):
            count_delivery(tx, "k1", channel, at)
    officer = auth.Officer("div", "Div", "division", None, None)
    with db.tx(write=False) as tx:
        rows = by_channel(tx, officer, "2026-11-01")
        assert locker_refused(tx, officer, "2026-11-01") == []  # the refused pushes' query runs on both engines
    assert rows == [{"day": "2026-11-23", "district": "Alwar", "block": "Tijara", "total": 3,
                     "print": 0, "sms": 1, "qr": 0, "locker": 2}]  # fmt: skip
