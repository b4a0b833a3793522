"""The agent's settings, derived from the kiosk config object: its [server] and [kiosk].database, and [agent]."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from kiosk.config import ConfigError, KioskConfig, load_config
from kiosk.hours import OperatingHours


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
    # Software updates (sync/release/): none unless release_root is set (a development checkout updates nothing).
    release_root: Path | None = None
    release_bandwidth_bps: float = 0.0
    health_deadline_s: float = 300.0
    release_python: str = ""  # the interpreter the release's launchers run; empty: the agent's own
    vendor_install_command: str = "dpkg -i {file}"
    vendor_check_command: str = ""
    restart_command: str = ""  # after a switch, e.g. "systemctl restart kiosk.service"; the agent itself exits
    # The privileged executor's spool (systemd/kiosk-privileged.*): set on a shipped kiosk, where the agent runs as
    # user kiosk; restart/reboot, remote config changes and vendor packages then go through root's allow-list.
    privileged_spool: Path | None = None
    hours: OperatingHours | None = None  # the centre's published hours: a release switches outside them
    config_path: Path = Path("kiosk.toml")  # the kiosk config itself: remote configuration changes rewrite it
    log_file: Path | None = None  # what `send_logs` reads; None: the journal of kiosk.service and the agent
    bbps_url: str | None = None  # the BBPOU the agent posts queued bill payments to; None: BBPS is off
    bbps_agent_id: str = ""
    bbps_interval_s: float = 60.0
    # Captured files (kiosk/capture/vault.py, sync/blob_upload.py): the vault key beside key_file unless set.
    vault_key_file: Path | None = None
    blob_chunk_bytes: int = 16 * 1024
    blob_budget_bytes: int = 128 * 1024
    blob_interval_s: float = 30.0


NUMBERS = {f.name for f in fields(AgentSettings) if f.type in ("int", "float")}
INTEGERS = {f.name for f in fields(AgentSettings) if f.type == "int"}
STRINGS = {"release_python", "vendor_install_command", "vendor_check_command", "restart_command"}


def load_settings(path: Path) -> AgentSettings:
    """The agent's settings from the kiosk config file (read once, by `kiosk.config.load_config`)."""
    return agent_settings(load_config(path))


PATH_KEYS = (
    "key_file",
    "catalogue_file",
    "config_file",
    "release_root",
    "log_file",
    "vault_key_file",
    "privileged_spool",
)


def agent_settings(config: KioskConfig) -> AgentSettings:
    """The [agent] table of an already validated kiosk config; errors name the file, the key and what was expected."""
    source = config.source
    if not config.server.url:
        raise ConfigError(source, "[server].url", config.server.url, "the central server's address")
    folder = config.base_dir or Path.cwd()
    values: dict[str, object] = {}
    for key, value in config.agent.items():
        if key in PATH_KEYS:
            if not isinstance(value, str) or not value:
                raise ConfigError(source, f"[agent].{key}", value, "a file path")
            values[key] = (folder / value).resolve()
        elif key == "network":
            if not isinstance(value, str):
                raise ConfigError(source, "[agent].network", value, "a string such as '2g' or 'wifi'")
            values[key] = value
        elif key in STRINGS:
            if not isinstance(value, str):
                raise ConfigError(source, f"[agent].{key}", value, "a string (a command or a program path)")
            values[key] = value
        elif key in NUMBERS:
            if type(value) not in (int, float) or value < 0:
                raise ConfigError(source, f"[agent].{key}", value, "a number not below 0")
            values[key] = int(value) if key in INTEGERS else float(value)
        else:
            raise ConfigError(source, f"[agent].{key}", value, "no such key (unknown key)")
    for key in ("batch_items", "blob_chunk_bytes", "blob_budget_bytes"):
        if int(values.get(key, 1)) < 1:  # type: ignore[call-overload]
            raise ConfigError(source, f"[agent].{key}", values[key], "at least 1")
    database = config.database if config.database.is_absolute() else (folder / config.database).resolve()
    key_file = Path(str(values.pop("key_file", database.parent / "kiosk-agent.key")))
    return AgentSettings(
        server_url=config.server.url, timeout_s=config.server.timeout_s, database=database,
        kiosk_code=config.identity.kiosk_code,
        key_file=key_file, vault_key_file=Path(str(values.pop("vault_key_file", key_file.parent / "vault.key"))),
        catalogue_file=Path(str(values.pop("catalogue_file", database.parent / "catalogue.json"))),
        config_file=Path(str(values.pop("config_file", database.parent / "fleet-config.json"))),
        hours=config.hours,
        config_path=Path(config.source).resolve(),
        bbps_url=(config.bbps.url or config.server.url) if config.bbps.enabled else None,
        bbps_agent_id=config.bbps.agent_id,
        **values,  # type: ignore[arg-type]
    )  # fmt: skip
