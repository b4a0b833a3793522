"""The agent's own code on the shipped path: remote commands and config changes reach root through the executor."""

from __future__ import annotations

import tomllib
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.clock import FakeClock, iso_utc
from kiosk.config import ConfigError, load_config
from kiosk.store import Store
from sync.privileged_client import Privileged, PrivilegedSystem
from sync.protocol.remote import RemoteCommand, SignedRemoteCommand, remote_message
from sync.protocol.signing import b64url
from sync.remote import FileLog, RemoteExecutor
from sync.settings import agent_settings
from tests.privileged.world import PathUnit, World

SERVER = Ed25519PrivateKey.generate()


class NoScreen:
    def screenshot(self) -> tuple[bytes | None, str]:
        return None, "no screen in this test"


def order(clock: FakeClock, kind: str, args: dict[str, object] | None = None) -> SignedRemoteCommand:
    command = RemoteCommand.model_validate({
        "id": str(uuid.uuid4()), "kiosk_id": "k-1", "kind": kind, "officer": "Meena Sharma", "args": args or {},
        "issued_at": iso_utc(clock.now()), "expires_at": iso_utc(clock.now() + timedelta(hours=1)),
    })  # fmt: skip
    return SignedRemoteCommand(command=command, signature=b64url(SERVER.sign(remote_message(command))))


def test_officers_orders_that_need_root_are_carried_out_by_the_executor(world: World, tmp_path: Path) -> None:
    clock = FakeClock()
    store = Store.open(tmp_path / "kiosk.db", clock)
    (tmp_path / "kiosk.log").write_text("")
    privileged = Privileged(world.spool, timeout_s=30)
    agent = RemoteExecutor(store, SERVER.public_key(), "k-1", clock, system=PrivilegedSystem(privileged),
                           logs=FileLog(tmp_path / "kiosk.log"), screen=NoScreen(), config_path=world.config,
                           privileged=privileged)  # fmt: skip
    change = order(clock, "set_config", {"kiosk": {"helpline": "1800-180-6127"}})
    bad = order(clock, "set_config", {"hours": {"mon": "25:00-26:00"}})
    restart = order(clock, "restart_app")
    with PathUnit(world):
        agent.handle([change, bad, restart])
        agent.handle([change])  # sent again by the server: answered again, applied once
    results = {r.id: (r.status, r.detail) for r in agent.pending()}
    store.close()
    assert results[change.command.id][0] == "done"
    assert results[change.command.id][1].startswith("changed [kiosk].helpline")
    assert results[bad.command.id][0] == "refused"
    assert results[bad.command.id][1].startswith("refused: nothing changed: ")
    assert "[hours].mon" in results[bad.command.id][1]
    assert results[restart.command.id] == ("done", "restart_app started")
    assert tomllib.loads(world.config.read_text())["kiosk"]["helpline"] == "1800-180-6127"
    assert world.calls == ["systemctl restart kiosk.service"]


def test_the_spool_is_an_agent_setting_and_a_bad_one_is_named(world: World) -> None:
    text = world.config.read_text()
    world.config.write_text(text.replace("[agent]\n", '[agent]\nprivileged_spool = "/var/lib/kiosk-privileged"\n'))
    assert agent_settings(load_config(world.config)).privileged_spool == Path("/var/lib/kiosk-privileged")
    world.config.write_text(text.replace("[agent]\n", "[agent]\nprivileged_spool = 7\n"))
    with pytest.raises(ConfigError, match=r"\[agent\]\.privileged_spool"):
        agent_settings(load_config(world.config))
