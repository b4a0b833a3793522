"""The kiosk's own Ed25519 key (a 0600 file) and its enrolment state kept in the kiosk database."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk.store import Store
from sync.protocol.signing import b64url, load_public_key, unb64url


class IdentityError(RuntimeError):
    """The key file or the enrolment state cannot be used; the message says which and why."""


def load_or_create_key(path: Path) -> Ed25519PrivateKey:
    """Read the key, or create it with 0600 permissions (O_EXCL: never overwrite an existing key)."""
    if path.exists():
        mode = path.stat().st_mode & 0o777
        if mode & 0o077:
            raise IdentityError(f"{path} is readable by others (mode {mode:o}); chmod 600 it")
        text = path.read_text("ascii").strip()
        try:
            raw = unb64url(text)
            if len(raw) != 32:
                raise ValueError(f"{len(raw)} bytes")
            return Ed25519PrivateKey.from_private_bytes(raw)
        except ValueError as exc:
            raise IdentityError(f"{path} is not a kiosk key ({exc})") from None
    path.parent.mkdir(parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(b64url(key.private_bytes_raw()) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    return key


class SyncState:
    """Small key/value facts the agent keeps across restarts (table sync_state, migration 0004)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, key: str) -> str | None:
        row = self.store.read_one("SELECT value FROM sync_state WHERE key = ?", (key,))
        return None if row is None else str(row["value"])

    def put(self, values: dict[str, str]) -> None:
        with self.store.write("sync") as uow:
            for key, value in values.items():
                uow.execute(
                    "INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = ?",
                    (key, value, value),
                )


@dataclass(frozen=True, slots=True)
class Enrolment:
    kiosk_id: str
    server_key: Ed25519PublicKey


def load_enrolment(state: SyncState) -> Enrolment | None:
    kiosk_id, server_key = state.get("kiosk_id"), state.get("server_public_key")
    if not kiosk_id or not server_key:
        return None
    return Enrolment(kiosk_id, load_public_key(server_key))
