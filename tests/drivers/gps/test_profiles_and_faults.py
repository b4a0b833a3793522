"""The NMEA reader against four kinds of receiver, odd-but-checksummed sentences, and a death of its thread."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from drivers.gps.nmea.driver import NmeaLocator
from drivers.gps.nmea.emulator import ODD, PROFILES, NmeaEmulator
from kiosk.clock import FakeClock
from kiosk.devices.locator import LocatorStatus

from ..waiting import eventually


@pytest.fixture(params=sorted(PROFILES))
def emulator(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[NmeaEmulator]:
    emu = NmeaEmulator(tmp_path / "ttyGPS", profile=request.param)
    yield emu
    emu.close()


def open_locator(emulator: NmeaEmulator, clock: FakeClock) -> NmeaLocator:
    driver = NmeaLocator(emulator.path, clock, reconnect_s=0.05).start()
    eventually(lambda: driver.status() is not LocatorStatus.DISCONNECTED, "driver opened the pty")
    return driver


def is_jaipur(driver: NmeaLocator) -> bool:
    fix = driver.last_fix()
    return fix is not None and (round(fix.latitude, 4), round(fix.longitude, 4)) == (26.9124, 75.7873)


def test_each_receiver_profile_gives_the_jaipur_fix_with_nothing_refused(
    emulator: NmeaEmulator, clock: FakeClock
) -> None:
    driver = open_locator(emulator, clock)
    try:
        emulator.send_fix()
        eventually(lambda: driver.status() is LocatorStatus.FIX and is_jaipur(driver), "Jaipur fix")
        fix = driver.last_fix()
        assert fix is not None
        assert (fix.accuracy_m, fix.satellites) == (4.5, 8)  # the GGA's HDOP 0.9 × 5 m, even after an RMC
        assert driver.rejected == 0, driver.last_rejection
        assert driver.health().ok
    finally:
        driver.close()


def test_checksummed_sentences_with_junk_fields_are_counted_and_the_next_fix_still_arrives(
    emulator: NmeaEmulator, clock: FakeClock
) -> None:
    driver = open_locator(emulator, clock)
    try:
        emulator.send(*ODD)
        eventually(lambda: driver.rejected == len(ODD), "every odd sentence refused")
        emulator.send_fix()
        eventually(lambda: driver.status() is LocatorStatus.FIX and is_jaipur(driver), "the fix after them")
        assert driver.rejected == len(ODD)
        assert f"{len(ODD)} sentences refused, last: latitude '26x4.744'" in driver.health().detail
    finally:
        driver.close()


class FailingClock(FakeClock):
    """A clock that breaks on its first read: the driver stamps each fix with it, outside the parser."""

    def now(self) -> datetime:
        raise RuntimeError("RTC read failed")


def test_a_reader_thread_that_dies_outside_the_parser_reports_fault_with_the_reason(tmp_path: Path) -> None:
    emulator = NmeaEmulator(tmp_path / "ttyGPS")
    driver = NmeaLocator(emulator.path, FailingClock(), reconnect_s=0.05).start()
    try:
        eventually(lambda: driver.status() is LocatorStatus.NO_FIX, "opened")
        emulator.send_fix()
        eventually(lambda: driver.status() is LocatorStatus.FAULT, "the death noticed")
        health = driver.health()
        assert (health.status, health.ok) == ("fault", False)
        assert "gps-nmea thread died: RuntimeError: RTC read failed" in health.detail
        emulator.send_fix()  # nothing reads any more: the status stays FAULT, never a stale "fix"
        assert driver.status() is LocatorStatus.FAULT
    finally:
        driver.close()
        emulator.close()
