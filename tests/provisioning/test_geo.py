from pathlib import Path

import pytest

from drivers.gps.nmea.emulator import NmeaEmulator
from provisioning.geo import GeoError, Position, check_in_rajasthan, distance_m, parse_manual, take_fix
from tests.drivers.gps.test_profiles_and_faults import FailingClock


def test_a_jaipur_position_is_accepted() -> None:
    check_in_rajasthan(26.9124, 75.7873)
    assert parse_manual(" 26.9124 , 75.7873 ") == Position(26.9124, 75.7873, None, "manual")


@pytest.mark.parametrize(
    ("lat", "lon", "why"),
    [
        (28.6139, 77.2090 + 2, "outside Rajasthan"),  # east of Delhi
        (15.0, 73.0, "outside Rajasthan"),  # the Arabian Sea off Goa
        (75.7873, 26.9124, "outside Rajasthan"),  # latitude and longitude swapped
        (0.0, 0.0, "outside Rajasthan"),  # a receiver with no fix
        (95.0, 75.0, "not a position on Earth"),
        (float("nan"), 75.0, "not a number"),
    ],
)
def test_positions_outside_rajasthan_are_refused_with_a_hint(lat: float, lon: float, why: str) -> None:
    with pytest.raises(GeoError, match=why):
        check_in_rajasthan(lat, lon)


@pytest.mark.parametrize("text", ["26.9", "north, east", "26.9 75.7"])
def test_manual_entries_must_be_two_decimal_numbers(text: str) -> None:
    with pytest.raises(GeoError, match="latitude"):
        parse_manual(text)


def test_distance_between_jaipur_and_ajmer_is_about_120_km() -> None:
    jaipur = Position(26.9124, 75.7873, None, "gps")
    ajmer = Position(26.4499, 74.6399, None, "gps")
    assert 115_000 < distance_m(jaipur, ajmer) < 130_000
    assert distance_m(jaipur, jaipur) == 0


def test_the_geo_tag_gives_up_at_once_naming_the_fault_when_the_gps_reader_dies(tmp_path: Path) -> None:
    emulator = NmeaEmulator(tmp_path / "ttyGPS")
    emulator.start_replay(interval_s=0.05)
    try:
        attempt = take_fix(emulator.path, wait_s=60.0, max_accuracy_m=50.0, clock=FailingClock())
    finally:
        emulator.close()
    assert attempt.position is None
    assert attempt.detail.startswith("the GPS reader failed: gps-nmea thread died: RuntimeError: RTC read failed")
