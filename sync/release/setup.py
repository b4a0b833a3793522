"""Building the agent's updater from its settings (none when the kiosk has no release root)."""

from __future__ import annotations

import logging
import os
import shlex
import subprocess
import sys
from dataclasses import replace

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from kiosk.clock import Clock
from sync.client import Client
from sync.privileged_client import Privileged, PrivilegedError
from sync.release.fetch import Fetcher
from sync.release.root import ReleaseRoot
from sync.release.updater import UpdatePolicy, Updater
from sync.release.vendor import VendorCommands
from sync.settings import AgentSettings

log = logging.getLogger("kiosk-agent")


def restarter(command: str, privileged: Privileged | None = None) -> None:
    """After the switch: restart the touch app (through root's executor, else the configured command), then end
    this process; systemd's Restart=always starts the agent again from the new `current`."""
    if privileged is not None:
        try:
            privileged.run("restart_app")
        except PrivilegedError as exc:
            log.error("restarting the touch app failed: %s", exc)
    elif command:
        try:
            subprocess.run(shlex.split(command), timeout=120, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            log.error("restart command %r failed: %s", command, exc)
    logging.shutdown()
    os._exit(0)


def for_vendor(privileged: Privileged | None) -> Privileged | None:
    """dpkg may run for minutes as root (its own limit there is 600 s): the agent waits as long, as it did for dpkg."""
    return replace(privileged, timeout_s=620.0) if privileged else None


def build_updater(
    settings: AgentSettings, client: Client, server_key: Ed25519PublicKey, clock: Clock
) -> Updater | None:
    if settings.release_root is None:
        return None
    root = ReleaseRoot(settings.release_root)
    privileged = Privileged(settings.privileged_spool) if settings.privileged_spool else None
    fetcher = Fetcher(client, server_key, root, clock, bandwidth_bps=settings.release_bandwidth_bps)
    policy = UpdatePolicy(
        hours=settings.hours, health_deadline_s=settings.health_deadline_s,
        python=settings.release_python or sys.executable,
        vendor=VendorCommands(settings.vendor_install_command, settings.vendor_check_command, for_vendor(privileged)),
    )  # fmt: skip
    command = settings.restart_command
    return Updater(root, fetcher, settings.database, clock, policy, restart=lambda: restarter(command, privileged))
