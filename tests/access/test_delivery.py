"""Receipts to a phone, end to end: the kiosk's signed request to the real reference server (a process, real HTTP),
a short link that opens the e-receipt, an SMS through the recording gateway, expiry, and guessed codes."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.clock import SystemClock
from kiosk.delivery import DeliveryUnavailable, mask_mobile, mobile_problem, receipt_token
from sync.client import Client
from sync.delivery_client import HttpPhoneDelivery
from sync.identity import SyncState, load_enrolment, load_or_create_key
from sync.protocol.receipts import ReceiptClaim, make_token
from tests.sync.harness import KIOSK_CODE, ServerProcess, enrolled_kiosk

TTL_S = 3.0


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    options = ("--sms-gateway", f"record:{tmp_path / 'sms.jsonl'}", "--link-ttl-s", str(TTL_S))
    process = ServerProcess(str(tmp_path / "server.db"), tmp_path / "server.log", *options).start()
    yield process
    process.stop()


@pytest.fixture
def kiosk(tmp_path: Path, server: ServerProcess) -> tuple[HttpPhoneDelivery, Ed25519PrivateKey]:
    settings, store = enrolled_kiosk(tmp_path, server, server.url)
    enrolment = load_enrolment(SyncState(store))
    assert enrolment is not None
    key = load_or_create_key(settings.key_file)
    client = Client(server.url, key, enrolment.kiosk_id, SystemClock(), timeout_s=5.0)
    return HttpPhoneDelivery(client), key


def token(key: Ed25519PrivateKey, receipt_no: int = 7, code: str = KIOSK_CODE) -> str:
    paid_at = datetime.now(UTC).isoformat()
    return make_token(ReceiptClaim(code, receipt_no, f"txn-{receipt_no}", 35_000, paid_at), key)


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:  # loopback, our own server
            return answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def test_a_short_link_opens_the_receipt_is_sent_by_sms_and_expires(
    kiosk: tuple[HttpPhoneDelivery, Ed25519PrivateKey], server: ServerProcess, tmp_path: Path
) -> None:
    phone, key = kiosk
    link = phone.link(token(key), "9876543210", "hi")
    assert link.url.startswith(server.url + "/p/")
    code = link.url.rsplit("/", 1)[1]
    assert len(code) >= 16, "the code carries at least 96 random bits"
    assert link.sent_to == "XXXXXX3210"
    assert not link.sms_failed

    status, page = get(link.url)
    assert status == 200
    assert "Receipt verified" in page
    assert "₹350.00" in page
    assert "txn-7" in page

    sms = [json.loads(line) for line in (tmp_path / "sms.jsonl").read_text("utf-8").splitlines()]
    assert sms == [{"to": "XXXXXX3210", "text": sms[0]["text"]}]
    assert link.url in sms[0]["text"]
    assert "रसीद" in sms[0]["text"]
    # The number is not kept anywhere on the server: not in its database, not in its log.
    for path in (tmp_path / "server.db", tmp_path / "server.log", tmp_path / "sms.jsonl"):
        assert b"9876543210" not in path.read_bytes(), f"{path.name} keeps the mobile number"
    assert code.encode() not in (tmp_path / "server.db").read_bytes(), "the code itself is stored (not its hash)"

    time.sleep(TTL_S + 0.5)  # the server runs with a 3-second link lifetime
    status, page = get(link.url)
    assert status == 404
    assert "does not work" in page
    assert "350" not in page
    assert "txn-7" not in page


def test_a_guessed_or_malformed_code_gets_a_clear_page_with_no_data(
    kiosk: tuple[HttpPhoneDelivery, Ed25519PrivateKey], server: ServerProcess
) -> None:
    phone, key = kiosk
    real = phone.link(token(key))
    assert real.sent_to is None  # no number, no SMS: the link is for the QR code only
    guessed = real.url[:-3] + ("aaa" if not real.url.endswith("aaa") else "bbb")
    for url in (guessed, server.url + "/p/x", server.url + "/p/" + "A" * 200):
        status, page = get(url)
        assert status == 404, url
        assert "This link does not work" in page
        assert "txn-" not in page


def test_the_server_refuses_a_receipt_the_kiosk_did_not_sign(
    kiosk: tuple[HttpPhoneDelivery, Ed25519PrivateKey],
) -> None:
    phone, _ = kiosk
    with pytest.raises(DeliveryUnavailable, match="signature does not match"):
        phone.link(token(Ed25519PrivateKey.generate()))
    with pytest.raises(DeliveryUnavailable, match="not issued by this kiosk"):
        phone.link(token(Ed25519PrivateKey.generate(), code="RJ-OTHER-0002"))


def test_an_invalid_mobile_number_is_refused_before_anything_is_sent(
    kiosk: tuple[HttpPhoneDelivery, Ed25519PrivateKey], tmp_path: Path
) -> None:
    phone, key = kiosk
    for number in ("12345", "5876543210", "98765432101", "98765abcde"):
        assert mobile_problem(number) is not None
        with pytest.raises(DeliveryUnavailable, match="mobile"):
            phone.link(token(key), number)
    assert not (tmp_path / "sms.jsonl").exists()
    assert mobile_problem("6000000000") is None
    assert mask_mobile("6000001234") == "XXXXXX1234"


def test_the_receipt_token_is_found_inside_the_receipt_qr_text() -> None:
    assert receipt_token("http://127.0.0.1:8080/r/abc.def") == "abc.def"
    assert receipt_token("https://emitraapp.rajasthan.gov.in/receipt?k=1&r=2") is None


def test_a_certificate_link_opens_the_issued_certificate_pdf_and_a_pending_one_gets_no_link(
    kiosk: tuple[HttpPhoneDelivery, Ed25519PrivateKey], server: ServerProcess, tmp_path: Path
) -> None:
    from server.online import DEMO_APPLICATIONS

    server.admin("seed", "--per-biller", "1")
    phone, key = kiosk
    (issued, *_), (pending, *_) = DEMO_APPLICATIONS
    link = phone.link(token(key), "9876543210", "hi", certificate=issued)
    with urllib.request.urlopen(link.url, timeout=5) as answer:  # loopback, our own server
        assert answer.headers["Content-Type"] == "application/pdf"
        assert answer.read().startswith(b"%PDF-")
    sms = [json.loads(line) for line in (tmp_path / "sms.jsonl").read_text(encoding="utf-8").splitlines()]
    assert "प्रमाण-पत्र" in sms[-1]["text"]
    with pytest.raises(DeliveryUnavailable, match="409"):
        phone.link(token(key, 8), None, "hi", certificate=pending)  # not issued yet: nothing to open
    time.sleep(TTL_S + 0.5)
    assert get(link.url)[0] == 404  # expired like any other link
