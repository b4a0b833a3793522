"""Self-testing every configured device unattended, through its driver plugin (the `kioskctl device test` test)."""

from __future__ import annotations

from typing import Any

from drivers.registry import DriverNotFound, families, plugin
from kiosk.devices.plugin import DevicePlugin


def model_of(kind: str, driver: str) -> DevicePlugin:
    """The configured model's plugin; with no driver named, the family's default model."""
    if driver:
        return plugin(kind, driver)
    models = families().get(kind)
    if not models:
        raise DriverNotFound(f"no {kind} driver is installed")
    return models[0]


def self_test(kind: str, params: dict[str, Any], driver: str = "") -> tuple[bool, str]:
    """Run the configured model's self-test against the configured device; (passed, what it saw)."""
    try:
        device = model_of(kind, driver or str(params.get("driver", "")))
    except DriverNotFound as exc:
        return False, f"{kind}: cannot run its self-test ({exc})"
    try:
        options = device.unattended(params)
        if options is None:
            return True, f"{kind}: no unattended self-test; run `kioskctl device test {kind}` by hand"
        result = device.selftest(options, lambda line: None)
    except KeyError as exc:
        return False, f"{kind}: cannot run its self-test ([devices.{kind}] has no {exc})"
    except ValueError as exc:
        return False, f"{kind}: cannot run its self-test ({exc})"
    return result.passed, f"{kind}: {result.seen}"
