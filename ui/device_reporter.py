"""Every minute, off the Qt thread (finding the RD service may take seconds), the devices' statuses and the RD
service's version go into the database for the agent's heartbeat (kiosk/device_report.py)."""

from __future__ import annotations

import logging
import threading

from kiosk.device_report import publish
from kiosk.flows.base import Devices
from kiosk.store import Store

log = logging.getLogger("kiosk")


class DeviceReporter:
    def __init__(self, store: Store, devices: Devices, every_s: float = 60.0) -> None:
        self.store, self.devices, self.every_s = store, devices, every_s
        self.reports = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="device-report", daemon=True)

    def start(self) -> DeviceReporter:
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                publish(self.store, self.devices)
                self.reports += 1
            except Exception:
                log.exception("device report failed; tried again in %.0f s", self.every_s)
            self._stop.wait(self.every_s)

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)
