"""The ID-003 emulator on a pty (each firmware profile) and the driver talking to it through real bytes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.cash.id003.driver import Id003Acceptor
from drivers.cash.id003.emulator import Id003Emulator
from drivers.cash.id003.profiles import PROFILES
from kiosk.clock import FakeClock
from kiosk.devices.cash import AcceptorStatus
from tests.drivers.cash.conftest import Events, wait_until


@pytest.fixture(params=sorted(PROFILES))
def emulator(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Id003Emulator]:
    """The acceptor emulator under each firmware profile: the driver must work with every one."""
    device = Id003Emulator(firmware=request.param)
    device.link_path = device.serve_pty(tmp_path / "ttyCASH")  # type: ignore[attr-defined]
    yield device
    device.close()


@pytest.fixture
def events() -> Events:
    return Events()


def connect(path: str, events: Events) -> Id003Acceptor:
    driver = Id003Acceptor(path, FakeClock(), poll_interval_s=0.02, reply_timeout_s=0.3, reconnect_interval_s=0.1)
    driver.start(events)
    return driver


@pytest.fixture
def acceptor(emulator: Id003Emulator, events: Events) -> Iterator[Id003Acceptor]:
    driver = connect(emulator.link_path, events)  # type: ignore[attr-defined]
    wait_until(lambda: driver.status is AcceptorStatus.DISABLED)
    yield driver
    driver.close()
