"""The serial QR/barcode scanner driver: reads lines on its own thread, checks each, and tells the listener."""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from typing import Any

from drivers.scanner.qr.codec import MAX_CODE_BYTES, CodeError, check_code
from drivers.serialline import LineReader
from kiosk.clock import Clock
from kiosk.devices.common import DeviceHealth
from kiosk.devices.scanner import CodeRejected, CodeScanned, QrListener, QrStatus

log = logging.getLogger(__name__)


class SerialQrScanner:
    """Implements kiosk.devices.scanner.QrScanner for scanners in CDC-ACM mode (the mode kiosks should use)."""

    def __init__(self, path: str, clock: Clock, *, baudrate: int = 9600, reconnect_s: float = 0.5) -> None:
        self.clock = clock
        self.path = path
        self.baudrate = baudrate
        self.reconnect_s = reconnect_s
        self._listener: QrListener | None = None
        self._reader: LineReader | None = None
        self._lock = threading.Lock()
        self._connected = False
        self._detail = "not started"

    def start(self, listener: QrListener) -> None:
        self._listener = listener
        self._reader = LineReader(
            self.path,
            on_line=self._line,
            on_overlong=self._overlong,
            on_state=self._state,
            baudrate=self.baudrate,
            max_line=MAX_CODE_BYTES,
            reconnect_s=self.reconnect_s,
            name="qr-serial",
        )
        self._reader.start()

    def stop(self) -> None:
        if self._reader is not None:
            self._reader.stop()
            self._reader = None

    def device_replugged(self, node: str | None) -> None:
        if self._reader is not None:
            self._reader.reopen(node)

    def _state(self, connected: bool, detail: str) -> None:
        with self._lock:
            self._connected, self._detail = connected, detail

    def _emit(self, event: CodeScanned | CodeRejected) -> None:
        if self._listener is not None:
            self._listener(event)

    def _overlong(self, size: int) -> None:
        log.info("qr: refused a code of more than %d bytes", size)
        self._emit(CodeRejected(f"code longer than {MAX_CODE_BYTES} bytes"))

    def _line(self, line: bytes) -> None:
        try:
            text = check_code(line)
        except CodeError as exc:
            log.info("qr: refused a code: %s", exc)  # the reason only: the content itself is not logged
            self._emit(CodeRejected(str(exc)))
            return
        self._emit(CodeScanned(text))

    def status(self) -> QrStatus:
        with self._lock:
            return QrStatus.READY if self._connected else QrStatus.DISCONNECTED

    def health(self) -> DeviceHealth:
        status = self.status()
        return DeviceHealth("qr", status.value, status is QrStatus.READY, self._detail)


def build(params: Mapping[str, Any], clock: Clock) -> SerialQrScanner:
    """Entry point `qr.serial`: params port (device path or pyserial URL), baudrate."""
    port = params.get("port")
    if not isinstance(port, str) or not port:
        raise ValueError("[devices.qr].port: expected the scanner's device path, e.g. /dev/serial/by-id/usb-…")
    return SerialQrScanner(port, clock, baudrate=int(params.get("baudrate", 9600)))
