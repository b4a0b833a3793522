"""Generated scanned pages for the page checks: a text page with a fine QR code, blank, dark and turned pages."""

from __future__ import annotations

import io
import random

import qrcode
from PIL import Image, ImageDraw, ImageFont, ImageOps

DPI = 300
A4_PX = (2480, 3508)
PAPER = 236  # recycled office paper as a flatbed sees it
QR_TEXT = "EMITRA-APPLICATION-2026-0042"
QR_MODULE_PX = 6  # 0.5 mm modules at 300 dpi: about the stroke of 8 pt print
WORDS = [
    "jan",
    "aadhaar",
    "niwas",
    "praman",
    "patra",
    "jati",
    "aay",
    "vidhwa",
    "pension",
    "tehsil",
    "gram",
    "panchayat",
    "jila",
    "rajasthan",
]


def text_page(seed: int = 1, *, size: tuple[int, int] = A4_PX, lines: int = 60) -> Image.Image:
    """A dense typed page (10 pt lines, 1.5 spacing) with a QR code of 0.5 mm modules in the top right corner."""
    rng = random.Random(seed)
    page = Image.new("L", size, PAPER)
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=40)  # 40 px at 300 dpi ≈ 10 pt
    margin = size[0] // 12
    qr = fine_qr()
    page.paste(qr, (size[0] - margin - qr.width, margin))
    y = margin + qr.height + 40
    step = 52
    for _ in range(lines):
        if y + step > size[1] - margin:
            break
        words = " ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + "."
        draw.text((margin, y), words, fill=rng.randint(10, 40), font=font)
        y += step
    return page


PHOTO_BOX = (1850, 2700, 1850 + 420, 2700 + 540)  # where form_page pastes its applicant's photo, at 300 dpi


def form_page(lines: int = 14) -> Image.Image:
    """An application form: typed lines, a pen signature, and a passport photo of smooth greys (40–210)."""
    page = text_page(3, lines=lines)
    # Smooth blotches from a seeded 6 × 8 grid (Pillow's effect_noise is not seeded: the same page every run).
    grid = Image.frombytes("L", (6, 8), random.Random(11).randbytes(48))
    blotches = ImageOps.autocontrast(grid.resize((420, 540), Image.Resampling.BICUBIC))
    page.paste(blotches.point(lambda level: 40 + level * 2 // 3), PHOTO_BOX[:2])
    rng = random.Random(5)
    ImageDraw.Draw(page).line([(400 + i * 18, 3100 + rng.randint(-30, 30)) for i in range(40)], fill=20, width=5)
    return page


def fine_qr() -> Image.Image:
    code = qrcode.QRCode(border=4, box_size=QR_MODULE_PX, error_correction=qrcode.constants.ERROR_CORRECT_L)
    code.add_data(QR_TEXT)
    image: Image.Image = code.make_image().get_image()
    return image.convert("L")


def blank_page(size: tuple[int, int] = A4_PX) -> Image.Image:
    """The back of a sheet: paper with scanner noise and a faint shadow along one edge, no ink."""
    noise = Image.effect_noise(size, 6).point(lambda level: PAPER - 128 + level)
    ImageDraw.Draw(noise).rectangle((0, 0, 20, size[1]), fill=PAPER - 25)
    return noise


def darkened(page: Image.Image) -> Image.Image:
    """The lid left open in sunlight: the text is there but the paper reads as dark grey."""
    return page.point(lambda level: level * 75 // 255)


def turned(page: Image.Image, degrees: float) -> Image.Image:
    """The page placed `degrees` counter-clockwise on the glass; the glass around it reads as paper."""
    return page.rotate(degrees, resample=Image.Resampling.BICUBIC, fillcolor=PAPER)


def png(page: Image.Image, dpi: int = DPI) -> bytes:
    out = io.BytesIO()
    page.save(out, format="PNG", dpi=(dpi, dpi), compress_level=1)  # fast: these are inputs
    return out.getvalue()
