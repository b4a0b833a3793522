"""The serial QR/barcode scanner driver: reads lines on its own thread, checks each, and tells the listener."""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from typing import Any

from drivers.devicethread import Refusals
from drivers.scanner.qr.codec import MAX_CODE_BYTES, CodeError, check_code
from drivers.serialline import LineReader
from kiosk.clock import Clock
from kiosk.devices.common import DeviceHealth
from kiosk.devices.scanner import CodeRejected, CodeScanned, QrListener, QrStatus

log = logging.getLogger(__name__)


class SerialQrScanner:
    """Implements kiosk.devices.scanner.QrScanner for scanners in CDC-ACM mode (the mode kiosks should use).

    Refused codes are counted and reading goes on; anything else that ends the reader thread (a listener that raises,
    an unexpected error) turns the status to FAULT with the reason in the health detail.
    """

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
        self.refusals = Refusals()

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

    def _refuse(self, reason: str) -> None:
        log.info("qr: refused a code: %s", reason)  # the reason only: the content itself is not logged
        self.refusals.add(reason)
        self._emit(CodeRejected(reason))

    def _overlong(self, size: int) -> None:
        self._refuse(f"code longer than {MAX_CODE_BYTES} bytes")

    def _line(self, line: bytes) -> None:
        try:
            text = check_code(line)
        except CodeError as exc:
            self._refuse(str(exc))
            return
        except Exception as exc:  # the checker's own bug on an odd code: one scan lost, never the reader
            log.exception("qr: code check failed")
            self._refuse(f"code check failed: {type(exc).__name__}")
            return
        self._emit(CodeScanned(text))

    def _fault(self) -> str | None:
        return self._reader.fault if self._reader is not None else None

    def status(self) -> QrStatus:
        if self._fault() is not None:
            return QrStatus.FAULT
        with self._lock:
            return QrStatus.READY if self._connected else QrStatus.DISCONNECTED

    def health(self) -> DeviceHealth:
        status = self.status()
        detail = self._fault() or self._detail
        if refused := self.refusals.summary("codes"):
            detail += f"; {refused}"
        return DeviceHealth("qr", status.value, status is QrStatus.READY, detail)


def build(params: Mapping[str, Any], clock: Clock) -> SerialQrScanner:
    """Entry point `qr.serial`: params port (device path or pyserial URL), baudrate."""
    port = params.get("port")
    if not isinstance(port, str) or not port:
        raise ValueError("[devices.qr].port: expected the scanner's device path, e.g. /dev/serial/by-id/usb-…")
    return SerialQrScanner(port, clock, baudrate=int(params.get("baudrate", 9600)))
