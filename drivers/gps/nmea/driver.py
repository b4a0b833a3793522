"""The NMEA locator: reads a GPS receiver's sentences on its own thread and keeps the last good fix."""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from typing import Any

from drivers.devicethread import Refusals
from drivers.gps.nmea.codec import NmeaError, Position, decode
from drivers.serialline import LineReader
from kiosk.clock import Clock
from kiosk.devices.common import DeviceHealth
from kiosk.devices.locator import Fix, LocatorStatus

log = logging.getLogger(__name__)


class NmeaLocator:
    """Implements kiosk.devices.locator.Locator. Void fixes and bad sentences never replace the last good fix.

    A sentence the parser refuses (or chokes on) is counted and skipped; anything else that ends the reader thread
    turns the status to FAULT, with the reason in the health detail.
    """

    def __init__(self, path: str, clock: Clock, *, baudrate: int = 9600, reconnect_s: float = 0.5) -> None:
        self.clock = clock
        self._lock = threading.Lock()
        self._fix: Fix | None = None
        self._receiver_has_fix = False
        self._connected = False
        self._detail = "not started"
        self.refusals = Refusals()
        self._reader = LineReader(
            path,
            on_line=self._line,
            on_overlong=self._overlong,
            on_state=self._state,
            baudrate=baudrate,
            max_line=256,
            reconnect_s=reconnect_s,
            name="gps-nmea",
        )

    def start(self) -> NmeaLocator:
        self._reader.start()
        return self

    def close(self) -> None:
        self._reader.stop()

    def device_replugged(self, node: str | None) -> None:
        """Hot-plug told us the receiver is back (perhaps under a new node name)."""
        self._reader.reopen(node)

    def _state(self, connected: bool, detail: str) -> None:
        with self._lock:
            self._connected, self._detail = connected, detail
            if not connected:
                self._receiver_has_fix = False
        log.info("gps: %s", detail)

    def _overlong(self, size: int) -> None:
        self._reject(f"line of more than {size} bytes without an end")

    @property
    def rejected(self) -> int:
        return self.refusals.count

    @property
    def last_rejection(self) -> str:
        return self.refusals.last

    def _reject(self, reason: str) -> None:
        self.refusals.add(reason)
        log.info("gps: refused sentence: %s", reason)

    def _line(self, line: bytes) -> None:
        try:
            position = decode(line)
        except NmeaError as exc:
            self._reject(str(exc))
            return
        except Exception as exc:  # the parser's own bug on an odd sentence: one line lost, never the reader
            log.exception("gps: parser failed on a sentence")
            self._reject(f"parser failed: {type(exc).__name__}: {exc}")
            return
        if position is not None:
            self._position(position)

    def _position(self, position: Position) -> None:
        with self._lock:
            self._receiver_has_fix = position.valid
            if not position.valid or position.latitude is None or position.longitude is None:
                return
            previous = self._fix
            accuracy = position.accuracy_m
            satellites = position.satellites
            if position.kind == "RMC" and previous is not None:
                accuracy, satellites = previous.accuracy_m, previous.satellites  # RMC carries no HDOP
            self._fix = Fix(position.latitude, position.longitude, accuracy, "gps", self.clock.now(), satellites)

    def last_fix(self) -> Fix | None:
        with self._lock:
            return self._fix

    def status(self) -> LocatorStatus:
        if self._reader.fault is not None:
            return LocatorStatus.FAULT
        with self._lock:
            if not self._connected:
                return LocatorStatus.DISCONNECTED
            return LocatorStatus.FIX if self._receiver_has_fix else LocatorStatus.NO_FIX

    def health(self) -> DeviceHealth:
        status = self.status()
        fix = self.last_fix()
        detail = self._reader.fault or self._detail
        if fix is not None:
            detail += f"; last fix {fix.latitude:.5f},{fix.longitude:.5f} at {fix.at.isoformat()}"
        if refused := self.refusals.summary("sentences"):
            detail += f"; {refused}"
        return DeviceHealth("gps", status.value, status is LocatorStatus.FIX, detail)


def build(params: Mapping[str, Any], clock: Clock) -> NmeaLocator:
    """Entry point `gps.nmea`: params port (device path or pyserial URL), baudrate."""
    port = params.get("port")
    if not isinstance(port, str) or not port:
        raise ValueError("[devices.gps].port: expected the receiver's device path, e.g. /dev/serial/by-id/usb-u-blox…")
    return NmeaLocator(port, clock, baudrate=int(params.get("baudrate", 9600))).start()
