"""`kiosk --config /etc/kiosk/kiosk.toml`: the kiosk in the field — and the demo, which writes a config file naming
its emulators and calls `real_services` on it. Every device from its `[devices.<kind>]` section through the driver
registry, the online calls to the enrolled central server, the catalogue the agent last downloaded (signature checked
again here) or the bundled one. Anything missing stops the start with what to do, before the screen promises
anything."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, cast

from drivers import registry
from drivers.scanner.checked import CheckedScanner
from kiosk.availability import ServiceSwitch
from kiosk.capture.port import Camera, PageCapture
from kiosk.capture.vault import start_vault
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
from kiosk.devices.locator import Locator
from kiosk.devices.printer import ReceiptPrinter
from kiosk.devices.scanner import DocumentScanner
from kiosk.store import Store
from sync.catalogue import CatalogueKeeper
from sync.client import Client
from sync.delivery_client import HttpPhoneDelivery
from sync.grievance_client import HttpGrievances
from sync.identity import IdentityError, SyncState, load_enrolment, load_or_create_key
from sync.locker_client import offered_locker
from sync.online_client import HttpOnline
from sync.settings import AgentSettings, agent_settings
from sync.signers import signed_receipt_qr, signed_zreport_qr
from ui.bbps import bbpou_for
from ui.composition import Built, Services, biller_of, compose, kiosk_client
from ui.rails import build_rails

log = logging.getLogger("kiosk")
REQUIRED_DEVICES = ("cash", "printer", "biometric")


class StartError(RuntimeError):
    """The kiosk cannot start; the message says what is missing and the command that fixes it."""


def real_services(config_path: Path, clock: Clock | None = None) -> Services:
    clock = clock or SystemClock()
    try:
        config = load_config(config_path)  # read once: the agent's settings derive from this object
        settings = agent_settings(config)
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
    catalogue = CatalogueHolder(served_catalogue(settings, store, clock))
    try:
        client = kiosk_client(settings, store)
    except IdentityError as exc:
        raise StartError(str(exc)) from None
    key = load_or_create_key(settings.key_file)
    # The registry's factories are typed Any; the entry-point names promise the port (tested per driver family).
    parts = Built(
        cash=cast(CashAcceptor, built["cash"]), printer=cast(ReceiptPrinter, built["printer"]),
        finger=cast(BiometricReader, built["biometric"]), document_printer=document_printer(config, clock),
        online=HttpOnline(client, biller_of(catalogue)), phone=HttpPhoneDelivery(client),
        locker=offered_locker(client, store),  # offered only while the server says it has a locker
        receipt_qr=signed_receipt_qr(config.identity.kiosk_code, settings.server_url, key),
        zreport_qr=signed_zreport_qr(settings.server_url, key, clock), sync_settings=settings,
        rails=build_rails(config, client, clock, store), bbps=bbpou_for(config, client),
        locator=cast(Locator | None, optional_device(config, clock, "gps")),
        vault=start_vault(store, settings.vault_key_file or settings.key_file.parent / "vault.key"),
        pages=page_capture(config, clock), camera=cast(Camera | None, optional_device(config, clock, "camera")),
        grievances=HttpGrievances(client),
    )  # fmt: skip
    services = compose(config, store, clock, catalogue, parts)
    reason = ServiceSwitch(store).reason()
    if reason:
        log.warning("starting out of service: %s", reason)
    return services


def optional_device(config: KioskConfig, clock: Clock, kind: str) -> Any:
    """A device the kiosk works without (the GPS receiver): built when configured; a failure is logged, not fatal."""
    device = config.devices.get(kind)
    if device is None:
        return None
    try:
        return registry.build(device, clock)
    except (registry.DriverNotFound, ValueError, OSError) as exc:
        log.error("[devices.%s]: %s; the kiosk goes on without it", kind, exc)
        return None


def document_printer(config: KioskConfig, clock: Clock) -> DocumentPrinter | None:
    """The A4 printer for certificates, when the kiosk has one; without it a paid certificate is printed by the
    operator (the screen says so, the journal records it)."""
    return cast(DocumentPrinter | None, optional_device(config, clock, "document_printer"))


def page_capture(config: KioskConfig, clock: Clock) -> PageCapture | None:
    """The document scanner ([devices.scanner]) with the page checks in front of it; None: no journey scans."""
    scanner = optional_device(config, clock, "scanner")
    return None if scanner is None else CheckedScanner(cast(DocumentScanner, scanner))


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
