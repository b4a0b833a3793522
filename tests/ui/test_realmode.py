"""`kiosk --config`: the field composition from a config file — devices through the driver registry against their
emulators, online calls to a real server process the kiosk is enrolled with — and clear refusals when it cannot."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from drivers.biometric.rdservice.emulator import RdServiceEmulator
from drivers.cash.ssp.emulator import SspEmulator
from drivers.printer.emulator import PrinterEmulator
from kiosk.clock import SystemClock
from kiosk.store import Store
from server.online import DEMO_BILLS
from sync.agent import enrol
from sync.settings import load_settings
from tests.sync.harness import ServerProcess, wait_until, write_config
from tests.systemd.test_ui_watchdog import FakeSystemd
from ui import driver
from ui.app import build_window
from ui.main import main
from ui.realmode import StartError, real_services


@pytest.fixture
def bench(tmp_path: Path) -> Iterator[tuple[SspEmulator, PrinterEmulator, RdServiceEmulator]]:
    (tmp_path / "receipts").mkdir()
    acceptor, printer = SspEmulator(), PrinterEmulator(tmp_path / "receipts")
    finger = RdServiceEmulator(SystemClock()).start()
    yield acceptor, printer, finger
    acceptor.close()
    printer.stop()
    finger.stop()


def field_config(
    folder: Path, server_url: str, devices: tuple[SspEmulator, PrinterEmulator, RdServiceEmulator]
) -> Path:
    acceptor, printer, finger = devices
    config = write_config(folder, server_url)
    sections = f"""
[devices.cash]
driver = "ssp"
port = "{acceptor.serve_pty(folder / "ttyCASH")}"
poll_interval_ms = 50

[devices.printer]
driver = "escpos"
transport = "serial"
port = "{printer.serve_pty()}"
baudrate = 115200

[devices.biometric]
driver = "rdservice"
first_port = {finger.port}
last_port = {finger.port}
try_https = false
"""
    config.write_text(config.read_text(encoding="utf-8") + sections, encoding="utf-8")
    return config


def enrolled_config(
    folder: Path, server: ServerProcess, devices: tuple[SspEmulator, PrinterEmulator, RdServiceEmulator]
) -> Path:
    """What `kioskctl provision` leaves behind: a config naming the devices, and the kiosk enrolled."""
    config = field_config(folder, server.url, devices)
    settings = load_settings(config)
    store = Store.open(settings.database, SystemClock())
    enrol(settings, store, server.admin("admin", "issue-token", settings.kiosk_code))
    store.close()
    return config


def test_the_field_kiosk_looks_a_bill_up_on_its_server_and_takes_cash_through_its_drivers(
    tmp_path: Path, bench: tuple[SspEmulator, PrinterEmulator, RdServiceEmulator], qtbot: QtBot
) -> None:
    server = ServerProcess(str(tmp_path / "server.db"), tmp_path / "server.log").start()
    try:
        server.admin("seed", "--per-biller", "2")
        services = real_services(enrolled_config(tmp_path, server, bench))
        kiosk = build_window(services, kiosk_mode=False)
        try:
            acceptor, printer, _ = bench
            qtbot.waitUntil(lambda: services.devices.cash.health().ok, timeout=10_000)
            # The devices' statuses and the RD service version are left for the agent's heartbeat.
            qtbot.waitUntil(lambda: services.store.get_meta("rd_service") is not None, timeout=10_000)
            assert "printer" in json.loads(services.store.get_meta("device_status") or "{}")
            assert services.vault is not None  # scans and photos have their encrypted vault beside the database
            page = services.vault.put(b"a scanned page", "image/jpeg")
            assert (services.store.path.parent / "vault" / f"{page.sha256}.blob").exists()
            _, account, _, _, paise, _ = DEMO_BILLS[0]
            driver.tap(kiosk.window, "tile_jvvnl-bill")
            driver.type_digits(kiosk.window, account)
            driver.tap(kiosk.window, "keyOk")
            assert driver.text_of(kiosk.window, "amountDueText").endswith(f"₹{paise // 100:,}.00")
            driver.tap(kiosk.window, "payCashButton")
            for note in (200, 100, 50):
                qtbot.waitUntil(lambda: acceptor.state.enabled, timeout=5000)
                assert acceptor.insert_note(note)
                qtbot.waitUntil(lambda: acceptor.state.note is None and not acceptor.state.queue, timeout=5000)
            qtbot.waitUntil(lambda: kiosk.vm.journey.step == "done", timeout=10_000)
            qtbot.waitUntil(lambda: len(printer.receipts) == 1, timeout=10_000)
        finally:
            kiosk.close()
            services.close()
    finally:
        server.stop()


def test_a_kiosk_that_cannot_start_says_what_to_do(
    tmp_path: Path, bench: tuple[SspEmulator, PrinterEmulator, RdServiceEmulator]
) -> None:
    config = field_config(tmp_path, "http://127.0.0.1:9", bench)
    with pytest.raises(StartError, match=r"not enrolled.*kioskctl provision"):
        real_services(config)
    (tmp_path / "bare").mkdir()
    no_devices = tmp_path / "bare.toml"
    no_devices.write_text(write_config(tmp_path / "bare", "http://127.0.0.1:9").read_text(encoding="utf-8"))
    with pytest.raises(StartError, match=r"no \[devices.cash\], \[devices.printer\], \[devices.biometric\]"):
        real_services(no_devices)
    broken = tmp_path / "broken.toml"
    broken.write_text('[kiosk]\ncode = "X"\n', encoding="utf-8")
    err = io.StringIO()
    from ui.main import run_kiosk

    assert run_kiosk(broken, err) == 1
    assert "cannot start" in err.getvalue()
    assert str(broken) in err.getvalue()
    with pytest.raises(SystemExit):
        main([])  # neither --config nor --demo: a usage error naming both


def test_kiosk_config_under_systemd_says_ready_feeds_the_watchdog_and_stops_cleanly_on_sigterm(
    tmp_path: Path, bench: tuple[SspEmulator, PrinterEmulator, RdServiceEmulator]
) -> None:
    server = ServerProcess(str(tmp_path / "server.db"), tmp_path / "server.log").start()
    systemd = FakeSystemd(tmp_path)
    try:
        config = enrolled_config(tmp_path, server, bench)
        env = {
            **os.environ,
            "NOTIFY_SOCKET": systemd.address,
            "WATCHDOG_USEC": "300000",
            "QT_QPA_PLATFORM": "offscreen",
        }
        with open(tmp_path / "kiosk.log", "wb") as log:
            child = subprocess.Popen([sys.executable, "-m", "ui.main", "--config", str(config)], env=env, stderr=log)
        try:
            wait_until(lambda: [t for _, t in systemd.messages].count("WATCHDOG=1") >= 2, 60, "READY and two pings")
            texts = [text for _, text in systemd.messages]
            assert texts[0].startswith("READY=1")
            child.send_signal(signal.SIGTERM)
            assert child.wait(timeout=30) == 0
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        time.sleep(0.1)  # the receiver thread stamps the last datagram
        assert systemd.messages[-1][1] == "STOPPING=1"
    finally:
        systemd.close()
        server.stop()
