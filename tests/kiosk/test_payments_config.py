"""The kiosk config's [payments] section: which rails are offered, and UPI's payee; mistakes are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_config
from tests.kiosk.test_config import GOOD, write

UPI = '\n[payments]\nrails = ["upi"]\nupi_payee_vpa = "emitra.bassi@sbi"\nupi_payee_name = "e-Mitra Bassi"\n'


def test_no_payments_section_offers_no_rails(tmp_path: Path) -> None:
    assert load_config(write(tmp_path, GOOD)).payments.rails == ()


def test_upi_with_its_payee_loads(tmp_path: Path) -> None:
    payments = load_config(write(tmp_path, GOOD + UPI)).payments
    assert (payments.rails, payments.upi_payee_vpa, payments.upi_payee_name) == (
        ("upi",), "emitra.bassi@sbi", "e-Mitra Bassi")  # fmt: skip


@pytest.mark.parametrize(
    ("old", "new", "key", "expected"),
    [
        ('rails = ["upi"]', 'rails = ["bitcoin"]', "[payments].rails", "distinct rails"),
        ('rails = ["upi"]', 'rails = ["upi", "upi"]', "[payments].rails", "distinct rails"),
        ('"emitra.bassi@sbi"', '"emitra bassi"', "[payments].upi_payee_vpa", "name@bank"),
        ('upi_payee_name = "e-Mitra Bassi"', 'upi_payee_name = ""', "[payments].upi_payee_name", "1-50"),
        ('upi_payee_name = "e-Mitra Bassi"', 'upi_payee_name = "x"\ncolour = 1', "[payments].colour", "unknown key"),
    ],
)
def test_a_bad_payments_section_names_the_key_and_what_was_expected(
    tmp_path: Path, old: str, new: str, key: str, expected: str
) -> None:
    text = (GOOD + UPI).replace(old, new, 1)
    with pytest.raises(ConfigError) as raised:
        load_config(write(tmp_path, text))
    assert key in str(raised.value)
    assert expected in str(raised.value)
