"""Device detection: USB serial ports by vendor:product (pyudev), each confirmed by speaking its protocol.

A vendor:product id only says what a port might be — many kiosks use generic USB-serial bridges — so a device
counts as found only when a driver plugin's probe gets an answer in its own protocol (the plugins come from the
registry: a new model is tried without any change here). The fingerprint reader's RD service is probed on its
loopback port range instead of a serial port.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pyudev

from drivers import registry
from kiosk.devices.plugin import NO_HANDSHAKE, DevicePlugin
from provisioning.devices import model_of

# Generic USB-serial bridges could be any serial device, so every serial family is tried, least intrusive first:
# GPS only listens, the ESC/POS status request is a real-time command other devices ignore, and the note
# acceptors go last because a printer would print their bytes as text. Dedicated ids come from the plugins
# (`usb_ids`); the udev rules (systemd/99-emitra-kiosk.rules) match them. (verify): from public listings.
SERIAL_FAMILIES = ("gps", "printer", "cash")
GENERIC_BRIDGES = {
    "067b:2303": "Prolific PL2303 USB-serial bridge (verify)",
    "1a86:7523": "WCH CH340 USB-serial bridge (verify)",
    "0403:6001": "FTDI FT232R USB-serial bridge (verify)",
    "10c4:ea60": "Silicon Labs CP210x USB-serial bridge (verify)",
}


def known_usb() -> dict[str, tuple[str, tuple[str, ...]]]:
    """vendor:product → (model, families to try in this order): the plugins' dedicated ids, then the bridges."""
    known: dict[str, tuple[str, tuple[str, ...]]] = {
        usb_id: (name, SERIAL_FAMILIES) for usb_id, name in GENERIC_BRIDGES.items()
    }
    for each in registry.plugins():
        known |= {usb_id: (name, (each.family,)) for usb_id, name in each.usb_ids.items()}
    return known


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
    known = known_usb()
    for device in (context or pyudev.Context()).list_devices(subsystem="tty", ID_BUS="usb"):
        props = device.properties
        usb_id = f"{props.get('ID_VENDOR_ID', '')}:{props.get('ID_MODEL_ID', '')}".lower()
        if usb_id not in known or not device.device_node:
            continue
        model, families = known[usb_id]
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


def _models(family: str) -> list[DevicePlugin]:
    return registry.families().get(family, [])


def detect(
    wanted: Iterable[str],
    *,
    biometric_ports: tuple[int, int] = (11100, 11120),
    gps_wait_s: float = 2.5,
    found_ports: list[Candidate] | None = None,
) -> Detection:
    """Find and confirm a device for each wanted kind; a port is given to the first family that answers."""
    wanted = set(wanted)
    result = Detection()
    for candidate in candidates() if found_ports is None else found_ports:
        if not _confirm(candidate, wanted, result, gps_wait_s):
            result.unconfirmed.append(f"{candidate.model} ({candidate.usb_id}) at {candidate.port}")
    for biometric in _models("biometric") if "biometric" in wanted else []:
        answer = biometric.probe("{}-{}".format(*biometric_ports))
        if answer.answered:
            section = {"driver": biometric.model, **answer.section}
            result.found.append(Detected("biometric", section, answer.evidence))
            break
    return result


def _confirm(candidate: Candidate, wanted: set[str], result: Detection, gps_wait_s: float) -> bool:
    """Try each wanted family's models on the port; the first that answers gets it."""
    for family in candidate.families:
        for model in _models(family) if family in wanted else []:
            answer = model.probe(candidate.port, {"probe_wait_s": gps_wait_s})
            if answer.answered:
                section = {"driver": model.model, "port": candidate.port, **answer.section}
                evidence = f"{answer.evidence} at {candidate.port}"
                result.found.append(Detected(family, section, evidence, candidate.usb_id))
                wanted.discard(family)
                return True
    return False


@dataclass(frozen=True, slots=True)
class Checkup:
    """A configured device's answer, for `kioskctl doctor`."""

    ok: bool
    detail: str
    todo: str = ""
    serious: bool = True  # False: worth a warning, the kiosk still works


def probe_configured(kind: str, params: dict[str, Any], driver: str = "") -> Checkup | None:
    """Handshake with a device where the config says it is; None for kinds with no quick check."""
    try:
        model = model_of(kind, driver or str(params.get("driver", "")))
    except registry.DriverNotFound as exc:
        return Checkup(False, str(exc), f"fix [devices.{kind}].driver in the config")
    port = params.get("port")
    if kind == "biometric":
        port = "{}-{}".format(params.get("first_port", 11100), params.get("last_port", 11120))
    if not isinstance(port, str):
        return None
    answer = model.probe(port, params)
    cable = "check its cable and power, then kioskctl device test " + kind
    if not answer.answered:
        if answer == NO_HANDSHAKE:
            return None
        return Checkup(False, answer.evidence, answer.todo or cable, answer.serious)
    if answer.warning:
        return Checkup(False, answer.warning, answer.todo, answer.serious)
    return Checkup(True, answer.evidence)
