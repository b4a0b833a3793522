"""A terminal emulator on loopback HTTP and the real driver talking to it (watch every 50 ms)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from drivers.payment_terminal.driver import EcrTerminal
from drivers.payment_terminal.emulator import PROFILES, TerminalEmulator
from kiosk.clock import FakeClock


@pytest.fixture(params=sorted(PROFILES))
def profile(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def emulator(profile: str) -> Iterator[TerminalEmulator]:
    with TerminalEmulator(profile=profile) as running:
        yield running


@pytest.fixture
def terminal(emulator: TerminalEmulator, clock: FakeClock) -> Iterator[EcrTerminal]:
    driver = EcrTerminal.from_config({"port": emulator.address, "watch_interval_s": 0.1, "timeout_s": 2}, clock)
    yield driver
    driver.close()
