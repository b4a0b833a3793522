"""Geo-tag checks: a position must lie in Rajasthan, and a re-provisioned machine should not have moved."""

from __future__ import annotations

import math
from dataclasses import dataclass

# Rajasthan's bounding box with a small margin (the state spans about 23.0–30.2 N, 69.5–78.3 E).
RAJASTHAN_LAT = (22.8, 30.4)
RAJASTHAN_LON = (69.3, 78.5)
EARTH_RADIUS_M = 6_371_000.0
MOVED_THRESHOLD_M = 500.0  # beyond GPS error at a village centre; a move of the machine needs an explanation


class GeoError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Position:
    latitude: float
    longitude: float
    accuracy_m: float | None
    source: str  # "gps" or "manual"


def check_in_rajasthan(latitude: float, longitude: float) -> None:
    if not (math.isfinite(latitude) and math.isfinite(longitude)):
        raise GeoError("the position is not a number")
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise GeoError(f"{latitude}, {longitude} is not a position on Earth")
    if not (RAJASTHAN_LAT[0] <= latitude <= RAJASTHAN_LAT[1] and RAJASTHAN_LON[0] <= longitude <= RAJASTHAN_LON[1]):
        raise GeoError(
            f"{latitude:.5f}, {longitude:.5f} is outside Rajasthan; check the GPS antenna or the numbers typed"
            " (latitude first, e.g. 26.9124, 75.7873)"
        )


def distance_m(a: Position, b: Position) -> float:
    """Great-circle distance (haversine)."""
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat = lat2 - lat1
    dlon = math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(h))


def parse_manual(text: str) -> Position:
    """'26.9124, 75.7873' typed by the engineer."""
    parts = [p.strip() for p in text.replace(";", ",").split(",")]
    if len(parts) != 2:
        raise GeoError(f"{text!r}: write latitude, longitude — e.g. 26.9124, 75.7873")
    try:
        latitude, longitude = float(parts[0]), float(parts[1])
    except ValueError:
        raise GeoError(f"{text!r}: latitude and longitude must be decimal numbers") from None
    check_in_rajasthan(latitude, longitude)
    return Position(latitude, longitude, None, "manual")
