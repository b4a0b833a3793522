"""The [agent] keys of software updates: read from the kiosk config, and a bad value named with what is expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import ConfigError
from sync.redact import redact
from sync.settings import load_settings
from tests.sync.harness import write_config


def test_update_settings_are_read_with_the_release_root_beside_the_config(tmp_path: Path) -> None:
    config = write_config(tmp_path, "http://127.0.0.1:9", release_root="opt-kiosk", release_bandwidth_bps=8000,
                          health_deadline_s=180, vendor_check_command="systemctl is-active rdservice")  # fmt: skip
    settings = load_settings(config)
    assert settings.release_root == (tmp_path / "opt-kiosk").resolve()
    assert settings.release_bandwidth_bps == 8000.0
    assert settings.health_deadline_s == 180.0
    assert settings.vendor_install_command == "dpkg -i {file}"
    assert settings.vendor_check_command == "systemctl is-active rdservice"
    assert settings.hours is not None


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("release_root", 5, "[agent].release_root"),
        ("restart_command", 7, "[agent].restart_command"),
        ("release_bandwidth_bps", -1, "[agent].release_bandwidth_bps"),
    ],
)
def test_a_bad_update_setting_is_named(tmp_path: Path, key: str, value: object, expected: str) -> None:
    config = write_config(tmp_path, "http://127.0.0.1:9", **{key: value})
    with pytest.raises(ConfigError, match=expected.replace("[", r"\[").replace("]", r"\]")):
        load_settings(config)


def test_log_lines_leave_the_kiosk_with_aadhaar_mobile_and_secrets_masked() -> None:
    line = "auth for 234567890123 / 2345-6789-0123 from +91 98765 43210 or 9876543210, pin=4321 key: abcd"
    cleaned = redact(line)
    for secret in ("234567890123", "2345-6789", "98765 43210", "9876543210", "4321", "abcd"):
        assert secret not in cleaned, cleaned
    assert cleaned.count("[AADHAAR REDACTED]") == 2
