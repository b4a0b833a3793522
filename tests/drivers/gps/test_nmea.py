from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.gps.nmea.codec import NmeaError, decode, sentence
from drivers.gps.nmea.driver import NmeaLocator, build
from drivers.gps.nmea.emulator import GARBAGE, JAIPUR_FIX, VOID_FIX, NmeaEmulator
from kiosk.clock import FakeClock
from kiosk.devices.locator import LocatorStatus

from ..waiting import eventually

AJMER_GGA = sentence("GNGGA,063010.00,2627.000,N,07438.000,E,1,10,1.2,480.0,M,-41.0,M,,")


@pytest.fixture
def emulator(tmp_path: Path) -> Iterator[NmeaEmulator]:
    emu = NmeaEmulator(tmp_path / "ttyGPS")
    yield emu
    emu.close()


@pytest.fixture
def locator(emulator: NmeaEmulator, clock: FakeClock) -> Iterator[NmeaLocator]:
    driver = NmeaLocator(emulator.path, clock, reconnect_s=0.05).start()
    eventually(lambda: driver.status() is not LocatorStatus.DISCONNECTED, "driver opened the pty")
    yield driver
    driver.close()


def test_verified_sentences_decode_to_the_known_positions() -> None:
    gga = decode(b"$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47\r\n")
    assert gga is not None
    assert (round(gga.latitude or 0, 6), round(gga.longitude or 0, 6)) == (48.1173, 11.516667)
    south_west = decode(sentence("GPRMC,000000,A,3351.000,S,15112.000,W,0.0,0.0,010126,,,A"))
    assert south_west is not None
    assert (south_west.latitude, south_west.longitude) == (-33.85, -151.2)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            b"$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*48",
            "checksum 48 does not match computed 47",
        ),
        (GARBAGE[2], "latitude '9854.744' is beyond 90 degrees"),
        (GARBAGE[3], "latitude '2675.000' has 75.0 minutes"),
        (b"GPGGA,1*00", "does not start with '\\$'"),
        (b"$GPGGA,1,2,3", "no \\*hh checksum"),
        (b"$" + b"A" * 100 + b"*00", "longer than NMEA's 82"),
    ],
)
def test_bad_sentences_are_refused_naming_the_fault(line: bytes, reason: str) -> None:
    with pytest.raises(NmeaError, match=reason):
        decode(line)


def test_jaipur_fix_over_the_pty_becomes_the_last_good_fix(
    emulator: NmeaEmulator, locator: NmeaLocator, clock: FakeClock
) -> None:
    emulator.send(*JAIPUR_FIX)
    eventually(lambda: locator.status() is LocatorStatus.FIX, "fix reported")
    fix = locator.last_fix()
    assert fix is not None
    assert (round(fix.latitude, 4), round(fix.longitude, 4)) == (26.9124, 75.7873)
    assert (fix.accuracy_m, fix.satellites, fix.source, fix.at) == (4.5, 8, "gps", clock.now())
    assert locator.health().ok


def test_void_fix_keeps_the_last_good_fix_but_reports_no_fix(emulator: NmeaEmulator, locator: NmeaLocator) -> None:
    emulator.send(*JAIPUR_FIX)
    eventually(lambda: locator.status() is LocatorStatus.FIX, "fix reported")
    good = locator.last_fix()
    emulator.send(*VOID_FIX)
    eventually(lambda: locator.status() is LocatorStatus.NO_FIX, "void fix noticed")
    assert locator.last_fix() == good
    assert not locator.health().ok


def test_garbage_and_impossible_positions_are_refused_and_reading_goes_on(
    emulator: NmeaEmulator, locator: NmeaLocator
) -> None:
    emulator.send(*JAIPUR_FIX, *GARBAGE, b"$" + b"9" * 5000 + b"\r\n", AJMER_GGA)
    eventually(lambda: (fix := locator.last_fix()) is not None and round(fix.latitude, 2) == 26.45, "Ajmer fix")
    assert locator.rejected == len(GARBAGE) + 1
    assert "line of more than" in locator.last_rejection


def test_unplug_and_replug_under_the_same_name_is_survived(emulator: NmeaEmulator, locator: NmeaLocator) -> None:
    emulator.send(*JAIPUR_FIX)
    eventually(lambda: locator.status() is LocatorStatus.FIX, "first fix")
    emulator.unplug()
    eventually(lambda: locator.status() is LocatorStatus.DISCONNECTED, "unplug noticed")
    assert locator.last_fix() is not None  # the last good fix outlives the cable
    emulator.replug()
    eventually(lambda: locator.status() is LocatorStatus.NO_FIX, "reopened after replug")
    emulator.send(AJMER_GGA)
    eventually(lambda: locator.status() is LocatorStatus.FIX, "fix after replug")


def test_replug_under_a_new_node_is_followed_when_hotplug_names_it(clock: FakeClock) -> None:
    emulator = NmeaEmulator()
    driver = NmeaLocator(emulator.path, clock, reconnect_s=30.0).start()
    try:
        eventually(lambda: driver.status() is LocatorStatus.NO_FIX, "opened")
        emulator.unplug()
        eventually(lambda: driver.status() is LocatorStatus.DISCONNECTED, "unplug noticed")
        new_node = emulator.replug()
        driver.device_replugged(new_node)  # without it the driver would wait 30 s before retrying
        eventually(lambda: driver.status() is LocatorStatus.NO_FIX, "reopened at the new node")
        emulator.send(*JAIPUR_FIX)
        eventually(lambda: driver.status() is LocatorStatus.FIX, "fix at the new node")
    finally:
        driver.close()
        emulator.close()


def test_config_without_a_port_is_refused(clock: FakeClock) -> None:
    with pytest.raises(ValueError, match=r"\[devices.gps\].port"):
        build({}, clock)
