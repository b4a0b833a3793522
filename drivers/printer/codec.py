"""ESC/POS bytes for receipts and DLE EOT status replies: pure functions, no I/O."""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image, ImageOps

from drivers.printer.render import ImagePiece, Piece, QrPiece, TextPiece
from kiosk.devices.printer import PrinterStatus
from kiosk.receipt import Align, Size

ESC, GS, DLE, EOT, LF = 0x1B, 0x1D, 0x10, 0x04, 0x0A
INIT = bytes([ESC, 0x40])
CUT = bytes([ESC, 0x64, 6, GS, 0x56, 0])  # feed 6 lines, then full cut (python-escpos' cut())
NAIVE_SLICE = 960  # python-escpos' fragment height for bitImageRaster

ALIGN = {Align.LEFT: 0, Align.CENTER: 1, Align.RIGHT: 2}


class StatusReplyError(ValueError):
    """A byte that cannot be a DLE EOT reply (bits 1 and 4 must be 1, bits 0 and 7 must be 0)."""


def status_query(n: int) -> bytes:
    if n not in (1, 2, 3, 4):
        raise ValueError(f"DLE EOT n must be 1..4, got {n}")
    return bytes([DLE, EOT, n])


@dataclass(frozen=True, slots=True)
class StatusBits:
    offline: bool = False
    cover_open: bool = False
    paper_end_stop: bool = False
    error: bool = False
    near_end: bool = False
    paper_out: bool = False


def check_reply(byte: int) -> int:
    if byte & 0x93 != 0x12:
        raise StatusReplyError(f"status reply 0x{byte:02X} is not a DLE EOT reply (fixed bits wrong)")
    return byte


def parse_status(printer: int, offline_cause: int | None, paper: int | None) -> StatusBits:
    """Replies to DLE EOT 1, 2 and 4 (the last two may be missing)."""
    check_reply(printer)
    cause = check_reply(offline_cause) if offline_cause is not None else 0x12
    roll = check_reply(paper) if paper is not None else 0x12
    return StatusBits(
        offline=bool(printer & 0x08),
        cover_open=bool(cause & 0x04),
        paper_end_stop=bool(cause & 0x20),
        error=bool(cause & 0x40),
        near_end=bool(roll & 0x0C),
        paper_out=bool(roll & 0x60),
    )


def to_status(bits: StatusBits) -> PrinterStatus:
    if bits.cover_open:
        return PrinterStatus.COVER_OPEN
    if bits.paper_out or bits.paper_end_stop:
        return PrinterStatus.PAPER_OUT
    if bits.error:
        return PrinterStatus.ERROR
    if bits.offline:
        return PrinterStatus.OFFLINE
    if bits.near_end:
        return PrinterStatus.PAPER_NEAR_END
    return PrinterStatus.READY


def raster(rows: list[bytes], width_bytes: int) -> bytes:
    """GS v 0 for rows already packed (MSB = leftmost dot, 1 = black)."""
    height = len(rows)
    head = bytes([GS, 0x76, 0x30, 0, width_bytes & 0xFF, width_bytes >> 8, height & 0xFF, height >> 8])
    return head + b"".join(r[:width_bytes] for r in rows)


def pack_rows(image: Image.Image) -> list[bytes]:
    """Pillow mode "1" (0 = black) to printer rows (1 = black)."""
    # Invert through "L": Pillow's point() on a "1" image does not invert.
    inverted = ImageOps.invert(image.convert("L")).convert("1", dither=Image.Dither.NONE)
    data = inverted.tobytes()
    stride = (image.width + 7) // 8
    return [data[i * stride : (i + 1) * stride] for i in range(image.height)]


def _feed(dots: int) -> bytes:
    out = b""
    while dots > 0:
        step = min(dots, 255)
        out += bytes([ESC, 0x4A, step])  # ESC J n: feed n dots
        dots -= step
    return out


def encode_image(image: Image.Image, band: int) -> bytes:
    """Blank rows become paper feeds; printed rows go in bands no wider than their last black byte."""
    rows = pack_rows(image)
    out = b""
    i = 0
    while i < len(rows):
        if not any(rows[i]):
            start = i
            while i < len(rows) and not any(rows[i]):
                i += 1
            out += _feed(i - start)
            continue
        start = i
        while i < len(rows) and any(rows[i]) and i - start < band:
            i += 1
        out += _band(rows[start:i])
    return out


def left_margin(dots: int) -> bytes:
    return bytes([GS, 0x4C, dots & 0xFF, dots >> 8])  # GS L: left margin in dots


def _band(chunk: list[bytes]) -> bytes:
    """One raster band cut to the bytes that hold ink; a blank left part becomes a left margin (GS L)."""
    used = max(len(r.rstrip(b"\0")) for r in chunk)
    lead = min(len(r) - len(r.lstrip(b"\0")) for r in chunk)
    if lead * len(chunk) <= 8:  # the two margin commands would cost more than they save
        return raster(chunk, used)
    return left_margin(lead * 8) + raster([r[lead:used] for r in chunk], used - lead) + left_margin(0)


def encode_text(piece: TextPiece) -> bytes:
    mode = 0x01 if piece.size is Size.SMALL else 0
    if piece.size is Size.LARGE:
        mode |= 0x30
    if piece.bold:
        mode |= 0x08
    text = piece.text.encode("ascii", "replace")
    return bytes([ESC, 0x61, ALIGN[piece.align], ESC, 0x21, mode, ESC, 0x74, 0]) + text + bytes([LF, ESC, 0x21, 0])


def _qr_function(fn: int, data: bytes) -> bytes:
    size = len(data) + 2
    return bytes([GS, 0x28, 0x6B, size & 0xFF, size >> 8, 0x31, fn]) + data


def encode_qr(text: str, module: int = 4) -> bytes:
    """GS ( k: model 2, module size, error level M, store the data, print it (centred)."""
    data = text.encode("utf-8")
    return (
        bytes([ESC, 0x61, 1])
        + _qr_function(0x41, b"\x32\x00")
        + _qr_function(0x43, bytes([module]))
        + _qr_function(0x45, b"\x31")
        + _qr_function(0x50, b"\x30" + data)
        + _qr_function(0x51, b"\x30")
        + bytes([LF])
    )


def encode_pieces(pieces: list[Piece], *, band: int = 128) -> list[bytes]:
    """One chunk per piece, so the driver can check the status between chunks."""
    out: list[bytes] = []
    for piece in pieces:
        if isinstance(piece, ImagePiece):
            out.append(bytes([ESC, 0x61, 0]) + encode_image(piece.image, band))
        elif isinstance(piece, QrPiece):
            out.append(encode_qr(piece.text))
        else:
            out.append(encode_text(piece))
    return out


def encode_receipt(pieces: list[Piece], *, band: int = 128) -> bytes:
    return INIT + b"".join(encode_pieces(pieces, band=band)) + CUT


def encode_naive(image: Image.Image) -> bytes:
    """The baseline: the whole receipt as a full-width raster in 960-row slices, as python-escpos' image() does."""
    rows = pack_rows(image)
    width = (image.width + 7) // 8
    body = b"".join(raster(rows[i : i + NAIVE_SLICE], width) for i in range(0, len(rows), NAIVE_SLICE))
    return INIT + body + CUT
