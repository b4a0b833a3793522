"""The one place that wires the app: `compose` takes a config, a store and the built devices and online ports, and
returns what the screens need. `kiosk --config` (ui/realmode.py) and `kiosk --demo` (ui/demo.py, through realmode)
reach it from a config file; UI tests hand it memory devices."""

from __future__ import annotations

import logging
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

from kiosk.availability import Availability, ServiceSwitch, assess
from kiosk.capture.port import Camera, DocumentVault, PageCapture
from kiosk.cash_payment import CashDesk
from kiosk.cash_recovery import print_pending_receipts, print_voucher_slips
from kiosk.catalogue import Catalogue, CatalogueHolder
from kiosk.clock import Clock, SystemClock
from kiosk.config import KioskConfig
from kiosk.delivery import PhoneDelivery
from kiosk.devices.biometric import BiometricReader
from kiosk.devices.cash import AcceptorStatus, CashAcceptor
from kiosk.devices.document_printer import DocumentPrinter
from kiosk.devices.locator import Locator
from kiosk.devices.printer import ReceiptPrinter
from kiosk.documents import CertificateSource
from kiosk.flows.base import Devices
from kiosk.flows.bbps_steps import Bbpou
from kiosk.grievance import GrievanceDesk
from kiosk.ledger import Ledger
from kiosk.locker import LockerPort
from kiosk.online import AadhaarPayments, ApplicationLookup, BillLookup
from kiosk.payments.port import PaymentMethod
from kiosk.printing import QrText
from kiosk.receipt import Identity
from kiosk.search import Hit, SearchIndex
from kiosk.store import Store
from kiosk.zreport_print import ZReportQr
from sync.client import Client
from sync.identity import IdentityError, SyncState, load_enrolment, load_or_create_key
from sync.settings import AgentSettings
from ui.certificates import DownloadAndPrint

log = logging.getLogger("kiosk")


class OnlineCalls(BillLookup, ApplicationLookup, AadhaarPayments, CertificateSource, Protocol):
    """Everything the kiosk asks its central server while a villager waits (sync.online_client.HttpOnline)."""


class CatalogueSearch:
    """Search over whichever catalogue is current: the index is rebuilt when the agent brings a new catalogue."""

    def __init__(self, catalogue: CatalogueHolder) -> None:
        self._holder = catalogue
        self._indexed: Catalogue | None = None
        self._index: SearchIndex | None = None

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        current = self._holder.current
        if self._index is None or self._indexed is not current:
            self._indexed, self._index = current, SearchIndex(current)
        return self._index.search(query, limit=limit)


@dataclass(frozen=True)
class Services:
    """What the composition built, fixed for the life of the process; the screens take their parts from it."""

    config: KioskConfig
    clock: Clock
    store: Store
    ledger: Ledger
    catalogue: CatalogueHolder
    devices: Devices
    online: OnlineCalls
    receipt_qr: QrText
    zreport_qr: ZReportQr
    certificates: DownloadAndPrint
    phone: PhoneDelivery | None = None  # receipts to a phone (short link, SMS); None: the offline QR only
    sync_settings: AgentSettings | None = None  # how this kiosk reaches its server (enrolled)
    rails: tuple[PaymentMethod, ...] = ()  # payment rails besides cash, from the config's [payments] (ui/rails.py)
    bbps: Bbpou | None = None  # bills through Bharat BillPay ([bbps] in the config); None: the server's own lookup
    locator: Locator | None = None  # the GPS receiver ([devices.gps]): Aadhaar Pay requests carry its position
    pages: PageCapture | None = None  # the document scanner with the page checks ([devices.scanner]); None: no scans
    camera: Camera | None = None  # the applicant's photo ([devices.camera]); None: no service that needs a photo
    vault: DocumentVault | None = None  # captured files, encrypted until the server has them
    locker: LockerPort | None = None  # the villager's document locker (linked by mobile + OTP); None: not offered
    grievances: GrievanceDesk | None = None  # Sampark-style grievances at the server; None: the service is not offered
    search: CatalogueSearch = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "search", CatalogueSearch(self.catalogue))

    @property
    def bills(self) -> BillLookup:
        return self.online

    @property
    def applications(self) -> ApplicationLookup:
        return self.online

    @property
    def aadhaar(self) -> AadhaarPayments:
        return self.online

    def availability(self) -> Availability:
        """Everything Invariant 5 asks before money is taken: devices, disk, database, operator and server switches."""
        try:
            acceptor: AcceptorStatus | None = AcceptorStatus(self.devices.cash.health().status)
        except ValueError:
            acceptor = None
        folder = self.store.path.parent
        manual = ServiceSwitch(self.store).reason() or SyncState(self.store).get("server_out_of_service") or None
        return assess(
            manual_reason=manual,
            disk_free_bytes=shutil.disk_usage(folder).free,
            database_writable=os.access(self.store.path, os.W_OK) and os.access(folder, os.W_OK),
            printer=self.devices.printer.status(),
            acceptor=acceptor,
            stop_cash_without_printer=self.config.rules.stop_cash_when_printer_unavailable,
        )

    def reload_catalogue(self, path: Path) -> bool:
        """Take a new catalogue file; a bad one is refused (logged) and the current one (and its search) stay."""
        return self.catalogue.update_from(path)

    def close(self) -> None:
        self.devices.cash.close()
        self.devices.printer.close()
        if self.certificates.printer is not None:
            self.certificates.printer.close()
        # Threads and sessions: the card rail's and the GPS's readers, the camera's session, the locker-offer watch.
        for part in (*self.rails, self.locator, self.camera, self.locker):
            close = getattr(part, "close", None)
            if callable(close):
                close()
        self.store.close()


