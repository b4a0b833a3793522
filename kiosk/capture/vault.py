"""The document vault: captured files encrypted at rest (AES-GCM), named by content, kept until the server has them."""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import re
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kiosk.capture.port import BlobRef
from kiosk.clock import iso_utc, parse_iso_utc
from kiosk.store import Store

log = logging.getLogger("kiosk.vault")

MAGIC = b"EMV1"  # file format version: magic, 12-byte nonce, AES-256-GCM ciphertext with its tag
NONCE_BYTES = 12
KEY_BYTES = 32
MAX_BLOB_BYTES = 8 * 1024 * 1024  # a scanned page is ~60 KB; a voice note of a minute ~500 KB
GRACE_S = 3600.0  # a journey ends (submitted or timed out) well inside an hour; older unsubmitted blobs are waste
MEDIA_TYPE = re.compile(r"[a-z]+/[a-z0-9.+-]{1,60}")
SHA256_HEX = re.compile(r"[0-9a-f]{64}")

FaultHook = Callable[[str], None]


class VaultError(RuntimeError):
    """A blob cannot be kept or read; the message says which and why (never the content)."""


class VaultFull(VaultError):
    """No room on the disk for the blob: nothing was written, the journey asks the villager to come back."""


def vault_folder(database: Path) -> Path:
    """Where the encrypted files live: beside the kiosk database, on the same disk (renames are atomic)."""
    return database.parent / "vault"


def load_or_create_key(path: Path) -> bytes:
    """The vault's AES key (a 0600 file beside the kiosk's signing key); created once, never overwritten."""
    if path.exists():
        mode = path.stat().st_mode & 0o777
        if mode & 0o077:
            raise VaultError(f"{path} is readable by others (mode {mode:o}); chmod 600 it")
        raw = path.read_bytes()
        if len(raw) != KEY_BYTES:
            raise VaultError(f"{path} is not a vault key ({len(raw)} bytes, expected {KEY_BYTES})")
        return raw
    path.parent.mkdir(parents=True, exist_ok=True)
    key = AESGCM.generate_key(bit_length=KEY_BYTES * 8)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key)
        handle.flush()
        os.fsync(handle.fileno())
    return key


