"""The "report a problem" button: screen, journey step and device health recorded as one outbox event."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from kiosk.devices.common import DeviceHealth
from kiosk.store import Store


def report_problem(
    store: Store, *, screen: str, flow_state: Mapping[str, object], devices: Iterable[DeviceHealth]
) -> int:
    """Queue a `problem.reported` event for the fleet; returns its outbox sequence number."""
    with store.write("villager") as uow:
        item = uow.record(
            "problem.reported",
            f"screen:{screen}",
            {
                "screen": screen,
                "flow": dict(flow_state),
                "devices": [{"kind": d.kind, "status": d.status, "ok": d.ok, "detail": d.detail} for d in devices],
            },
        )
    return item.seq
