"""Page checks and 2G compression for a scanned document page: blank, too dark, skewed (deskewed when it can be)."""

from __future__ import annotations

import io
import math
import warnings
from dataclasses import dataclass, field

from PIL import Image, ImageChops, ImageFilter, ImageOps, ImageStat

from kiosk.capture.port import CheckedPage, PageVerdict

# "Readable" here means: the office gets the page at 150 dpi (a 0.5 mm QR module — about the stroke of 8 pt print —
# is 3 pixels; the tests decode such a code from every kind of output), paper levelled to white and ink to black.
# Below READABLE_MIN_DPI a page is flagged in its detail: 8 pt print is then 1–2 pixels a stroke.
TARGET_DPI = 150
READABLE_MIN_DPI = 120
PAGE_CAP_BYTES = 60 * 1024  # per A4 page, so a three-page application fits a minute of a weak 2G uplink
MIN_CAP_BYTES = 2048
GOOD_QUALITIES = (70, 55, 42)  # below 42 JPEG's ringing blurs small print
LAST_RESORT_QUALITIES = (35, 25)
TONE_RANGE = (40, 215)  # levels that are neither ink nor paper once the paper is levelled
TONE_AREA_SHARE = 0.005  # half a percent of an A4 page is a 2 cm square: a passport photo, a seal
PREVIEW_WIDTH = 240
MAX_CORRECTABLE_DEG = 10.0  # a hand-placed page on a flatbed; beyond this the text is cut at the corners
SEARCH_DEG = 45.0  # the projection profile of a page turned 90° looks like 0°: search only half of that
ANALYSIS_WIDTH = 400  # ≈ 48 dpi for A4 (height at most √2 times this): text lines of 10 pt are still 6–8 px apart
DARK_PAPER = 110  # the paper (90th percentile of luminance) darker than this: lid open, or a copy of a copy
BLANK_INK_SHARE = 0.002  # under 0.2 % of the page is ink: nothing on the glass
INK_BLACK = 64  # levels up to this are ink whatever the page's darkest pixels are (a faint copy's grey text)
INK_CONTRAST = 60  # a pixel this much darker than the paper is ink, not paper texture or scanner noise


class PageImageError(ValueError):
    """A scanned page that is not an image this module can check (the message says why)."""


@dataclass(frozen=True, slots=True)
class Assessment:
    verdict: PageVerdict
    skew_deg: float
    detail: str


def check_page(png: bytes, dpi: int, *, cap_bytes: int = PAGE_CAP_BYTES) -> CheckedPage:
    """Assess the page, deskew it when that is in range, and compress it under `cap_bytes` with a preview."""
    if cap_bytes < MIN_CAP_BYTES:
        raise ValueError(f"page cap of {cap_bytes} bytes is below the {MIN_CAP_BYTES} a JPEG page needs")
    page = _decode(png)
    assessment = assess(page)
    if assessment.verdict is PageVerdict.READABLE and assessment.skew_deg:
        page = deskew(page, assessment.skew_deg)
    sent = compress(page, dpi, cap_bytes=cap_bytes)
    detail = assessment.detail
    if sent.dpi < READABLE_MIN_DPI:
        detail += f"; busy page, sent at only {sent.dpi} dpi to stay under {cap_bytes} bytes"
    return CheckedPage(
        jpeg=sent.data,
        preview_png=preview(page),
        verdict=assessment.verdict,
        width_px=sent.size[0],
        height_px=sent.size[1],
        dpi=sent.dpi,
        detail=detail,
        media_type=sent.media_type,
    )


def _decode(png: bytes) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(png))
            image.load()
    # Pillow's decoders signal a corrupt file with OSError, and some with ValueError or SyntaxError.
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        raise PageImageError(f"scanned page is not a readable image: {exc}") from None
    if image.width < 16 or image.height < 16:
        raise PageImageError(f"scanned page of {image.width}×{image.height} px is too small to be a page")
    return image.convert("L")


