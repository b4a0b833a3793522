"""`/api/v1/blobs/{sha256}`: kiosks upload captured files in resumable, signed chunks; kept on disk by content."""

from __future__ import annotations

import argparse
import hashlib
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import Response

from server.application_records import documents_arrived
from server.db import Database, Tx, database_url
from server.deps import ERRORS, ServiceDep, authed, json_answer, service_of
from server.service import Refused, iso, now_utc
from server.wire import Body
from sync.protocol import API_PREFIX
from sync.protocol.blobs import (
    BLOBS_PATH,
    H_COMPLETE,
    H_MEDIA_TYPE,
    H_OFFSET,
    MAX_BLOB_BYTES,
    MAX_CHUNK_BYTES,
    MEDIA_TYPE,
    SHA256_HEX,
    BlobStatus,
    parse_content_range,
)

router = APIRouter(prefix=API_PREFIX)
RETENTION_DAYS = 730.0  # a placeholder until the department sets its rule (--blob-retention-days); docs/retention.md
PARTIAL_DAYS = 30.0  # an upload no kiosk resumed for this long is abandoned


@dataclass
class BlobStore:
    """The blob folder: whole blobs once each by SHA-256, partial uploads per kiosk (plain files; see retention.md)."""

    folder: Path
    retention_days: float = RETENTION_DAYS
    _locks: dict[tuple[str, str], threading.Lock] = field(default_factory=dict)
    _guard: threading.Lock = field(default_factory=threading.Lock)

    def final(self, sha256: str) -> Path:
        return self.folder / sha256[:2] / sha256

    def partial(self, kiosk_id: str, sha256: str) -> Path:
        # The kiosk id is hashed into the folder name: it never becomes a path of its own.
        return self.folder / "partial" / hashlib.sha256(kiosk_id.encode()).hexdigest()[:32] / sha256

    def lock(self, kiosk_id: str, sha256: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault((kiosk_id, sha256), threading.Lock())

    def status(self, tx: Tx, kiosk_id: str, sha256: str) -> BlobStatus:
        row = tx.one("SELECT size, completed_at FROM kiosk_blobs WHERE kiosk_id = ? AND sha256 = ?", (kiosk_id, sha256))
        if row is not None and row[1]:
            return BlobStatus(sha256=sha256, offset=int(row[0]), complete=True)
        part = self.partial(kiosk_id, sha256)
        return BlobStatus(sha256=sha256, offset=part.stat().st_size if part.exists() else 0, complete=False)

    def receive(self, tx: Tx, kiosk_id: str, sha256: str, headers: Mapping[str, str], data: bytes) -> BlobStatus:
        """Append one chunk at the server's own offset; at the end check the whole against its name and keep it."""
        first, total, media_type = _chunk_facts(headers, data)
        with self.lock(kiosk_id, sha256):
            known = self.status(tx, kiosk_id, sha256)
            if known.complete:
                return known  # a resend after a lost answer: nothing more to do
            row = tx.one("SELECT size FROM kiosk_blobs WHERE kiosk_id = ? AND sha256 = ?", (kiosk_id, sha256))
            if row is not None and int(row[0]) != total:
                raise Refused(409, f"this upload was started as {row[0]} bytes in all, not {total}")
            if first != known.offset:
                raise Refused(409, f"the server holds {known.offset} bytes of this blob: send from there")
            part = self.partial(kiosk_id, sha256)
            _append(part, data)
            tx.execute(
                "INSERT INTO kiosk_blobs (kiosk_id, sha256, size, media_type, received_bytes, started_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kiosk_id, sha256) DO UPDATE"
                " SET received_bytes = kiosk_blobs.received_bytes + excluded.received_bytes",
                (kiosk_id, sha256, total, media_type, len(data), iso(now_utc())),
            )
            offset = known.offset + len(data)
            if offset < total:
                return BlobStatus(sha256=sha256, offset=offset, complete=False)
            if _sha256_of(part) != sha256:
                part.unlink()
                raise Refused(422, "the content does not match its name (SHA-256): upload it again from byte 0")
            self._keep(part, sha256)
            tx.execute(
                "UPDATE kiosk_blobs SET completed_at = ? WHERE kiosk_id = ? AND sha256 = ?",
                (iso(now_utc()), kiosk_id, sha256),
            )
            return BlobStatus(sha256=sha256, offset=total, complete=True)

    def _keep(self, part: Path, sha256: str) -> None:
        final = self.final(sha256)
        if final.exists():  # another kiosk sent the same content: one file
            part.unlink()
            return
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(part, final)
        _fsync_folder(final.parent)

    def purge(self, db: Database, now: datetime) -> int:
        """Delete blobs received longer ago than the retention, and uploads abandoned half-way; returns files gone."""
        kept_after = iso(now - timedelta(days=self.retention_days))
        started_after = iso(now - timedelta(days=PARTIAL_DAYS))
        gone = 0
        with db.tx() as tx:
            old = tx.all(
                "SELECT kiosk_id, sha256, completed_at FROM kiosk_blobs WHERE (completed_at IS NOT NULL AND"
                " completed_at < ?) OR (completed_at IS NULL AND started_at < ?)",
                (kept_after, started_after),
            )
            for kiosk_id, sha256, completed_at in old:
                tx.execute("DELETE FROM kiosk_blobs WHERE kiosk_id = ? AND sha256 = ?", (kiosk_id, sha256))
                path = self.partial(kiosk_id, sha256) if completed_at is None else self.final(sha256)
                others = tx.one("SELECT 1 FROM kiosk_blobs WHERE sha256 = ? AND completed_at IS NOT NULL", (sha256,))
                if (completed_at is None or others is None) and path.exists():
                    path.unlink()
                    gone += 1
        return gone


def missing_blobs(tx: Tx, kiosk_id: str, sha256s: list[str]) -> list[str]:
    """Of the blobs an accepted event names, those this kiosk has not yet uploaded whole (the application waits)."""
    held = {
        str(r[0])
        for r in tx.all("SELECT sha256 FROM kiosk_blobs WHERE kiosk_id = ? AND completed_at IS NOT NULL", (kiosk_id,))
    }
    return [sha for sha in sha256s if sha not in held]


def _chunk_facts(headers: Mapping[str, str], data: bytes) -> tuple[int, int, str]:
    """(first byte, total, media type) of a well-formed chunk, or Refused naming what is wrong."""
    found = parse_content_range(headers.get("content-range", ""))
    if found is None:
        raise Refused(422, "Content-Range must be 'bytes FIRST-LAST/TOTAL' with FIRST <= LAST < TOTAL")
    first, last, total = found
    if total > MAX_BLOB_BYTES or len(data) > MAX_CHUNK_BYTES:
        raise Refused(413, f"a blob is at most {MAX_BLOB_BYTES} bytes, sent in chunks of at most {MAX_CHUNK_BYTES}")
    if last - first + 1 != len(data):
        raise Refused(422, f"Content-Range names {last - first + 1} bytes but the body has {len(data)}")
    media_type = headers.get(H_MEDIA_TYPE.lower(), "")
    if not MEDIA_TYPE.fullmatch(media_type):
        raise Refused(422, f"{H_MEDIA_TYPE} must be of the form type/subtype")
    return first, total, media_type


def _append(part: Path, data: bytes) -> None:
    part.parent.mkdir(parents=True, exist_ok=True)
    with open(part, "ab") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def blob_store(request: Request) -> BlobStore:
    """The app's blob store (set by `serve`); by default a `blobs` folder beside the SQLite file."""
    store: BlobStore | None = getattr(request.app.state, "blobs", None)
    if store is None:
        db = service_of(request).db
        store = BlobStore(default_folder(db))
        request.app.state.blobs = store
    return store


def default_folder(db: Database) -> Path:
    return Path("kiosk-blobs").resolve() if db.postgres else db.path.parent / "blobs"


def _name(sha256: str) -> str:
    if not SHA256_HEX.fullmatch(sha256):
        raise Refused(422, "a blob is named by the SHA-256 of its content: 64 lower-case hex digits")
    return sha256


@router.head(BLOBS_PATH + "/{sha256}", responses=ERRORS)
def blob_head(sha256: str, request: Request, body: Body, service: ServiceDep) -> Response:
    """How much of this blob the server holds from the asking kiosk (headers only)."""
    with service.db.tx() as tx:
        kiosk = authed(service, tx, request, body.raw)
        status = blob_store(request).status(tx, kiosk.id, _name(sha256))
    return Response(headers={H_OFFSET: str(status.offset), H_COMPLETE: "yes" if status.complete else "no"})


@router.put(BLOBS_PATH + "/{sha256}", response_model=BlobStatus, responses=ERRORS)
def blob_put(sha256: str, request: Request, body: Body, service: ServiceDep) -> Response:
    """One chunk of a blob, at the offset the server holds."""
    headers = {k.lower(): v for k, v in request.headers.items()}
    with service.db.tx() as tx:
        kiosk = authed(service, tx, request, body.raw)
        status = blob_store(request).receive(tx, kiosk.id, _name(sha256), headers, body.data)
        if status.complete:
            documents_arrived(tx, kiosk.id, iso(now_utc()))
    return json_answer(status)


def serve_options(run: argparse.ArgumentParser) -> None:
    run.add_argument("--blob-dir", default="", help="where uploaded captured files are kept (default: beside the db)")
    run.add_argument("--blob-retention-days", type=float, default=RETENTION_DAYS,
                     help="days a captured file is kept after it arrived (the department's rule)")  # fmt: skip


def store_from(args: argparse.Namespace, db: Database) -> BlobStore:
    folder = Path(args.blob_dir).resolve() if args.blob_dir else default_folder(db)
    return BlobStore(folder, retention_days=args.blob_retention_days)


def purge(args: argparse.Namespace) -> int:
    from server.service import Service

    db = Database(database_url(args.db))
    Service(db)  # the schema, on a database no server has opened yet
    print(f"deleted {store_from(args, db).purge(db, now_utc())} captured files past their retention")  # noqa: T201
    return 0


def register(admin: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = admin.add_parser("purge-blobs", help="delete captured files kept longer than the retention")
    serve_options(command)
    command.set_defaults(handler=purge)
