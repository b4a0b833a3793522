"""Load the bundled Noto fonts (Latin + Devanagari) so Hindi never renders as boxes, and make them the default."""

from __future__ import annotations

import fontpkg_noto_sans
import fontpkg_noto_sans_devanagari
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

LATIN = "Noto Sans"
DEVANAGARI = "Noto Sans Devanagari"


class FontError(RuntimeError):
    """A bundled font file is missing or unreadable: the kiosk would show boxes instead of Hindi."""


def load_fonts(app: QGuiApplication, *, point_size: int = 18) -> list[str]:
    """Register both families, set them as the app font (Latin first, Devanagari as named fallback)."""
    families: list[str] = []
    for package in (fontpkg_noto_sans, fontpkg_noto_sans_devanagari):
        for path in sorted((package.ROOT / "files").glob("*.ttf")):
            if "Italic" in path.name:
                continue
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                raise FontError(f"cannot load bundled font {path}")
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if LATIN not in families or DEVANAGARI not in families:
        raise FontError(f"bundled fonts gave families {families}, expected {LATIN!r} and {DEVANAGARI!r}")
    font = QFont()
    font.setFamilies([LATIN, DEVANAGARI])
    font.setPointSize(point_size)
    app.setFont(font)
    return families
