"""SANE's own `test` backend as the scanner emulator: a private SANE_CONFIG_DIR that enables it, and its faults."""

from __future__ import annotations

import shutil
from pathlib import Path

# --read-return-value makes the test backend's sane_read() fail with exactly this status.
FAULTS = {
    "jammed": "SANE_STATUS_JAMMED",
    "no_document": "SANE_STATUS_NO_DOCS",
    "cover_open": "SANE_STATUS_COVER_OPEN",
    "busy": "SANE_STATUS_DEVICE_BUSY",
    "io_error": "SANE_STATUS_IO_ERROR",
}
DEBIAN_TEST_CONF = Path("/etc/sane.d/test.conf")


class SaneTestBackend:
    """Debian ships `#test` commented out in /etc/sane.d/dll.conf; this folder turns on only `test`."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "dll.conf").write_text("test\n", encoding="ascii")
        if DEBIAN_TEST_CONF.exists():
            shutil.copy(DEBIAN_TEST_CONF, folder / "test.conf")
        self.config_dir = folder
        self.device = "test:0"

    @staticmethod
    def options(picture: str = "Grid", fault: str | None = None) -> tuple[str, ...]:
        """Options for the driver's `device_options`: what to draw, and a fault to inject."""
        chosen: tuple[str, ...] = ("--test-picture", picture)
        if fault is not None:
            chosen += ("--read-return-value", FAULTS[fault])
        return chosen
