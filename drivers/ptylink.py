"""A pseudo-terminal pair that stands in for a USB serial device in emulators: plug, unplug, plug again."""

from __future__ import annotations

import os
import select
import tty
from pathlib import Path


class PtyLink:
    """The emulator owns the master side; a driver opens `path` (or the stable `link`) with pyserial.

    `link`, when given, is a symlink re-pointed at each plug, like udev's /dev/serial/by-id/… names.
    """

    def __init__(self, link: Path | None = None) -> None:
        self.link = link
        self.master = -1
        self._slave = -1
        self.path = ""
        self.plug()

    @property
    def plugged(self) -> bool:
        return self.master >= 0

    def plug(self) -> str:
        if self.plugged:
            return self.path
        self.master, self._slave = os.openpty()
        tty.setraw(self.master)
        tty.setraw(self._slave)
        self.path = os.ttyname(self._slave)
        if self.link is not None:
            temporary = self.link.with_name(self.link.name + ".new")
            temporary.unlink(missing_ok=True)
            temporary.symlink_to(self.path)
            temporary.replace(self.link)  # atomic, so a driver never sees a half-made name
        return self.path

    def unplug(self) -> None:
        """Like pulling the cable: the driver's next read fails, and the node name disappears."""
        if not self.plugged:
            return
        if self.link is not None:
            self.link.unlink(missing_ok=True)
        os.close(self.master)
        os.close(self._slave)
        self.master = self._slave = -1

    def write(self, data: bytes) -> None:
        if self.plugged:
            os.write(self.master, data)

    def read(self, timeout: float) -> bytes:
        if not self.plugged:
            return b""
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return b""
        try:
            return os.read(self.master, 4096)
        except OSError:
            return b""

    def close(self) -> None:
        self.unplug()
