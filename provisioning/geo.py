"""Geo-tag checks: a position must lie in Rajasthan, and a re-provisioned machine should not have moved."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from drivers.gps.nmea.driver import NmeaLocator
from kiosk.clock import Clock, SystemClock
from kiosk.devices.locator import LocatorStatus

# Rajasthan's bounding box with a small margin (the state spans about 23.0–30.2 N, 69.5–78.3 E).
RAJASTHAN_LAT = (22.8, 30.4)
RAJASTHAN_LON = (69.3, 78.5)
EARTH_RADIUS_M = 6_371_000.0
MOVED_THRESHOLD_M = 500.0  # beyond GPS error at a village centre; a move of the machine needs an explanation
SAME_PLACE_M = 50.0  # two fixes of a machine that has not moved: GPS scatter, not a move


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


MIN_SATELLITES = 4  # fewer than four satellites cannot give a 3-D fix; such a position is a guess


@dataclass(frozen=True, slots=True)
class FixAttempt:
    position: Position | None
    detail: str  # why there is no (good enough) fix, for the summary
    satellites: int | None = None

    @property
    def report(self) -> str:
        if self.position is None:
            return f"FAIL  {self.detail}"
        where = self.position
        accuracy = f"±{where.accuracy_m:g} m" if where.accuracy_m is not None else "accuracy unknown"
        return f"PASS  fix {where.latitude:.5f}, {where.longitude:.5f} ({accuracy}, {self.satellites} satellites)"


def take_fix(
    port: str, *, wait_s: float, max_accuracy_m: float, baudrate: int = 9600, clock: Clock | None = None
) -> FixAttempt:
    """Listen to the receiver (drivers/gps) until a fix good enough to register arrives, or `wait_s` passes."""
    locator = NmeaLocator(port, clock or SystemClock(), baudrate=baudrate).start()
    detail = f"no fix within {wait_s:g} s"
    try:
        deadline = time.monotonic() + wait_s
        while True:
            fix = locator.last_fix()
            if fix is not None and locator.status() is LocatorStatus.FIX:
                accuracy_ok = fix.accuracy_m is None or fix.accuracy_m <= max_accuracy_m
                satellites_ok = fix.satellites is None or fix.satellites >= MIN_SATELLITES
                if accuracy_ok and satellites_ok:
                    position = Position(fix.latitude, fix.longitude, fix.accuracy_m, "gps")
                    return FixAttempt(position, "", fix.satellites)
                detail = (
                    f"only a weak fix within {wait_s:g} s (±{fix.accuracy_m} m, {fix.satellites} satellites;"
                    f" need ±{max_accuracy_m:g} m and {MIN_SATELLITES} satellites)"
                )
            if time.monotonic() >= deadline or locator.status() is LocatorStatus.FAULT:
                break
            time.sleep(0.1)
        if locator.status() is LocatorStatus.FAULT:
            detail = f"the GPS reader failed: {locator.health().detail}"
        elif locator.status() is LocatorStatus.DISCONNECTED:
            detail = f"the receiver at {port} did not open ({locator.health().detail})"
        return FixAttempt(None, detail)
    finally:
        locator.close()
