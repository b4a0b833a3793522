"""The app's view of its devices, left in the database for the agent's heartbeat (meta `device_status`: kind →
status, and meta `rd_service`: the fingerprint reader's RD service version and certificate expiry), so the fleet
sees a stale RD service or a dead printer without a developer at the machine. Written only when it changes."""

from __future__ import annotations

import json
import logging
from typing import Any

from kiosk.flows.base import Devices
from kiosk.store import Store

log = logging.getLogger(__name__)


def device_facts(devices: Devices) -> tuple[dict[str, str], dict[str, str] | None]:
    """Each device's own status word, and the RD service's version and certificate expiry when it answers."""
    info = devices.biometric.discover()  # first: finding the RD service is what makes the reader's status current
    statuses = {}
    for kind, device in (("cash", devices.cash), ("printer", devices.printer), ("biometric", devices.biometric)):
        try:
            health = device.health()
        except Exception as exc:  # a driver that cannot even say how it is, is reported as such: a fault
            log.warning("%s health failed: %s", kind, str(exc)[:200])
            statuses[kind] = "fault"
            continue
        statuses[health.kind] = health.status[:32]
    rd = None
    if info is not None:
        rd = {"version": info.rd_service_version[:32]}
        if info.certificate_expiry:
            rd["cert_expires_at"] = f"{info.certificate_expiry[:10]}T00:00:00Z"
    return statuses, rd


def publish(store: Store, devices: Devices) -> bool:
    """Merge the facts into meta (other writers' entries, such as the audio device, are kept); True if changed."""
    statuses, rd = device_facts(devices)
    with store.write("devices") as uow:
        current: dict[str, Any] = _json(store.get_meta("device_status"))
        merged = {**current, **statuses}
        changed = merged != current
        if changed:
            uow.set_meta("device_status", json.dumps(merged, sort_keys=True))
        if rd is not None and _json(store.get_meta("rd_service")) != rd:
            uow.set_meta("rd_service", json.dumps(rd, sort_keys=True))
            changed = True
    return changed


def _json(text: str | None) -> dict[str, Any]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
