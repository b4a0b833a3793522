"""`kiosk --config /etc/kiosk/kiosk.toml`: the kiosk in the field. The same Services as the demo, built from the
config file: every device from its `[devices.<kind>]` section through the driver registry, the online calls to the
enrolled central server, the catalogue the agent last downloaded (signature checked again here) or the bundled one.
Anything missing stops the start with what to do, before the screen promises anything."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import cast

from drivers import registry
from kiosk.availability import ServiceSwitch
from kiosk.cash_payment import CashDesk
from kiosk.cash_recovery import print_pending_receipts, print_voucher_slips
from kiosk.catalogue import (
    DEFAULT_CATALOGUE,
    Catalogue,
    CatalogueError,
    CatalogueHolder,
    load_catalogue,
    parse_catalogue,
)
from kiosk.clock import Clock, SystemClock
from kiosk.config import ConfigError, KioskConfig, load_config
from kiosk.devices.biometric import BiometricReader
from kiosk.devices.cash import CashAcceptor
from kiosk.devices.document_printer import DocumentPrinter
from kiosk.devices.printer import ReceiptPrinter
from kiosk.flows.base import Devices
from kiosk.ledger import Ledger
from kiosk.receipt import Identity
from kiosk.search import SearchIndex
from kiosk.store import Store
from sync.catalogue import CatalogueKeeper
from sync.client import Client
from sync.delivery_client import HttpPhoneDelivery
from sync.identity import IdentityError, SyncState, load_enrolment, load_or_create_key
from sync.online_client import HttpOnline
from sync.settings import AgentSettings, load_settings
from ui.bbps import bbpou_for
from ui.certificates import DownloadAndPrint
from ui.composition import Services, biller_of, kiosk_client, signed_receipt_qr
from ui.zreport_qr import signed_zreport_qr

log = logging.getLogger("kiosk")
REQUIRED_DEVICES = ("cash", "printer", "biometric")


class StartError(RuntimeError):
    """The kiosk cannot start; the message says what is missing and the command that fixes it."""


def real_services(config_path: Path, clock: Clock | None = None) -> Services:
    clock = clock or SystemClock()
    try:
        config = load_config(config_path)
        settings = load_settings(config_path)
    except ConfigError as exc:
        raise StartError(f"{exc}; fix the file, or run `kioskctl provision` again") from None
    missing = [kind for kind in REQUIRED_DEVICES if kind not in config.devices]
    if missing:
        sections = ", ".join(f"[devices.{kind}]" for kind in missing)
        raise StartError(f"{config_path}: no {sections}; run `kioskctl provision` (devices step) to detect them")
    store = Store.open(settings.database, clock)
    try:
        return _compose(config, settings, store, clock)
    except Exception:
        store.close()
        raise


def _compose(config: KioskConfig, settings: AgentSettings, store: Store, clock: Clock) -> Services:
    if load_enrolment(SyncState(store)) is None:
        raise StartError("this kiosk is not enrolled with its server; run `kioskctl provision` (enrol step)")
    built: dict[str, object] = {}
    try:
        for kind in REQUIRED_DEVICES:
            try:
                built[kind] = registry.build(config.devices[kind], clock)
            except (registry.DriverNotFound, ValueError, OSError) as exc:
                raise StartError(
                    f"[devices.{kind}]: {exc}; check the section or run `kioskctl device test {kind}`"
                ) from None
    except StartError:
        for device in built.values():
            close = getattr(device, "close", None)
            if callable(close):
                close()
        raise
    # The registry's factories are typed Any; the entry-point names promise the port (tested per driver family).
    cash = cast(CashAcceptor, built["cash"])
    printer = cast(ReceiptPrinter, built["printer"])
    finger = cast(BiometricReader, built["biometric"])
    ledger = Ledger(store)
    catalogue = CatalogueHolder(served_catalogue(settings, store, clock))
    try:
        client = kiosk_client(settings, store)
    except IdentityError as exc:
        raise StartError(str(exc)) from None
    online = HttpOnline(client, biller_of(catalogue))
    desk = CashDesk(ledger, cash, tolerance=config.rules.overpay_tolerance)
    key = load_or_create_key(settings.key_file)
    services = Services(
        config=config, clock=clock, store=store, ledger=ledger, catalogue=catalogue,
        search=SearchIndex(catalogue.current), devices=Devices(cash, printer, finger, desk),
        bills=online, applications=online, aadhaar=online,
        receipt_qr=signed_receipt_qr(config.identity.kiosk_code, settings.server_url, key),
        zreport_qr=signed_zreport_qr(settings.server_url, key, clock), sync_settings=settings,
        phone=HttpPhoneDelivery(client),
        certificates=DownloadAndPrint(online, document_printer(config, clock), settings.database.parent / "spool"),
    )  # fmt: skip
    services.bbps = bbpou_for(config, client)
    start_cash(services)
    reason = ServiceSwitch(store).reason()
    if reason:
        log.warning("starting out of service: %s", reason)
    return services


def start_cash(services: Services) -> None:
    """Before any villager can pay, the start settles what a killed process left open (`CashDesk.attach`), then prints
    the receipts left pending and a slip for each change-due voucher it issued; the demo's composition does the same."""
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


def document_printer(config: KioskConfig, clock: Clock) -> DocumentPrinter | None:
    """The A4 printer for certificates, when the kiosk has one; without it a paid certificate is printed by the
    operator (the screen says so, the journal records it)."""
    device = config.devices.get("document_printer")
    if device is None:
        return None
    try:
        return cast(DocumentPrinter, registry.build(device, clock))
    except (registry.DriverNotFound, ValueError, OSError) as exc:
        log.error("[devices.document_printer]: %s; certificates go to the operator", exc)
        return None


def served_catalogue(settings: AgentSettings, store: Store, clock: Clock) -> Catalogue:
    """The catalogue the agent downloaded and checked, checked again (signature, then schema); else the bundled one."""
    enrolment = load_enrolment(SyncState(store))
    bundled = load_catalogue(DEFAULT_CATALOGUE)
    if enrolment is None or not settings.catalogue_file.exists():
        return bundled
    client = Client(settings.server_url, load_or_create_key(settings.key_file), enrolment.kiosk_id, clock)
    keeper = CatalogueKeeper(settings.catalogue_file, client, enrolment.server_key, clock)  # reads, never fetches
    if keeper.current is None:
        return bundled
    try:
        return parse_catalogue(keeper.current.body, source=f"{settings.catalogue_file} v{keeper.current.version}")
    except CatalogueError as exc:
        log.error("served catalogue refused, using the bundled one: %s", exc)
        return bundled
