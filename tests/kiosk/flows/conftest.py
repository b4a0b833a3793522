"""A journey wired to memory devices and a memory server, over the real ledger in a temporary SQLite file."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kiosk.cash_payment import CashDesk
from kiosk.catalogue import DEFAULT_CATALOGUE, Catalogue, load_catalogue
from kiosk.flows.base import Devices
from kiosk.flows.journey import Journey
from kiosk.ledger import Ledger
from tests.fakes.devices import MemoryCashAcceptor, MemoryFingerReader, MemoryOnline, MemoryPrinter, sample_online


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue(DEFAULT_CATALOGUE)


@pytest.fixture
def devices(ledger: Ledger) -> Devices:
    cash = MemoryCashAcceptor()
    return Devices(cash, MemoryPrinter(), MemoryFingerReader(), CashDesk(ledger, cash))


@pytest.fixture
def online() -> MemoryOnline:
    return sample_online()


@pytest.fixture
def start(catalogue: Catalogue, ledger: Ledger, devices: Devices, online: MemoryOnline) -> Callable[[str], Journey]:
    def _start(service_id: str) -> Journey:
        journey = Journey(
            catalogue.get(service_id), ledger=ledger, devices=devices, bills=online, applications=online, aadhaar=online
        )
        devices.desk.on_update = journey.on_update
        devices.desk.attach()
        return journey

    return _start
