import io
import threading
import time
from pathlib import Path

import pytest

from drivers.cash.ssp.emulator import SspEmulator
from provisioning.cli import main


def device_test(device: SspEmulator, tmp_path: Path, *, notes: tuple[int, ...], seconds: str = "2") -> tuple[int, str]:
    port = device.serve_pty(tmp_path / "ttyCASH")

    def villager() -> None:
        for rupees in notes:
            for _ in range(200):
                if device.state.enabled and device.state.note is None:
                    device.insert_note(rupees)
                    break
                time.sleep(0.02)

    threading.Thread(target=villager, daemon=True).start()
    out = io.StringIO()
    try:
        code = main(["device", "test", "cash", "--port", port, "--seconds", seconds], out)
    finally:
        device.close()
    return code, out.getvalue()


@pytest.mark.parametrize("firmware", ["full", "minimal"])
def test_kioskctl_device_test_cash_passes_only_for_the_notes_it_saw_stacked(tmp_path: Path, firmware: str) -> None:
    device = SspEmulator(firmware=firmware)
    code, text = device_test(device, tmp_path, notes=(100,))
    assert code == 0, text
    assert "channels: 1=₹10, 2=₹20, 3=₹50, 4=₹100, 5=₹200, 6=₹500" in text
    assert "PASS  seen: 1 note(s) held in escrow, 1 stacked into the box" in text
    assert device.stacked == [100]


def test_kioskctl_device_test_cash_says_honestly_what_a_minimal_firmware_lacks(tmp_path: Path) -> None:
    code, text = device_test(SspEmulator(firmware="minimal"), tmp_path, notes=(50,))
    assert code == 0, text
    assert "serial not told by this firmware" in text
    assert "GET_COUNTERS" in text
    assert "SERIAL_NUMBER" in text
    assert "acceptor's own count as unavailable" in text


def test_kioskctl_device_test_cash_does_not_pass_when_no_note_was_seen(tmp_path: Path) -> None:
    code, text = device_test(SspEmulator(), tmp_path, notes=(), seconds="0.5")
    assert code == 2, text
    assert "PASS" not in text
    assert "UNTESTED" in text


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


def test_kioskctl_device_test_cash_for_a_connection_only_says_notes_were_not_tested(tmp_path: Path) -> None:
    code, text = device_test(SspEmulator(firmware="minimal"), tmp_path, notes=(), seconds="0")
    assert code == 0, text
    assert "PASS  connection only: channel table read, disable acknowledged; taking notes was not tested" in text
    assert "stacked into the box" not in text
