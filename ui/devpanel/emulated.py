"""The demo's devices that speak their real wire protocols: the SSP note acceptor and the ESC/POS printer, each
an emulator on a pty, and the fingerprint reader's RD service on loopback HTTP, each with our real driver on the
other end."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from drivers.biometric.rdservice.driver import RdServiceReader
from drivers.biometric.rdservice.emulator import EmulatedState, RdServiceEmulator
from drivers.cash.ssp.driver import SspAcceptor
from drivers.cash.ssp.emulator import SspEmulator
from drivers.printer.driver import EscposPrinter
from drivers.printer.driver import create as create_printer
from drivers.printer.emulator import Paper, PrinterEmulator
from kiosk.clock import Clock
from kiosk.devices.cash import AcceptorStatus


@dataclass
class EmulatedBench:
    """What the device panel and the tour push: notes into the acceptor, paper into the printer."""

    acceptor_device: SspEmulator
    printer_device: PrinterEmulator
    acceptor: SspAcceptor
    printer_port: str
    finger_device: RdServiceEmulator
    finger_reader: RdServiceReader

    def insert(self, rupees: int, *, timeout_s: float = 10.0) -> bool:
        """A villager inserts a note; waits (running Qt's events) until the device is done with it."""
        stacked_before = len(self.acceptor_device.stacked)
        self._wait_enabled(rupees, min(timeout_s, 2.0))  # the screen shows the notes as the driver enables them
        if not self.acceptor_device.insert_note(rupees):
            self._settle(timeout_s)
            return False
        self._settle(timeout_s)
        return len(self.acceptor_device.stacked) > stacked_before

    def _wait_enabled(self, rupees: int, timeout_s: float) -> None:
        state = self.acceptor_device.state
        if rupees not in state.channels:
            return  # a note this unit does not know: it will simply be refused
        channel = state.channels.index(rupees) + 1
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline and not (state.enabled and state.inhibit_mask & (1 << (channel - 1))):
            QCoreApplication.processEvents()
            time.sleep(0.01)

    def _settle(self, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline and (self.acceptor_device.state.note is not None or self._busy()):
            QCoreApplication.processEvents()
            time.sleep(0.01)
        # The credit is committed on the driver's thread; let its update reach the screen.
        for _ in range(20):
            QCoreApplication.processEvents()
            time.sleep(0.01)

    def _busy(self) -> bool:
        return bool(self.acceptor_device.state.queue)

    # -- what the device panel's buttons do (the hands at the machine, and its faults) ---------------
    def fake_note(self) -> None:
        self.acceptor_device.insert_fake_note()
        self._settle(5.0)

    def toggle_jam(self) -> None:
        jammed = self.acceptor.status is AcceptorStatus.JAMMED
        self.acceptor_device.clear_jam() if jammed else self.acceptor_device.jam(safe=True)

    def toggle_paper(self) -> None:
        if self.printer_device.paper is Paper.OUT:
            self.printer_device.refill()
        else:
            self.printer_device.paper = Paper.OUT

    def toggle_finger(self) -> None:
        """Finger on the reader, or nobody puts one there (the RD service times out)."""
        ready = self.finger_device.state is EmulatedState.READY
        self.finger_device.state = EmulatedState.TIMEOUT if ready else EmulatedState.READY

    def status(self) -> str:
        finger = "on" if self.finger_device.state is EmulatedState.READY else "off"
        return f"cash: {self.acceptor.status.value} · printer: {self.printer_device.paper.value} · finger: {finger}"

    def close(self) -> None:
        self.acceptor_device.close()
        self.printer_device.stop()
        self.finger_device.stop()


def emulated_devices(workdir: Path, receipts: Path, clock: Clock) -> EmulatedBench:
    acceptor_device = SspEmulator()
    port = acceptor_device.serve_pty(workdir / "ttyCASH")
    acceptor = SspAcceptor(port, clock, poll_interval_s=0.05, reply_timeout_s=0.3, reconnect_interval_s=0.2)
    receipts.mkdir(parents=True, exist_ok=True)
    printer_device = PrinterEmulator(receipts)
    finger_device = RdServiceEmulator(clock).start()
    finger_reader = RdServiceReader(clock, ports=(finger_device.port,), try_https=False, capture_grace_s=2.0)
    return EmulatedBench(
        acceptor_device, printer_device, acceptor, printer_device.serve_pty(), finger_device, finger_reader
    )


def wait_connected(bench: EmulatedBench, timeout_s: float = 10.0) -> None:
    deadline = time.monotonic() + timeout_s
    while bench.acceptor.status is AcceptorStatus.DISCONNECTED and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.02)


def printer_for(bench: EmulatedBench, clock: Clock) -> EscposPrinter:
    return create_printer({"transport": "serial", "port": bench.printer_port, "baudrate": 115200}, clock)
