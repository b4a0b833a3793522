"""Receipt layout to 1-bit pictures: Devanagari shaped by HarfBuzz (Pillow RAQM), Latin-only lines kept as text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import qrcode
from PIL import Image, ImageChops, ImageDraw, ImageFont

from drivers.printer import fonts
from kiosk.receipt import Align, Block, Line, Pair, Qr, ReceiptLayout, Rule, Size

PIXELS = {Size.SMALL: 20, Size.NORMAL: 24, Size.LARGE: 34}
# Printer font A is 12x24 dots, font B 9x17: characters per line for text-mode lines.
CELL = {Size.SMALL: 9, Size.NORMAL: 12, Size.LARGE: 24}
REPLACEMENT = "?"
MARGIN = 4


@dataclass(frozen=True, slots=True)
class TextPiece:
    """A Latin-only line the printer draws with its own font (far fewer bytes than a picture)."""

    text: str
    size: Size
    bold: bool
    align: Align


@dataclass(frozen=True, slots=True)
class ImagePiece:
    image: Image.Image  # mode "1", width = paper width, 1 = white (Pillow), so black pixels are 0


@dataclass(frozen=True, slots=True)
class QrPiece:
    """A QR the printer draws itself (GS ( k), for printers whose profile has it."""

    text: str


Piece = TextPiece | ImagePiece | QrPiece


def _is_devanagari(ch: str) -> bool:
    return "\u0900" <= ch <= "\u097f" or "\ua8e0" <= ch <= "\ua8ff" or ch in "\u200c\u200d\u25cc"


def _latin_ok(ch: str) -> bool:
    return (" " <= ch <= "\u017f" and not "\u007f" <= ch <= "\u009f") or "\u2010" <= ch <= "\u2027" or ch == "₹"


def clean(text: str) -> str:
    """Characters neither font has (emoji, other scripts, control codes) become '?' rather than boxes or crashes."""
    return "".join(ch if _is_devanagari(ch) or _latin_ok(ch) else REPLACEMENT for ch in text)


def runs(text: str) -> list[tuple[Path, str]]:
    """Split into runs per font; spaces, digits and punctuation stay with the run they are in."""
    out: list[tuple[Path, str]] = []
    for ch in clean(text):
        path = fonts.DEVANAGARI if _is_devanagari(ch) else fonts.LATIN
        neutral = not _is_devanagari(ch) and not ch.isalpha()
        if out and (out[-1][0] == path or neutral):
            out[-1] = (out[-1][0], out[-1][1] + ch)
        else:
            out.append((path, ch))
    return out


def text_width(text: str, size: Size, bold: bool) -> int:
    return int(sum(fonts.font(p, PIXELS[size], bold).getlength(t) for p, t in runs(text)))


def line_height(size: Size) -> int:
    # Devanagari has tall vowel signs above and conjunct parts below: 1.45 x the size keeps both.
    return int(PIXELS[size] * 1.45)


def wrap(text: str, size: Size, bold: bool, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if current and text_width(candidate, size, bold) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    lines.append(current)
    return lines


def draw_line(text: str, size: Size, bold: bool, align: Align, width: int) -> Image.Image:
    image = Image.new("1", (width, line_height(size)), 1)
    draw = ImageDraw.Draw(image)
    draw.fontmode = "1"  # no antialiasing: thermal dots are on or off
    used = text_width(text, size, bold)
    x = {Align.LEFT: MARGIN, Align.CENTER: (width - used) // 2, Align.RIGHT: width - used - MARGIN}[align]
    baseline = int(PIXELS[size] * 1.05)
    for path, part in runs(text):
        face = fonts.font(path, PIXELS[size], bold)
        draw.text((x, baseline), part, font=face, fill=0, anchor="ls")
        x += int(face.getlength(part))
    return image


def qr_image(text: str, width: int) -> Image.Image:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(text.encode("utf-8"))
    code.make(fit=True)
    matrix = code.get_matrix()
    modules = len(matrix)
    scale = max(2, min(6, (width * 2 // 3) // modules))
    side = modules * scale
    quiet = 4 * scale
    image = Image.new("1", (width, side + 2 * quiet), 1)
    left = (width - side) // 2
    draw = ImageDraw.Draw(image)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                x0, y0 = left + x * scale, quiet + y * scale
                draw.rectangle((x0, y0, x0 + scale - 1, y0 + scale - 1), fill=0)
    return image


def _ascii_fits(text: str, size: Size, width: int) -> bool:
    return text.isascii() and text.isprintable() and len(text) * CELL[size] <= width


def _pieces(block: Block, width: int, text_mode: bool, native_qr: bool = False) -> list[Piece]:
    if isinstance(block, Rule):
        image = Image.new("1", (width, 9), 1)
        ImageDraw.Draw(image).line((MARGIN, 4, width - MARGIN, 4), fill=0, width=2)
        return [ImagePiece(image)]
    if isinstance(block, Qr):
        return [QrPiece(block.text)] if native_qr and text_mode else [ImagePiece(qr_image(block.text, width))]
    if isinstance(block, Pair):
        return _pair(block, width, text_mode)
    return _line(block, width, text_mode)


def _line(block: Line, width: int, text_mode: bool) -> list[Piece]:
    if text_mode and _ascii_fits(block.text, block.size, width):
        return [TextPiece(block.text, block.size, block.bold, block.align)]
    room = width - 2 * MARGIN
    return [
        ImagePiece(draw_line(part, block.size, block.bold, block.align, width))
        for part in wrap(block.text, block.size, block.bold, room)
    ]


def _pair(block: Pair, width: int, text_mode: bool) -> list[Piece]:
    columns = width // CELL[Size.NORMAL]
    if text_mode:
        gap = columns - len(block.label) - len(block.value)
        joined = block.label + " " * max(1, gap)
        if _ascii_fits(joined + block.value, Size.NORMAL, width):
            return [TextPiece(joined + block.value, Size.NORMAL, block.bold, Align.LEFT)]
    image = draw_line(block.label, Size.NORMAL, block.bold, Align.LEFT, width)
    value = draw_line(block.value, Size.NORMAL, block.bold, Align.RIGHT, width)
    merged = ImageChops.logical_and(image, value)  # black (0) wherever either has ink
    return [ImagePiece(merged)]


def render_pieces(layout: ReceiptLayout, width: int, *, text_mode: bool = True, native_qr: bool = False) -> list[Piece]:
    """The receipt as printable pieces; with text_mode=False every line is a picture."""
    if width % 8 or not 128 <= width <= 832:
        raise ValueError(f"paper width must be a multiple of 8 dots between 128 and 832, got {width}")
    pieces: list[Piece] = []
    for block in layout.blocks:
        pieces += _pieces(block, width, text_mode, native_qr)
    return pieces


def render_image(layout: ReceiptLayout, width: int) -> Image.Image:
    """The whole receipt as one picture (what the naive driver sends, and what the operator screen previews)."""
    images = [p.image for p in render_pieces(layout, width, text_mode=False) if isinstance(p, ImagePiece)]
    whole = Image.new("1", (width, sum(i.height for i in images)), 1)
    y = 0
    for image in images:
        whole.paste(image, (0, y))
        y += image.height
    return whole


def basic_font(size: int) -> ImageFont.FreeTypeFont:
    """Unshaped layout, only to show in tests why RAQM is required."""
    return fonts.font(fonts.DEVANAGARI, size, basic=True)
