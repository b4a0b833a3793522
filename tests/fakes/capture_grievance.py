"""In-memory capture ports for the grievance journey's tests, until the lead wires the real camera, scanner, vault."""

from __future__ import annotations

import hashlib

from kiosk.capture.port import BlobRef, CameraProblem, CameraStatus, CheckedPage, PageVerdict, Photo
from kiosk.devices.common import DeviceHealth
from kiosk.devices.scanner import ScannerStatus, ScanProblem


class ShotCamera:
    """Hands out the photos it was given, then reports itself disconnected."""

    def __init__(self, *jpegs: bytes) -> None:
        self.jpegs = list(jpegs)

    def status(self) -> CameraStatus:
        return CameraStatus.READY if self.jpegs else CameraStatus.DISCONNECTED

    def take_photo(self) -> Photo | CameraProblem:
        if not self.jpegs:
            return CameraProblem(CameraStatus.DISCONNECTED, "no camera")
        return Photo(self.jpegs.pop(0), b"png", face_in_frame=False)

    def health(self) -> DeviceHealth:
        return DeviceHealth("camera", self.status().value, bool(self.jpegs))


class StackPages:
    """Scans the pages it was given in order, each with its verdict."""

    def __init__(self, *pages: tuple[bytes, PageVerdict]) -> None:
        self.pages = list(pages)

    def capture(self) -> CheckedPage | ScanProblem:
        if not self.pages:
            return ScanProblem(ScannerStatus.NO_DOCUMENT, "no page on the glass")
        jpeg, verdict = self.pages.pop(0)
        return CheckedPage(jpeg, b"png", verdict, 1240, 1754, 150)

    def health(self) -> DeviceHealth:
        return DeviceHealth("scanner", "ready", True)


class MemoryVault:
    """Keeps blobs by content hash (the real vault encrypts them on disk)."""

    def __init__(self) -> None:
        self.blobs: dict[str, bytes] = {}

    def put(self, data: bytes, media_type: str) -> BlobRef:
        digest = hashlib.sha256(data).hexdigest()
        self.blobs[digest] = data
        return BlobRef(digest, len(data), media_type)

    def discard(self, ref: BlobRef) -> None:
        self.blobs.pop(ref.sha256, None)
