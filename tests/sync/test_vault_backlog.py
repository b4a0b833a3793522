"""The heartbeat reports the document vault's backlog, the dashboard flags an old one, and an older server that does
not know the fields still takes the heartbeat."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.capture.blob_events import emit_with_blobs
from kiosk.capture.vault import Vault
from kiosk.clock import Clock, FakeClock, SystemClock
from kiosk.outbox import Outbox
from kiosk.store import Store
from server.dashboard.alerts import Facts, evaluate
from server.dashboard.i18n import alert_text
from sync.agent import Agent
from sync.client import Client
from sync.drain import Drainer
from sync.heartbeat import HeartbeatSender
from tests.sync.harness import ServerProcess, enrolled_kiosk

SUBMITTED = datetime(2026, 11, 23, 21, 30, tzinfo=UTC)  # 03:00 in India: the centre is shut, the upload is not
# A server from before the vault backlog: the real server, its heartbeat model without the two fields (closed models
# refuse what they do not know, as the released servers do).
OLD_SERVER = """
import runpy, sys
from pydantic import create_model
import sync.protocol as protocol
fields = {n: (f.annotation, f) for n, f in protocol.Heartbeat.model_fields.items() if not n.startswith("vault_")}
protocol.Heartbeat = create_model("Heartbeat", __base__=protocol.Model, **fields)
sys.argv[0] = "kiosk-server"
runpy.run_module("server.cli", run_name="__main__")
"""


class OldServer(ServerProcess):
    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-c", OLD_SERVER, "--db", self.db, *args]


def submit_a_scan(store: Store, tmp_path: Path) -> Vault:
    vault = Vault.open(store, tmp_path / "vault.key")
    ref = vault.put(b"\xff\xd8 a scanned caste certificate", "image/jpeg")
    with store.write("operator") as uow:
        emit_with_blobs(uow, "application.submitted", {"service": "caste-certificate"}, [ref])
    return vault


def sender(store: Store, clock: Clock) -> HeartbeatSender:
    client = Client("http://127.0.0.1:9", Ed25519PrivateKey.generate(), "k", clock)
    outbox = Outbox(store)
    return HeartbeatSender(outbox, client, Drainer(outbox, client), clock)


def test_documents_waiting_three_hours_and_more_show_on_the_dashboard(tmp_path: Path) -> None:
    clock = FakeClock(SUBMITTED)
    store = Store.open(tmp_path / "kiosk.db", clock)
    assert sender(store, clock).build().vault_waiting is None  # nothing waiting: the fields are left out
    vault = submit_a_scan(store, tmp_path)
    clock.advance(170 * 60)
    beat = sender(store, clock).build()
    assert (beat.vault_waiting, beat.vault_oldest_age_min) == (1, 170.0)
    now = clock.now()
    assert "vault_stuck" not in evaluate(Facts("k", now, last_beat_at=now, beat=beat.model_dump()), set(), now)
    clock.advance(30 * 60)
    now = clock.now()
    alerts = evaluate(Facts("k", now, last_beat_at=now, beat=sender(store, clock).build().model_dump()), set(), now)
    assert alerts["vault_stuck"] == {"hours": 3.3, "files": 1}
    for lang in ("hi", "en"):
        what, todo = alert_text(lang, "vault_stuck", alerts["vault_stuck"])
        assert "1" in what
        assert "3.3" in what
        assert "kioskctl doctor" in todo
    vault.mark_uploaded(vault.waiting_upload()[0].sha256)
    assert sender(store, clock).build().vault_oldest_age_min is None
    old_agent = {"outbox_depth": 0}  # an agent from before the fields: no alert, no error
    assert "vault_stuck" not in evaluate(Facts("k", now, last_beat_at=now, beat=old_agent), set(), now)
    store.close()


def test_a_server_from_before_the_backlog_fields_still_takes_the_heartbeat(tmp_path: Path) -> None:
    server = OldServer(str(tmp_path / "server.db"), tmp_path / "server.log").start()
    try:
        settings, store = enrolled_kiosk(tmp_path, server, server.url)
        agent = Agent(settings, store, SystemClock())
        assert agent.heartbeat.send().high_water is not None  # no backlog: the fields are not even sent as null
        assert agent.heartbeat.vault_fields
        submit_a_scan(store, tmp_path)
        assert agent.heartbeat.build().vault_waiting == 1
        assert agent.heartbeat.send().high_water is not None  # refused with the fields, sent again without them
        assert not agent.heartbeat.vault_fields
        assert agent.heartbeat.send().high_water is not None  # and from then on without them
        store.close()
    finally:
        server.stop()
