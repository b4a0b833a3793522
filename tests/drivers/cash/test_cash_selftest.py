import io
import threading
import time
from pathlib import Path

from drivers.cash.ssp.emulator import SspEmulator
from provisioning.cli import main


def test_kioskctl_device_test_cash_passes_against_the_emulator_on_a_pty(tmp_path: Path) -> None:
    device = SspEmulator()
    port = device.serve_pty(tmp_path / "ttyCASH")

    def villager() -> None:
        for _ in range(200):
            if device.state.enabled:
                device.insert_note(100)
                return
            time.sleep(0.02)

    threading.Thread(target=villager, daemon=True).start()
    out = io.StringIO()
    try:
        code = main(["device", "test", "cash", "--port", port, "--seconds", "2"], out)
    finally:
        device.close()
    text = out.getvalue()
    assert code == 0, text
    assert "channels: 1=₹10, 2=₹20, 3=₹50, 4=₹100, 5=₹200, 6=₹500" in text
    assert "PASS" in text
    assert "1 note(s) stacked" in text
    assert device.stacked == [100]


def test_kioskctl_device_test_cash_fails_clearly_when_nothing_answers(tmp_path: Path) -> None:
    device = SspEmulator()
    port = device.serve_pty(tmp_path / "ttyCASH")
    device.go_silent()
    out = io.StringIO()
    try:
        code = main(["device", "test", "cash", "--port", port, "--seconds", "0", "--connect-timeout", "1"], out)
    finally:
        device.close()
    assert code == 1
    assert "FAIL  no working acceptor" in out.getvalue()


def test_the_driver_is_found_by_name_through_its_entry_point() -> None:
    from drivers.registry import available, build
    from kiosk.clock import FakeClock
    from kiosk.config import DeviceConfig

    assert "cash.ssp" in available("cash")
    driver = build(DeviceConfig("cash", "ssp", {"port": "/dev/null-acceptor"}), FakeClock())
    assert type(driver).__name__ == "SspAcceptor"
