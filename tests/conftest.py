"""Shared fixtures: a fake clock and a real SQLite store in a temporary folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.clock import FakeClock
from kiosk.ledger import Ledger
from kiosk.store import Store
from tests.sync.grievance_rig import grievance_server  # noqa: F401 - one server for every grievance test module

# The tests are headless by design: Qt renders offscreen even when a developer runs plain `pytest`.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[Store]:
    opened = Store.open(tmp_path / "kiosk.db", clock)
    yield opened
    opened.close()


@pytest.fixture
def ledger(store: Store) -> Ledger:
    return Ledger(store)
