"""Device detection: USB serial ports by vendor:product (pyudev), each confirmed by speaking its protocol.

A vendor:product id only says what a port might be — many kiosks use generic USB-serial bridges — so a device
counts as found only when it answers its own protocol's handshake: SSP SYNC + SETUP REQUEST for the note
acceptor, an ESC/POS real-time status request for the printer, a valid NMEA sentence for the GPS receiver, and
RDSERVICE/DEVICEINFO discovery on the loopback ports for the fingerprint reader's RD service.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import pyudev

from drivers.biometric.rdservice.driver import RdServiceReader
from drivers.biometric.rdservice.driver import build as build_rdservice
from drivers.cash.ssp.driver import SspAcceptor
from drivers.gps.nmea.codec import NmeaError, decode
from drivers.printer.driver import PrinterConfigError, create
from drivers.serialline import LineReader
from kiosk.clock import SystemClock
from kiosk.devices.cash import AcceptorStatus
from kiosk.devices.printer import PrinterStatus

# vendor:product → (model, families to try in this order). Dedicated ids name one family; generic USB-serial
# bridges could be any serial device, so every serial family is tried, least intrusive first: GPS only listens,
# the ESC/POS status request is a real-time command other devices ignore, and SSP goes last because a printer
# would print its bytes as text. The udev rules (systemd/99-emitra-kiosk.rules) match the dedicated ids.
# Ids marked (verify) come from public listings, not from procured hardware.
SERIAL_FAMILIES = ("gps", "printer", "cash")
KNOWN_USB: dict[str, tuple[str, tuple[str, ...]]] = {
    "191c:4104": ("ITL SSP note validator (NV9/NV200)", ("cash",)),
    "1546:01a7": ("u-blox 7 GPS receiver", ("gps",)),
    "1546:01a8": ("u-blox 8 GPS receiver", ("gps",)),
    "067b:2303": ("Prolific PL2303 USB-serial bridge (verify)", SERIAL_FAMILIES),
    "1a86:7523": ("WCH CH340 USB-serial bridge (verify)", SERIAL_FAMILIES),
    "0403:6001": ("FTDI FT232R USB-serial bridge (verify)", SERIAL_FAMILIES),
    "10c4:ea60": ("Silicon Labs CP210x USB-serial bridge (verify)", SERIAL_FAMILIES),
}
DRIVER_OF = {"cash": "ssp", "printer": "escpos", "gps": "nmea", "biometric": "rdservice"}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A USB serial port whose vendor:product we know."""

    port: str  # the stable name to put in the config (udev link), else the kernel node
    node: str
    usb_id: str
    model: str
    families: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Detected:
    kind: str
    section: dict[str, Any]  # the [devices.<kind>] table for the config
    evidence: str  # what answered, for the engineer and the summary
    usb_id: str = ""


@dataclass
class Detection:
    found: list[Detected] = field(default_factory=list)
    unconfirmed: list[str] = field(default_factory=list)  # known ids that answered no handshake


def candidates(context: Any = None) -> list[Candidate]:
    """Serial ports on USB with a known vendor:product id (from udev's properties, never from node names)."""
    found = []
    for device in (context or pyudev.Context()).list_devices(subsystem="tty", ID_BUS="usb"):
        props = device.properties
        usb_id = f"{props.get('ID_VENDOR_ID', '')}:{props.get('ID_MODEL_ID', '')}".lower()
        if usb_id not in KNOWN_USB or not device.device_node:
            continue
        model, families = KNOWN_USB[usb_id]
        links = {*props.get("DEVLINKS", "").split(), *device.device_links}
        found.append(Candidate(_stable_name(device.device_node, links), device.device_node, usb_id, model, families))
    return sorted(found, key=lambda c: c.port)


def _stable_name(node: str, links: Iterable[str]) -> str:
    """Prefer our own udev name, then the by-id name: both survive re-plugging into another USB socket."""
    existing = [link for link in links if os.path.exists(link)]
    for marker in ("/emitra/", "/by-id/"):
        for link in sorted(existing):
            if marker in link:
                return link
    return node


# -- handshakes: each returns what answered, or None -------------------------------------------------------------


def probe_cash(port: str, timeout_s: float = 3.0) -> str | None:
    """SSP SYNC, HOST PROTOCOL VERSION and SETUP REQUEST, through the driver itself."""
    acceptor = SspAcceptor(port, SystemClock(), poll_interval_s=0.2, reply_timeout_s=0.3, retries=1)
    acceptor.start(lambda event: None)
    try:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline and acceptor.status is AcceptorStatus.DISCONNECTED:
            time.sleep(0.05)
        if acceptor.status is AcceptorStatus.DISCONNECTED:
            return None
        return f"SSP validator, firmware {acceptor.firmware or '?'}, serial {acceptor.serial_number}"
    finally:
        acceptor.close()


def probe_printer(port: str, timeout_s: float = 0.5) -> str | None:
    """ESC/POS real-time status request (DLE EOT): any status byte back means an ESC/POS printer."""
    try:
        printer = create({"transport": "serial", "port": port, "status_timeout": timeout_s}, SystemClock())
    except PrinterConfigError:
        return None
    try:
        status = printer.status()
    finally:
        printer.close()
    return None if status is PrinterStatus.DISCONNECTED else f"ESC/POS printer, status {status.value}"


