"""Keeping the dashboard's rollups current: heartbeats sampled as they arrive, events folded in up to high-water."""

from __future__ import annotations

import json
import logging
import threading
import weakref
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar

from server import grievance_rows
from server.channels import count_delivery
from server.db import Database, Tx
from sync.protocol import Heartbeat
from sync.protocol.grievance import QUEUED_KIND

log = logging.getLogger("kiosk-server.dashboard")
IST = timedelta(hours=5, minutes=30)  # Asia/Kolkata has no daylight saving: a fixed offset is exact
IST_SECONDS = int(IST.total_seconds())
SAMPLE_EVERY_S = 900  # one timeline point per machine per quarter hour
KEEP_BEATS_DAYS = 35  # the timeline shows a month; uptime history lives on in dash_days.hours_seen
EVENTS_PER_PASS = 5000
PAID_KINDS = ("txn.paid", "cash.credit")


def parse_utc(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def local_day_hour(moment: datetime) -> tuple[str, int]:
    """The business day (Asia/Kolkata) and local hour of a UTC moment."""
    local = moment.astimezone(UTC) + IST
    return local.strftime("%Y-%m-%d"), local.hour


class Sampler:
    """Fed by the heartbeat handler (kept to dictionary work); written by the dashboard's background task."""

    _by_owner: ClassVar[weakref.WeakKeyDictionary[object, Sampler]] = weakref.WeakKeyDictionary()

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.last_sample: dict[str, float] = {}
        self.hours_marked: dict[str, int] = {}
        self.samples: list[tuple[str, str, str]] = []
        self.hours: dict[tuple[str, str], int] = {}

    @classmethod
    def of(cls, owner: object) -> Sampler:
        """The sampler of one server (its Service): no global list, nothing to wire in the heartbeat handler."""
        sampler = cls._by_owner.get(owner)
        if sampler is None:
            sampler = cls._by_owner[owner] = Sampler()
        return sampler

    def offer(self, kiosk_id: str, now: datetime, beat: Heartbeat) -> None:
        stamp = now.timestamp()
        # Hours since the epoch in India time: one integer compare per beat; the date is worked out once an hour.
        local_hour = int((stamp + IST_SECONDS) // 3600)
        with self.lock:
            if beat.out_of_service is None and self.hours_marked.get(kiosk_id) != local_hour:
                self.hours_marked[kiosk_id] = local_hour
                day, hour = local_day_hour(now)
                self.hours[(kiosk_id, day)] = self.hours.get((kiosk_id, day), 0) | (1 << hour)
            if stamp - self.last_sample.get(kiosk_id, 0.0) >= SAMPLE_EVERY_S:
                self.last_sample[kiosk_id] = stamp
                self.samples.append((kiosk_id, iso(now), beat.model_dump_json(exclude_defaults=True)))

    def flush(self, db: Database) -> int:
        with self.lock:
            samples, hours = self.samples, self.hours
            self.samples, self.hours = [], {}
        if not samples and not hours:
            return 0
        try:
            with db.tx() as tx:
                for row in samples:
                    tx.execute(
                        "INSERT INTO dash_beats (kiosk_id, at, body) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", row
                    )
                for (kiosk_id, day), mask in hours.items():
                    mark_hours(tx, kiosk_id, day, mask)
        except BaseException:
            with self.lock:
                self.samples[:0] = samples
                for key, mask in hours.items():
                    self.hours[key] = self.hours.get(key, 0) | mask
            raise
        return len(samples)


def mark_hours(tx: Tx, kiosk_id: str, day: str, mask: int) -> None:
    tx.execute(
        "INSERT INTO dash_days (kiosk_id, day, hours_seen) VALUES (?, ?, ?) ON CONFLICT (kiosk_id, day)"
        " DO UPDATE SET hours_seen = dash_days.hours_seen | excluded.hours_seen",
        (kiosk_id, day, mask),
    )


def add_day(
    tx: Tx, kiosk_id: str, day: str, *, txns: int = 0, paise: int = 0, closes: int = 0, problems: int = 0
) -> None:
    tx.execute(
        "INSERT INTO dash_days (kiosk_id, day, txns, amount_paise, closes, problems) VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (kiosk_id, day) DO UPDATE SET txns = dash_days.txns + excluded.txns,"
        " amount_paise = dash_days.amount_paise + excluded.amount_paise,"
        " closes = dash_days.closes + excluded.closes, problems = dash_days.problems + excluded.problems",
        (kiosk_id, day, txns, paise, closes, problems),
    )


def add_service_day(tx: Tx, kiosk_id: str, day: str, service: str, paise: int) -> None:
    tx.execute(
        "INSERT INTO dash_service_days (kiosk_id, day, service, txns, amount_paise) VALUES (?, ?, ?, 1, ?)"
        " ON CONFLICT (kiosk_id, day, service) DO UPDATE SET txns = dash_service_days.txns + 1,"
        " amount_paise = dash_service_days.amount_paise + excluded.amount_paise",
        (kiosk_id, day, service, paise),
    )


SITE_FIELDS = ("district", "block", "gram_panchayat", "centre", "nodal_officer")


def site_of(payload: dict[str, Any]) -> dict[str, Any]:
    """Where a machine is, from a `kiosk.provisioned` payload as `kioskctl provision` sends it (docs/kiosk-events.md:
    `identity`, `hours`, `position`), or already flat (`admin place`, older events)."""
    identity = payload.get("identity")
    if not isinstance(identity, dict):
        return payload
    site: dict[str, Any] = {f: identity.get(f) for f in SITE_FIELDS}
    site["centre"] = identity.get("centre") or identity.get("centre_name_hi") or identity.get("centre_name_en")
    site["hours"] = {d: h for d, h in (payload.get("hours") or {}).items() if isinstance(h, str)}
    position = payload.get("position")
    if isinstance(position, dict) and isinstance(position.get("lat"), int | float):
        site["reg_lat"], site["reg_lon"] = float(position["lat"]), float(position["lon"])
    return site


def put_site(tx: Tx, kiosk_id: str, code: str, site: dict[str, Any]) -> None:
    """Insert or update where a machine is; a registered position, once set, is only changed on purpose."""
    values = [str(site.get(f) or "")[:80] for f in SITE_FIELDS]
    hours = json.dumps(site.get("hours") or {}, sort_keys=True)
    tx.execute(
        "INSERT INTO dash_sites (kiosk_id, code, district, block, gram_panchayat, centre, nodal_officer,"
        " reg_lat, reg_lon, hours) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kiosk_id) DO UPDATE SET"
        " district = excluded.district, block = excluded.block, gram_panchayat = excluded.gram_panchayat,"
        " centre = excluded.centre, nodal_officer = excluded.nodal_officer, hours = excluded.hours,"
        " reg_lat = COALESCE(dash_sites.reg_lat, excluded.reg_lat),"
        " reg_lon = COALESCE(dash_sites.reg_lon, excluded.reg_lon)",
        (kiosk_id, code, *values, site.get("reg_lat"), site.get("reg_lon"), hours),
    )


def refresh(db: Database) -> int:
    """Fold every machine's events from its last folded (epoch, seq) up to the high-water mark; returns events folded.

    Only events at or below high-water are read, so each is folded exactly once even when batches arrive out
    of order, and a crash in between folds nothing twice (done_seq moves in the same transaction). A re-enrolled
    machine's old epoch is finished up to its last mark before its new epoch (sequences from 1 again) is read.
    One machine whose events cannot be folded is held back (dash_state.halted_*, alerted) and retried on the next
    pass; every other machine keeps folding.
    """
    with db.tx(write=False) as tx:
        behind = tx.all(
            "SELECT k.id, k.code, k.epoch, k.high_water, COALESCE(s.epoch, 1), COALESCE(s.done_seq, 0) FROM kiosks k"
            " LEFT JOIN dash_state s ON s.kiosk_id = k.id"
            " WHERE k.high_water > COALESCE(s.done_seq, 0) OR k.epoch > COALESCE(s.epoch, 1)"
        )
    folded = 0
    for kiosk_id, code, epoch, high, done_epoch, done in behind:
        try:
            folded += fold_kiosk(db, str(kiosk_id), str(code), (int(epoch), int(high)), (int(done_epoch), int(done)))
        except FoldedElsewhere:
            log.info("rollup of kiosk %s moved on in another pass; this pass's fold was rolled back", code)
        except Exception as exc:
            log.warning("rollup of kiosk %s halted (retried next pass): %s", code, exc)
            halt(db, str(kiosk_id), f"{type(exc).__name__}: {str(exc)[:200]}")
    return folded


def fold_kiosk(db: Database, kiosk_id: str, code: str, current: tuple[int, int], done_at: tuple[int, int]) -> int:
    (epoch, high), (at_epoch, done) = current, done_at
    folded = 0
    while (at_epoch, done) < (epoch, high):
        upto = high if at_epoch == epoch else epoch_high_water(db, kiosk_id, at_epoch)
        was = (at_epoch, done)
        with db.tx() as tx:
            rows = tx.all(
                "SELECT seq, kind, occurred_at, payload, status FROM events WHERE kiosk_id = ? AND epoch = ?"
                " AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?",
                (kiosk_id, at_epoch, done, upto, EVENTS_PER_PASS),
            )
            tx.execute("INSERT INTO dash_state (kiosk_id) VALUES (?) ON CONFLICT DO NOTHING", (kiosk_id,))
            if rows:
                for seq, kind, occurred_at, payload, status in rows:
                    if status == "accepted":
                        try:
                            fold(tx, kiosk_id, code, str(kind), str(occurred_at), json.loads(payload))
                        except Exception as exc:
                            raise FoldError(f"epoch {at_epoch} seq {seq} ({kind}): {exc}") from exc
                done = int(rows[-1][0])
                folded += len(rows)
            elif at_epoch < epoch:
                at_epoch, done = at_epoch + 1, 0  # the old epoch is finished: on to the next enrolment's events
            else:
                break
            moved = tx.execute(
                "UPDATE dash_state SET epoch = ?, done_seq = ?, halted_at = NULL, halted_reason = NULL"
                " WHERE kiosk_id = ? AND epoch = ? AND done_seq = ?",
                (at_epoch, done, kiosk_id, *was),
            )
            if moved.rowcount != 1:  # two passes at once (a leader lost its lock mid-pass): only the first may count
                raise FoldedElsewhere(kiosk_id)
    return folded


class FoldError(Exception):
    """An accepted event the rollup could not fold; the message names the event."""


class FoldedElsewhere(Exception):
    """Another pass advanced this machine's mark after this one read it: the transaction is rolled back."""


def epoch_high_water(db: Database, kiosk_id: str, epoch: int) -> int:
    with db.tx(write=False) as tx:
        row = tx.one("SELECT high_water FROM kiosk_keys WHERE kiosk_id = ? AND epoch = ?", (kiosk_id, epoch))
    return int(row[0]) if row else 0


def halt(db: Database, kiosk_id: str, reason: str) -> None:
    """Hold one machine's rollup back with the reason (the alert pass raises `rollup_halted` from it)."""
    try:
        with db.tx() as tx:
            tx.execute("INSERT INTO dash_state (kiosk_id) VALUES (?) ON CONFLICT DO NOTHING", (kiosk_id,))
            tx.execute(
                "UPDATE dash_state SET halted_at = COALESCE(halted_at, ?), halted_reason = ? WHERE kiosk_id = ?",
                (iso(datetime.now(UTC)), reason, kiosk_id),
            )
    except Exception:
        log.exception("could not record the halted rollup of %s", kiosk_id)


def fold(tx: Tx, kiosk_id: str, code: str, kind: str, occurred_at: str, payload: dict[str, Any]) -> None:
    """One accepted event into the rollups (kinds the dashboard does not use are passed over)."""
    try:
        moment = parse_utc(occurred_at)
    except ValueError:
        return
    day, _ = local_day_hour(moment)
    subject = str(payload.get("subject", ""))
    if kind == QUEUED_KIND:  # a grievance queued while the kiosk was offline (server/grievance_rows.py)
        grievance_rows.fold_queued(tx, kiosk_id, payload, moment)
    elif kind == "txn.created":
        service = str(payload.get("service_id") or "unknown")[:64]
        tx.execute(
            "INSERT INTO dash_open_txns (kiosk_id, txn_id, service) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            (kiosk_id, subject, service),
        )
    elif kind in PAID_KINDS and (kind == "txn.paid" or payload.get("state") == "paid"):
        paise = payload.get("amount_paid")
        paise = paise if isinstance(paise, int) and paise >= 0 else 0
        row = tx.one("SELECT service FROM dash_open_txns WHERE kiosk_id = ? AND txn_id = ?", (kiosk_id, subject))
        tx.execute("DELETE FROM dash_open_txns WHERE kiosk_id = ? AND txn_id = ?", (kiosk_id, subject))
        add_day(tx, kiosk_id, day, txns=1, paise=paise)
        add_service_day(tx, kiosk_id, day, str(row[0]) if row else "unknown", paise)
        tx.execute(
            "UPDATE dash_state SET last_txn_at = ? WHERE kiosk_id = ? AND (last_txn_at IS NULL OR last_txn_at < ?)",
            (occurred_at, kiosk_id, occurred_at),
        )
    elif kind == "day.closed":
        add_day(tx, kiosk_id, day, closes=1)
    elif kind == "problem.reported":
        add_day(tx, kiosk_id, day, problems=1)
        tx.execute("UPDATE dash_state SET open_problems = open_problems + 1 WHERE kiosk_id = ?", (kiosk_id,))
    elif kind in ("kiosk.inspection", "kiosk.repair"):
        column = "inspected_at" if kind == "kiosk.inspection" else "repaired_at"
        healthy = 1 if payload.get("healthy") is True else 0
        # A visit deals with what villagers reported before it: those problems are no longer open.
        tx.execute(
            f"UPDATE dash_state SET {column} = ?, inspection_healthy = ?, open_problems = 0 WHERE kiosk_id = ?",
            (occurred_at, healthy, kiosk_id),
        )
    elif kind == "kiosk.geotagged":
        lat, lon = payload.get("lat"), payload.get("lon")
        if isinstance(lat, int | float) and isinstance(lon, int | float):
            tx.execute(
                "UPDATE dash_state SET geo_lat = ?, geo_lon = ?, geo_at = ? WHERE kiosk_id = ?",
                (float(lat), float(lon), occurred_at, kiosk_id),
            )
            tx.execute(
                "UPDATE dash_sites SET reg_lat = ?, reg_lon = ? WHERE kiosk_id = ? AND reg_lat IS NULL",
                (float(lat), float(lon), kiosk_id),
            )
    elif kind == "kiosk.provisioned":
        put_site(tx, kiosk_id, code, site_of(payload))
    elif kind == "certificate.printed":  # the print channel of the deliveries by channel (server/channels.py)
        count_delivery(tx, kiosk_id, "print", moment)


def prune(db: Database, now: datetime) -> None:
    with db.tx() as tx:
        tx.execute("DELETE FROM dash_beats WHERE at < ?", (iso(now - timedelta(days=KEEP_BEATS_DAYS)),))
        tx.execute("DELETE FROM dash_sessions WHERE expires_at < ?", (iso(now),))
