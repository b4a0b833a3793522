"""A revoked kiosk key vouches for nothing signed after its revocation, and still for what it signed before."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import requests

from sync.protocol.receipts import ReceiptClaim
from sync.protocol.receipts import make_token as receipt_token
from sync.protocol.zreports import ZReportClaim
from sync.protocol.zreports import make_token as zreport_token
from tests.server.conftest import Kiosk
from tests.sync.harness import KIOSK_CODE

BEFORE = "2026-11-23T04:30:00.000000Z"  # a genuine receipt, printed well before the revocation
JSON = {"Accept": "application/json"}


def revoked_at(tmp_path: Path, kiosk: Kiosk) -> datetime:
    kiosk.server.admin("admin", "revoke", KIOSK_CODE)
    conn = sqlite3.connect(tmp_path / "server.db")
    try:
        [(text,)] = conn.execute("SELECT revoked_at FROM kiosk_keys").fetchall()
    finally:
        conn.close()
    return datetime.fromisoformat(str(text).replace("Z", "+00:00"))


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def receipt(kiosk: Kiosk, paise: int, paid_at: str) -> str:
    return receipt_token(ReceiptClaim(KIOSK_CODE, 41, "TXN-41", paise, paid_at), kiosk.key)


def zreport(kiosk: Kiosk, generated_at: str) -> str:
    claim = ZReportClaim(KIOSK_CODE, generated_at[:10], 1, 3, 150_000, 150_000, 150_000, 0, 0, 0, generated_at)
    return zreport_token(claim, kiosk.key)


def test_a_forged_receipt_signed_with_a_revoked_key_after_revocation_says_revoked(tmp_path: Path, kiosk: Kiosk) -> None:
    genuine = receipt(kiosk, 50_000, BEFORE)
    when = revoked_at(tmp_path, kiosk)
    forged = receipt(kiosk, 99_999_999, stamp(when + timedelta(minutes=5)))  # ₹9,99,999.99
    answer = requests.get(f"{kiosk.server.url}/r/{forged}", headers=JSON, timeout=10)
    assert answer.status_code == 400
    assert answer.json() == {"valid": False, "detail": answer.json()["detail"]}
    assert f"revoked on {when:%Y-%m-%d}" in answer.json()["detail"]
    page = requests.get(f"{kiosk.server.url}/r/{forged}", timeout=10)
    assert (page.status_code, "NOT verified" in page.text, "₹999999.99" in page.text) == (400, True, False)
    kept = requests.get(f"{kiosk.server.url}/r/{genuine}", headers=JSON, timeout=10)
    assert (kept.status_code, kept.json()["valid"], kept.json()["amount_paise"]) == (200, True, 50_000)


def test_a_zreport_signed_after_revocation_is_refused_and_one_from_before_verifies(
    tmp_path: Path, kiosk: Kiosk
) -> None:
    genuine = zreport(kiosk, BEFORE)
    when = revoked_at(tmp_path, kiosk)
    forged = zreport(kiosk, stamp(when + timedelta(hours=1)))
    answer = requests.get(f"{kiosk.server.url}/z/{forged}", headers=JSON, timeout=10)
    assert answer.status_code == 400
    assert f"revoked on {when:%Y-%m-%d}" in answer.json()["detail"]
    assert requests.get(f"{kiosk.server.url}/z/{genuine}", headers=JSON, timeout=10).json()["valid"] is True


def test_a_phone_link_to_a_receipt_dated_after_the_revocation_stops_opening(tmp_path: Path, kiosk: Kiosk) -> None:
    server_time = kiosk.send("POST", "/api/v1/heartbeat", BEAT).json()["server_time"]
    ahead = stamp(datetime.fromisoformat(server_time.replace("Z", "+00:00")) + timedelta(days=1))
    links = {}
    for name, paid_at in (("genuine", BEFORE), ("dated_ahead", ahead)):
        made = kiosk.send("POST", "/api/v1/deliveries", {"receipt_token": receipt(kiosk, 99_999_999, paid_at)})
        assert made.status_code == 200, made.text
        links[name] = made.json()["url"]
    when = revoked_at(tmp_path, kiosk)
    refused = requests.get(links["dated_ahead"], timeout=10)
    assert refused.status_code == 400
    assert f"revoked on {when:%Y-%m-%d}" in refused.text
    assert requests.get(links["genuine"], timeout=10).status_code == 200


BEAT = {"agent_version": "1", "app_version": "1", "boot_id": "b", "uptime_s": 1.0, "last_seq": 0,
        "outbox_depth": 0, "quarantined": 0, "disk_free_bytes": 1}  # fmt: skip