@dataclass(frozen=True)
class Built:
    """The parts that differ between a kiosk and a test: devices from the registry or memory, the online side."""

    cash: CashAcceptor
    printer: ReceiptPrinter
    finger: BiometricReader
    document_printer: DocumentPrinter | None
    online: OnlineCalls
    receipt_qr: QrText
    zreport_qr: ZReportQr
    phone: PhoneDelivery | None = None
    sync_settings: AgentSettings | None = None
    rails: tuple[PaymentMethod, ...] = ()
    bbps: Bbpou | None = None
    locator: Locator | None = None
    vault: DocumentVault | None = None
    locker: LockerPort | None = None
    pages: PageCapture | None = None
    camera: Camera | None = None
    grievances: GrievanceDesk | None = None


def compose(config: KioskConfig, store: Store, clock: Clock, catalogue: CatalogueHolder, built: Built) -> Services:
    """Wire the ledger, the cash desk and the screens' services, then settle what a killed process left open."""
    ledger = Ledger(store)
    desk = CashDesk(ledger, built.cash, tolerance=config.rules.overpay_tolerance)
    services = Services(
        config=config, clock=clock, store=store, ledger=ledger, catalogue=catalogue,
        devices=Devices(built.cash, built.printer, built.finger, desk), online=built.online,
        receipt_qr=built.receipt_qr, zreport_qr=built.zreport_qr,
        certificates=DownloadAndPrint(built.online, built.document_printer, config.database.parent / "spool"),
        phone=built.phone, sync_settings=built.sync_settings, rails=built.rails, bbps=built.bbps, locator=built.locator,
        pages=built.pages, camera=built.camera, vault=built.vault, locker=built.locker, grievances=built.grievances,
    )  # fmt: skip
    start_cash(services)
    return services


def start_cash(services: Services) -> None:
    """Before any villager can pay, the start settles what a killed process left open (`CashDesk.attach`), then prints
    the receipts left pending and a slip for each change-due voucher it issued."""
    desk = services.devices.desk
    desk.attach()
    identity = Identity(services.config.identity.kiosk_code, services.config.identity.centre_name_hi)
    settled = desk.settle_interrupted()
    printed = print_pending_receipts(
        services.ledger, services.devices.printer, settled.receipts_pending,
        identity=identity, clock=services.clock, qr=services.receipt_qr,
    )  # fmt: skip
    if printed:
        log.info("printed %d receipt(s) a restart had left pending", len(printed))
    slips = print_voucher_slips(
        services.ledger, services.devices.printer, settled.vouchers, identity=identity, clock=services.clock
    )
    if slips:
        log.info("printed change-due voucher slip(s) %s for payments a restart ended", slips)


def kiosk_client(settings: AgentSettings, store: Store) -> Client:
    """The app's own signed client for online calls (the agent has its own), with the kiosk's enrolled key;
    requests are stamped with the real time whatever clock the screens use."""
    enrolment = load_enrolment(SyncState(store))
    if enrolment is None:
        raise IdentityError("this kiosk is not enrolled with its server: run `kioskctl provision` (enrol step)")
    key = load_or_create_key(settings.key_file)
    return Client(settings.server_url, key, enrolment.kiosk_id, SystemClock(), timeout_s=settings.timeout_s)


def biller_of(catalogue: CatalogueHolder) -> Callable[[str], str]:
    """A bill service's biller code at the central server, from the catalogue in use now."""
    return lambda service_id: catalogue.current.get(service_id).biller


# Monday 23 Nov 2026, 11:00 IST: a working morning, so the demo opens on an open centre.
DEMO_START = datetime(2026, 11, 23, 5, 30, tzinfo=UTC)


class DemoClock:
    """Real seconds passing from a fixed working-day morning: the interactive demo's idle timeout works, and the
    centre is open whatever the time of day the demo is run."""

    def __init__(self, start: datetime = DEMO_START) -> None:
        self.start = start
        self.origin = time.monotonic()

    def now(self) -> datetime:
        return self.start + timedelta(seconds=time.monotonic() - self.origin)

    def monotonic(self) -> float:
        return time.monotonic()
