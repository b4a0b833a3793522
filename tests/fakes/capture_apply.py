"""In-memory scanner-with-checks, camera and vault for the application journey's tests (the real ones are the
capture and vault helpers'; the lead wires them in at merge)."""

from __future__ import annotations

import hashlib
import struct
import zlib
from collections import deque

from kiosk.capture.port import (
    BlobRef,
    CameraProblem,
    CameraStatus,
    CheckedPage,
    PageVerdict,
    Photo,
)
from kiosk.devices.common import DeviceHealth
from kiosk.devices.scanner import ScannerStatus, ScanProblem

MARKER = b"APPLY-PRIVACY-MARKER-7f3c91"  # put in every fake image, searched for by the privacy test


def image(label: str, size: int = 2048) -> bytes:
    """Bytes that stand for a JPEG: distinct per label, with the privacy marker inside."""
    body = hashlib.sha256(label.encode()).digest() * (size // 32)
    return b"\xff\xd8\xff\xe0" + MARKER + label.encode() + body + b"\xff\xd9"


def png(label: str, side: int = 24) -> bytes:
    """A real (small, grey) PNG the screen can show, carrying the privacy marker and the label in a text chunk."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    shade = hashlib.sha256(label.encode()).digest()[0]
    rows = b"".join(b"\x00" + bytes([shade]) * side for _ in range(side))
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    text = b"Comment\x00" + MARKER + label.encode()
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"tEXt", text) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))  # fmt: skip


def page(label: str, verdict: PageVerdict = PageVerdict.READABLE) -> CheckedPage:
    return CheckedPage(image(label), png(f"preview {label}"), verdict, 1240, 1754, 150, detail=verdict.value)


class MemoryPages:
    """Hands out the queued pages in order (readable ones made up when the queue is empty)."""

    def __init__(self, *results: CheckedPage | ScanProblem) -> None:
        self.queue: deque[CheckedPage | ScanProblem] = deque(results)
        self.ok = True
        self.scans = 0

    def capture(self) -> CheckedPage | ScanProblem:
        self.scans += 1
        if not self.ok:
            return ScanProblem(ScannerStatus.DISCONNECTED, "unplugged")
        return self.queue.popleft() if self.queue else page(f"page {self.scans}")

    def health(self) -> DeviceHealth:
        status = ScannerStatus.READY if self.ok else ScannerStatus.DISCONNECTED
        return DeviceHealth("scanner", status.value, self.ok)


class MemoryCamera:
    def __init__(self, *faces: bool) -> None:
        self.faces: deque[bool] = deque(faces)
        self.present = True
        self.shots = 0

    def status(self) -> CameraStatus:
        return CameraStatus.READY if self.present else CameraStatus.DISCONNECTED

    def take_photo(self) -> Photo | CameraProblem:
        if not self.present:
            return CameraProblem(CameraStatus.DISCONNECTED, "no camera")
        self.shots += 1
        face = self.faces.popleft() if self.faces else True
        return Photo(image(f"photo {self.shots}"), png(f"photo preview {self.shots}"), face)

    def health(self) -> DeviceHealth:
        return DeviceHealth("camera", self.status().value, self.present)


class MemoryVault:
    """Content-addressed; `discard` forgets a blob (the real vault also keeps it if a submission still needs it)."""

    def __init__(self) -> None:
        self.blobs: dict[str, bytes] = {}
        self.discarded: list[str] = []

    def put(self, data: bytes, media_type: str) -> BlobRef:
        digest = hashlib.sha256(data).hexdigest()
        self.blobs[digest] = data
        return BlobRef(digest, len(data), media_type)

    def discard(self, ref: BlobRef) -> None:
        self.discarded.append(ref.sha256)
        self.blobs.pop(ref.sha256, None)
