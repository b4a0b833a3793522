"""The accessibility tests reuse the UI fixtures (app on memory devices, offscreen, Qt warnings fail the test)."""

import os
from pathlib import Path

import pytest

from tests.ui.conftest import fake_clock, kiosk, qapp_cls, qt_warnings, services

__all__ = ["fake_clock", "kiosk", "qapp_cls", "qt_warnings", "services"]


@pytest.fixture(scope="session")
def shot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # KIOSK_SHOTS keeps them somewhere to look at; by default they go to pytest's temporary folder.
    chosen = os.environ.get("KIOSK_SHOTS")
    return Path(chosen) if chosen else tmp_path_factory.mktemp("access-screens")