def probe_gps(port: str, wait_s: float = 3.0) -> str | None:
    """Listen for one valid NMEA sentence (checksum, syntax and coordinates checked by the codec)."""
    heard = threading.Event()
    kinds: list[str] = []

    def line(raw: bytes) -> None:
        try:
            position = decode(raw)
        except NmeaError:
            return
        kinds.append(position.kind if position is not None else "other")
        heard.set()

    reader = LineReader(
        port, on_line=line, on_overlong=lambda size: None, on_state=lambda ok, detail: None, max_line=256
    )
    reader.start()
    try:
        if not heard.wait(wait_s):
            return None
    finally:
        reader.stop()
    return f"NMEA receiver ({kinds[0]} sentence)"


def probe_biometric(first_port: int, last_port: int) -> tuple[str, dict[str, Any]] | None:
    """RDSERVICE discovery on loopback, then DEVICEINFO: the vendor's RD service stands for the reader."""
    reader = RdServiceReader(SystemClock(), ports=tuple(range(first_port, last_port + 1)))
    endpoint = reader.find_endpoint()
    info = reader.discover() if endpoint is not None else None
    if endpoint is None or info is None:
        return None
    evidence = (
        f"RD service {info.rd_service_id} {info.rd_service_version} on port {endpoint.port},"
        f" {info.device_provider} {info.device_model}"
    )
    # The whole range goes in the config: an RD service may come back on another port after an update.
    return evidence, {"first_port": first_port, "last_port": last_port}


Probe = Callable[[str], str | None]


def detect(
    wanted: Iterable[str],
    *,
    biometric_ports: tuple[int, int] = (11100, 11120),
    gps_wait_s: float = 2.5,
    found_ports: list[Candidate] | None = None,
) -> Detection:
    """Find and confirm a device for each wanted kind; a port is given to the first family that answers."""
    wanted = set(wanted)
    probes: dict[str, Probe] = {
        "gps": lambda port: probe_gps(port, gps_wait_s),
        "cash": probe_cash,
        "printer": probe_printer,
    }
    result = Detection()
    for candidate in candidates() if found_ports is None else found_ports:
        for family in candidate.families:
            if family not in wanted:
                continue
            evidence = probes[family](candidate.port)
            if evidence is not None:
                section = {"driver": DRIVER_OF[family], "port": candidate.port}
                result.found.append(Detected(family, section, f"{evidence} at {candidate.port}", candidate.usb_id))
                wanted.discard(family)
                break
        else:
            result.unconfirmed.append(f"{candidate.model} ({candidate.usb_id}) at {candidate.port}")
    if "biometric" in wanted:
        answer = probe_biometric(*biometric_ports)
        if answer is not None:
            evidence, ports = answer
            result.found.append(Detected("biometric", {"driver": "rdservice", **ports}, evidence))
    return result


@dataclass(frozen=True, slots=True)
class Checkup:
    """A configured device's answer, for `kioskctl doctor`."""

    ok: bool
    detail: str
    todo: str = ""
    serious: bool = True  # False: worth a warning, the kiosk still works


def probe_configured(kind: str, params: dict[str, Any]) -> Checkup | None:
    """Handshake with a device where the config says it is; None for kinds with no quick check."""
    port = params.get("port")
    cable = "check its cable and power, then kioskctl device test " + kind
    if kind == "cash" and isinstance(port, str):
        evidence = probe_cash(port)
        return Checkup(True, evidence) if evidence else Checkup(False, f"no SSP answer at {port}", cable)
    if kind == "printer" and isinstance(port, str):
        return _printer_checkup(params, cable)
    if kind == "gps" and isinstance(port, str):
        evidence = probe_gps(port)
        if evidence:
            return Checkup(True, evidence)
        return Checkup(False, f"no NMEA sentences from {port}", cable + " (only the geo-tag needs it)", False)
    if kind == "biometric":
        reader = build_rdservice(params, SystemClock())
        if reader.discover() is None:
            return Checkup(False, reader.health().detail, "start the vendor's RD service; plug the reader in")
        health = reader.health()
        if not health.ok:
            return Checkup(False, health.detail, "update the RD service / renew its device certificate (vendor)")
        if "expires in" in health.detail:
            return Checkup(False, health.detail, "ask the vendor to renew the RD service certificate", False)
        return Checkup(True, f"RD service {health.detail}")
    return None


def _printer_checkup(params: dict[str, Any], cable: str) -> Checkup:
    try:
        printer = create({"transport": "serial", "status_timeout": 0.5, **params}, SystemClock())
    except PrinterConfigError as exc:
        return Checkup(False, str(exc), "fix [devices.printer] in the config")
    try:
        status = printer.status()
    finally:
        printer.close()
    if status is PrinterStatus.DISCONNECTED:
        return Checkup(False, f"no ESC/POS answer at {params.get('port')}", cable)
    if status is PrinterStatus.PAPER_NEAR_END:
        return Checkup(False, "paper nearly out", "load a new roll soon", False)
    if not status.can_print:
        return Checkup(False, f"printer {status.value}", "load paper / close the cover / switch it on-line")
    return Checkup(True, f"ESC/POS printer {status.value}")
