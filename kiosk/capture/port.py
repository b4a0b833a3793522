"""Ports for issue 20's captures: a checked and compressed document page, the applicant's photo, and the encrypted
vault that keeps both until the server confirms it has them. The journeys use only these; drivers, image checks and
the uploader sit behind them (composition root: ui/composition.py)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Protocol

from kiosk.devices.common import DeviceHealth
from kiosk.devices.scanner import ScanProblem


class PageVerdict(enum.StrEnum):
    """Whether a scanned page can be read by the office that decides; anything but READABLE asks for a retake."""

    READABLE = "readable"
    BLANK = "blank"  # nothing on the glass, or the back of the sheet
    TOO_DARK = "too_dark"  # lid open in sunlight, or a photocopy of a photocopy
    SKEWED = "skewed"  # turned further than the deskew corrects


@dataclass(frozen=True, slots=True)
class CheckedPage:
    """One page after the checks: deskewed and compressed for 2G (`jpeg`), a small `preview_png` for the screen.

    `jpeg` holds the page in `media_type`: a grey JPEG, or a black-and-white PNG for a dense typed page, which JPEG
    cannot bring under the 2G cap at a readable resolution (drivers/scanner/README.md)."""

    jpeg: bytes = field(repr=False)
    preview_png: bytes = field(repr=False)
    verdict: PageVerdict
    width_px: int
    height_px: int
    dpi: int
    detail: str = ""  # English, why the verdict (for the journal); never the page's content
    media_type: str = "image/jpeg"  # or "image/png" (bilevel); what the vault and the upload are told


class PageCapture(Protocol):
    """The document scanner with the page checks in front of it."""

    def capture(self) -> CheckedPage | ScanProblem: ...

    def health(self) -> DeviceHealth: ...


class CameraStatus(enum.StrEnum):
    READY = "ready"
    BUSY = "busy"
    DISCONNECTED = "disconnected"  # no camera: the services that need a photo are not offered
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class Photo:
    jpeg: bytes = field(repr=False)
    preview_png: bytes = field(repr=False)
    face_in_frame: bool  # False asks for a retake (no face, two faces, face cut off)
    detail: str = ""


@dataclass(frozen=True, slots=True)
class CameraProblem:
    status: CameraStatus
    detail: str


class Camera(Protocol):
    """The applicant's photo (a UVC camera through Qt Multimedia on the kiosk)."""

    def status(self) -> CameraStatus: ...

    def take_photo(self) -> Photo | CameraProblem: ...

    def health(self) -> DeviceHealth: ...


@dataclass(frozen=True, slots=True)
class BlobRef:
    """A captured file by its content: the server stores it under the same name, so a resent upload is no duplicate."""

    sha256: str  # hex of the plain content
    size: int
    media_type: str  # "image/jpeg", "application/pdf", "audio/ogg"


class DocumentVault(Protocol):
    """Captured files, encrypted at rest, kept until the server confirms it holds them, then deleted."""

    def put(self, data: bytes, media_type: str) -> BlobRef:
        """Keep `data` encrypted; the same content twice is one blob."""
        ...

    def discard(self, ref: BlobRef) -> None:
        """A retaken page or an abandoned journey: forget the blob unless a submitted application still needs it."""
        ...
