"""Reading a request's body: the one awaited step of every route (the handlers are plain `def`, run in the pool)."""

from __future__ import annotations

import zlib
from typing import Annotated, NamedTuple

from fastapi import Depends, Request

from server.service import Refused
from sync.protocol import MAX_INFLATED_BYTES, MAX_WIRE_BYTES


async def read_body(request: Request) -> bytes:
    """The raw body as sent (what the signature covers), refused past MAX_WIRE_BYTES."""
    declared = request.headers.get("content-length", "0")
    if declared.isascii() and declared.isdigit() and int(declared[:20]) > MAX_WIRE_BYTES:
        raise Refused(413, f"body of {declared} bytes is over the {MAX_WIRE_BYTES} byte limit")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_WIRE_BYTES:
            raise Refused(413, f"body is over the {MAX_WIRE_BYTES} byte limit")
        chunks.append(chunk)
    return b"".join(chunks)


class Wire(NamedTuple):
    """A request body as sent (what the signature covers) and inflated."""

    raw: bytes
    data: bytes


async def wire_body(request: Request) -> Wire:
    """The one awaited step of a request: reading its body. Everything after it (SQL, signatures, PDFs) runs in
    FastAPI's thread pool because every handler is a plain `def`, so the event loop never blocks on it."""
    raw = await read_body(request)
    return Wire(raw, inflate(raw, request.headers.get("content-encoding", "")))


Body = Annotated[Wire, Depends(wire_body)]


def inflate(raw: bytes, encoding: str) -> bytes:
    if encoding in ("", "identity"):
        return raw
    if encoding != "gzip":
        raise Refused(415, f"Content-Encoding {encoding[:20]!r} is not supported (use gzip)")
    inflater = zlib.decompressobj(wbits=31)
    try:
        data = inflater.decompress(raw, MAX_INFLATED_BYTES)
    except zlib.error as exc:
        raise Refused(400, f"body is not valid gzip ({exc})") from None
    if inflater.unconsumed_tail:
        raise Refused(413, f"body inflates past {MAX_INFLATED_BYTES} bytes (gzip bomb?)")
    return data
