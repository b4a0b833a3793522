import json
from pathlib import Path

import pytest

from drivers.biometric.rdservice.emulator import RdServiceEmulator
from drivers.cash.ssp.emulator import SspEmulator
from drivers.gps.nmea.codec import sentence
from drivers.gps.nmea.emulator import VOID_FIX, NmeaEmulator
from kiosk.clock import FakeClock, SystemClock
from kiosk.config import load_config
from kiosk.store import Store
from tests.provisioning.test_provision import provision


def with_cash(answers: Path, port: str) -> None:
    answers.write_text(
        answers.read_text(encoding="utf-8") + f'\n[devices.cash]\ndriver = "ssp"\nport = "{port}"\n', encoding="utf-8"
    )


def test_provisioning_self_tests_the_configured_acceptor_and_keeps_it_in_the_config(
    tmp_path: Path, answers: Path
) -> None:
    device = SspEmulator()
    port = device.serve_pty(tmp_path / "ttyCASH")
    try:
        with_cash(answers, port)
        code, text = provision(tmp_path / "root", answers)
    finally:
        device.close()
    assert code == 0, text
    assert "cash from the answers; cash: PASS" in text
    config = load_config(tmp_path / "root/etc/kiosk/kiosk.toml")
    assert config.devices["cash"].params == {"port": port}


def test_a_dead_acceptor_stops_provisioning_at_the_device_step_with_what_to_check(
    tmp_path: Path, answers: Path
) -> None:
    device = SspEmulator()
    port = device.serve_pty(tmp_path / "ttyCASH")
    device.go_silent()
    try:
        with_cash(answers, port)
        code, text = provision(tmp_path / "root", answers)
    finally:
        device.close()
    assert code == 1
    assert "FAIL  devices: cash: FAIL" in text
    assert "check the cable and power" in text
    assert not (tmp_path / "root/etc/systemd/system/kiosk.service").exists()  # later steps wait for the fix


def test_a_port_named_in_the_answers_wins_and_detection_fills_in_the_rest(tmp_path: Path, answers: Path) -> None:
    device = SspEmulator()
    port = device.serve_pty(tmp_path / "ttyCASH")
    rd = RdServiceEmulator(SystemClock()).start()
    try:
        text = answers.read_text(encoding="utf-8").replace("required = []", 'required = ["cash", "biometric"]')
        answers.write_text(text.replace("biometric_ports = [9, 9]", f"biometric_ports = [{rd.port}, {rd.port}]"))
        with_cash(answers, port)
        code, out = provision(tmp_path / "root", answers)
    finally:
        rd.stop()
        device.close()
    assert code == 0, out
    assert "biometric detected: RD service" in out
    assert "cash from the answers" in out
    devices = load_config(tmp_path / "root/etc/kiosk/kiosk.toml").devices
    assert devices["cash"].params == {"port": port}
    assert devices["biometric"].params == {"first_port": rd.port, "last_port": rd.port}


@pytest.mark.parametrize(
    ("script", "reason"),
    [
        (VOID_FIX, "no fix within 1.5 s"),
        ((sentence("GPGGA,063000.00,2654.744,N,07547.238,E,1,03,25.0,431.0,M,-41.0,M,,"),), "only a weak fix"),
    ],
    ids=["no-fix", "weak-fix"],
)
def test_a_receiver_without_a_good_fix_falls_back_to_the_manual_position_and_says_so(
    tmp_path: Path, answers: Path, script: tuple[bytes, ...], reason: str
) -> None:
    gps = NmeaEmulator(tmp_path / "ttyGPS")
    gps.start_replay(script, interval_s=0.2)
    try:
        text = answers.read_text(encoding="utf-8").replace("[geotag]\n", "[geotag]\ngps_wait_s = 1.5\n")
        answers.write_text(text + f'\n[devices.gps]\ndriver = "nmea"\nport = "{gps.path}"\n', encoding="utf-8")
        code, out = provision(tmp_path / "root", answers)
    finally:
        gps.close()
    assert code == 0, out
    assert f"geo-tag 26.91240, 75.78730 (manual position: {reason}" in out
    store = Store.open(tmp_path / "root/var/lib/kiosk/kiosk.db", FakeClock())
    [row] = store.read("SELECT payload FROM outbox WHERE kind = 'kiosk.provisioned'")
    store.close()
    summary = json.loads(str(row["payload"]))
    assert summary["position"]["source"] == "manual"
    assert summary["position"]["how"].startswith(f"manual position: {reason}")
    assert summary["self_test"]["gps"]["passed"] is False


def test_a_receiver_without_a_fix_and_no_manual_position_stops_with_what_to_do(tmp_path: Path, answers: Path) -> None:
    gps = NmeaEmulator(tmp_path / "ttyGPS")
    gps.start_replay(VOID_FIX, interval_s=0.2)
    try:
        text = answers.read_text(encoding="utf-8").replace('manual = "26.9124, 75.7873"', "gps_wait_s = 1.0")
        answers.write_text(text + f'\n[devices.gps]\ndriver = "nmea"\nport = "{gps.path}"\n', encoding="utf-8")
        code, out = provision(tmp_path / "root", answers)
    finally:
        gps.close()
    assert code == 1
    assert "FAIL  geotag: no fix within 1 s from the GPS receiver and no manual position" in out
    assert "move the antenna near a window" in out
