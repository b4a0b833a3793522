"""Hostile input found in the field answers 4xx with a reason, never 5xx, and needs no login to try."""

from __future__ import annotations

import os
import subprocess

import requests

from sync.protocol.receipts import ReceiptClaim, make_token
from sync.protocol.signing import b64url
from tests.server.conftest import Kiosk
from tests.server.dashboard.harness import PASSWORD, login
from tests.sync.harness import KIOSK_CODE, ServerProcess

BEAT = "/api/v1/heartbeat"


def test_a_non_ascii_or_5000_digit_timestamp_is_refused_as_unsigned_not_a_server_error(kiosk: Kiosk) -> None:
    for stamp in ("١٧٠٠٠٠٠٠٠٠", "²", "9" * 5000):
        headers, wire = kiosk.signed("POST", BEAT, {"outbox_depth": 0})
        headers["X-Timestamp"] = stamp
        answer = requests.post(kiosk.server.url + BEAT, data=wire, headers={
            k: v.encode("utf-8") if isinstance(v, str) else v for k, v in headers.items()}, timeout=10)  # fmt: skip
        assert answer.status_code == 401, (stamp[:10], answer.status_code, answer.text[:200])
        assert "X-Timestamp" in answer.json()["detail"]


def unicode_digit_token(kiosk: Kiosk) -> str:
    body = "|".join(("v1", KIOSK_CODE, "١٢", "T1", "500", "2026-11-23T04:30:00Z")).encode("utf-8")
    return b64url(body) + "." + b64url(kiosk.key.sign(body))


def test_a_unicode_digit_in_a_receipt_token_is_a_not_verified_page(kiosk: Kiosk) -> None:
    answer = requests.get(kiosk.server.url + "/r/" + unicode_digit_token(kiosk), timeout=10)
    assert answer.status_code == 400
    assert "whole numbers" in answer.text


def test_a_malformed_receipt_token_in_a_signed_delivery_request_is_refused_with_the_field_named(kiosk: Kiosk) -> None:
    for token in ("not-a-token-at-all", unicode_digit_token(kiosk)):
        answer = kiosk.send("POST", "/api/v1/deliveries", {"receipt_token": token, "kind": "receipt"})
        assert answer.status_code == 422, answer.text[:200]
        assert answer.json()["detail"].startswith("receipt_token:")


def test_a_genuine_receipt_token_still_makes_a_phone_link(kiosk: Kiosk) -> None:
    token = make_token(ReceiptClaim(KIOSK_CODE, 12, "T1", 50_000, "2026-11-23T04:30:00Z"), kiosk.key)
    answer = kiosk.send("POST", "/api/v1/deliveries", {"receipt_token": token, "kind": "receipt"})
    assert answer.status_code == 200, answer.text[:200]
    assert "₹500.00" in requests.get(answer.json()["url"], timeout=10).text


def officer(server: ServerProcess) -> requests.Session:
    subprocess.run([*server.command("admin", "add-officer", "div.head", "--role", "division", "--name", "Head")],
                   check=True, capture_output=True, env={**os.environ, "DASH_PASSWORD": PASSWORD})  # fmt: skip
    return login(server, "div.head")


def test_the_machine_page_takes_days_only_in_ascii_digits(kiosk: Kiosk) -> None:
    kiosk.server.admin("admin", "place", KIOSK_CODE, "--district", "Jaipur", "--block", "Chaksu")
    session = officer(kiosk.server)
    answer = session.get(f"{kiosk.server.url}/dash/k/{KIOSK_CODE}", params={"days": "²"}, timeout=10)
    assert answer.status_code == 400
    assert "days must be a whole number" in answer.text


def test_a_placed_machine_that_never_sent_a_heartbeat_has_a_machine_page(kiosk: Kiosk) -> None:
    kiosk.server.admin("admin", "place", KIOSK_CODE, "--district", "Jaipur", "--block", "Chaksu")
    session = officer(kiosk.server)
    answer = session.get(f"{kiosk.server.url}/dash/k/{KIOSK_CODE}", timeout=10)
    assert answer.status_code == 200, answer.text[-300:]
    assert KIOSK_CODE in answer.text
