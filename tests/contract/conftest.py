"""Every cash driver, each against its own wire-level emulator on a pty, behind the real CashDesk and SQLite file."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import pytest

from drivers import registry
from drivers.cash.id003.driver import Id003Acceptor
from drivers.cash.id003.emulator import Id003Emulator
from drivers.cash.ssp.driver import SspAcceptor
from drivers.cash.ssp.emulator import SspEmulator
from kiosk.cash_payment import CashDesk, CashUpdate
from kiosk.clock import SystemClock
from kiosk.config import DeviceConfig
from kiosk.devices.cash import AcceptorStatus
from kiosk.ledger import Ledger
from kiosk.store import Store
from tests.drivers.cash.conftest import wait_until


class Emulator(Protocol):
    """The physical events every acceptor emulator can script (SSP's and ID-003's share these names)."""

    state: Any  # .enabled, .returned

    def serve_pty(self, link: Path | None = None) -> str: ...
    def insert_note(self, rupees: int, *, on_string: bool = False) -> bool: ...
    def jam(self, *, safe: bool) -> None: ...
    def clear_jam(self) -> None: ...
    def remove_cashbox(self) -> None: ...
    def replace_cashbox(self) -> None: ...
    def power_cycle_with_note(self, rupees: int, *, stage: str) -> None: ...
    def close(self) -> None: ...

    @property
    def stacked(self) -> list[int]: ...


class Driver(Protocol):
    @property
    def status(self) -> AcceptorStatus: ...


@dataclass(frozen=True)
class Family:
    name: str
    emulator: Callable[[], Emulator]
    driver: type
    cut_power_mid_stack: Callable[[Any, int], None]  # the villager's note is on its way into the box


def _ssp_cut_mid_stack(device: SspEmulator, rupees: int) -> None:
    device.power_cycle_with_note(rupees, stage="stacking")  # SSP reports the channel of the note it cleared


def _id003_cut_mid_stack(device: Id003Emulator, rupees: int) -> None:
    device.cut_power_at = "stacking"  # after escrow and STACK-1, before VEND VALID
    assert device.insert_note(rupees)


FAMILIES = {
    "ssp": Family("ssp", SspEmulator, SspAcceptor, _ssp_cut_mid_stack),
    "id003": Family("id003", Id003Emulator, Id003Acceptor, _id003_cut_mid_stack),
}


class DiskFull(sqlite3.OperationalError):
    """What SQLite raises when the file system is full, injected at the store's commit point."""


@dataclass
class CashKiosk:
    family: Family
    device: Emulator
    store: Store
    ledger: Ledger
    driver: Any
    desk: CashDesk
    updates: list[CashUpdate] = field(default_factory=list)
    disk_full: bool = False

    def fault(self, point: str) -> None:
        if self.disk_full and point == "before_commit":
            raise DiskFull("database or disk is full")

    def close(self) -> None:
        self.driver.close()
        self.store.close()
        self.device.close()


def build(family: Family, tmp_path: Path) -> CashKiosk:
    device = family.emulator()
    port = device.serve_pty(tmp_path / "ttyCASH")
    kiosk = CashKiosk(family, device, None, None, None, None)  # type: ignore[arg-type]
    clock = SystemClock()
    kiosk.store = Store.open(tmp_path / "kiosk.db", clock, fault=kiosk.fault)
    kiosk.ledger = Ledger(kiosk.store)
    # Built as the field builds it: the config's [devices.cash] section through the entry-point registry.
    kiosk.driver = registry.build(DeviceConfig("cash", family.name, {"port": port, "poll_interval_ms": 50}), clock)
    assert isinstance(kiosk.driver, family.driver)
    kiosk.desk = CashDesk(kiosk.ledger, kiosk.driver, on_update=kiosk.updates.append)
    kiosk.desk.attach()
    wait_until(lambda: kiosk.driver.status is AcceptorStatus.DISABLED)
    return kiosk


@pytest.fixture(params=sorted(FAMILIES))
def kiosk(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CashKiosk]:
    """A kiosk's cash side on each acceptor protocol in turn."""
    side = build(FAMILIES[request.param], tmp_path)
    yield side
    side.close()


# Every family: a note the kiosk cannot record is returned, never stacked.
RETURNS_UNRECORDED_NOTES = tuple(FAMILIES)


@pytest.fixture(params=RETURNS_UNRECORDED_NOTES)
def recording_kiosk(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CashKiosk]:
    side = build(FAMILIES[request.param], tmp_path)
    yield side
    side.close()
