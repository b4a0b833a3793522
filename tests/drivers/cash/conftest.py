"""A validator emulator on a pty and our driver talking to it through real bytes."""

from __future__ import annotations

import queue
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from drivers.cash.ssp.codec import Command
from drivers.cash.ssp.driver import SspAcceptor
from drivers.cash.ssp.emulator import SspEmulator
from drivers.cash.ssp.profiles import PROFILES
from kiosk.clock import FakeClock
from kiosk.devices.cash import AcceptorStatus, CashEvent
from kiosk.money import Money

ALL_NOTES = frozenset(Money.rupees(r) for r in (10, 20, 50, 100, 200, 500))


def wait_until(predicate: Callable[[], bool], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.01)
    raise AssertionError("condition not reached in time")


class Events:
    def __init__(self) -> None:
        self.queue: queue.Queue[CashEvent] = queue.Queue()
        self.seen: list[CashEvent] = []

    def __call__(self, event: CashEvent) -> None:
        self.queue.put(event)

    def next_of(self, kind: type, timeout: float = 15.0) -> CashEvent:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                event = self.queue.get(timeout=max(deadline - time.monotonic(), 0.01))
            except queue.Empty:
                break
            self.seen.append(event)
            if isinstance(event, kind):
                return event
        raise AssertionError(f"no {kind.__name__} event; saw {self.seen}")

    def drain(self, seconds: float = 0.3) -> list[CashEvent]:
        time.sleep(seconds)
        while not self.queue.empty():
            self.seen.append(self.queue.get())
        return self.seen

    def of(self, kind: type) -> list[CashEvent]:
        return [e for e in self.drain(0.0) if isinstance(e, kind)]


@pytest.fixture(params=sorted(PROFILES))
def emulator(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[SspEmulator]:
    """The validator emulator under each firmware profile: the driver must work with every one."""
    device = SspEmulator(firmware=request.param)
    device.link_path = device.serve_pty(tmp_path / "ttyCASH")  # type: ignore[attr-defined]
    yield device
    device.close()


@pytest.fixture
def events() -> Events:
    return Events()


@pytest.fixture
def acceptor(emulator: SspEmulator, events: Events) -> Iterator[SspAcceptor]:
    driver = SspAcceptor(
        emulator.link_path,  # type: ignore[attr-defined]
        FakeClock(),
        poll_interval_s=0.02,
        reply_timeout_s=0.5,
        reconnect_interval_s=0.1,
    )
    driver.start(events)
    wait_until(lambda: driver.status is AcceptorStatus.DISABLED)
    yield driver
    driver.close()


def answers(emulator: SspEmulator, command: Command) -> bool:
    """Whether this emulator's firmware profile answers an optional command."""
    return emulator.firmware.refusal(command) is None


def reject_reason(emulator: SspEmulator, reason: str) -> str:
    """The reason the driver reports: the device's own, or a plain one when the firmware will not say."""
    return reason if answers(emulator, Command.LAST_REJECT_CODE) else "note rejected"
