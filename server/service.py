"""What the server does with each request, independent of HTTP: enrol, ingest events, heartbeats, catalogue."""

from __future__ import annotations

import hashlib
import json
import logging
import re
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from server.application_records import take_submission
from server.dashboard.rollup import Sampler
from server.db import Database, IntegrityError, Tx
from server.fleetops.remote import RemoteDesk
from server.leader import PUBLISHING
from server.release_offer import offer as release_offer
from sync.protocol import (
    MAX_SKEW_S,
    EnrolAnswer,
    EnrolRequest,
    EventItem,
    Heartbeat,
    HeartbeatAnswer,
    ItemResult,
    SignedCatalogue,
)
from sync.protocol.payloads import occurred_at_problem, payload_problem
from sync.protocol.signing import (
    SignatureError,
    b64url,
    catalogue_message,
    load_public_key,
    public_key_text,
    request_message,
    unb64url,
    verify,
)

log = logging.getLogger("kiosk-server")
KIND_PATTERN = re.compile(r"^[a-z][a-z0-9_.]{0,63}$")
MAX_PAYLOAD_CHARS = 64_000
TABLES = {"catalogue": "catalogues", "config": "configs"}


class Refused(Exception):
    """A request refused with an HTTP status and a reason; nothing was changed."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


def now_utc() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Kiosk:
    id: str
    code: str
    high_water: int = 0
    out_of_service: str | None = None
    epoch: int = 1  # which enrolment of this kiosk signed the request (sequences are unique per epoch)


@dataclass(frozen=True, slots=True)
class EpochKey:
    """One enrolment's key of a kiosk and what ended its validity: a revocation, or the next enrolment."""

    epoch: int
    public_key: str
    enrolled_at: str
    revoked_at: str | None = None
    replaced_at: str | None = None


