"""Per software version, how many machines run it, are downloading it, failed or rolled back: by district and block."""

from __future__ import annotations

import json
from dataclasses import dataclass

from server.dashboard.auth import Officer
from server.db import Tx
from server.fleetops.rollout import BUSY


@dataclass
class VersionCount:
    version: str
    district: str
    block: str
    running: int = 0
    downloading: int = 0
    failed: int = 0
    rolled_back: int = 0


def version_counts(tx: Tx, officer: Officer) -> list[VersionCount]:
    """From each machine's last heartbeat (its `software`), within the officer's scope; newest version first."""
    where, params = officer.where()
    rows = tx.all("SELECT s.district, s.block, h.body FROM dash_sites s JOIN heartbeats h ON h.kiosk_id = s.kiosk_id"
                  f" WHERE {where}", params)  # fmt: skip
    counts: dict[tuple[str, str, str], VersionCount] = {}

    def count(version: object, district: str, block: str) -> VersionCount | None:
        if not isinstance(version, str) or not version:
            return None
        key = (version[:32], district, block)
        if key not in counts:
            counts[key] = VersionCount(*key)
        return counts[key]

    for district, block, body in rows:
        try:
            software = json.loads(str(body)).get("software")
        except (ValueError, AttributeError):
            continue
        if not isinstance(software, dict):
            continue
        place = (str(district), str(block))
        running = count(software.get("running"), *place)
        if running is not None:
            running.running += 1
        target, state = count(software.get("update_version"), *place), software.get("update_state")
        if target is not None:
            target.downloading += state in BUSY
            target.failed += state == "failed"
            target.rolled_back += state == "rolled_back"
    return sorted(counts.values(), key=lambda c: (_order(c.version), c.district, c.block), reverse=False)


def _order(version: str) -> tuple[tuple[int, ...], str]:
    """Newest first: numeric parts compared as numbers, negated so that an ascending sort puts them first."""
    parts = tuple(-int(p) for p in version.replace("-", ".").split(".") if p.isdigit())
    return parts, version