def assess(page: Image.Image) -> Assessment:
    """The verdict from a downscaled copy: paper level first (a black page is uniform too), then ink, then skew."""
    small = _small(page)
    paper = _percentile(small, 0.90)
    if paper < DARK_PAPER:
        return Assessment(PageVerdict.TOO_DARK, 0.0, f"paper level {paper} of 255 is below {DARK_PAPER}")
    ink = ink_mask(small, paper)
    share = _share_of_ink(ink)
    if share < BLANK_INK_SHARE:
        return Assessment(PageVerdict.BLANK, 0.0, f"ink on {share:.2%} of the page")
    angle = estimate_skew(ink)
    if abs(angle) > MAX_CORRECTABLE_DEG:
        return Assessment(PageVerdict.SKEWED, angle, f"turned {angle + 0.0:+.1f}°, more than {MAX_CORRECTABLE_DEG:g}°")
    return Assessment(PageVerdict.READABLE, angle, f"ink on {share:.1%} of the page, turned {angle + 0.0:+.1f}°")


def _small(page: Image.Image) -> Image.Image:
    factor = max(1.0, page.width / ANALYSIS_WIDTH, page.height / (ANALYSIS_WIDTH * math.sqrt(2)))
    if factor == 1.0:
        return page
    size = (max(1, round(page.width / factor)), max(1, round(page.height / factor)))
    return page.resize(size, Image.Resampling.BOX)


def _percentile(image: Image.Image, fraction: float) -> int:
    histogram = image.histogram()
    wanted = fraction * sum(histogram)
    seen = 0
    for level, count in enumerate(histogram):
        seen += count
        if seen >= wanted:
            return level
    return 255


def ink_mask(image: Image.Image, paper: int) -> Image.Image:
    """255 where there is ink (clearly darker than the paper), 0 elsewhere."""
    threshold = paper - INK_CONTRAST
    return image.point(lambda level: 255 if level < threshold else 0)


def _share_of_ink(mask: Image.Image) -> float:
    return float(ImageStat.Stat(mask).mean[0]) / 255.0


