from pathlib import Path

from drivers.cash.ssp.emulator import SspEmulator
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
