"""A line-oriented serial reader on its own thread that survives unplug and replug (GPS, QR scanners)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import serial

from drivers.devicethread import DeviceThread

log = logging.getLogger(__name__)

LineHandler = Callable[[bytes], None]
OverlongHandler = Callable[[int], None]
StateHandler = Callable[[bool, str], None]


class LineReader:
    """Reads CR/LF-terminated lines; a line longer than `max_line` is dropped whole and reported, never buffered on.

    The port is reopened every `reconnect_s` after it fails, and at once when `reopen(path)` is called
    (a hot-plug event naming the device's new node). A handler's exception is not caught here: it ends the thread,
    and `fault` says why (the driver reports FAULT); handlers catch their own parser's refusals.
    """

    def __init__(
        self,
        path: str,
        *,
        on_line: LineHandler,
        on_overlong: OverlongHandler,
        on_state: StateHandler,
        baudrate: int = 9600,
        max_line: int = 4096,
        reconnect_s: float = 0.5,
        name: str = "serial-lines",
    ) -> None:
        self.path = path
        self.baudrate = baudrate
        self.max_line = max_line
        self.reconnect_s = reconnect_s
        self._on_line, self._on_overlong, self._on_state = on_line, on_overlong, on_state
        self._wake = threading.Event()
        self._thread = DeviceThread(self._run, name=name)
        self._stop = self._thread.stopping

    @property
    def fault(self) -> str | None:
        """Why the reader thread died, or None while it runs."""
        return self._thread.fault

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.stop()

    def reopen(self, path: str | None = None) -> None:
        if path:
            self.path = path
        self._wake.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                port = serial.serial_for_url(self.path, baudrate=self.baudrate, timeout=0.1)
            except (serial.SerialException, OSError, ValueError) as exc:
                self._on_state(False, f"cannot open {self.path}: {type(exc).__name__}")
                self._pause()
                continue
            self._on_state(True, f"open {self.path}")
            self._wake.clear()
            try:
                self._pump(port)
            except (serial.SerialException, OSError) as exc:
                self._on_state(False, f"{self.path} went away: {type(exc).__name__}")
            finally:
                port.close()
            self._pause()

    def _pause(self) -> None:
        self._wake.wait(self.reconnect_s)
        self._wake.clear()

    def _pump(self, port: serial.SerialBase) -> None:
        buffer = bytearray()
        discarding = False
        while not self._stop.is_set() and not self._wake.is_set():
            chunk = port.read(512)
            if not chunk:
                continue
            buffer += chunk
            while True:
                cut = min((i for i in (buffer.find(b"\r"), buffer.find(b"\n")) if i >= 0), default=-1)
                if cut < 0:
                    break
                line = bytes(buffer[:cut])
                del buffer[: cut + 1]
                if discarding:
                    discarding = False  # the tail of an overlong line ends here
                elif line:
                    self._on_line(line)
            if len(buffer) > self.max_line:
                if not discarding:
                    self._on_overlong(len(buffer))
                discarding = True
                buffer.clear()
