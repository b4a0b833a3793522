"""The agent's settings: [server] and [kiosk].database from the kiosk config, plus its own [agent] table."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from kiosk.config import ConfigError, load_config


@dataclass(frozen=True, slots=True)
class AgentSettings:
    server_url: str
    timeout_s: float
    database: Path
    kiosk_code: str
    key_file: Path
    catalogue_file: Path
    config_file: Path
    batch_items: int = 500
    batch_bytes: int = 256_000
    drain_interval_s: float = 30.0
    heartbeat_interval_s: float = 60.0
    catalogue_interval_s: float = 3600.0
    jitter_fraction: float = 0.2
    first_contact_max_s: float = 120.0
    backoff_base_s: float = 2.0
    backoff_cap_s: float = 900.0
    network: str = "unknown"
    bbps_url: str | None = None  # the BBPOU the agent posts queued bill payments to; None: BBPS is off
    bbps_agent_id: str = ""
    bbps_interval_s: float = 60.0


NUMBERS = {f.name for f in fields(AgentSettings) if f.type in ("int", "float")}


def load_settings(path: Path) -> AgentSettings:
    """Validate the whole kiosk config, then the [agent] table; errors name the key and what was expected."""
    config = load_config(path)
    source = str(path)
    if not config.server.url:
        raise ConfigError(source, "[server].url", config.server.url, "the central server's address")
    table = tomllib.loads(path.read_text("utf-8")).get("agent", {})
    if not isinstance(table, dict):
        raise ConfigError(source, "[agent]", table, "a table")
    values: dict[str, object] = {}
    for key, value in table.items():
        if key in ("key_file", "catalogue_file", "config_file"):
            if not isinstance(value, str) or not value:
                raise ConfigError(source, f"[agent].{key}", value, "a file path")
            values[key] = (path.parent / value).resolve()
        elif key == "network":
            if not isinstance(value, str):
                raise ConfigError(source, "[agent].network", value, "a string such as '2g' or 'wifi'")
            values[key] = value
        elif key in NUMBERS:
            if type(value) not in (int, float) or value < 0:
                raise ConfigError(source, f"[agent].{key}", value, "a number not below 0")
            values[key] = int(value) if key.startswith("batch_") else float(value)
        else:
            raise ConfigError(source, f"[agent].{key}", value, "no such key (unknown key)")
    if int(values.get("batch_items", 500)) < 1:  # type: ignore[call-overload]
        raise ConfigError(source, "[agent].batch_items", values["batch_items"], "at least 1")
    database = config.database if config.database.is_absolute() else (path.parent / config.database).resolve()
    return AgentSettings(
        server_url=config.server.url, timeout_s=config.server.timeout_s, database=database,
        kiosk_code=config.identity.kiosk_code,
        key_file=Path(str(values.pop("key_file", database.parent / "kiosk-agent.key"))),
        catalogue_file=Path(str(values.pop("catalogue_file", database.parent / "catalogue.json"))),
        config_file=Path(str(values.pop("config_file", database.parent / "fleet-config.json"))),
        bbps_url=(config.bbps.url or config.server.url) if config.bbps.enabled else None,
        bbps_agent_id=config.bbps.agent_id,
        **values,  # type: ignore[arg-type]
    )  # fmt: skip
