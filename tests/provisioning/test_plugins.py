"""Families and models come from the driver registry only: an ID-003 acceptor is tested, self-tested by
provisioning, probed by the doctor and detected behind a bridge with no provisioning code naming ID-003."""

from __future__ import annotations

import io
import threading
import time
from pathlib import Path

import pytest

from drivers.cash.id003.emulator import Id003Emulator
from drivers.registry import available, families, plugin
from kiosk.devices.plugin import DevicePlugin, Verdict
from provisioning.cli import main
from provisioning.detect import Candidate, detect, probe_configured
from provisioning.devices import self_test


def insert_a_note_once_enabled(device: Id003Emulator) -> threading.Thread:
    def villager() -> None:
        for _ in range(250):
            if device.state.enabled:
                device.insert_note(100)
                return
            time.sleep(0.02)

    thread = threading.Thread(target=villager, daemon=True)
    thread.start()
    return thread


def test_kioskctl_device_test_cash_model_id003_takes_a_note_from_the_id003_emulator(tmp_path: Path) -> None:
    device = Id003Emulator(firmware="minimal")
    port = device.serve_pty(tmp_path / "ttyCASH")
    insert_a_note_once_enabled(device)
    out = io.StringIO()
    try:
        code = main(["device", "test", "cash", "--model", "id003", "--port", port, "--seconds", "2"], out)
    finally:
        device.close()
    assert code == 0, out.getvalue()
    assert "ok    connected: ID-003 acceptor" in out.getvalue()
    assert "PASS  seen: 1 note(s) held in escrow, 1 stacked into the box" in out.getvalue()
    assert device.stacked == [100]


def test_the_cash_family_lists_ssp_first_and_a_dead_id003_port_fails_by_name() -> None:
    assert [model.model for model in families()["cash"]] == ["ssp", "id003"]
    out = io.StringIO()
    code = main(["device", "test", "cash", "--model", "id003", "--port", "/dev/nonexistent-cash",
                 "--seconds", "0", "--connect-timeout", "0.5"], out)  # fmt: skip
    assert code == 1
    assert "FAIL  no working ID-003 acceptor on /dev/nonexistent-cash" in out.getvalue()


def test_every_entry_point_is_a_typed_plugin_named_after_its_family_and_model() -> None:
    for name in available():
        family, model = name.split(".", 1)
        loaded = plugin(family, model)
        assert isinstance(loaded, DevicePlugin)
        assert (loaded.family, loaded.model) == (family, model)


def test_provisioning_self_tests_a_configured_id003_acceptor_through_its_plugin(tmp_path: Path) -> None:
    device = Id003Emulator()
    port = device.serve_pty(tmp_path / "ttyCASH")
    try:
        passed, report = self_test("cash", {"port": port}, driver="id003")
    finally:
        device.close()
    assert passed, report
    assert report == "cash: PASS  connection only: note table and inhibit set; taking notes was not tested"


def test_a_silent_id003_port_fails_the_typed_self_test_and_the_doctor_says_so(tmp_path: Path) -> None:
    device = Id003Emulator()
    port = device.serve_pty(tmp_path / "ttyCASH")
    try:
        answer = probe_configured("cash", {"port": port}, "id003")
        device.go_silent()
        result = plugin("cash", "id003").selftest(
            {"port": port, "seconds": 0.0, "connect_timeout": 0.5}, lambda line: None
        )
    finally:
        device.close()
    assert answer is not None
    assert answer.ok, answer.detail
    assert answer.detail.startswith("ID-003 acceptor, version")
    assert result.verdict is Verdict.FAIL
    assert result.seen.startswith("FAIL  ")
    assert result.lines[-1] == result.seen


def test_an_id003_acceptor_behind_a_generic_bridge_is_detected_and_configured_as_id003(tmp_path: Path) -> None:
    device = Id003Emulator()
    port = device.serve_pty(tmp_path / "ttyCASH")
    try:
        found = detect(["cash"], found_ports=[Candidate(port, "", "1a86:7523", "CH340", ("cash",))],
                       biometric_ports=(9, 9))  # fmt: skip
    finally:
        device.close()
    assert [(d.kind, dict(d.section)) for d in found.found] == [("cash", {"driver": "id003", "port": port})]
    assert found.found[0].evidence.startswith("ID-003 acceptor")


def test_a_self_test_option_the_model_does_not_have_is_refused_by_name_before_touching_the_device() -> None:
    with pytest.raises(ValueError, match=r"cash\.id003 self-test has no option driver, sekonds"):
        plugin("cash", "id003").selftest({"port": "/dev/nonexistent", "sekonds": 1, "driver": "ssp"}, print_nothing)


def test_a_configured_acceptor_without_a_port_fails_provisioning_self_test_naming_the_key() -> None:
    assert self_test("cash", {}, driver="id003") == (
        False,
        "cash: cannot run its self-test ([devices.cash] has no 'port')",
    )


def print_nothing(line: str) -> None:
    pass
