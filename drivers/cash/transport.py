"""A bank-note acceptor's serial line, opened by URL (a device path, a pty, or socket://host:port); each protocol's
`transport.py` names its framing."""

from __future__ import annotations

import contextlib
import os
import termios
from typing import Any

import serial


class TransportError(OSError):
    pass


class AcceptorLine:
    """9600 baud, 8 data bits, PARITY and STOPBITS as the protocol says (a pty or TCP link ignores the settings)."""

    PARITY = "N"
    STOPBITS = 1

    def __init__(self, url: str, *, timeout_s: float = 0.1) -> None:
        self.url = url
        self.timeout_s = timeout_s
        self._port: Any = None  # serial_for_url returns a handler class chosen by the URL's scheme

    def open(self) -> None:
        try:
            try:
                self._port = self._open(self.PARITY)
            except termios.error:
                if not os.path.realpath(self.url).startswith("/dev/pts/"):
                    raise
                # A pseudo-terminal (the emulator) carries no parity bit: Linux drops PARENB on the first open and
                # refuses it with EINVAL on the next, so a pty is opened without parity.
                self._port = self._open("N")
        except (serial.SerialException, OSError, ValueError, termios.error) as exc:
            raise TransportError(f"cannot open {self.url}: {exc}") from None

    def _open(self, parity: str) -> Any:
        return serial.serial_for_url(
            self.url, baudrate=9600, bytesize=8, parity=parity, stopbits=self.STOPBITS, timeout=self.timeout_s
        )

    @property
    def is_open(self) -> bool:
        return self._port is not None

    def write(self, data: bytes) -> None:
        if self._port is None:
            raise TransportError(f"{self.url} is not open")
        try:
            self._port.reset_input_buffer()
            self._port.write(data)
        except (serial.SerialException, OSError, termios.error) as exc:
            raise TransportError(f"write to {self.url} failed: {exc}") from None

    def read(self, size: int = 256) -> bytes:
        """What has arrived, waiting at most the timeout for the first byte (never for `size` bytes)."""
        if self._port is None:
            raise TransportError(f"{self.url} is not open")
        try:
            data: bytes = self._port.read(1)
            if data:
                data += self._port.read(min(self._port.in_waiting, size - 1))
        except (serial.SerialException, OSError, termios.error) as exc:  # termios: the port vanished (unplugged)
            raise TransportError(f"read from {self.url} failed: {exc}") from None
        return data

    def close(self) -> None:
        if self._port is not None:
            with contextlib.suppress(serial.SerialException, OSError):
                self._port.close()
            self._port = None
