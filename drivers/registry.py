"""Finding a driver plugin by name through entry points (group `kiosk.drivers`), as the config file selects it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib.metadata import entry_points
from typing import Any

from kiosk.clock import Clock
from kiosk.config import DeviceConfig
from kiosk.devices.plugin import DevicePlugin

GROUP = "kiosk.drivers"

# A factory builds a port implementation from the device section of the config.
DriverFactory = Callable[[Mapping[str, Any], Clock], Any]


class DriverNotFound(LookupError):
    pass


def available(kind: str | None = None) -> list[str]:
    """Registered names, `<kind>.<driver>` (e.g. 'cash.ssp')."""
    names = sorted(ep.name for ep in entry_points(group=GROUP))
    return [n for n in names if kind is None or n.startswith(f"{kind}.")]


def plugin(kind: str, driver: str) -> DevicePlugin:
    name = f"{kind}.{driver}"
    for ep in entry_points(group=GROUP):
        if ep.name == name:
            loaded = ep.load()
            if not isinstance(loaded, DevicePlugin):
                raise DriverNotFound(f"entry point {name} ({ep.value}) is not a device plugin")
            return loaded
    known = ", ".join(available(kind)) or "none"
    raise DriverNotFound(f"no {kind} driver named {driver!r} is installed (installed: {known})")


def plugins(kind: str | None = None) -> list[DevicePlugin]:
    """Every installed plugin (of one family), in name order — the family's first model is its default."""
    return [plugin(*name.split(".", 1)) for name in available(kind)]


def families() -> dict[str, list[DevicePlugin]]:
    """Family → its installed models, default (lowest rank) first."""
    found: dict[str, list[DevicePlugin]] = {}
    for each in sorted(plugins(), key=lambda p: p.rank):
        found.setdefault(each.family, []).append(each)
    return found


def factory(kind: str, driver: str) -> DriverFactory:
    return plugin(kind, driver).build


def build(device: DeviceConfig, clock: Clock) -> Any:
    return factory(device.kind, device.driver)(device.params, clock)
