"""Small pure parts of sync: backoff, receipt tokens, the key file and the [agent] settings."""

from __future__ import annotations

import random
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.config import ConfigError
from sync.backoff import Backoff, first_contact_delay, full_jitter, retry_delay
from sync.identity import IdentityError, load_or_create_key
from sync.protocol.receipts import ReceiptClaim, make_token, parse_token, qr_text, verify_token
from sync.protocol.signing import SignatureError, public_key_text
from sync.settings import load_settings
from tests.sync.harness import write_config


def test_full_jitter_never_exceeds_the_cap_and_spreads_over_the_whole_range() -> None:
    rng = random.Random(1)
    delays = [full_jitter(10, base_s=1.0, cap_s=60.0, rng=rng) for _ in range(2000)]
    assert max(delays) <= 60.0
    assert min(delays) < 3.0
    assert max(delays) > 57.0


def test_retry_after_is_a_floor_that_jitter_never_shortens() -> None:
    rng = random.Random(2)
    assert all(retry_delay(0, 30.0, base_s=1.0, cap_s=5.0, rng=rng) >= 30.0 for _ in range(500))


def test_backoff_grows_with_failures_and_resets_after_a_success() -> None:
    backoff = Backoff(base_s=1.0, cap_s=1000.0, rng=random.Random(3))
    for _ in range(6):
        backoff.failed()
    assert backoff.failures == 6
    backoff.succeeded()
    assert backoff.failures == 0


def test_first_contact_delay_stays_inside_the_window() -> None:
    rng = random.Random(4)
    assert all(0.0 <= first_contact_delay(120.0, rng) <= 120.0 for _ in range(500))


def test_receipt_token_verifies_with_the_kiosk_key_and_not_with_another() -> None:
    key = Ed25519PrivateKey.generate()
    claim = ReceiptClaim("RJ-JPR-0001", 42, "TXN-42", 10_050, "2026-11-23T04:30:00.000000Z")
    token = make_token(claim, key)
    assert verify_token(token, key.public_key()) == claim
    assert qr_text("https://emitra.example/", token) == f"https://emitra.example/r/{token}"
    with pytest.raises(SignatureError, match="does not match"):
        verify_token(token, Ed25519PrivateKey.generate().public_key())


@pytest.mark.parametrize("token", ["", "abc", "a.b.c", "x" * 700, "djE.c2ln"])
def test_malformed_receipt_token_is_refused_with_a_reason(token: str) -> None:
    with pytest.raises(SignatureError):
        parse_token(token)


def test_receipt_field_with_a_separator_is_refused() -> None:
    with pytest.raises(ValueError, match="must not contain"):
        ReceiptClaim("RJ|X", 1, "T", 1, "2026-11-23T04:30:00.000000Z").body()


def test_key_file_is_created_private_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "keys" / "kiosk.key"
    key = load_or_create_key(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert public_key_text(load_or_create_key(path)) == public_key_text(key)


def test_key_file_readable_by_others_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.key"
    load_or_create_key(path)
    path.chmod(0o644)
    with pytest.raises(IdentityError, match="chmod 600"):
        load_or_create_key(path)


def test_agent_settings_come_from_the_kiosk_config_and_unknown_agent_keys_are_refused(tmp_path: Path) -> None:
    config = write_config(tmp_path, "http://127.0.0.1:9", batch_items=25)
    settings = load_settings(config)
    assert (settings.batch_items, settings.database) == (25, tmp_path / "kiosk.db")
    config.write_text(config.read_text("utf-8") + "colour = 3\n", "utf-8")
    with pytest.raises(ConfigError, match=r"\[agent\].colour"):
        load_settings(config)
