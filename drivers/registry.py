"""Finding a driver by name through entry points (group `kiosk.drivers`), as the config file selects it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib.metadata import entry_points
from typing import Any

from kiosk.clock import Clock
from kiosk.config import DeviceConfig

GROUP = "kiosk.drivers"

# A factory builds a port implementation from the device section of the config.
DriverFactory = Callable[[Mapping[str, Any], Clock], Any]


class DriverNotFound(LookupError):
    pass


def available(kind: str | None = None) -> list[str]:
    """Registered names, `<kind>.<driver>` (e.g. 'cash.ssp')."""
    names = sorted(ep.name for ep in entry_points(group=GROUP))
    return [n for n in names if kind is None or n.startswith(f"{kind}.")]


def factory(kind: str, driver: str) -> DriverFactory:
    name = f"{kind}.{driver}"
    for ep in entry_points(group=GROUP):
        if ep.name == name:
            loaded: DriverFactory = ep.load()
            return loaded
    known = ", ".join(available(kind)) or "none"
    raise DriverNotFound(f"no {kind} driver named {driver!r} is installed (installed: {known})")


def build(device: DeviceConfig, clock: Clock) -> Any:
    return factory(device.kind, device.driver)(device.params, clock)