def estimate_skew(ink: Image.Image) -> float:
    """How far the page lies turned (degrees, counter-clockwise positive): the opposite of the rotation that lines its
    horizontal edges up best — the tops and bottoms of text lines (or a grid's rules) give a projection profile of
    sharp peaks when level. Edges, not ink, so that a chessboard or a table of filled cells is not read as turned
    45°. Coarse 1° steps over ±45° on a half-size copy, then 0.1° steps around the best at twice that resolution."""
    edges = ImageChops.difference(ink, ImageChops.offset(ink, 0, 1))
    half = edges.resize((max(1, edges.width // 2), max(1, edges.height // 2)), Image.Resampling.BOX)
    coarse = max(_range(-SEARCH_DEG, SEARCH_DEG, 1.0), key=lambda deg: _profile_spread(half, deg))
    fine = max(_range(coarse - 1.0, coarse + 1.0, 0.1), key=lambda deg: _profile_spread(edges, deg))
    return round(-fine, 1)


def _range(start: float, stop: float, step: float) -> list[float]:
    count = round((stop - start) / step)
    return [round(start + i * step, 2) for i in range(count + 1)]


def _profile_spread(edges: Image.Image, deg: float) -> float:
    turned = edges.rotate(deg, resample=Image.Resampling.BILINEAR, fillcolor=0)
    rows = turned.resize((1, turned.height), Image.Resampling.BOX)  # each row's mean ink, done in C
    return float(ImageStat.Stat(rows).var[0])


def deskew(page: Image.Image, skew_deg: float) -> Image.Image:
    """Turn a page that lies `skew_deg` counter-clockwise back level, filling the uncovered corners with paper."""
    return page.rotate(-skew_deg, resample=Image.Resampling.BICUBIC, fillcolor=255)


def level_paper(page: Image.Image) -> Image.Image:
    """Paper to pure white and ink to full black: grey paper texture is what costs bytes, not the text. Measured on
    the full page (a downscaled copy blurs type into grey and would crush a photo's shadows into ink)."""
    paper = _percentile(page, 0.90)
    black = min(_percentile(page, 0.005), INK_BLACK)
    white = max(black + 1, paper - 8)
    scale = 255.0 / (white - black)
    table = [min(255, max(0, round((level - black) * scale))) for level in range(256)]
    return page.point(table)


@dataclass(frozen=True, slots=True)
class Compressed:
    data: bytes = field(repr=False)
    media_type: str
    dpi: int
    size: tuple[int, int]


def compress(page: Image.Image, dpi: int, *, cap_bytes: int = PAGE_CAP_BYTES) -> Compressed:
    """The page under `cap_bytes` at TARGET_DPI: black-and-white PNG for type and line-work (a dense typed page:
    45 KB where a grey JPEG needs 200 KB), a grey JPEG at the best quality that fits for a page with areas of grey (a
    photo, a stamp), else that page in black and white with its greys dithered (a form with a photo: 25 KB). Only
    when nothing fits does the resolution go down, never past the cap."""
    levelled = level_paper(page)
    sent_dpi = min(dpi, TARGET_DPI)
    qualities: tuple[int, ...] = GOOD_QUALITIES
    while True:
        scaled = _at_dpi(levelled, dpi, sent_dpi)
        toned = has_tone_areas(scaled)
        if not toned and len(bilevel := _bilevel_png(scaled, sent_dpi, dither=False)) <= cap_bytes:
            return Compressed(bilevel, "image/png", sent_dpi, scaled.size)
        jpeg = next((data for q in qualities if len(data := _jpeg(scaled, q, sent_dpi)) <= cap_bytes), None)
        if jpeg is not None:
            return Compressed(jpeg, "image/jpeg", sent_dpi, scaled.size)
        if toned and len(bilevel := _bilevel_png(scaled, sent_dpi, dither=True)) <= cap_bytes:
            return Compressed(bilevel, "image/png", sent_dpi, scaled.size)
        if min(scaled.size) <= 16:
            # Only noise gets here; white is what it reads as at this size anyway.
            return Compressed(_jpeg(Image.new("L", (16, 16), 255), 50, 1), "image/jpeg", 1, (16, 16))
        sent_dpi = max(1, math.floor(sent_dpi * 0.85))
        qualities = LAST_RESORT_QUALITIES


def has_tone_areas(levelled: Image.Image) -> bool:
    """Areas of grey (a photo, a stamp) rather than type: pixels whose whole 5 × 5 neighbourhood is mid-grey. The
    grey fringe of a letter always has paper or ink within two pixels, so type alone never counts."""
    low = levelled.filter(ImageFilter.MinFilter(5)).point(lambda level: 255 if level > TONE_RANGE[0] else 0)
    high = levelled.filter(ImageFilter.MaxFilter(5)).point(lambda level: 255 if level < TONE_RANGE[1] else 0)
    share = ImageStat.Stat(ImageChops.multiply(low, high)).mean[0] / 255.0
    return bool(share >= TONE_AREA_SHARE)


def _at_dpi(page: Image.Image, dpi: int, wanted: int) -> Image.Image:
    if wanted >= dpi:
        return page
    scale = wanted / dpi
    size = (max(16, round(page.width * scale)), max(16, round(page.height * scale)))
    return page.resize(size, Image.Resampling.LANCZOS)


def _jpeg(image: Image.Image, quality: int, dpi: int) -> bytes:
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=quality, optimize=True, progressive=True, dpi=(dpi, dpi))
    return out.getvalue()


def _bilevel_png(image: Image.Image, dpi: int, *, dither: bool) -> bytes:
    out = io.BytesIO()
    if dither:  # Floyd–Steinberg: a photo survives as a halftone; levelled type is already black on white
        bilevel = image.convert("1")
    else:  # the paper is levelled to white, so a fixed middle threshold separates ink from paper
        bilevel = image.point(lambda level: 255 if level >= 128 else 0).convert("1", dither=Image.Dither.NONE)
    bilevel.save(out, format="PNG", optimize=True, dpi=(dpi, dpi))
    return out.getvalue()


def preview(page: Image.Image) -> bytes:
    """A small PNG for the screen: enough to see the page is the right one and the right way up, not to read it."""
    height = max(1, round(page.height * PREVIEW_WIDTH / page.width))
    small = ImageOps.autocontrast(page.resize((PREVIEW_WIDTH, height), Image.Resampling.BOX))
    out = io.BytesIO()
    small.quantize(16).save(out, format="PNG", optimize=True)
    return out.getvalue()
