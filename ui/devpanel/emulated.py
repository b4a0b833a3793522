"""The demo's devices as emulators speaking their real wire protocols — the SSP note acceptor and the ESC/POS printer
on ptys, the RD service and the card terminal (EDC) on loopback HTTP, the A4 printer's hot folder — and the config
sections that point the field's drivers at them (the drivers themselves are built from the config, as in the field)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from drivers.biometric.rdservice.emulator import EmulatedState, RdServiceEmulator
from drivers.cash.ssp.emulator import SspEmulator
from drivers.payment_terminal.emulator import TerminalEmulator
from drivers.printer.emulator import Paper, PrinterEmulator
from drivers.scanner.sane.emulator import SaneTestBackend
from kiosk.clock import Clock
from kiosk.devices.cash import AcceptorStatus, CashAcceptor

CARD_PAID_AFTER_S = 4.0  # the demo's card holder inserts the card and types the PIN this long after the sale starts


@dataclass
class EmulatedBench:
    """What the device panel and the tour push: notes into the acceptor, paper into the printer, a finger."""

    acceptor_device: SspEmulator
    printer_device: PrinterEmulator
    finger_device: RdServiceEmulator
    acceptor_port: str
    printer_port: str
    documents: Path  # the A4 printer's hot folder
    terminal_device: TerminalEmulator | None = None  # the card terminal (EDC), paying each sale by itself
    sane_backend: SaneTestBackend | None = None  # the document scanner: SANE's own test backend

    def device_sections(self) -> dict[str, dict[str, Any]]:
        """`[devices.<kind>]` for the demo config: the field's drivers, pointed at these emulators."""
        finger = self.finger_device.port
        terminal = self.terminal_device
        card = {"payment_terminal": {"driver": "ecr_json", "port": terminal.address}} if terminal is not None else {}
        return (
            card
            | self.scanner_section()
            | {
                # Short poll and reply times: the tour inserts notes back to back and must not wait on the defaults.
                "cash": {"driver": "ssp", "port": self.acceptor_port, "poll_interval_ms": 50},
                "printer": {"driver": "escpos", "transport": "serial", "port": self.printer_port, "baudrate": 115200},
                "biometric": {"driver": "rdservice", "first_port": finger, "last_port": finger, "try_https": False},
                "document_printer": {"driver": "hotfolder", "folder": str(self.documents)},
                "camera": {"driver": "qt", "device": "test:face"},  # Qt Multimedia's frame input playing a test face
            }
        )

    def scanner_section(self) -> dict[str, dict[str, Any]]:
        """SANE's own test backend (its largest area, 200 × 200 mm), enabled in the demo's private folder."""
        sane = self.sane_backend
        if sane is None:
            return {}
        options = list(sane.options())
        return {
            "scanner": {
                "driver": "sane", "device": sane.device, "sane_config_dir": str(sane.config_dir),
                "device_options": options, "width_mm": 200, "height_mm": 200,
            }
        }  # fmt: skip

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

    def stacked(self) -> list[int]:
        """Rupees of each note the acceptor put into its cash box (what the operator will count)."""
        return list(self.acceptor_device.stacked)

    # -- what the device panel's buttons do (the hands at the machine, and its faults) ---------------
    def fake_note(self) -> None:
        self.acceptor_device.insert_fake_note()
        self._settle(5.0)

    def toggle_jam(self) -> None:
        jammed = self.acceptor_device.state.jam is not None
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
        cash = "jammed" if self.acceptor_device.state.jam is not None else "ok"
        return f"cash: {cash} · printer: {self.printer_device.paper.value} · finger: {finger}"

    def close(self) -> None:
        self.acceptor_device.close()
        self.printer_device.stop()
        self.finger_device.stop()
        if self.terminal_device is not None:
            self.terminal_device.stop()


def start_bench(workdir: Path, receipts: Path, clock: Clock) -> EmulatedBench:
    """Start every emulator; the SSP acceptor's pty gets a stable name in `workdir` (like a udev symlink)."""
    acceptor_device = SspEmulator()
    acceptor_port = acceptor_device.serve_pty(workdir / "ttyCASH")
    receipts.mkdir(parents=True, exist_ok=True)
    printer_device = PrinterEmulator(receipts)
    finger_device = RdServiceEmulator(clock).start()
    documents = receipts.parent / "documents"
    documents.mkdir(parents=True, exist_ok=True)
    terminal = TerminalEmulator(auto_pay_after_s=CARD_PAID_AFTER_S).start()
    return EmulatedBench(
        acceptor_device, printer_device, finger_device, acceptor_port, printer_device.serve_pty(), documents, terminal,
        SaneTestBackend(workdir / "sane.d"),
    )  # fmt: skip


def wait_connected(cash: CashAcceptor, timeout_s: float = 10.0) -> None:
    """Until the acceptor's driver has found its device (the SSP driver connects on its own thread)."""
    deadline = time.monotonic() + timeout_s
    while cash.health().status == AcceptorStatus.DISCONNECTED.value and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.02)
