"""The composition's BBPOU: the one the config's [bbps] names (its URL, or the central server's) with the agent id."""

from __future__ import annotations

from kiosk.config import KioskConfig
from sync.bbps_client import HttpBbps, bbpou_at
from sync.client import Client


def bbpou_for(config: KioskConfig, client: Client) -> HttpBbps | None:
    """None when BBPS is switched off (bills then use the central server's own lookup)."""
    url = (config.bbps.url or client.base_url) if config.bbps.enabled else None
    return bbpou_at(url, config.bbps.agent_id, client)
