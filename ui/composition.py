"""The one place that wires the app: catalogue, store, ledger, devices and online ports. Swap fakes for real here."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.availability import Availability, ServiceSwitch, assess
from kiosk.cash_payment import CashDesk
from kiosk.catalogue import DEFAULT_CATALOGUE, CatalogueHolder, load_catalogue
from kiosk.clock import Clock, FakeClock, SystemClock
from kiosk.config import KioskConfig, parse_config
from kiosk.delivery import PhoneDelivery
from kiosk.devices.biometric import BiometricReader
from kiosk.devices.cash import AcceptorStatus, CashAcceptor
from kiosk.devices.printer import ReceiptPrinter
from kiosk.flows.base import Devices
from kiosk.flows.bbps_steps import Bbpou
from kiosk.ledger import Ledger
from kiosk.online import AadhaarPayments, ApplicationLookup, BillLookup
from kiosk.printing import QrText
from kiosk.search import SearchIndex
from kiosk.store import Store
from kiosk.transactions import Txn
from kiosk.zreport_print import ZReportQr
from sync.agent import enrol
from sync.client import Client
from sync.delivery_client import HttpPhoneDelivery
from sync.identity import IdentityError, SyncState, load_enrolment, load_or_create_key
from sync.online_client import HttpOnline
from sync.protocol.receipts import ReceiptClaim, make_token
from sync.protocol.receipts import qr_text as receipt_qr_text
from sync.settings import AgentSettings
from ui.bbps import bbpou_for
from ui.certificates import DownloadAndPrint
from ui.devpanel.emulated import EmulatedBench, emulated_devices, printer_for
from ui.devpanel.fakes import (
    MemoryCashAcceptor,
    MemoryDocumentPrinter,
    MemoryFingerReader,
    MemoryPrinter,
    sample_online,
)
from ui.devpanel.phone import MemoryPhoneDelivery
from ui.embedded_server import EmbeddedServer
from ui.zreport_qr import signed_zreport_qr


@dataclass
class Services:
    config: KioskConfig
    clock: Clock
    store: Store
    ledger: Ledger
    catalogue: CatalogueHolder
    search: SearchIndex
    devices: Devices
    bills: BillLookup
    applications: ApplicationLookup
    aadhaar: AadhaarPayments
    receipt_qr: QrText
    bench: EmulatedBench | None = None  # the emulators behind the devices, in the demo
    phone: PhoneDelivery | None = None  # receipts to a phone (short link, SMS); None: the offline QR only
    out_of_service: bool = False
    server: EmbeddedServer | None = None  # the reference server process the demo talks to
    sync_settings: AgentSettings | None = None  # how this kiosk reaches its server (enrolled)
    zreport_qr: ZReportQr | None = None  # the Z-report's signed QR (operator mode)
    certificates: DownloadAndPrint | None = None  # certificate print: download from the server, print on A4
    bbps: Bbpou | None = None  # bills through Bharat BillPay ([bbps] in the config); None: the server's own lookup

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
        """Take a new catalogue file; a bad one is refused (logged) and the current one and its index stay."""
        if not self.catalogue.update_from(path):
            return False
        self.search = SearchIndex(self.catalogue.current)
        return True

    def close(self) -> None:
        self.devices.cash.close()
        self.devices.printer.close()
        if self.bench is not None:
            self.bench.close()
        if self.certificates is not None and self.certificates.printer is not None:
            self.certificates.printer.close()
        if self.server is not None:
            self.server.stop()
        self.store.close()


def demo_config_document(workdir: Path) -> dict[str, Any]:
    return {
        "kiosk": {
            "code": "RJ-JP-SAN-0001",
            "centre_name_hi": "ई-मित्र प्लस, ग्राम पंचायत सांगानेर",
            "centre_name_en": "e-Mitra Plus, Gram Panchayat Sanganer",
            "district": "Jaipur",
            "block": "Sanganer",
            "gram_panchayat": "Sanganer",
            "nodal_officer": "Smt. Kavita Sharma, 94140 12345",
            "helpline": "181",
            "database": str(workdir / "kiosk.db"),
        },
        "hours": {
            "mon": "09:00-18:00",
            "tue": "09:00-18:00",
            "wed": "09:00-18:00",
            "thu": "09:00-18:00",
            "fri": "09:00-18:00",
            "sat": "09:00-13:00",
            "sun": "closed",
        },
    }


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


def demo_services(
    workdir: Path, clock: Clock | None = None, *, receipts: Path | None = None, server: bool = False
) -> Services:
    """A real SQLite ledger in `workdir`. Devices: in memory (UI tests), or with `receipts` the SSP acceptor and
    ESC/POS printer emulators on ptys and the RD service emulator on loopback, driven by the real drivers.
    Online calls: a memory server, or with `server` the reference server started as a process beside the demo,
    seeded with sample accounts, this kiosk enrolled with it and every call signed (`make demo`)."""
    config = parse_config(demo_config_document(workdir), source="demo config")
    clock = clock or FakeClock(DEMO_START)
    store = Store.open(config.database, clock)
    catalogue = CatalogueHolder(load_catalogue(DEFAULT_CATALOGUE))
    ledger = Ledger(store)
    bench = emulated_devices(workdir, receipts, clock) if receipts is not None else None
    cash: CashAcceptor = bench.acceptor if bench is not None else MemoryCashAcceptor()
    printer: ReceiptPrinter = printer_for(bench, clock) if bench is not None else MemoryPrinter()
    finger: BiometricReader = bench.finger_reader if bench is not None else MemoryFingerReader()
    desk = CashDesk(ledger, cash, tolerance=config.rules.overpay_tolerance)
    devices = Devices(cash, printer, finger, desk)
    online = sample_online()
    key = Ed25519PrivateKey.generate()
    services = Services(
        config=config,
        clock=clock,
        store=store,
        ledger=ledger,
        catalogue=catalogue,
        search=SearchIndex(catalogue.current),
        devices=devices,
        bills=online,
        applications=online,
        aadhaar=online,
        receipt_qr=signed_receipt_qr(config.identity.kiosk_code, DEMO_SERVER, key),
        bench=bench,
        zreport_qr=signed_zreport_qr(DEMO_SERVER, key, clock),
        phone=MemoryPhoneDelivery(DEMO_SERVER),
    )
    documents = MemoryDocumentPrinter(keep=receipts.parent / "documents" if receipts is not None else None)
    services.certificates = DownloadAndPrint(online, documents, workdir / "spool")
    from ui.realmode import start_cash  # the field's own start (it imports this module, hence here)

    start_cash(services)  # settle what a killed process left open, print the receipts it left pending
    if server:
        try:
            connect_demo_server(services, workdir)
        except Exception:
            services.close()
            raise
    return services


def connect_demo_server(services: Services, workdir: Path) -> None:
    """Start the reference server, enrol this kiosk with a fresh single-use token, and send every online call there."""
    services.server = EmbeddedServer(workdir / "server").start()
    code = services.config.identity.kiosk_code
    settings = AgentSettings(
        server_url=services.server.url, timeout_s=5.0, database=services.store.path, kiosk_code=code,
        key_file=workdir / "kiosk-agent.key", catalogue_file=workdir / "catalogue.json",
        config_file=workdir / "fleet-config.json",
    )  # fmt: skip
    enrol(settings, services.store, services.server.issue_token(code))
    services.sync_settings = settings
    client = kiosk_client(settings, services.store)
    online = HttpOnline(client, biller_of(services.catalogue))
    services.bills = services.applications = services.aadhaar = online
    services.bbps = bbpou_for(services.config, client)
    services.phone = HttpPhoneDelivery(client)
    if services.certificates is not None:
        services.certificates.source = online
    key = load_or_create_key(settings.key_file)
    services.receipt_qr = signed_receipt_qr(code, settings.server_url, key)
    services.zreport_qr = signed_zreport_qr(settings.server_url, key, services.clock)


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


DEMO_SERVER = "http://127.0.0.1:8080"


def signed_receipt_qr(kiosk_code: str, server_url: str, key: Ed25519PrivateKey) -> QrText:
    """The receipt's QR: `<server>/r/<token>`, a claim signed by the kiosk's key that the server can verify."""

    def qr(txn: Txn) -> str:
        claim = ReceiptClaim(kiosk_code, txn.receipt_no or 0, txn.id, txn.amount_paid.paise, txn.updated_at)
        return receipt_qr_text(server_url, make_token(claim, key))

    return qr
