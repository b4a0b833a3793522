"""A kiosk composed through `ui.composition.compose` on memory devices and a memory server, and the dev panel's
hands on those devices: the screens' tests run on it in milliseconds."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.capture.port import Camera, PageCapture
from kiosk.catalogue import DEFAULT_CATALOGUE, CatalogueHolder, load_catalogue
from kiosk.clock import Clock, FakeClock
from kiosk.config import parse_config
from kiosk.devices.biometric import BiometricReader
from kiosk.devices.locator import Locator
from kiosk.devices.printer import PrinterStatus
from kiosk.flows.bbps_steps import Bbpou
from kiosk.grievance import GrievanceDesk
from kiosk.payments.port import PaymentMethod
from kiosk.store import Store
from sync.signers import signed_receipt_qr, signed_zreport_qr
from tests.fakes.devices import (
    MemoryCashAcceptor,
    MemoryDocumentPrinter,
    MemoryFingerReader,
    MemoryOnline,
    MemoryPrinter,
    sample_online,
)
from tests.fakes.phone import MemoryPhoneDelivery
from ui.composition import DEMO_START, Built, Services, compose
from ui.demo_config import demo_config_document

MEMORY_SERVER = "http://127.0.0.1:8080"


def memory_services(
    workdir: Path, clock: Clock | None = None, *, online: MemoryOnline | None = None,
    rails: tuple[PaymentMethod, ...] = (), bbps: Bbpou | None = None, finger: BiometricReader | None = None,
    locator: Locator | None = None, pages: PageCapture | None = None, camera: Camera | None = None,
    grievances: GrievanceDesk | None = None,
) -> Services:  # fmt: skip
    """The demo centre's config (no server, no devices sections) with memory devices and the sample server data."""
    config = parse_config(demo_config_document(workdir), source="memory kiosk")
    clock = clock or FakeClock(DEMO_START)
    key = Ed25519PrivateKey.generate()
    built = Built(
        cash=MemoryCashAcceptor(), printer=MemoryPrinter(), finger=finger or MemoryFingerReader(),
        document_printer=MemoryDocumentPrinter(), online=online or sample_online(),
        receipt_qr=signed_receipt_qr(config.identity.kiosk_code, MEMORY_SERVER, key),
        zreport_qr=signed_zreport_qr(MEMORY_SERVER, key, clock), phone=MemoryPhoneDelivery(MEMORY_SERVER),
        rails=rails, bbps=bbps, locator=locator, pages=pages, camera=camera,
        grievances=grievances,
    )  # fmt: skip
    store = Store.open(config.database, clock)
    return compose(config, store, clock, CatalogueHolder(load_catalogue(DEFAULT_CATALOGUE)), built)


class MemoryHands:
    """What the dev panel's buttons do, on the memory devices."""

    def __init__(self, services: Services) -> None:
        devices = services.devices
        assert isinstance(devices.cash, MemoryCashAcceptor)
        assert isinstance(devices.printer, MemoryPrinter)
        assert isinstance(devices.biometric, MemoryFingerReader)
        self.cash, self.printer, self.finger = devices.cash, devices.printer, devices.biometric

    def insert(self, rupees: int) -> object:
        return self.cash.insert(rupees)

    def fake_note(self) -> None:
        self.cash.insert(100, genuine=False)

    def toggle_jam(self) -> None:
        self.cash.clear() if self.cash.health().status == "jammed" else self.cash.jam()

    def toggle_paper(self) -> None:
        ready = self.printer.state is PrinterStatus.READY
        self.printer.state = PrinterStatus.PAPER_OUT if ready else PrinterStatus.READY

    def toggle_finger(self) -> None:
        self.finger.finger_placed = not self.finger.finger_placed

    def status(self) -> str:
        finger = "on" if self.finger.finger_placed else "off"
        return f"cash: {self.cash.health().status} · printer: {self.printer.state.value} · finger: {finger}"
