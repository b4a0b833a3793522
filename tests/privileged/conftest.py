"""Each test gets its own temporary root (kiosk.toml, the spool from the shipped tmpfiles.d file, a release)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from tests.privileged.world import World, make_world


@pytest.fixture
def world() -> Iterator[World]:
    made = make_world()
    yield made
    shutil.rmtree(made.base, ignore_errors=True)
