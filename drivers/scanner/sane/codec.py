"""Turning scanner output (PNM) into the image an application may carry: grey, 200–300 dpi, A4 at most, bounded."""

from __future__ import annotations

import io
import re
import warnings
from dataclasses import dataclass

from PIL import Image

A4_MM = (210.0, 297.0)
MIN_DPI, MAX_DPI = 200, 300
# A 300 dpi grey A4 page is 8.7 MB raw; with a flatbed's sensor noise its PNG is 4–5 MB. Past the raw size, PNG
# could only be noise. (The PNG is handed to the page checks in memory, never stored or sent.)
MAX_PNG_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 8000 * 8000  # 600 dpi A4 colour is ~35 Mpx; anything past this is refused before decoding

_HEADER = re.compile(rb"\A(P[456])\s+(?:#[^\n]*\n\s*)*(\d+)\s+(?:#[^\n]*\n\s*)*(\d+)\s+(?:#[^\n]*\n\s*)*(\d+)\s")


class ScanImageError(ValueError):
    """Scanner output that cannot become a document image; the message says what was wrong."""


@dataclass(frozen=True, slots=True)
class PnmHeader:
    kind: str
    width: int
    height: int
    maxval: int
    header_len: int

    @property
    def data_len(self) -> int:
        channels = 3 if self.kind == "P6" else 1
        bytes_per_sample = 2 if self.maxval > 255 else 1
        if self.kind == "P4":
            return (self.width + 7) // 8 * self.height
        return self.width * self.height * channels * bytes_per_sample


def pnm_header(data: bytes) -> PnmHeader:
    head = data[:512]
    # P4 (bitmap) has no maxval field: give it one so one expression reads all three kinds.
    if head.startswith(b"P4"):
        match = re.match(rb"\A(P4)\s+(?:#[^\n]*\n\s*)*(\d+)\s+(?:#[^\n]*\n\s*)*(\d+)\s", head)
        if match is None:
            raise ScanImageError("scanner output has a malformed P4 header")
        return PnmHeader("P4", int(match[2]), int(match[3]), 1, match.end())
    match = _HEADER.match(head)
    if match is None:
        raise ScanImageError(f"scanner output is not a binary PNM image (starts {head[:8]!r})")
    return PnmHeader(match[1].decode(), int(match[2]), int(match[3]), int(match[4]), match.end())


def normalise(data: bytes, dpi: int) -> tuple[bytes, int, int, int]:
    """PNG bytes, width, height and dpi of the document: grey, at most 300 dpi, cropped to A4."""
    header = pnm_header(data)
    if header.width <= 0 or header.height <= 0:
        raise ScanImageError(f"scan has an unknown or empty size ({header.width}×{header.height})")
    if header.width * header.height > MAX_PIXELS:
        raise ScanImageError(f"scan of {header.width}×{header.height} pixels is larger than allowed")
    if len(data) < header.header_len + header.data_len:
        raise ScanImageError(f"scan is cut short: {len(data) - header.header_len} of {header.data_len} bytes")
    if dpi < MIN_DPI:
        raise ScanImageError(f"scan at {dpi} dpi is below the {MIN_DPI} dpi an application needs")
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        image = Image.open(io.BytesIO(data))
        image.load()
    grey = image.convert("L")
    if dpi > MAX_DPI:
        scale = MAX_DPI / dpi
        grey = grey.resize(
            (max(1, round(grey.width * scale)), max(1, round(grey.height * scale))), Image.Resampling.LANCZOS
        )
        dpi = MAX_DPI
    a4_w, a4_h = (round(mm / 25.4 * dpi) for mm in A4_MM)
    if grey.width > a4_w or grey.height > a4_h:
        grey = grey.crop((0, 0, min(grey.width, a4_w), min(grey.height, a4_h)))
    out = io.BytesIO()
    # Fastest zlib level: the page checks decode this at once; best compression cost 6–7 s per noisy A4 page.
    grey.save(out, format="PNG", compress_level=1, dpi=(dpi, dpi))
    png = out.getvalue()
    if len(png) > MAX_PNG_BYTES:
        raise ScanImageError(f"scanned page is {len(png)} bytes as PNG, more than {MAX_PNG_BYTES}")
    return png, grey.width, grey.height, dpi
