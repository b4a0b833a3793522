"""What every acceptor driver shares about a kiosk that cannot record a note: the fault latches and no note is taken."""

from __future__ import annotations

import logging
import threading

from kiosk.devices.cash import AcceptorStatus, CashEvent, CashListener
from kiosk.money import Money

log = logging.getLogger(__name__)


class RecordLatch:
    """Mixed into a driver that keeps these fields under `_lock`. A listener that raises (its database refused the
    write) latches FAULT until the kiosk restarts and empties the notes wanted; the poll loop goes on (it still
    protects the money in the device), and the driver returns a note it was about to stack."""

    _lock: threading.Lock
    _wanted: frozenset[Money]
    _status: AcceptorStatus
    _detail: str
    _fault: str
    _listener: CashListener | None

    def _set_status(self, status: AcceptorStatus, detail: str) -> None:
        with self._lock:
            if self._fault and status is not AcceptorStatus.DISCONNECTED:
                status, detail = AcceptorStatus.FAULT, self._fault  # latched until the kiosk restarts
            self._status, self._detail = status, detail

    def _emit(self, event: CashEvent) -> bool:
        """Tell the kiosk; False when it could not take the event (e.g. its database refused the write)."""
        if self._listener is None:
            return True
        try:
            self._listener(event)
        except Exception as exc:  # the poll loop that protects the money goes on, but takes no more notes
            log.exception("cash listener failed on %s", event)
            with self._lock:
                self._fault = f"the kiosk could not record a note event ({type(exc).__name__}: {exc})"
                self._wanted = frozenset()
            self._set_status(AcceptorStatus.FAULT, "")
            return False
        return True
