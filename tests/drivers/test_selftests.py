"""`kioskctl device test <family> --emulator` prints a clear verdict for each of this issue's families."""

from __future__ import annotations

import io

import pytest

from provisioning.cli import main


@pytest.mark.parametrize(
    ("family", "expected"),
    [
        ("biometric", "PASS  fingerprint reader"),
        ("gps", "PASS  GPS receiver"),
        ("qr", "PASS  QR/barcode scanner"),
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
