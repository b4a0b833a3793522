"""How an outbox event declares the captured files it needs: `{"blobs": [{sha256, size, media_type}, …]}`.

A journey that submits files calls `emit_with_blobs` (or `record_with_blobs`) inside its unit of work; the event and
its links to the vault commit together, so the agent knows which blobs to upload and when the kiosk may delete them.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from kiosk.capture.port import BlobRef
from kiosk.capture.vault import MEDIA_TYPE, SHA256_HEX, VaultError
from kiosk.store.db import OutboxItem, UnitOfWork

BLOBS_KEY = "blobs"
log = logging.getLogger("kiosk.vault")


def blobs_field(refs: Sequence[BlobRef]) -> dict[str, list[dict[str, Any]]]:
    """The part of an event payload that names its files (in the order the office should see them)."""
    return {BLOBS_KEY: [{"sha256": r.sha256, "size": r.size, "media_type": r.media_type} for r in refs]}


def refs_in(payload: dict[str, Any]) -> list[BlobRef]:
    """The files an event payload names; a malformed entry is a VaultError naming it."""
    entries = payload.get(BLOBS_KEY, [])
    if not isinstance(entries, list):
        raise VaultError(f"payload.{BLOBS_KEY} must be a list")
    refs = []
    for n, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise VaultError(f"payload.{BLOBS_KEY}[{n}] must be an object")
        sha, size, media = entry.get("sha256"), entry.get("size"), entry.get("media_type")
        if not (isinstance(sha, str) and SHA256_HEX.fullmatch(sha)):
            raise VaultError(f"payload.{BLOBS_KEY}[{n}].sha256 must be 64 lower-case hex digits")
        if type(size) is not int or size < 1:
            raise VaultError(f"payload.{BLOBS_KEY}[{n}].size must be a positive whole number of bytes")
        if not (isinstance(media, str) and MEDIA_TYPE.fullmatch(media)):
            raise VaultError(f"payload.{BLOBS_KEY}[{n}].media_type must be of the form type/subtype")
        refs.append(BlobRef(sha, size, media))
    return refs


def link_blobs(uow: UnitOfWork, item: OutboxItem, *, strict: bool = True) -> None:
    """Tie the blobs an emitted event names to it; each must be in the vault, or the whole transaction fails.

    Not `strict` inside a payment's transaction (an application released by its fee, Ledger._release_on_paid): the
    money commits whatever the vault says; a blob it no longer holds is logged and the server asks the office."""
    for ref in refs_in(item.payload):
        row = uow.execute("SELECT size FROM vault_blobs WHERE sha256 = ?", (ref.sha256,)).fetchone()
        if row is None or int(row[0]) != ref.size:
            if not strict:
                log.error("event %s names blob %s… which the vault does not hold", item.kind, ref.sha256[:12])
                continue
            raise VaultError(f"event {item.kind} names blob {ref.sha256[:12]}… which the vault does not hold")
        uow.execute("INSERT OR IGNORE INTO vault_links (seq, sha256) VALUES (?, ?)", (item.seq, ref.sha256))
        uow.execute(
            "UPDATE vault_blobs SET state = 'referenced', updated_at = ? WHERE sha256 = ? AND state = 'kept'",
            (uow.now, ref.sha256),
        )


def emit_with_blobs(uow: UnitOfWork, kind: str, payload: dict[str, Any], refs: Sequence[BlobRef]) -> OutboxItem:
    """`uow.emit` for an event that carries files."""
    item = uow.emit(kind, {**payload, **blobs_field(refs)})
    link_blobs(uow, item)
    return item


def record_with_blobs(
    uow: UnitOfWork, action: str, subject: str, details: dict[str, Any], refs: Sequence[BlobRef]
) -> OutboxItem:
    """`uow.record` (journal row + event) for a state change that carries files; the journal names them by hash."""
    item = uow.record(action, subject, {**details, **blobs_field(refs)})
    link_blobs(uow, item)
    return item
