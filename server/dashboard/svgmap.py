"""A plain inline SVG of machines by their geo-tag, coloured by state: no tiles, no fonts, no script."""

from __future__ import annotations

import html
import math

from server.dashboard.alerts import in_state

WIDTH = 560
COLOURS = {"online": "#1a7f37", "idle": "#d4a017", "offline": "#c62828"}
CLASSES = {"online": "g", "idle": "y", "offline": "r"}  # one letter each: 3,000 dots stay small


def render(points: list[tuple[float, float, str]], title: str) -> tuple[str, int]:
    """(svg markup, machines left off because their position is outside the state)."""
    inside = [p for p in points if in_state((p[0], p[1]))]
    if not inside:
        return "", len(points)
    lat_min, lat_max = min(p[0] for p in inside), max(p[0] for p in inside)
    lon_min, lon_max = min(p[1] for p in inside), max(p[1] for p in inside)
    # At least ~20 km each way, so a block of a few machines is not blown up to fill the frame.
    lat_pad, lon_pad = max(0.05, (0.2 - (lat_max - lat_min)) / 2), max(0.05, (0.2 - (lon_max - lon_min)) / 2)
    lat_min, lat_max, lon_min, lon_max = lat_min - lat_pad, lat_max + lat_pad, lon_min - lon_pad, lon_max + lon_pad
    # Equirectangular with the mid-latitude's cosine: shapes look right at district scale.
    x_scale = math.cos(math.radians((lat_min + lat_max) / 2))
    span_x, span_y = (lon_max - lon_min) * x_scale, lat_max - lat_min
    height = max(120, min(560, round(WIDTH * span_y / span_x)))
    radius = 2 if len(inside) > 800 else 3 if len(inside) > 150 else 5
    # Offline last so the problems are drawn on top.
    order = {"online": 0, "idle": 1, "offline": 2}
    dots = []
    for lat, lon, state in sorted(inside, key=lambda p: order.get(p[2], 0)):
        x = (lon - lon_min) * x_scale / span_x * (WIDTH - 10) + 5
        y = (lat_max - lat) / span_y * (height - 10) + 5
        dots.append(f'<circle cx="{x:.0f}" cy="{y:.0f}" r="{radius}" class="{CLASSES.get(state, "r")}"/>')
    style = "".join(f".{CLASSES[k]}{{fill:{v}}}" for k, v in COLOURS.items())
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}"'
        f' role="img" aria-label="{html.escape(title)}"><style>{style}</style>'
        f'<rect width="{WIDTH}" height="{height}" fill="#f4f1e8" stroke="#999"/>{"".join(dots)}</svg>'
    )
    return svg, len(points) - len(inside)