class Vault:
    """The kiosk's DocumentVault: `put`/`discard` for the journeys; `read`, `mark_uploaded`, `settle` for the agent."""

    def __init__(
        self, store: Store, folder: Path, key: bytes, *, grace_s: float = GRACE_S, fault: FaultHook | None = None
    ) -> None:
        if len(key) != KEY_BYTES:
            raise VaultError(f"a vault key is {KEY_BYTES} bytes, got {len(key)}")
        self.store, self.folder, self.grace_s = store, folder, grace_s
        self._aead = AESGCM(key)
        self._fault = fault
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)

    @classmethod
    def open(cls, store: Store, key_file: Path, *, grace_s: float = GRACE_S) -> Vault:
        """The vault beside `store`'s database file, its key in `key_file`."""
        return cls(store, vault_folder(store.path), load_or_create_key(key_file), grace_s=grace_s)

    @classmethod
    def at_start(cls, store: Store, key_file: Path, *, grace_s: float = GRACE_S) -> Vault:
        """The kiosk app's vault (the one process that puts), swept of what a crash or an abandoned journey left.

        Only here: the agent opens the vault with `open`, as a sweep there could take a file the app is putting."""
        vault = cls.open(store, key_file, grace_s=grace_s)
        vault.sweep()
        return vault

    def path_of(self, sha256: str) -> Path:
        if not SHA256_HEX.fullmatch(sha256):
            raise VaultError(f"{sha256[:70]!r} is not a SHA-256 in hex")
        return self.folder / f"{sha256}.blob"

    def put(self, data: bytes, media_type: str) -> BlobRef:
        """Keep `data` encrypted (atomically); the same content twice is one blob."""
        if not MEDIA_TYPE.fullmatch(media_type):
            raise VaultError(f"media type {media_type[:70]!r} is not of the form type/subtype")
        if not data or len(data) > MAX_BLOB_BYTES:
            raise VaultError(f"a blob must be 1 to {MAX_BLOB_BYTES} bytes, got {len(data)}")
        ref = BlobRef(hashlib.sha256(data).hexdigest(), len(data), media_type)
        path = self.path_of(ref.sha256)
        row = self.store.read_one("SELECT state FROM vault_blobs WHERE sha256 = ?", (ref.sha256,))
        if row is not None and row["state"] != "confirmed" and path.exists():
            return ref
        existed = path.exists()
        self._write(path, ref.sha256, data)
        try:
            with self.store.write("vault") as uow:
                uow.execute(
                    "INSERT INTO vault_blobs (sha256, size, media_type, state, created_at, updated_at)"
                    " VALUES (?, ?, ?, 'kept', ?, ?) ON CONFLICT (sha256) DO UPDATE SET"
                    " state = CASE WHEN state = 'confirmed' THEN 'kept' ELSE state END,"
                    " updated_at = excluded.updated_at",
                    (ref.sha256, ref.size, ref.media_type, uow.now, uow.now),
                )
        except BaseException:
            if not existed:
                path.unlink(missing_ok=True)
            raise
        return ref

    def _write(self, path: Path, sha256: str, data: bytes) -> None:
        """tmp + fsync + rename + fsync of the folder: after a crash the file is whole or absent."""
        nonce = os.urandom(NONCE_BYTES)
        sealed = MAGIC + nonce + self._aead.encrypt(nonce, data, sha256.encode("ascii"))
        tmp = self.folder / f".{sha256[:16]}.{secrets.token_hex(4)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as handle:
                half = len(sealed) // 2
                handle.write(sealed[:half])
                self._at("write")
                handle.write(sealed[half:])
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
            _fsync_folder(self.folder)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise VaultFull(f"disk full: no room for a {len(data)} byte file in {self.folder}") from None
            raise VaultError(f"cannot write a blob in {self.folder}: {exc.strerror or exc}") from None

    def read(self, sha256: str) -> bytes:
        """The plain content (for the upload), checked against its name."""
        path = self.path_of(sha256)
        try:
            sealed = path.read_bytes()
        except OSError as exc:
            raise VaultError(f"blob {sha256[:12]}… cannot be read: {exc.strerror or exc}") from None
        if not sealed.startswith(MAGIC) or len(sealed) < len(MAGIC) + NONCE_BYTES + 16:
            raise VaultError(f"blob {sha256[:12]}… is not a vault file")
        nonce = sealed[len(MAGIC) : len(MAGIC) + NONCE_BYTES]
        try:
            data = self._aead.decrypt(nonce, sealed[len(MAGIC) + NONCE_BYTES :], sha256.encode("ascii"))
        except InvalidTag:
            raise VaultError(f"blob {sha256[:12]}… is damaged or was encrypted under another key") from None
        if hashlib.sha256(data).hexdigest() != sha256:
            raise VaultError(f"blob {sha256[:12]}… does not match its name")
        return data

    def discard(self, ref: BlobRef) -> None:
        """Forget a blob no submitted event needs (a retake, an abandoned journey); otherwise do nothing."""
        self._forget_kept(ref.sha256, None)

    def _forget_kept(self, sha256: str, older_than: str | None) -> bool:
        path = self.path_of(sha256)
        with self.store.write("vault") as uow:
            row = uow.execute(
                "SELECT state, updated_at, EXISTS (SELECT 1 FROM vault_links WHERE sha256 = ?) FROM vault_blobs"
                " WHERE sha256 = ?",
                (sha256, sha256),
            ).fetchone()
            if row is None or row[0] != "kept" or (older_than is not None and row[1] >= older_than):
                return False
            if row[2]:  # put again after an earlier application was confirmed: the server has it already
                uow.execute("UPDATE vault_blobs SET state = 'confirmed', updated_at = ? WHERE sha256 = ?",
                            (uow.now, sha256))  # fmt: skip
            else:
                uow.execute("DELETE FROM vault_blobs WHERE sha256 = ?", (sha256,))
        path.unlink(missing_ok=True)
        return True

    def sweep(self) -> int:
        """At the start of the kiosk app (the one process that puts): delete what a crash or an abandoned journey left.

        Unsubmitted blobs older than the grace period, half-written temporary files, files without an index row and
        files of confirmed blobs. Returns how many files went."""
        cutoff = iso_utc(self.store.clock.now() - timedelta(seconds=self.grace_s))
        gone = 0
        staged = self._staged()
        for row in self.store.read("SELECT sha256 FROM vault_blobs WHERE state = 'kept' AND updated_at < ?", (cutoff,)):
            if str(row["sha256"]) not in staged:
                gone += self._forget_kept(str(row["sha256"]), cutoff)
        live = {str(r["sha256"]) for r in self.store.read("SELECT sha256 FROM vault_blobs WHERE state != 'confirmed'")}
        for path in self.folder.iterdir():
            if path.name.endswith(".tmp") or (path.name.endswith(".blob") and path.stem not in live):
                path.unlink(missing_ok=True)
                gone += 1
        if gone:
            log.info("vault sweep deleted %d files left behind", gone)
        return gone

    def _staged(self) -> set[str]:
        """Blobs an application names whose fee is not paid yet (events_on_paid, kiosk/application_records.py): a
        card or UPI outcome may take hours to settle, and the submission leaves with its files when it does."""
        staged: set[str] = set()
        for row in self.store.read("SELECT payload FROM events_on_paid"):
            entries = json.loads(str(row["payload"])).get("blobs", [])
            staged.update(str(e.get("sha256")) for e in entries if isinstance(e, dict))
        return staged

    def waiting_upload(self, limit: int = 100) -> list[BlobRef]:
        """Blobs a submitted event names that the server has not confirmed, oldest event first."""
        rows = self.store.read(
            "SELECT b.sha256, b.size, b.media_type FROM vault_blobs b JOIN vault_links l ON l.sha256 = b.sha256"
            " WHERE b.state = 'referenced' GROUP BY b.sha256 ORDER BY min(l.seq) LIMIT ?",
            (limit,),
        )
        return [BlobRef(str(r["sha256"]), int(r["size"]), str(r["media_type"])) for r in rows]

    def mark_uploaded(self, sha256: str) -> None:
        """The server answered that it holds the whole blob under this name."""
        with self.store.write("vault") as uow:
            uow.execute(
                "UPDATE vault_blobs SET state = 'uploaded', updated_at = ? WHERE sha256 = ? AND state = 'referenced'",
                (uow.now, sha256),
            )

    def settle(self) -> int:
        """Delete the files the server holds whose events it has all accepted; their rows say confirmed."""
        unsettled = (
            "NOT EXISTS (SELECT 1 FROM vault_links l JOIN outbox o ON o.seq = l.seq"
            " WHERE l.sha256 = vault_blobs.sha256 AND o.state != 'delivered')"
        )
        rows = self.store.read(f"SELECT sha256 FROM vault_blobs WHERE state = 'uploaded' AND {unsettled}")
        confirmed = 0
        for row in rows:
            sha256 = str(row["sha256"])
            with self.store.write("vault") as uow:
                changed = uow.execute(
                    "UPDATE vault_blobs SET state = 'confirmed', updated_at = ? WHERE sha256 = ? AND state = 'uploaded'"
                    f" AND {unsettled}",
                    (uow.now, sha256),
                ).rowcount
            if changed:
                self.path_of(sha256).unlink(missing_ok=True)  # after the commit: a crash here leaves it to sweep()
                confirmed += 1
        return confirmed

    def _at(self, point: str) -> None:
        if self._fault is not None:
            self._fault(point)


def backlog(store: Store, now: datetime) -> tuple[int, float | None]:
    """For the heartbeat: files a submitted event names that the server does not hold yet, and how many minutes the
    oldest has waited since its event (None with none waiting). Reads the index only: no key needed."""
    row = store.read_one(
        "SELECT count(DISTINCT b.sha256) AS n, min(o.occurred_at) AS oldest FROM vault_blobs b"
        " JOIN vault_links l ON l.sha256 = b.sha256 JOIN outbox o ON o.seq = l.seq WHERE b.state = 'referenced'"
    )
    if row is None or not row["n"]:
        return 0, None
    waited = (now - parse_iso_utc(str(row["oldest"]))).total_seconds() / 60
    return int(row["n"]), round(max(waited, 0.0), 1)


def start_vault(store: Store, key_file: Path) -> Vault | None:
    """For the composition root: the app's swept vault, or None (logged) when it cannot be used — the services that
    capture files are then not offered, and the rest of the kiosk works on."""
    try:
        return Vault.at_start(store, key_file)
    except (VaultError, OSError) as exc:
        log.error("no document vault, services that capture files are off: %s", exc)
        return None


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
