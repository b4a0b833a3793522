import shutil
import subprocess
import sys
from pathlib import Path

from drivers.cash.ssp.emulator import SspEmulator
from kiosk.config import load_config
from tests.provisioning.test_provision import provision

ROOT = Path(__file__).resolve().parents[2]
UMOCKDEV_GPS = ROOT / "tests/drivers/hotplug/gps.umockdev"


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
    assert "ok    devices: cash: PASS" in text
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


def test_detection_finds_a_ublox_gps_by_vendor_and_product_in_a_faked_sys() -> None:
    runner = shutil.which("umockdev-run")
    assert runner, "umockdev-run is missing: `bash scripts/install-system-packages.sh scripts/system-packages.txt`"
    probe = "from provisioning.devices import detect_usb_serial as d; print([(f.node, f.family) for f in d()])"
    result = subprocess.run(
        [runner, "-d", str(UMOCKDEV_GPS), "--", sys.executable, "-c", probe],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[('/dev/ttyACM0', 'gps (u-blox 7)')]"
