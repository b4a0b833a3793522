from pathlib import Path

from drivers.biometric.rdservice.emulator import RdServiceEmulator
from drivers.cash.ssp.emulator import SspEmulator
from kiosk.clock import SystemClock
from kiosk.config import load_config
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
