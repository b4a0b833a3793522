"""The one place that wires the app: catalogue, store, ledger, devices and online ports. Swap fakes for real here."""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.availability import Availability, ServiceSwitch, assess
from kiosk.cash_payment import CashDesk
from kiosk.catalogue import DEFAULT_CATALOGUE, CatalogueHolder, load_catalogue
from kiosk.clock import Clock, FakeClock
from kiosk.config import KioskConfig, parse_config
from kiosk.delivery import PhoneDelivery
from kiosk.devices.cash import AcceptorStatus, CashAcceptor
from kiosk.devices.printer import ReceiptPrinter
from kiosk.flows.base import Devices
from kiosk.ledger import Ledger
from kiosk.online import AadhaarPayments, ApplicationLookup, BillLookup
from kiosk.printing import QrText
from kiosk.search import SearchIndex
from kiosk.store import Store
from kiosk.transactions import Txn
from sync.identity import SyncState
from sync.protocol.receipts import ReceiptClaim, make_token
from sync.protocol.receipts import qr_text as receipt_qr_text
from ui.devpanel.emulated import EmulatedBench, emulated_devices, printer_for
from ui.devpanel.fakes import MemoryCashAcceptor, MemoryFingerReader, MemoryPrinter, sample_online
from ui.devpanel.phone import MemoryPhoneDelivery


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


def demo_services(workdir: Path, clock: Clock | None = None, *, receipts: Path | None = None) -> Services:
    """A memory server over a real SQLite ledger in `workdir`. Devices: in memory (UI tests), or with `receipts`
    the SSP acceptor and ESC/POS printer emulators on ptys driven by the real drivers (the demo)."""
    config = parse_config(demo_config_document(workdir), source="demo config")
    clock = clock or FakeClock(DEMO_START)
    store = Store.open(config.database, clock)
    catalogue = CatalogueHolder(load_catalogue(DEFAULT_CATALOGUE))
    online = sample_online()
    ledger = Ledger(store)
    bench = emulated_devices(workdir, receipts, clock) if receipts is not None else None
    cash: CashAcceptor = bench.acceptor if bench is not None else MemoryCashAcceptor()
    printer: ReceiptPrinter = printer_for(bench, clock) if bench is not None else MemoryPrinter()
    desk = CashDesk(ledger, cash, tolerance=config.rules.overpay_tolerance)
    devices = Devices(cash, printer, MemoryFingerReader(), desk)
    return Services(
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
        receipt_qr=signed_receipt_qr(config.identity.kiosk_code, DEMO_SERVER, Ed25519PrivateKey.generate()),
        bench=bench,
        phone=MemoryPhoneDelivery(DEMO_SERVER),
    )


DEMO_SERVER = "http://127.0.0.1:8080"


def signed_receipt_qr(kiosk_code: str, server_url: str, key: Ed25519PrivateKey) -> QrText:
    """The receipt's QR: `<server>/r/<token>`, a claim signed by the kiosk's key that the server can verify."""

    def qr(txn: Txn) -> str:
        claim = ReceiptClaim(kiosk_code, txn.receipt_no or 0, txn.id, txn.amount_paid.paise, txn.updated_at)
        return receipt_qr_text(server_url, make_token(claim, key))

    return qr
