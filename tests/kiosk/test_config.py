from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_config
from kiosk.money import Money

GOOD = """
[kiosk]
code = "RJ-JPR-0001"
centre_name_hi = "राजीव गांधी सेवा केंद्र, बस्सी"
centre_name_en = "Rajiv Gandhi Seva Kendra, Bassi"
district = "Jaipur"
block = "Bassi"
gram_panchayat = "Bassi"
nodal_officer = "Smt. Sunita Sharma"
helpline = "181"
database = "kiosk.db"

[hours]
mon = "09:00-17:00"
tue = "09:00-17:00"
wed = "09:00-17:00"
thu = "09:00-17:00"
fri = "09:00-17:00"
sat = "09:00-13:00"
sun = "closed"
holidays = ["2027-01-26"]

[rules]
overpay_tolerance = "0"
idle_timeout_s = 60

[server]
url = "http://127.0.0.1:8080"

[devices.cash]
driver = "ssp"
port = "/dev/ttyACM0"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_config_loads_with_typed_values(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, GOOD))
    assert config.identity.kiosk_code == "RJ-JPR-0001"
    assert config.rules.overpay_tolerance == Money(0)
    assert config.rules.idle_timeout_s == 60
    assert config.database == tmp_path / "kiosk.db"
    assert config.devices["cash"].driver == "ssp"
    assert config.devices["cash"].params == {"port": "/dev/ttyACM0"}
    monday_noon_ist = datetime(2026, 11, 23, 6, 30, tzinfo=UTC)
    assert config.hours.is_open(monday_noon_ist)
    assert not config.hours.is_open(datetime(2026, 11, 29, 6, 30, tzinfo=UTC))  # Sunday
    assert date(2027, 1, 26) in config.hours.holidays


@pytest.mark.parametrize(
    ("change", "key", "expected"),
    [
        (("idle_timeout_s = 60", 'idle_timeout_s = "60"'), "[rules].idle_timeout_s", "whole number"),
        (('overpay_tolerance = "0"', "overpay_tolerance = 0.5"), "[rules].overpay_tolerance", "quoted string"),
        (('overpay_tolerance = "0"', 'overpay_tolerance = "12.345"'), "[rules].overpay_tolerance", "two decimals"),
        (('sun = "closed"', 'sun = "17:00-09:00"'), "[hours].sun", "closing time"),
        (('sun = "closed"', 'sun = "all day"'), "[hours].sun", "HH:MM"),
        (('helpline = "181"', 'helpline = "181"\ncolour = "blue"'), "[kiosk].colour", "unknown key"),
        (('helpline = "181"\n', ""), "[kiosk].helpline", "required"),
        (('url = "http://127.0.0.1:8080"', 'url = "ftp://x"'), "[server].url", "http"),
        (('driver = "ssp"', "driver = 7"), "[devices.cash].driver", "driver's name"),
        (("[devices.cash]", "[devices.toaster]"), "[devices.toaster]", "one of"),
        (('holidays = ["2027-01-26"]', 'holidays = ["26/01/2027"]'), "[hours].holidays", "dates like"),
    ],
)
def test_a_bad_config_names_the_key_the_value_and_what_was_expected(
    tmp_path: Path, change: tuple[str, str], key: str, expected: str
) -> None:
    old, new = change
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    message = str(raised.value)
    assert message.startswith(str(path))
    assert key in message
    assert expected in message


def test_a_config_that_is_not_toml_says_so(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="valid TOML"):
        load_config(write(tmp_path, "[kiosk\ncode = 1"))


def test_a_missing_config_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="readable file"):
        load_config(tmp_path / "nope.toml")


def test_a_binary_config_file_says_so(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ConfigError, match="UTF-8"):
        load_config(path)
