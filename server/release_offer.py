"""The heartbeat's release offer: which published release a kiosk should run, read from release_targets."""

from __future__ import annotations

from server.db import Tx
from sync.protocol import Heartbeat, ReleaseOffer


def offer(tx: Tx, kiosk_id: str, beat: Heartbeat) -> ReleaseOffer | None:
    """The release this kiosk should run, when it is not the one it runs (one indexed read per heartbeat)."""
    row = tx.one(
        "SELECT t.version, r.manifest_sha256 FROM release_targets t JOIN releases r ON r.version = t.version"
        " WHERE t.kiosk_id = ?",
        (kiosk_id,),
    )
    running = beat.software.running if beat.software is not None else beat.app_version
    if row is None or str(row[0]) == running:
        return None
    return ReleaseOffer(version=str(row[0]), manifest_sha256=str(row[1]))
