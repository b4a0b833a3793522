"""The composition's BBPOU: the one the config's [bbps] names (its URL, or the central server's) with the agent id."""

from __future__ import annotations

from kiosk.config import KioskConfig
from sync.bbps_client import HttpBbps
from sync.client import Client


def bbpou_for(config: KioskConfig, client: Client) -> HttpBbps | None:
    """None when BBPS is switched off (bills then use the central server's own lookup). A BBPOU at another address
    gets its own client signed with the kiosk's key, as the reference server expects."""
    if not config.bbps.enabled:
        return None
    if config.bbps.url and config.bbps.url.rstrip("/") != client.base_url:
        client = Client(config.bbps.url, client.key, client.kiosk_id, client.clock, timeout_s=client.timeout_s)
    return HttpBbps(client, config.bbps.agent_id)
