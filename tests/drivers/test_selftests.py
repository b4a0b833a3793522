"""`kioskctl device test <family> --emulator` prints a clear verdict for each of this issue's families."""

from __future__ import annotations

import io

import pytest

from provisioning.cli import main


@pytest.mark.parametrize(
    ("family", "expected"),
    [
        ("biometric", "PASS  fingerprint reader"),
        ("gps", "PASS  GPS receiver (a fix with a valid position was received)"),
        ("qr", "PASS  QR/barcode scanner (a code was read and checked)"),
        ("printer", "PASS  receipt printer (check the paper"),
        ("scanner", "PASS  document scanner"),
    ],
)
def test_self_test_against_the_emulator_passes_with_a_verdict(family: str, expected: str) -> None:
    out = io.StringIO()
    assert main(["device", "test", family, "--emulator"], out) == 0, out.getvalue()
    assert expected in out.getvalue()


def test_biometric_self_test_fails_clearly_when_no_service_answers() -> None:
    out = io.StringIO()
    assert main(["device", "test", "biometric", "--first-port", "1", "--last-port", "2"], out) == 1
    assert "FAIL  no RD service answered on 127.0.0.1 ports 1-2" in out.getvalue()


def test_gps_self_test_fails_clearly_when_the_port_is_missing() -> None:
    out = io.StringIO()
    assert main(["device", "test", "gps", "--port", "/dev/nonexistent-gps", "--wait-s", "0.5"], out) == 1
    assert "FAIL  no fix within 0.5 s (status disconnected)" in out.getvalue()


PROFILES = ("full", "minimal", "quirky", "slow")


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize(
    ("family", "seen"),
    [
        ("gps", "ok    fix 26.912400, 75.787300 (±4.5 m, 8 satellites)"),
        ("qr", "ok    read 20 characters, starting 'EMITRA-SELFTEST-'"),
        ("printer", "ok    the printer took the test receipt and answered its status after the cut"),
    ],
)
def test_self_test_passes_on_every_emulator_profile_saying_what_it_saw(family: str, seen: str, profile: str) -> None:
    out = io.StringIO()
    assert main(["device", "test", family, "--emulator", "--profile", profile], out) == 0, out.getvalue()
    assert seen in out.getvalue()
    assert out.getvalue().count("PASS") == 1


def test_printer_self_test_says_which_optional_status_the_printer_does_not_answer() -> None:
    out = io.StringIO()
    assert main(["device", "test", "printer", "--emulator", "--profile", "minimal"], out) == 0, out.getvalue()
    assert "info  the printer does not answer DLE EOT 2, 4: paper-low warnings cannot be seen" in out.getvalue()