class HeartbeatBuffer:
    """Heartbeats waiting for the next flush: the newest per kiosk, how many arrived, and their nonces.

    A heartbeat is a status report, not money: on a crash at most one flush interval of them is lost,
    and the next beat from each kiosk replaces it anyway. Events never go through here.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latest: dict[str, tuple[str, str, int]] = {}
        self.nonces: dict[tuple[str, str], int] = {}

    def add(self, kiosk_id: str, received_at: str, body: str) -> None:
        with self.lock:
            count = self.latest[kiosk_id][2] + 1 if kiosk_id in self.latest else 1
            self.latest[kiosk_id] = (received_at, body, count)

    def put_back(self, beats: dict[str, tuple[str, str, int]], nonces: dict[tuple[str, str], int]) -> None:
        """A failed flush: merge back, newer beats winning, counts added."""
        with self.lock:
            for kiosk_id, (received_at, body, count) in beats.items():
                newer = self.latest.get(kiosk_id)
                self.latest[kiosk_id] = (newer[0], newer[1], newer[2] + count) if newer else (received_at, body, count)
            self.nonces.update(nonces)

    def take(self) -> tuple[dict[str, tuple[str, str, int]], dict[tuple[str, str], int]]:
        with self.lock:
            taken = self.latest, self.nonces
            self.latest, self.nonces = {}, {}
        return taken


class BeatCache:
    """What the heartbeat path reads, kept in memory so a heartbeat needs no query.

    Kiosk rows and the newest catalogue version are re-read after `ttl_s`: an officer's revocation or
    out-of-service order reaches heartbeats within `ttl_s` (events always read the database). Every heartbeat
    nonce that could still arrive fresh (2 × MAX_SKEW_S) is remembered as a 64-bit hash in per-minute buckets —
    about 60 bytes each, ~60 MB for 100,000 kiosks beating once a minute — and the ones already in the database
    are loaded at start. On SQLite (one process) that memory is the check; on PostgreSQL it only refuses a replay
    to this replica early, and the `nonces` table's unique key decides (`Service._claim_nonce`).
    """

    def __init__(self, ttl_s: float = 1.0) -> None:
        self.ttl_s = ttl_s
        self.lock = threading.Lock()
        self.kiosks: dict[str, tuple[float, tuple[Any, ...] | None]] = {}
        self.catalogue: tuple[float, int] = (-1e9, 0)
        self.nonces: dict[int, set[int]] = {}

    def fresh(self, stamp: float) -> bool:
        return time.monotonic() - stamp < self.ttl_s

    def claim_nonce(self, kiosk_id: str, nonce: str, stamp: int) -> bool:
        """False if this (kiosk, nonce) was seen within the window; else remember it."""
        key = hash((kiosk_id, nonce))
        with self.lock:
            if any(key in bucket for bucket in self.nonces.values()):
                return False
            minute = stamp // 60
            if minute not in self.nonces:
                horizon = (stamp - 2 * MAX_SKEW_S) // 60
                for old in [m for m in self.nonces if m < horizon]:
                    del self.nonces[old]
                self.nonces[minute] = set()
            self.nonces[minute].add(key)
        return True

    def load_nonces(self, db: Database, now_s: int) -> None:
        with db.tx(write=False) as tx:
            rows = tx.all("SELECT kiosk_id, nonce, seen_at FROM nonces WHERE seen_at >= ?", (now_s - 2 * MAX_SKEW_S,))
        for kiosk_id, nonce, seen_at in rows:
            self.claim_nonce(str(kiosk_id), str(nonce), int(seen_at))


def sweep_nonces(db: Database, now: datetime) -> int:
    """The TTL sweep: a nonce older than the freshness window can never be replayed (the timestamp is refused)."""
    with db.tx() as tx:
        return tx.execute("DELETE FROM nonces WHERE seen_at < ?", (int(now.timestamp()) - 3 * MAX_SKEW_S,)).rowcount


class Service:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._keys: dict[str, Ed25519PublicKey] = {}
        self.beats = HeartbeatBuffer()
        self.beat_cache = BeatCache()
        self.db.create_schema()
        self.beat_cache.load_nonces(db, int(now_utc().timestamp()))
        self.key = self._server_key()
        self.public_key = public_key_text(self.key)
        self.remote = RemoteDesk(db, self.key)  # officers' signed commands, delivered with heartbeat answers

    def _server_key(self) -> Ed25519PrivateKey:
        with self.db.tx() as tx:
            row = tx.one("SELECT private_key FROM server_key WHERE id = 1")
            if row is None:
                key = Ed25519PrivateKey.generate()
                raw = key.private_bytes_raw()
                tx.execute("INSERT INTO server_key (id, private_key) VALUES (1, ?)", (b64url(raw),))
                return key
        return Ed25519PrivateKey.from_private_bytes(unb64url(str(row[0])))

    # -- enrolment ---------------------------------------------------------------------------------
    def issue_token(self, kiosk_code: str, valid_hours: float = 72.0) -> str:
        token = secrets.token_urlsafe(24)
        while token.startswith("-"):  # an engineer types `--token TOKEN`; argparse takes a leading dash for an option
            token = secrets.token_urlsafe(24)
        expires = iso(now_utc() + timedelta(hours=valid_hours))
        with self.db.tx() as tx:
            tx.execute(
                "INSERT INTO enrol_tokens (token_hash, kiosk_code, expires_at) VALUES (?, ?, ?)",
                (token_hash(token), kiosk_code, expires),
            )
        return token

    def enrol(self, request: EnrolRequest) -> EnrolAnswer:
        now = iso(now_utc())
        with self.db.tx() as tx:
            row = tx.one(
                "SELECT kiosk_code, expires_at, used_at FROM enrol_tokens WHERE token_hash = ?",
                (token_hash(request.token),),
            )
            if row is None:
                raise Refused(403, "unknown enrolment token")
            code, expires_at, used_at = row
            if used_at is not None:
                raise Refused(403, "enrolment token was already used")
            if str(expires_at) < now:
                raise Refused(403, "enrolment token has expired")
            if code != request.kiosk_code:
                raise Refused(403, f"enrolment token was issued for kiosk {code}, not {request.kiosk_code}")
            tx.execute("UPDATE enrol_tokens SET used_at = ? WHERE token_hash = ?", (now, token_hash(request.token)))
            existing = tx.one("SELECT id, epoch FROM kiosks WHERE code = ?", (code,))
            if existing is None:
                kiosk_id, epoch = "k-" + secrets.token_hex(8), 1
                tx.execute(
                    "INSERT INTO kiosks (id, code, public_key, enrolled_at) VALUES (?, ?, ?, ?)",
                    (kiosk_id, code, request.public_key, now),
                )
            else:
                # A repaired machine (new disk, new key, outbox from seq 1): same identity, a new epoch with its
                # own sequences and high-water mark. The old epoch's events and key stay as they were.
                kiosk_id, epoch = str(existing[0]), int(existing[1]) + 1
                tx.execute(
                    "UPDATE kiosks SET public_key = ?, revoked = 0, epoch = ?, high_water = 0 WHERE id = ?",
                    (request.public_key, epoch, kiosk_id),
                )
            tx.execute(
                "INSERT INTO kiosk_keys (kiosk_id, epoch, public_key, enrolled_at) VALUES (?, ?, ?, ?)",
                (kiosk_id, epoch, request.public_key, now),
            )
        self.beat_cache.kiosks.pop(kiosk_id, None)
        log.info("enrolled kiosk %s as %s (epoch %d)", request.kiosk_code, kiosk_id, epoch)
        return EnrolAnswer(kiosk_id=kiosk_id, server_public_key=self.public_key)

    def set_out_of_service(self, kiosk_code: str, reason: str | None) -> bool:
        with self.db.tx() as tx:
            cursor = tx.execute("UPDATE kiosks SET out_of_service = ? WHERE code = ?", (reason, kiosk_code))
            return cursor.rowcount > 0

    def revoke(self, kiosk_code: str, now: datetime | None = None) -> bool:
        """Refuse the kiosk's requests, and anything its current key signed from now on."""
        with self.db.tx() as tx:
            row = tx.one("SELECT id, epoch FROM kiosks WHERE code = ?", (kiosk_code,))
            if row is None:
                return False
            tx.execute("UPDATE kiosks SET revoked = 1 WHERE id = ?", (row[0],))
            tx.execute(
                "UPDATE kiosk_keys SET revoked_at = ? WHERE kiosk_id = ? AND epoch = ? AND revoked_at IS NULL",
                (iso(now or now_utc()), row[0], row[1]),
            )
        return True

    # -- authentication ----------------------------------------------------------------------------
    def authenticate(
        self,
        tx: Tx,
        headers: dict[str, str],
        method: str,
        path: str,
        body: bytes,
        now: datetime,
        *,
        buffered: bool = False,
    ) -> Kiosk:
        """Check the request signature, freshness and nonce inside the request's own transaction.

        `buffered`: the nonce joins the heartbeat buffer and is written with the next flush (no commit now).
        """
        kiosk_id, stamp, nonce, signature = (
            headers.get(h.lower(), "") for h in ("X-Kiosk-Id", "X-Timestamp", "X-Nonce", "X-Signature")
        )
        if not (kiosk_id and stamp and nonce and signature):
            raise Refused(401, "unsigned request: X-Kiosk-Id, X-Timestamp, X-Nonce and X-Signature are required")
        # ASCII digits only, and few of them: int() of '²' or of 5,000 digits raises instead of refusing.
        if not re.fullmatch(r"[0-9]{1,12}", stamp) or not re.fullmatch(r"[0-9a-f]{16,64}", nonce):
            raise Refused(401, "X-Timestamp must be unix seconds and X-Nonce 16-64 hex digits")
        skew = int(stamp) - int(now.timestamp())
        if abs(skew) > MAX_SKEW_S:
            raise Refused(401, f"stale request: timestamp is {skew} s from server time (limit {MAX_SKEW_S} s)")
        row = self._kiosk_row(tx, kiosk_id, cached=buffered)
        if row is None:
            raise Refused(401, f"unknown kiosk {kiosk_id[:40]!r}")
        if row[2]:
            raise Refused(403, f"kiosk {row[0]} is revoked")
        if not path.isascii():  # kiosks only ask for ASCII paths; the signed message is ASCII
            raise Refused(401, "bad request signature: the path is not ASCII")
        try:
            verify(self._public_key(str(row[1])), signature, request_message(method, path, stamp, nonce, body))
        except SignatureError as exc:
            raise Refused(401, f"bad request signature: {exc}") from None
        if not self._claim_nonce(tx, kiosk_id, nonce, int(stamp), buffered=buffered):
            raise Refused(409, "replayed request: this nonce was already used")
        return kiosk_of(kiosk_id, row)

    def _claim_nonce(self, tx: Tx, kiosk_id: str, nonce: str, stamp: int, *, buffered: bool) -> bool:
        """False for a replay. The database's unique key is the truth; memory only refuses early.

        A buffered (heartbeat) nonce on SQLite joins the next flush: one process serves a SQLite file. On
        PostgreSQL, where other replicas serve the same kiosks, it is inserted now on the autocommit reader
        connection (one round trip): a beat replayed to another replica a moment later finds it.
        """
        if buffered and not self.beat_cache.claim_nonce(kiosk_id, nonce, stamp):
            return False
        if buffered and not self.db.postgres:
            with self.beats.lock:  # handlers run on pool threads: never write into a dict a flush just took
                self.beats.nonces[(kiosk_id, nonce)] = stamp
            return True
        claimed = tx.one(
            "INSERT INTO nonces (kiosk_id, nonce, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING 1",
            (kiosk_id, nonce, stamp),
        )
        return claimed is not None

    def _kiosk_row(self, tx: Tx, kiosk_id: str, *, cached: bool) -> tuple[Any, ...] | None:
        if cached:
            hit = self.beat_cache.kiosks.get(kiosk_id)
            if hit is not None and self.beat_cache.fresh(hit[0]):
                return hit[1]
        row = tx.one(
            "SELECT code, public_key, revoked, high_water, out_of_service, epoch FROM kiosks WHERE id = ?", (kiosk_id,)
        )
        if cached:
            self.beat_cache.kiosks[kiosk_id] = (time.monotonic(), row)
        return row

    def _public_key(self, text: str) -> Ed25519PublicKey:
        """Parsed keys are cached by their text; a re-enrolled kiosk has new text, so nothing goes stale."""
        key = self._keys.get(text)
        if key is None:
            key = self._keys[text] = load_public_key(text)
        return key

    # -- events ------------------------------------------------------------------------------------
    def ingest(self, tx: Tx, kiosk: Kiosk, items: list[EventItem], now: datetime) -> tuple[list[ItemResult], int]:
        results = []
        for item in items:
            results.append(self._ingest_one(tx, kiosk, item, now))
        return results, self._advance_high_water(tx, kiosk)

    def _ingest_one(self, tx: Tx, kiosk: Kiosk, item: EventItem, now: datetime) -> ItemResult:
        rows = tx.all(
            "SELECT seq, uuid, status, reason FROM event_keys"
            " WHERE kiosk_id = ? AND epoch = ? AND (seq = ? OR uuid = ?)",
            (kiosk.id, kiosk.epoch, item.seq, item.uuid),
        )
        for seq, uuid, status, reason in rows:
            if seq == item.seq and uuid == item.uuid:
                if status == "rejected":
                    return ItemResult(uuid=item.uuid, seq=item.seq, status="rejected", reason=reason)
                return ItemResult(uuid=item.uuid, seq=item.seq, status="duplicate")
        if rows:
            seq, uuid = rows[0][0], rows[0][1]
            reason = f"seq {item.seq} already holds event {uuid}" if seq == item.seq else f"uuid already at seq {seq}"
            return ItemResult(uuid=item.uuid, seq=item.seq, status="rejected", reason=reason)
        payload = json.dumps(item.payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        problem = None
        if not KIND_PATTERN.match(item.kind):
            problem = f"kind {item.kind[:64]!r} is not a lower-case event name"
        elif len(payload) > MAX_PAYLOAD_CHARS:
            problem = f"payload is {len(payload)} characters (limit {MAX_PAYLOAD_CHARS})"
        else:  # what the dashboard folds is checked here, so one odd event cannot stop the rollups
            problem = occurred_at_problem(item.occurred_at, now) or payload_problem(item.kind, item.payload)
            problem = problem or take_submission(tx, kiosk.id, item.kind, item.payload, iso(now))  # an application
        # A rejected item is kept as a tombstone so its seq stays used forever and the high-water mark moves on.
        tx.execute(
            "INSERT INTO events (kiosk_id, epoch, seq, uuid, kind, occurred_at, payload, status, reason, received_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (kiosk.id, kiosk.epoch, item.seq, item.uuid, item.kind[:64], item.occurred_at, "{}" if problem else payload,
             "rejected" if problem else "accepted", problem, iso(now)),
        )  # fmt: skip
        if problem:
            log.warning("kiosk %s seq %d rejected: %s", kiosk.code, item.seq, problem)
            return ItemResult(uuid=item.uuid, seq=item.seq, status="rejected", reason=problem)
        return ItemResult(uuid=item.uuid, seq=item.seq, status="accepted")

    def _advance_high_water(self, tx: Tx, kiosk: Kiosk) -> int:
        kiosk_id, epoch = kiosk.id, kiosk.epoch
        row = tx.one("SELECT high_water FROM kiosk_keys WHERE kiosk_id = ? AND epoch = ?", (kiosk_id, epoch))
        high = int(row[0]) if row else 0
        while True:
            seqs = [int(r[0]) for r in tx.all(
                "SELECT seq FROM event_keys WHERE kiosk_id = ? AND epoch = ? AND seq > ? ORDER BY seq LIMIT 1000",
                (kiosk_id, epoch, high),
            )]  # fmt: skip
            start = high
            for seq in seqs:
                if seq != high + 1:
                    break
                high = seq
            if high == start or len(seqs) < 1000 or high != seqs[-1]:
                break
        tx.execute("UPDATE kiosk_keys SET high_water = ? WHERE kiosk_id = ? AND epoch = ?", (high, kiosk_id, epoch))
        # The kiosk row mirrors the current epoch's mark (heartbeats read it); an older epoch's batch leaves it.
        tx.execute("UPDATE kiosks SET high_water = ? WHERE id = ? AND epoch = ?", (high, kiosk_id, epoch))
        return high

    # -- heartbeat ---------------------------------------------------------------------------------
    def heartbeat(self, tx: Tx, kiosk: Kiosk, beat: Heartbeat, now: datetime) -> HeartbeatAnswer:
        """Answer at once; the beat itself is written with the next flush (one commit for many kiosks)."""
        self.beats.add(kiosk.id, iso(now), beat.model_dump_json(exclude={"command_results"}))
        if beat.command_results:  # filed with the next flush; their output is kept in remote_commands only
            self.remote.take_results(kiosk.id, beat.command_results, now)
        Sampler.of(self).offer(kiosk.id, now, beat)
        high = kiosk.high_water
        commands: list[str] = []
        if beat.last_seq > high and beat.outbox_depth == 0:
            # The kiosk believes everything arrived, but we hold less (restored from backup): ask for it again.
            commands.append("resend")
        if self._latest_catalogue(tx) > beat.catalogue_version:
            commands.append("refresh_catalogue")
        if kiosk.out_of_service is not None:
            commands.append("out_of_service")
        return HeartbeatAnswer.model_validate(
            {"server_time": iso(now), "high_water": high, "commands": commands, "out_of_service": kiosk.out_of_service,
             "release": release_offer(tx, kiosk.id, beat), "remote": self.remote.open_for(tx, kiosk.id, now)}
        )  # fmt: skip

    def _latest_catalogue(self, tx: Tx) -> int:
        stamp, version = self.beat_cache.catalogue
        if not self.beat_cache.fresh(stamp):
            latest = tx.one("SELECT max(version) FROM catalogues")
            version = int(latest[0]) if latest and latest[0] is not None else 0
            self.beat_cache.catalogue = (time.monotonic(), version)
        return version

    def flush_heartbeats(self) -> int:
        """Write buffered heartbeats and their nonces in one transaction; returns how many beats."""
        beats, nonces = self.beats.take()
        if not beats and not nonces:
            return 0
        try:
            self._write_beats(beats, nonces)
        except BaseException:
            self.beats.put_back(beats, nonces)
            raise
        return sum(c for _, _, c in beats.values())

    def _write_beats(self, beats: dict[str, tuple[str, str, int]], nonces: dict[tuple[str, str], int]) -> None:
        with self.db.tx() as tx:
            tx.many(
                "INSERT INTO nonces (kiosk_id, nonce, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                [(kiosk_id, nonce, stamp) for (kiosk_id, nonce), stamp in nonces.items()],
            )
            tx.many(
                "INSERT INTO heartbeats (kiosk_id, received_at, body, count) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (kiosk_id) DO UPDATE SET received_at = excluded.received_at,"
                " body = excluded.body, count = heartbeats.count + excluded.count",
                [(kiosk_id, received_at, body, count) for kiosk_id, (received_at, body, count) in beats.items()],
            )
            self.remote.write_results(tx)

    # -- catalogue ---------------------------------------------------------------------------------
    def publish_catalogue(
        self, body: dict[str, object], expires_at: datetime, kind: str = "catalogue"
    ) -> SignedCatalogue:
        """Sign and store the next version of the catalogue (or of the fleet config, kind="config")."""
        table = TABLES[kind]
        issued = iso(now_utc())
        with self.db.tx() as tx:
            if self.db.postgres:  # two admins publishing at once on two replicas: the second waits, then numbers on
                tx.execute("SELECT pg_advisory_xact_lock(?)", (PUBLISHING,))
            row = tx.one(f"SELECT max(version) FROM {table}")
            version = int(row[0]) + 1 if row and row[0] is not None else 1
            expires = iso(expires_at)
            signature = b64url(self.key.sign(catalogue_message(version, issued, expires, body, kind)))
            document = SignedCatalogue(
                version=version, issued_at=issued, expires_at=expires, body=body, signature=signature
            )
            tx.execute(
                f"INSERT INTO {table} (version, document, published_at) VALUES (?, ?, ?)",
                (version, document.model_dump_json(), issued),
            )
        return document

    def latest_catalogue(self, tx: Tx, kind: str = "catalogue") -> tuple[int, str] | None:
        row = tx.one(f"SELECT version, document FROM {TABLES[kind]} ORDER BY version DESC LIMIT 1")
        return None if row is None else (int(row[0]), str(row[1]))

    def kiosk_keys(self, code: str) -> list[EpochKey]:
        """Every enrolment's key of a kiosk, newest first, each with when it stopped being valid (if it did)."""
        with self.db.tx(write=False) as tx:
            rows = tx.all(
                "SELECT c.epoch, c.public_key, c.enrolled_at, c.revoked_at FROM kiosk_keys c JOIN kiosks k"
                " ON k.id = c.kiosk_id WHERE k.code = ? ORDER BY c.epoch DESC",
                (code,),
            )
            if not rows:  # a kiosk written straight into the table (the demo fleet generator): its one key
                rows = tx.all("SELECT epoch, public_key, enrolled_at, NULL FROM kiosks WHERE code = ?", (code,))
        keys, replaced = [], None
        for epoch, key, enrolled_at, revoked_at in rows:
            keys.append(EpochKey(int(epoch), str(key), str(enrolled_at), revoked_at and str(revoked_at), replaced))
            replaced = str(enrolled_at)
        return keys


def kiosk_of(kiosk_id: str, row: tuple[Any, ...]) -> Kiosk:
    """A Kiosk from (code, public_key, revoked, high_water, out_of_service, epoch)."""
    return Kiosk(kiosk_id, str(row[0]), int(row[3]), None if row[4] is None else str(row[4]), int(row[5]))


__all__ = ["EpochKey", "IntegrityError", "Kiosk", "Refused", "Service"]
