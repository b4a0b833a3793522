"""Pictograms: every service, category and key action has an SVG that renders, so it can be found without reading."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from kiosk.catalogue import DEFAULT_CATALOGUE, ICONS, load_catalogue

ICON_DIR = Path(__file__).parents[2] / "ui" / "icons"
KEY_ACTIONS = ("cash", "finger", "print", "cancel", "back", "help", "speaker", "phone")


def test_every_icon_the_catalogue_names_has_a_pictogram() -> None:
    catalogue = load_catalogue(DEFAULT_CATALOGUE)
    named = {s.icon for s in catalogue.services} | {c.icon for c in catalogue.categories}
    assert named <= ICONS
    missing = sorted(icon for icon in ICONS if not (ICON_DIR / f"{icon}.svg").exists())
    assert missing == [], f"icons the catalogue may name but ui/icons lacks: {missing}"


@pytest.mark.parametrize("icon", sorted({*ICONS, *KEY_ACTIONS, "contrast", "textsize", "settings"}))
def test_each_pictogram_renders(qapp: QGuiApplication, icon: str) -> None:
    renderer = QSvgRenderer(str(ICON_DIR / f"{icon}.svg"))
    assert renderer.isValid(), f"{icon}.svg is not a valid SVG"
    image = QImage(96, 96, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    colours = {image.pixel(x, y) for x in range(0, 96, 4) for y in range(0, 96, 4)}
    assert len(colours) >= 3, f"{icon}.svg draws (almost) nothing"
