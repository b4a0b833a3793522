"""Captured files on the wire: a resumable, chunked, signed upload named by the SHA-256 of the content.

`HEAD /blobs/{sha256}` → how many bytes of it the server holds from this kiosk (`Upload-Offset`) and whether it is
complete (`Blob-Complete: yes`). `PUT /blobs/{sha256}` with `Content-Range: bytes a-b/total`, `Blob-Media-Type` and the
raw chunk (application/octet-stream, not gzip: a JPEG does not shrink) → `BlobStatus`. The server appends a chunk
only at its own offset, checks the SHA-256 of the whole before keeping it under that name, and answers complete.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from pydantic import Field

from sync.protocol import Model

BLOBS_PATH = "/blobs"
MAX_BLOB_BYTES = 8 * 1024 * 1024  # the kiosk vault's own cap (kiosk/capture/vault.py)
MAX_CHUNK_BYTES = 256 * 1024  # below MAX_WIRE_BYTES; a kiosk on 2G sends far smaller chunks
H_OFFSET = "Upload-Offset"
H_COMPLETE = "Blob-Complete"
H_MEDIA_TYPE = "Blob-Media-Type"
SHA256_HEX = re.compile(r"[0-9a-f]{64}")
CONTENT_RANGE = re.compile(r"bytes ([0-9]{1,10})-([0-9]{1,10})/([0-9]{1,10})")
MEDIA_TYPE = re.compile(r"[a-z]+/[a-z0-9.+-]{1,60}")


# How an event payload names its files (kiosk/capture/blob_events.py writes it): put `"blobs": BLOBS_FIELD` in the
# properties of an event kind's schema (sync/protocol/payloads.py) to have the server check it at ingest.
BLOBS_FIELD: dict[str, object] = {
    "type": "array",
    "maxItems": 50,
    "items": {
        "type": "object",
        "required": ["sha256", "size", "media_type"],
        "properties": {
            "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
            "size": {"type": "integer", "minimum": 1, "maximum": MAX_BLOB_BYTES},
            "media_type": {"type": "string", "pattern": "^[a-z]+/[a-z0-9.+-]{1,60}$"},
        },
    },
}


def declared_blobs(payload: Mapping[str, object]) -> list[str]:
    """The SHA-256 names an (already validated) event payload declares, in its order; [] when it names none."""
    entries = payload.get("blobs")
    if not isinstance(entries, list):
        return []
    return [str(e["sha256"]) for e in entries if isinstance(e, dict) and SHA256_HEX.fullmatch(str(e.get("sha256")))]


class BlobStatus(Model):
    """How much of a blob the server holds from the asking kiosk; `complete` once the whole checked out."""

    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    offset: int = Field(ge=0, le=MAX_BLOB_BYTES)
    complete: bool


def content_range(start: int, data_len: int, total: int) -> str:
    return f"bytes {start}-{start + data_len - 1}/{total}"


def parse_content_range(text: str) -> tuple[int, int, int] | None:
    """(first byte, last byte, total) of a well-formed range, else None."""
    found = CONTENT_RANGE.fullmatch(text.strip())
    if found is None:
        return None
    first, last, total = (int(g) for g in found.groups())
    return (first, last, total) if first <= last < total else None
