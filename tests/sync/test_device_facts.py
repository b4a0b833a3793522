"""The app leaves its devices' facts in the database; the agent's heartbeat carries them; the dashboard's alerts see
a printer out of paper and an RD service certificate about to expire (the real RD driver against its emulator)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from drivers.biometric.rdservice.driver import RdServiceReader
from drivers.biometric.rdservice.emulator import EmulatedState, RdServiceEmulator
from kiosk.cash_payment import CashDesk
from kiosk.clock import SystemClock
from kiosk.device_report import publish
from kiosk.devices.printer import PrinterStatus
from kiosk.flows.base import Devices
from kiosk.ledger import Ledger
from kiosk.outbox import Outbox
from kiosk.store import Store
from server.dashboard.alerts import Facts, evaluate
from sync.client import Client
from sync.drain import Drainer
from sync.heartbeat import HeartbeatSender
from tests.fakes.devices import MemoryCashAcceptor, MemoryPrinter

CASH = MemoryCashAcceptor().health().status


def test_device_facts_reach_the_heartbeat_and_raise_the_right_alerts(tmp_path: Path) -> None:
    clock = SystemClock()
    store = Store.open(tmp_path / "kiosk.db", clock)
    printer = MemoryPrinter()
    printer.state = PrinterStatus.PAPER_OUT
    with RdServiceEmulator(clock, state=EmulatedState.CERT_NEAR_EXPIRY) as rd:
        reader = RdServiceReader(clock, ports=(rd.port,), try_https=False)
        cash = MemoryCashAcceptor()
        devices = Devices(cash, printer, reader, CashDesk(Ledger(store), cash))
        with store.write("audio") as uow:  # another writer's entry (the audio device) is kept
            uow.set_meta("device_status", '{"audio": "no_audio_device"}')
        assert publish(store, devices) is True
        assert publish(store, devices) is False  # nothing changed: nothing written
    client = Client("http://127.0.0.1:9", Ed25519PrivateKey.generate(), "k", clock)
    outbox = Outbox(store)
    beat = HeartbeatSender(outbox, client, Drainer(outbox, client), clock).build()
    assert beat.devices == {
        "audio": "no_audio_device",
        "biometric": "ready",
        "cash": "idle",
        "printer": "paper_out",
    } or (beat.devices["printer"] == "paper_out" and beat.devices["audio"] == "no_audio_device")
    assert beat.rd_service_version
    assert beat.rd_cert_expires_at is not None
    now = datetime.now(UTC)
    alerts = evaluate(Facts("k", now, last_beat_at=now, beat=beat.model_dump()), set(), now)
    assert alerts["paper_out"] == {"device": "printer"}
    assert 0 <= alerts["rd_expiring"]["days"] <= 8
    store.close()
