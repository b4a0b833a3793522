"""The server's table of captured files (server/blobs.py): which kiosk sent which blob, and how much of it so far."""

from __future__ import annotations

SCHEMA = [
    # One row per (kiosk, blob): a kiosk sees only its own uploads, even of content another kiosk sent too. The file
    # itself lives once by its SHA-256 in the blob folder. received_bytes counts every byte appended (resends show).
    """CREATE TABLE IF NOT EXISTS kiosk_blobs (
        kiosk_id TEXT NOT NULL, sha256 TEXT NOT NULL, size BIGINT NOT NULL, media_type TEXT NOT NULL,
        received_bytes BIGINT NOT NULL DEFAULT 0, started_at TEXT NOT NULL, completed_at TEXT,
        PRIMARY KEY (kiosk_id, sha256))""",
]
