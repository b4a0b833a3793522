"""A printer driver fault reaches the statuses the app leaves for the heartbeat (kiosk/device_report.py)."""

from __future__ import annotations

import json
from pathlib import Path

from drivers.biometric.rdservice.driver import RdServiceReader
from drivers.printer.driver import EscposPrinter, link_from_config
from drivers.printer.emulator import PrinterEmulator
from drivers.printer.selftest import test_layout as selftest_layout
from kiosk.cash_payment import CashDesk
from kiosk.clock import FakeClock
from kiosk.device_report import publish
from kiosk.devices.common import DeviceHealth
from kiosk.flows.base import Devices
from kiosk.ledger import Ledger
from kiosk.store import Store
from tests.fakes.devices import MemoryCashAcceptor


class SpeechlessAcceptor(MemoryCashAcceptor):
    """An acceptor driver so broken it cannot even say how it is."""

    def health(self) -> DeviceHealth:
        raise RuntimeError("poll thread gone")


def statuses(store: Store) -> dict[str, str]:
    return dict(json.loads(store.get_meta("device_status") or "{}"))


def test_a_hung_printer_and_a_driver_that_cannot_answer_are_left_as_fault_for_the_heartbeat(
    tmp_path: Path, store: Store, clock: FakeClock
) -> None:
    emulator = PrinterEmulator(tmp_path, width=384)
    params = {"transport": "serial", "port": emulator.serve_pty(), "baudrate": 115200}
    printer = EscposPrinter(link_from_config(params), status_timeout=0.3, job_timeout=1.0)
    reader = RdServiceReader(clock, ports=(1,), try_https=False)  # nothing answers: the reader is simply absent
    cash = SpeechlessAcceptor()
    devices = Devices(cash, printer, reader, CashDesk(Ledger(store), cash))
    try:
        publish(store, devices)
        assert statuses(store)["printer"] == "ready"
        assert statuses(store)["cash"] == "fault"
        emulator.stalled = True
        assert not printer.print_job("job-1", selftest_layout("ready")).printed
        publish(store, devices)
        assert statuses(store)["printer"] == "fault"
    finally:
        emulator.stalled = False
        printer.close()
        emulator.stop()
