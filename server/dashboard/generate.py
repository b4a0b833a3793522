"""A realistic fleet for the demo and the benchmarks: machines in the five districts of Jaipur division.

`python -m server.dashboard.generate --db fleet.db --machines 3000 --days 90` writes enrolled kiosks with their
sites, months of daily rollups (transactions by service, hours seen, day closes, problems), the latest heartbeat,
a day of sampled heartbeats, inspections and geo-tags, with faults in realistic shares, then evaluates alerts.
Rollups are written directly (the same rows the event folding would produce), so 3,000 machines × 90 days take
seconds, not the hours replaying millions of events would.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from server.dashboard import fleet
from server.dashboard.rollup import IST, iso
from server.db import Database, Tx, database_url

# District headquarters and real panchayat samitis (blocks) of Jaipur division.
DISTRICTS: dict[str, tuple[float, float, list[str]]] = {
    "Jaipur": (26.92, 75.79, ["Amer", "Bassi", "Chaksu", "Dudu", "Govindgarh", "Jamwa Ramgarh", "Jhotwara",
                              "Kotputli", "Phagi", "Sanganer", "Shahpura", "Viratnagar"]),
    "Alwar": (27.55, 76.60, ["Bansur", "Behror", "Kathumar", "Kishangarh Bas", "Kotkasim", "Laxmangarh",
                             "Mandawar", "Rajgarh", "Ramgarh", "Reni", "Thanagazi", "Tijara"]),
    "Jhunjhunu": (28.13, 75.40, ["Alsisar", "Buhana", "Chirawa", "Jhunjhunu", "Khetri", "Nawalgarh",
                                 "Surajgarh", "Udaipurwati"]),
    "Sikar": (27.61, 75.14, ["Danta Ramgarh", "Dhod", "Fatehpur", "Khandela", "Lachhmangarh", "Neem ka Thana",
                             "Piprali", "Shrimadhopur"]),
    "Dausa": (26.89, 76.34, ["Bandikui", "Baswa", "Dausa", "Lalsot", "Mahwa", "Sikrai"]),
}  # fmt: skip
VILLAGES = ("Rampura", "Kishanpura", "Govindpura", "Lalpura", "Bhojpura", "Chandpura", "Harsoli", "Kheri",
            "Nangal", "Bagru", "Mundiya", "Dhani", "Kalwar", "Jaisinghpura", "Sirsi", "Bhankrota", "Mahapura",
            "Badanpura", "Khori", "Palri")  # fmt: skip
SERVICES = (("electricity.jvvnl", 80, 45_000, 300_000), ("water.phed", 30, 15_000, 60_000),
            ("certificate.caste", 10, 5_000, 5_000), ("certificate.income", 8, 5_000, 5_000),
            ("landrecord.jamabandi", 7, 2_000, 2_000), ("mobile.recharge", 15, 10_000, 50_000))  # fmt: skip
WEEK_6 = {d: "09:00-18:00" for d in ("mon", "tue", "wed", "thu", "fri", "sat")} | {"sun": "closed"}
WEEK_7 = {d: "08:00-20:00" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}


@dataclass
class Machine:
    n: int
    kiosk_id: str
    code: str
    district: str
    block: str
    lat: float
    lon: float
    enrolled: datetime
    hours: dict[str, str]
    profile: str
    rate: float


def plan(count: int, now: datetime, rng: random.Random) -> list[Machine]:
    places = [(d, b) for d, (_, _, blocks) in DISTRICTS.items() for b in blocks]
    machines = []
    for n in range(count):
        district, block = places[n % len(places)]
        lat0, lon0, _ = DISTRICTS[district]
        # Blocks spread around the headquarters at a stable pseudo-random bearing and distance.
        spot = random.Random(f"{district}/{block}")
        angle, reach = spot.uniform(0, 2 * math.pi), spot.uniform(0.1, 0.5)
        centre = (lat0 + reach * math.sin(angle), lon0 + 1.1 * reach * math.cos(angle))
        profile = rng.choices(["healthy", "dead", "idle", "lazy", "new"], [80, 6, 7, 5, 2])[0]
        enrolled = now - timedelta(days=rng.uniform(2, 6) if profile == "new" else rng.uniform(100, 500))
        machines.append(Machine(
            n, f"k-gen{n:05d}", f"RJ-{district[:3].upper()}-{n:04d}", district, block,
            centre[0] + rng.gauss(0, 0.07), centre[1] + rng.gauss(0, 0.07), enrolled,
            WEEK_6 if rng.random() < 0.7 else WEEK_7, profile, max(0.5, rng.gauss(9, 4)),
        ))  # fmt: skip
    return machines


def bulk(tx: Tx, sql: str, rows: list[tuple[Any, ...]]) -> None:
    if not rows:
        return
    if tx.postgres:
        with tx.conn.cursor() as cursor:
            cursor.executemany(sql.replace("?", "%s"), rows)
    else:
        tx.conn.executemany(sql, rows)


def open_mask(hours: dict[str, str], weekday: int) -> int:
    from server.dashboard.alerts import WEEKDAYS, published_hours

    return published_hours(hours.get(WEEKDAYS[weekday], ""))


def generate(
    db: Database, count: int, days: int, now: datetime, seed: int = 1, timeline_hours: int = 48
) -> dict[str, int]:
    rng = random.Random(seed)
    machines = plan(count, now, rng)
    totals = {"machines": len(machines), "days": 0, "service_days": 0, "beats": 0}
    today = (now + IST).date()
    with db.tx() as tx:
        kiosks, sites, states, beats, samples = [], [], [], [], []
        events: list[tuple[Any, ...]] = []
        day_rows: list[tuple[Any, ...]] = []
        service_rows: list[tuple[Any, ...]] = []
        for m in machines:
            dead_days = rng.uniform(0.05, 20) if m.profile == "dead" else 0.0
            last_beat = now - timedelta(days=dead_days, seconds=rng.uniform(5, 200))
            last_txn: datetime | None = None
            for back in range(days, -1, -1):
                day = today - timedelta(days=back)
                start = datetime(day.year, day.month, day.day, tzinfo=UTC) - IST
                if start < m.enrolled - timedelta(days=1) or start > last_beat:
                    continue
                mask = open_mask(m.hours, day.weekday())
                if m.profile == "lazy":
                    mask &= rng.getrandbits(24) & rng.getrandbits(24)
                elif rng.random() < 0.05:
                    mask &= rng.getrandbits(24)  # a power cut or a late start
                mask |= 1 << rng.choice((7, 20, 21))  # the machine is on outside hours too
                if back == 0:
                    mask &= (1 << ((now + IST).hour + 1)) - 1
                txns = 0 if m.profile == "idle" else _poisson(rng, m.rate * (0.3 if m.profile == "lazy" else 1.0))
                if back == 0:
                    txns = txns * (now + IST).hour // 24
                paid: dict[str, list[int]] = {}
                for service, _, low, high in rng.choices(SERVICES, [s[1] for s in SERVICES], k=txns):
                    cell = paid.setdefault(service, [0, 0])
                    cell[0] += 1
                    cell[1] += rng.randint(low // 100, high // 100) * 100
                for service, (n, paise) in paid.items():
                    service_rows.append((m.kiosk_id, day.isoformat(), service, n, paise))
                problems = 1 if rng.random() < 0.01 else 0
                closes = 1 if txns and rng.random() < 0.9 else 0
                day_rows.append((m.kiosk_id, day.isoformat(), txns, sum(p for _, p in paid.values()), mask, closes,
                                 problems))  # fmt: skip
                if txns:
                    last_txn = min(start + timedelta(hours=rng.uniform(10, 17)), now - timedelta(minutes=5))
            kiosks.append((m.kiosk_id, m.code, "A" * 43, iso(m.enrolled), 0))
            reg = (m.lat, m.lon)
            here = reg
            if m.n % 97 == 13:
                here = (m.lat + 0.03, m.lon + 0.02)  # moved ~4 km: someone carried the machine off
            if m.n % 733 == 5:
                here = reg = (19.5 + rng.uniform(-1, 1), 68.0 + rng.uniform(-1, 1))  # a fix in the Arabian Sea
            geotagged = rng.random() < 0.9
            hours_json = json.dumps(m.hours, sort_keys=True)
            sites.append((m.kiosk_id, m.code, m.district, m.block, f"{rng.choice(VILLAGES)} ({m.block})",
                          f"Rajiv Gandhi Seva Kendra, {m.block} {m.n}", f"BDO {m.block}",
                          reg[0] if geotagged else None, reg[1] if geotagged else None, hours_json))  # fmt: skip
            seq, first_event = 0, len(events)
            for kind, at, payload in _visits(m, rng, now, geotagged, reg):
                seq += 1
                events.append((m.kiosk_id, seq, str(uuid.UUID(int=rng.getrandbits(128))), kind, iso(at),
                               json.dumps(payload), "accepted", None, iso(at)))  # fmt: skip
            mine = events[first_event:]
            inspected = max((e[4] for e in mine if e[3] == "kiosk.inspection"), default=None)
            repaired = max((e[4] for e in mine if e[3] == "kiosk.repair"), default=None)
            visited = max(filter(None, (inspected, repaired)), default="")
            problems_open = sum(1 for e in mine if e[3] == "problem.reported" and e[4] > visited)
            states.append((m.kiosk_id, seq, iso(last_txn) if last_txn else None, inspected, repaired,
                           1 if inspected else None, here[0] if geotagged else None, here[1] if geotagged else None,
                           iso(m.enrolled) if geotagged else None, problems_open))  # fmt: skip
            body = _heartbeat(m, rng, now, here if geotagged else None, seq)
            beats.append((m.kiosk_id, iso(last_beat), json.dumps(body), int(days * 2880)))
            for q in range(timeline_hours * 4):
                at = last_beat - timedelta(minutes=15 * q)
                if at < now - timedelta(hours=timeline_hours) or (m.profile == "lazy" and rng.random() < 0.5):
                    continue
                samples.append((m.kiosk_id, iso(at), json.dumps({"devices": body["devices"],
                                                                 "outbox_depth": body["outbox_depth"]})))  # fmt: skip
        bulk(tx, "INSERT INTO kiosks (id, code, public_key, enrolled_at, high_water) VALUES (?, ?, ?, ?, ?)", kiosks)
        bulk(tx, "INSERT INTO dash_sites (kiosk_id, code, district, block, gram_panchayat, centre, nodal_officer,"
                 " reg_lat, reg_lon, hours) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", sites)  # fmt: skip
        bulk(tx, "INSERT INTO events (kiosk_id, seq, uuid, kind, occurred_at, payload, status, reason, received_at)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", events)  # fmt: skip
        tx.execute("UPDATE kiosks SET high_water = (SELECT max(seq) FROM events e WHERE e.kiosk_id = kiosks.id)"
                   " WHERE id LIKE ?", ("k-gen%",))  # fmt: skip
        bulk(tx, "INSERT INTO dash_state (kiosk_id, done_seq, last_txn_at, inspected_at, repaired_at,"
                 " inspection_healthy, geo_lat, geo_lon, geo_at, open_problems) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
             states)  # fmt: skip
        bulk(tx, "INSERT INTO dash_days (kiosk_id, day, txns, amount_paise, hours_seen, closes, problems)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?)", day_rows)  # fmt: skip
        bulk(tx, "INSERT INTO dash_service_days (kiosk_id, day, service, txns, amount_paise) VALUES (?, ?, ?, ?, ?)",
             service_rows)  # fmt: skip
        bulk(tx, "INSERT INTO heartbeats (kiosk_id, received_at, body, count) VALUES (?, ?, ?, ?)", beats)
        bulk(tx, "INSERT INTO dash_beats (kiosk_id, at, body) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", samples)
        totals.update(days=len(day_rows), service_days=len(service_rows), beats=len(samples), events=len(events))
    raised, _ = fleet.run_alerts(db, now)
    totals["alerts"] = raised
    return totals


def _poisson(rng: random.Random, mean: float) -> int:
    # Knuth's method is fine for the small means of one machine's day.
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def _visits(m: Machine, rng: random.Random, now: datetime, geotagged: bool,
            reg: tuple[float, float]) -> list[tuple[str, datetime, dict[str, Any]]]:  # fmt: skip
    site = {"district": m.district, "block": m.block, "hours": m.hours}
    out: list[tuple[str, datetime, dict[str, Any]]] = [("kiosk.provisioned", m.enrolled, site)]
    if geotagged:
        out.append(("kiosk.geotagged", m.enrolled + timedelta(minutes=20),
                    {"lat": reg[0], "lon": reg[1], "accuracy_m": 8.0, "source": "gps"}))  # fmt: skip
    span = (now - m.enrolled).total_seconds()
    for _ in range(rng.choice((0, 1, 1, 2, 3))):
        kind = "kiosk.repair" if rng.random() < 0.25 else "kiosk.inspection"
        at = m.enrolled + timedelta(seconds=rng.uniform(0.1, 0.95) * span)
        engineer = f"eng-{m.district[:3].lower()}-{rng.randint(1, 9)}"
        out.append((kind, at, {"kind": kind.split(".")[1], "engineer": engineer,
                               "healthy": rng.random() < 0.85, "notes": "", "checked": ["printer", "cash"],
                               "replaced": []}))  # fmt: skip
    if rng.random() < 0.15:
        out.append(("problem.reported", now - timedelta(days=rng.uniform(0.1, 5)), {"screen": "payment"}))
    return sorted(out, key=lambda e: e[1])


def _heartbeat(m: Machine, rng: random.Random, now: datetime, geo: tuple[float, float] | None,
               seq: int) -> dict[str, Any]:  # fmt: skip
    printer = "paper_out" if rng.random() < 0.03 else "paper_near_end" if rng.random() < 0.05 else "ready"
    cert = now + timedelta(days=rng.uniform(5, 29) if rng.random() < 0.05 else rng.uniform(60, 700))
    stuck = rng.random() < 0.02
    body: dict[str, Any] = {
        "agent_version": "0.1.0", "app_version": "0.1.0", "boot_id": str(uuid.UUID(int=rng.getrandbits(128))),
        "uptime_s": rng.uniform(600, 86_400), "last_seq": seq, "outbox_depth": rng.randint(40, 400) if stuck else 0,
        "outbox_oldest_age_s": rng.uniform(4_000, 90_000) if stuck else None,
        "quarantined": 1 if rng.random() < 0.01 else 0,
        "devices": {"printer": printer, "cash": "ok", "biometric": "ready"},
        "cash_box_notes": rng.randint(910, 990) if rng.random() < 0.04 else rng.randint(0, 600),
        "disk_free_bytes": rng.randint(2, 20) * 1_000_000_000, "network": rng.choice(("4g", "4g", "broadband", "3g")),
        "rd_service_version": "1.0.4", "rd_cert_expires_at": iso(cert),
    }  # fmt: skip
    if geo is not None:
        body["geo"] = {"lat": geo[0], "lon": geo[1], "accuracy_m": 8.0, "source": "gps", "age_s": 3600.0}
    return body


def main(argv: list[str] | None = None) -> int:
    top = argparse.ArgumentParser(prog="python -m server.dashboard.generate", description=__doc__)
    top.add_argument("--db", required=True, help="SQLite file or postgresql:// URL (fresh: generated kiosks only)")
    top.add_argument("--machines", type=int, default=3000)
    top.add_argument("--days", type=int, default=90)
    top.add_argument("--seed", type=int, default=1)
    top.add_argument("--timeline-hours", type=int, default=48)
    args = top.parse_args(argv)
    if not 1 <= args.machines <= 20_000 or not 1 <= args.days <= 400:
        sys.stderr.write("--machines must be 1-20000 and --days 1-400\n")
        return 2
    from server.service import Service

    db = Database(database_url(args.db), synchronous="NORMAL")
    Service(db)
    totals = generate(db, args.machines, args.days, datetime.now(UTC), args.seed, args.timeline_hours)
    sys.stdout.write(" ".join(f"{k}={v}" for k, v in totals.items()) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
