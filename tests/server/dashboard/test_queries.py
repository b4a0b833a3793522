"""Every page's queries on a generated fleet, on SQLite and PostgreSQL alike, checked against plain counts."""

from __future__ import annotations

from datetime import UTC, datetime

from server.dashboard import fleet, report
from server.dashboard.auth import Officer
from server.dashboard.generate import generate
from server.db import Database

DIVISION = Officer("div", "Div", "division", None, None)
CHAKSU = Officer("bdo", "BDO", "block", "Jaipur", "Chaksu")


def test_overview_machines_search_machine_and_report_agree_with_the_rows(db: Database) -> None:
    now = datetime.now(UTC)
    totals = generate(db, 120, 20, now, seed=3)
    assert totals["machines"] == 120
    with db.tx(write=False) as tx:
        districts = fleet.overview(tx, DIVISION, now, None, None)
        assert sum(r.installed for r in districts) == 120
        jaipur = fleet.overview(tx, DIVISION, now, "Jaipur", None)
        assert sum(r.installed for r in jaipur) == next(r.installed for r in districts if r.name == "Jaipur")
        online = tx.one("SELECT count(*) FROM heartbeats WHERE received_at >= ?",
                        (fleet.iso(now - fleet.ONLINE_WITHIN),))  # fmt: skip
        assert online is not None
        assert fleet.total(districts, "all").online == online[0]
        chaksu = fleet.machines(tx, CHAKSU, now, "Jaipur", "Chaksu")
        codes = {str(r[0]) for r in tx.all("SELECT code FROM dash_sites WHERE block = 'Chaksu'")}
        assert {m["code"] for m in chaksu} == codes
        assert {c[0] for c in fleet.search(tx, CHAKSU, "RJ-")} == codes
        assert fleet.search(tx, CHAKSU, "%") == []
        assert len(fleet.points(tx, CHAKSU, now, "Jaipur", "Chaksu")) <= len(codes)
        code = sorted(codes)[0]
        found = fleet.machine(tx, CHAKSU, code, now, 90)
        assert found is not None
        assert found["code"] == code
        assert fleet.machine(tx, Officer("bdo2", "B", "block", "Jaipur", "Amer"), code, now, 90) is None
        first, last = report.parse_month(now.strftime("%Y-%m"), now.date())
        lines = report.report_card(tx, DIVISION, "Jaipur", None, first, last)
        paid = tx.one("SELECT sum(d.amount_paise) FROM dash_days d JOIN dash_sites s ON s.kiosk_id = d.kiosk_id"
                      " WHERE s.district = 'Jaipur' AND d.day >= ? AND d.day <= ?", (first, last))  # fmt: skip
        assert paid is not None
        assert sum(line.paise for line in lines) == int(paid[0] or 0)
        assert sorted(line.rank for line in lines) == list(range(1, len(lines) + 1))
        open_alerts = fleet.scoped_alerts(tx, DIVISION)
    assert len(open_alerts) == min(totals["alerts"], 200)
    assert fleet.run_alerts(db, now) == (0, 0)  # the same facts raise nothing new
