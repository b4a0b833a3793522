"""Where the bundled Noto fonts are: the fontpkg wheels ship the TTFs and their OFL licence."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import fontpkg_noto_sans
import fontpkg_noto_sans_devanagari
from PIL import ImageFont

DEVANAGARI = Path(fontpkg_noto_sans_devanagari.ROOT) / "files" / "NotoSansDevanagari[wdth,wght].ttf"
LATIN = Path(fontpkg_noto_sans.ROOT) / "files" / "NotoSans[wdth,wght].ttf"


@lru_cache(maxsize=64)
def font(path: Path, size: int, bold: bool = False, *, basic: bool = False) -> ImageFont.FreeTypeFont:
    """A shaped (RAQM) font; `basic=True` exists only so tests can show what unshaped Hindi looks like."""
    engine = ImageFont.Layout.BASIC if basic else ImageFont.Layout.RAQM
    loaded = ImageFont.truetype(str(path), size, layout_engine=engine)
    # Variable fonts: set each axis by name, the order differs between the two fonts.
    wanted = {b"Weight": 700.0 if bold else 400.0, b"Width": 100.0}
    axes = loaded.get_variation_axes()
    loaded.set_variation_by_axes([wanted.get(_name(a["name"]), float(a["default"] or 0)) for a in axes])
    return loaded


def _name(raw: object) -> bytes:
    # FreeType hands the axis name over as raw name-table bytes: UTF-16-BE in one font, ASCII in the other.
    if isinstance(raw, bytes):
        return raw.replace(b"\x00", b"")
    return str(raw).encode()
