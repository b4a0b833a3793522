"""Provisioning's device step: find USB devices by vendor:product, and self-test every configured device."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

# Known USB ids → the driver family that speaks to them (verify against procured hardware; udev rules match).
KNOWN_USB = {
    ("191c", "4104"): "cash (ITL SSP note validator)",
    ("1546", "01a7"): "gps (u-blox 7)",
    ("1546", "01a8"): "gps (u-blox 8)",
}

# How each family's self-test is run unattended from its config section.
SELF_TEST_ARGS = {
    "cash": lambda p: ["--port", str(p["port"]), "--seconds", "0"],
    "printer": lambda p: ["--port", str(p["port"])] if "port" in p else ["--host", str(p["host"])],
    "gps": lambda p: ["--port", str(p["port"]), "--wait-s", "10"],
    "qr": lambda p: ["--port", str(p["port"])],
}


@dataclass(frozen=True, slots=True)
class Found:
    node: str
    vendor: str
    product: str
    family: str


def detect_usb_serial() -> list[Found]:
    """Serial devices on USB that we know, matched by vendor:product (never by node name)."""
    import pyudev  # imported here: provisioning runs it, tests of the other steps need no udev

    found = []
    for device in pyudev.Context().list_devices(subsystem="tty", ID_BUS="usb"):
        vendor = device.properties.get("ID_VENDOR_ID", "")
        product = device.properties.get("ID_MODEL_ID", "")
        family = KNOWN_USB.get((vendor.lower(), product.lower()))
        if family and device.device_node:
            found.append(Found(device.device_node, vendor, product, family))
    return found


def self_test(kind: str, params: dict[str, Any]) -> tuple[bool, str]:
    """Run the family's `kioskctl device test` with the configured port; (passed, last lines of its report)."""
    from provisioning.cli import main  # the same command the engineer runs by hand

    argv = SELF_TEST_ARGS.get(kind)
    if argv is None:
        return True, f"{kind}: no unattended self-test; run `kioskctl device test {kind}` by hand"
    out = io.StringIO()
    try:
        code = main(["device", "test", kind, *argv(params)], out)
    except (KeyError, SystemExit) as exc:
        return False, f"{kind}: cannot run its self-test ({exc})"
    lines = [line for line in out.getvalue().splitlines() if line.strip()]
    return code == 0, f"{kind}: " + (lines[-1] if lines else "no output")
