"""Issue 18.3: in an officer's machine list, machines whose RD certificate expires within 30 days come first."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from server.dashboard import fleet
from server.dashboard.auth import Officer
from server.dashboard.rollup import iso, put_site
from server.db import Database
from server.service import Service

CHAKSU = Officer("bdo", "BDO", "block", "Jaipur", "Chaksu")
NOW = datetime(2027, 3, 1, 21, 30, tzinfo=UTC)  # 03:00 IST: the ranking reads the clock it is given, nothing else


def test_machines_whose_rd_certificate_expires_within_30_days_are_ranked_first_soonest_first(tmp_path: Path) -> None:
    db = Database("sqlite:///" + str(tmp_path / "server.db"))
    Service(db)
    expiries = {"RJ-A": 200, "RJ-B": 10, "RJ-C": -2, "RJ-D": None, "RJ-E": 29.9, "RJ-F": 31}
    with db.tx() as tx:
        for code, days in expiries.items():
            put_site(tx, "k-" + code, code, {"district": "Jaipur", "block": "Chaksu"})
            body = {} if days is None else {"rd_cert_expires_at": iso(NOW + timedelta(days=days))}
            tx.execute("INSERT INTO heartbeats (kiosk_id, received_at, body, count) VALUES (?, ?, ?, 1)",
                       ("k-" + code, iso(NOW), json.dumps(body)))  # fmt: skip
        listed = fleet.machines(tx, CHAKSU, NOW, "Jaipur", "Chaksu")
    by_code = fleet.rd_first(listed, NOW)
    assert [m["code"] for m in by_code] == ["RJ-C", "RJ-B", "RJ-E", "RJ-A", "RJ-D", "RJ-F"]
    assert [m["rd_soon"] for m in by_code] == [True, True, True, False, False, False]
    newest_first = fleet.rd_first(sorted(listed, key=lambda m: m["code"], reverse=True), NOW)
    assert [m["code"] for m in newest_first] == ["RJ-C", "RJ-B", "RJ-E", "RJ-F", "RJ-D", "RJ-A"]
    db.close()


def test_an_unreadable_expiry_in_a_heartbeat_does_not_rank_or_break_the_list() -> None:
    assert fleet.rd_expiry('{"rd_cert_expires_at": "next tuesday"}') is None
    assert fleet.rd_expiry("not json") is None
    assert fleet.rd_expiry('["a list"]') is None
