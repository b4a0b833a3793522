"""What each screen's view-model may use, as frozen dataclasses cut from the composition (`ui.composition.Services`):
a screen gets its own parts, not the whole bag, and nothing can be swapped under it after the start."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kiosk.availability import Availability
from kiosk.capture.port import Camera, DocumentVault, PageCapture
from kiosk.catalogue import CatalogueHolder, Service
from kiosk.clock import Clock
from kiosk.config import KioskConfig
from kiosk.delivery import PhoneDelivery
from kiosk.devices.locator import Locator
from kiosk.flows.application_steps import capture_problem
from kiosk.flows.base import Devices
from kiosk.flows.bbps_steps import Bbpou
from kiosk.ledger import Ledger
from kiosk.online import AadhaarPayments, ApplicationLookup, BillLookup
from kiosk.payments.aadhaar_pay import AadhaarPay
from kiosk.payments.operator_2fa import OperatorTwoFactor
from kiosk.payments.port import PaymentMethod
from kiosk.printing import QrText
from kiosk.store import Store
from kiosk.zreport_print import ZReportQr
from ui.certificates import DownloadAndPrint
from ui.composition import CatalogueSearch, Services


@dataclass(frozen=True)
class HomeScreen:
    """The home screen: the centre's name, hours and helpline, the tiles, and whether the kiosk is in service."""

    config: KioskConfig
    clock: Clock
    catalogue: CatalogueHolder
    store: Store

    @classmethod
    def of(cls, s: Services) -> HomeScreen:
        return cls(s.config, s.clock, s.catalogue, s.store)


@dataclass(frozen=True)
class CatalogueScreen:
    """Browsing and searching the services on offer."""

    catalogue: CatalogueHolder
    search: CatalogueSearch
    offered: Callable[[Service], bool] = lambda _s: True  # an application only while its devices can capture

    @classmethod
    def of(cls, s: Services) -> CatalogueScreen:
        return cls(s.catalogue, s.search, lambda service: capture_problem(service, s.pages, s.camera, s.vault) is None)


@dataclass(frozen=True)
class JourneyScreen:
    """A villager's journey: the ledger, the devices, the online calls, the receipt's QR and the certificate printer."""

    config: KioskConfig
    ledger: Ledger
    devices: Devices
    bills: BillLookup
    applications: ApplicationLookup
    aadhaar: AadhaarPayments
    receipt_qr: QrText
    certificates: DownloadAndPrint
    availability: Callable[[], Availability]
    rails: tuple[PaymentMethod, ...] = ()  # payment rails besides cash (ui/viewmodels/rails.py)
    bbps: Bbpou | None = None  # bills through Bharat BillPay; None: the server's own lookup
    locator: Locator | None = None  # where the kiosk is: Aadhaar Pay requests carry it
    pages: PageCapture | None = None  # applications: the scanner with its page checks, the camera, the vault
    camera: Camera | None = None
    vault: DocumentVault | None = None

    @classmethod
    def of(cls, s: Services) -> JourneyScreen:
        return cls(
            s.config, s.ledger, s.devices, s.bills, s.applications, s.aadhaar, s.receipt_qr, s.certificates,
            s.availability, s.rails, s.bbps, s.locator, s.pages, s.camera, s.vault,
        )  # fmt: skip


@dataclass(frozen=True)
class OperatorScreen:
    """Operator mode: the store and ledger, the devices, the signed QR codes, the certificate reprints, and the
    Aadhaar Pay rail's daily two-factor login (None when the kiosk does not offer Aadhaar Pay)."""

    config: KioskConfig
    store: Store
    ledger: Ledger
    devices: Devices
    receipt_qr: QrText
    zreport_qr: ZReportQr
    certificates: DownloadAndPrint
    two_factor: OperatorTwoFactor | None = None

    @classmethod
    def of(cls, s: Services) -> OperatorScreen:
        gates = [r.gate for r in s.rails if isinstance(r, AadhaarPay) and isinstance(r.gate, OperatorTwoFactor)]
        return cls(s.config, s.store, s.ledger, s.devices, s.receipt_qr, s.zreport_qr, s.certificates,
                   gates[0] if gates else None)  # fmt: skip


@dataclass(frozen=True)
class AccessControls:
    """The accessibility bar and the phone link: the centre's speech defaults, the store, the phone port."""

    config: KioskConfig
    store: Store
    phone: PhoneDelivery | None

    @classmethod
    def of(cls, s: Services) -> AccessControls:
        return cls(s.config, s.store, s.phone)
