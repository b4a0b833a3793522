"""The locker the server plays, over real HTTP: signed pushes (bad signature, replay, old timestamp), linking by
mobile + OTP (wrong, expired, too many tries), an idempotent push, and no mobile or OTP in the logs."""

from __future__ import annotations

import json
import re
import secrets
import sqlite3
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests

from kiosk.clock import SystemClock
from kiosk.locker import LockerRefused, LockerUnavailable, Refusal, queue_delivery
from kiosk.store import Store
from server.certificates import signed_push
from server.db import Database
from server.locker import Locker, LockerOptions
from server.locker_link import LockerLinks, drain_queued
from server.service import Kiosk as ServerKiosk
from server.service import Refused
from sync.client import Client
from sync.locker_client import HttpLocker
from sync.protocol.locker import PUSH_PATH, LinkRequest, OtpRequest, PushRequest, locker_headers
from sync.protocol.receipts import ReceiptClaim
from sync.protocol.receipts import make_token as receipt_token
from tests.server.conftest import Kiosk, enrol_key
from tests.server.dashboard.conftest import db
from tests.sync.conftest import postgres
from tests.sync.harness import KIOSK_CODE, ServerProcess, wait_until

__all__ = ["db", "postgres"]  # fixtures: SQLite and the session's private PostgreSQL (shared with tests/sync)
SECRET = b"locker-test-secret-0123456789"
ISSUER = "in.gov.rajasthan.emitra"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("locker")


@pytest.fixture(scope="module")
def locker_server(folder: Path) -> Iterator[ServerProcess]:
    (folder / "secret").write_bytes(SECRET)
    process = ServerProcess(
        str(folder / "server.db"), folder / "server.log", "--locker-secret-file", str(folder / "secret"),
        "--sms-gateway", f"record:{folder / 'sms.jsonl'}", "--log-level", "info",
    )  # fmt: skip
    process.start()
    yield process
    process.stop()


@pytest.fixture(scope="module")
def kiosk(locker_server: ServerProcess) -> Kiosk:
    return enrol_key(locker_server)


def issued_certificate(folder: Path, number: str) -> None:
    """The department system issues the certificate (the row the server's certificate side reads)."""
    with sqlite3.connect(folder / "server.db", timeout=30) as conn:
        conn.execute(
            "INSERT INTO applications (application_no, service, status, updated_at, applicant_name)"
            " VALUES (?, 'income_certificate', 'delivered', '2026-11-20T10:00:00Z', 'Sita Devi')"
            " ON CONFLICT DO NOTHING",
            (number,),
        )


def last_otp(folder: Path) -> str:
    text = json.loads((folder / "sms.jsonl").read_text("utf-8").splitlines()[-1])["text"]
    found = re.search(r"\b(\d{6})\b", text)
    assert found, text
    return found[1]


def ask_otp(kiosk: Kiosk, folder: Path, mobile: str) -> tuple[str, str]:
    answer = kiosk.send("POST", "/api/v1/locker/otp", {"mobile": mobile, "language": "en"})
    assert answer.status_code == 200, answer.text
    return answer.json()["challenge"], last_otp(folder)


def linked(kiosk: Kiosk, folder: Path, mobile: str) -> str:
    challenge, otp = ask_otp(kiosk, folder, mobile)
    answer = kiosk.send("POST", "/api/v1/locker/link", {"challenge": challenge, "otp": otp})
    assert answer.status_code == 200, answer.text
    assert answer.json()["account"] == "XXXXXX" + mobile[-4:]
    return str(answer.json()["link_token"])


def account_of(folder: Path, masked: str) -> str:
    with sqlite3.connect(folder / "server.db", timeout=30) as conn:
        return str(conn.execute("SELECT account FROM locker_accounts WHERE mobile_masked = ?", (masked,)).fetchone()[0])


def push(server: ServerProcess, body: bytes, *, skew_s: int = 0, secret: bytes = SECRET) -> requests.Response:
    headers = locker_headers(secret, ISSUER, "POST", PUSH_PATH, int(time.time()) + skew_s, secrets.token_hex(16), body)
    return requests.post(server.url + PUSH_PATH, data=body, headers=headers, timeout=10)


def documents(server: ServerProcess, account: str) -> list[dict[str, str]]:
    path = f"/locker/v1/accounts/{account}/documents"
    headers = locker_headers(SECRET, ISSUER, "GET", path, int(time.time()), secrets.token_hex(16), b"")
    answer = requests.get(server.url + path, headers=headers, timeout=10)
    assert answer.status_code == 200, answer.text
    return list(answer.json()["documents"])


def deliver(kiosk: Kiosk, token: str, number: str) -> requests.Response:
    claim = ReceiptClaim(KIOSK_CODE, 7, "TXN-7", 5000, datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    receipt = receipt_token(claim, kiosk.key)
    return kiosk.send("POST", "/api/v1/locker/deliver",
                      {"link_token": token, "receipt_token": receipt, "application_no": number})  # fmt: skip


def a_push(account: str, number: str = "LK1") -> bytes:
    return PushRequest(account=account, uri=f"{ISSUER}-INCCR-{number}", doc_type="INCCR", name="Income certificate",
                       issued_on="2026-11-20").model_dump_json().encode()  # fmt: skip


def test_a_push_with_a_bad_signature_is_refused_and_nothing_is_stored(
    folder: Path, locker_server: ServerProcess, kiosk: Kiosk
) -> None:
    linked(kiosk, folder, "9876500001")
    account = account_of(folder, "XXXXXX0001")
    refused = push(locker_server, a_push(account), secret=b"not-the-shared-secret-at-all")
    assert (refused.status_code, refused.json()["detail"]) == (401, "bad signature")
    assert documents(locker_server, account) == []


def test_a_replayed_push_and_one_with_an_old_timestamp_are_refused(
    folder: Path, locker_server: ServerProcess, kiosk: Kiosk
) -> None:
    linked(kiosk, folder, "9876500002")
    account, body = account_of(folder, "XXXXXX0002"), a_push(account_of(folder, "XXXXXX0002"), "LK2")
    old = push(locker_server, body, skew_s=-600)
    assert old.status_code == 401
    assert "stale request" in old.json()["detail"]
    headers = locker_headers(SECRET, ISSUER, "POST", PUSH_PATH, int(time.time()), secrets.token_hex(16), body)
    first = requests.post(locker_server.url + PUSH_PATH, data=body, headers=headers, timeout=10)
    again = requests.post(locker_server.url + PUSH_PATH, data=body, headers=headers, timeout=10)
    assert (first.status_code, first.json()["new"]) == (200, True)
    assert again.status_code == 401
    assert "replayed" in again.json()["detail"]
    assert [d["uri"] for d in documents(locker_server, account)] == [f"{ISSUER}-INCCR-LK2"]


def test_a_wrong_otp_says_how_many_tries_are_left_and_the_third_spends_it(folder: Path, kiosk: Kiosk) -> None:
    challenge, otp = ask_otp(kiosk, folder, "9876500003")
    wrong = f"{(int(otp) + 1) % 10**6:06d}"
    answers = [kiosk.send("POST", "/api/v1/locker/link", {"challenge": challenge, "otp": wrong}) for _ in range(3)]
    assert [a.status_code for a in answers] == [422, 422, 403]
    assert "2 tries left" in answers[0].json()["detail"]
    assert "too many" in answers[2].json()["detail"]
    late = kiosk.send("POST", "/api/v1/locker/link", {"challenge": challenge, "otp": otp})
    assert late.status_code == 403  # the right OTP no longer links once the tries are spent


def test_pushing_the_same_certificate_twice_keeps_one_entry_and_counts_one_locker_delivery(
    folder: Path, locker_server: ServerProcess, kiosk: Kiosk
) -> None:
    issued_certificate(folder, "LKR1001")
    token = linked(kiosk, folder, "9876500004")
    first, second = deliver(kiosk, token, "LKR1001"), deliver(kiosk, token, "LKR1001")
    assert (first.status_code, first.json()) == (200, {"uri": f"{ISSUER}-INCCR-LKR1001", "new": True})
    assert (second.status_code, second.json()["new"]) == (200, False)
    account = account_of(folder, "XXXXXX0004")
    assert [d["uri"] for d in documents(locker_server, account)] == [f"{ISSUER}-INCCR-LKR1001"]
    path = f"/locker/v1/accounts/{account}/documents/{ISSUER}-INCCR-LKR1001"
    headers = locker_headers(SECRET, ISSUER, "GET", path, int(time.time()), secrets.token_hex(16), b"")
    served = requests.get(locker_server.url + path, headers=headers, timeout=60)
    assert (served.status_code, served.content[:5]) == (200, b"%PDF-")  # the locker serves it by its URI
    with sqlite3.connect(folder / "server.db", timeout=30) as conn:
        counts = conn.execute("SELECT channel, SUM(count) FROM delivery_channel_days GROUP BY channel").fetchall()
    assert ("locker", 1) in counts


def test_a_certificate_not_yet_issued_is_not_pushed(folder: Path, kiosk: Kiosk) -> None:
    with sqlite3.connect(folder / "server.db", timeout=30) as conn:
        conn.execute("INSERT INTO applications (application_no, service, status, updated_at) VALUES"
                     " ('LKR1002', 'caste_certificate', 'under_review', '2026-11-20T10:00:00Z')")  # fmt: skip
    answer = deliver(kiosk, linked(kiosk, folder, "9876500005"), "LKR1002")
    assert answer.status_code == 409
    assert "no certificate has been issued" in answer.json()["detail"]


def test_the_mobile_number_and_the_otp_never_reach_the_log_or_the_database(
    folder: Path, locker_server: ServerProcess, kiosk: Kiosk
) -> None:
    challenge, otp = ask_otp(kiosk, folder, "9812345678")
    kiosk.send("POST", "/api/v1/locker/link", {"challenge": challenge, "otp": f"{(int(otp) + 5) % 10**6:06d}"})
    kiosk.send("POST", "/api/v1/locker/link", {"challenge": challenge, "otp": otp})
    log = (folder / "server.log").read_text("utf-8", "replace")
    assert "XXXXXX5678" in log  # the masked form is what is logged
    assert "9812345678" not in log
    assert re.search(rf"(?<!\d){otp}(?!\d)", log) is None  # not as a number of its own (a timestamp may hold it)
    for name in ("server.db", "server.db-wal"):
        path = folder / name
        assert not path.exists() or b"9812345678" not in path.read_bytes()


def test_an_otp_past_the_injected_clocks_expiry_is_refused_and_a_new_one_links_and_pushes_once(db: Database) -> None:
    """In process on SQLite and PostgreSQL: the clock is injected, the SQL is what both engines run."""
    now = [datetime(2026, 11, 23, 5, 30, tzinfo=UTC)]
    sent: list[str] = []

    class Phone:
        def send(self, mobile: str, text: str) -> None:
            sent.append(text)

    locker = Locker(db, LockerOptions(SECRET, otp_ttl=timedelta(minutes=5)), now=lambda: now[0])
    links = LockerLinks(locker, Phone(), lambda code: [], now=lambda: now[0])
    kiosk = ServerKiosk("k1", KIOSK_CODE)
    challenge = links.send_otp(OtpRequest(mobile="9876500006", language="hi")).challenge
    now[0] += timedelta(minutes=5, seconds=1)
    with pytest.raises(Refused) as refused:
        links.link(kiosk, LinkRequest(challenge=challenge, otp=re.findall(r"\d{6}", sent[-1])[0]))
    assert (refused.value.status, refused.value.detail) == (410, "the OTP has expired: ask for a new OTP")
    challenge = links.send_otp(OtpRequest(mobile="9876500006", language="hi")).challenge
    assert links.link(kiosk, LinkRequest(challenge=challenge, otp=re.findall(r"\d{6}", sent[-1])[0])).account == (
        "XXXXXX0006"
    )
    push = PushRequest(account=links.account_of("9876500006"), uri=f"{ISSUER}-INCCR-LK6", doc_type="INCCR",
                       name="Income certificate", issued_on="2026-11-20")  # fmt: skip
    answers = [locker.receive_push(*lowered(signed_push(SECRET, push, int(now[0].timestamp())))) for _ in range(2)]
    assert [a.new for a in answers] == [True, False]
    assert [d.uri for d in locker.documents(push.account).documents] == [push.uri]
    assert drain_queued(links) == 0  # no queued pushes: the drain's query runs on both engines
    with pytest.raises(Refused) as unpaid:  # ... and the paid-receipt check of a queued push
        links.deliver_queued(kiosk, "0" * 64, 99, "LK6")
    assert unpaid.value.status == 403
    for _ in range(2):  # with the one just used, three OTPs are live: a fourth would flood the phone
        links.send_otp(OtpRequest(mobile="9876500006", language="hi"))
    with pytest.raises(Refused) as flooded:
        links.send_otp(OtpRequest(mobile="9876500006", language="hi"))
    assert flooded.value.status == 409
    assert len(sent) == 4


def lowered(signed: tuple[dict[str, str], bytes]) -> tuple[dict[str, str], bytes]:
    return {k.lower(): v for k, v in signed[0].items()}, signed[1]


def test_the_kiosks_http_port_links_with_a_wrong_then_right_otp_and_pushes_through_the_real_server(
    folder: Path, locker_server: ServerProcess, kiosk: Kiosk
) -> None:
    port = HttpLocker(Client(locker_server.url, kiosk.key, kiosk.kiosk_id, SystemClock(), timeout_s=10))
    issued_certificate(folder, "LKR1003")
    sent = port.send_otp("9876500007", "hi")
    assert sent.sent_to == "XXXXXX0007"
    otp = last_otp(folder)
    with pytest.raises(LockerRefused) as wrong:
        port.link(sent.challenge, f"{(int(otp) + 1) % 10**6:06d}")
    assert (wrong.value.reason, wrong.value.tries_left) == (Refusal.WRONG_OTP, 2)
    linked_locker = port.link(sent.challenge, otp)
    claim = ReceiptClaim(KIOSK_CODE, 8, "TXN-8", 5000, datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    pushed = port.deliver(linked_locker.link_token, receipt_token(claim, kiosk.key), "LKR1003")
    assert (pushed.uri, pushed.new) == (f"{ISSUER}-INCCR-LKR1003", True)


def test_a_push_queued_before_link_ids_with_its_tokens_in_the_event_is_still_made(
    folder: Path, locker_server: ServerProcess, kiosk: Kiosk
) -> None:
    issued_certificate(folder, "LKR1004")
    token = linked(kiosk, folder, "9876500008")
    claim = ReceiptClaim(KIOSK_CODE, 9, "TXN-9", 5000, datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    payload = {"subject": "LKR1004", "link_token": token, "receipt_token": receipt_token(claim, kiosk.key),
               "application_no": "LKR1004"}  # fmt: skip
    event = {"seq": 1, "uuid": str(uuid.uuid4()), "kind": "locker.requested",
             "occurred_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.000000Z"), "payload": payload}  # fmt: skip
    assert kiosk.send("POST", "/api/v1/events:batch", {"items": [event]}).status_code == 200
    account = account_of(folder, "XXXXXX0008")
    wait_until(lambda: documents(locker_server, account) != [], 20, "the queued push")
    assert [d["uri"] for d in documents(locker_server, account)] == [f"{ISSUER}-INCCR-LKR1004"]


def queued_in_a_kiosk_store(path: Path, link_id: str, receipt_no: int, number: str) -> list[dict[str, object]]:
    """The kiosk's real store: the receipt paid (txn.paid), then the push queued offline; its outbox as sent."""
    store = Store.open(path, SystemClock())
    try:
        with store.write("kiosk") as uow:
            uow.record("txn.paid", "T-" + number, {"amount_paid": 5000, "receipt_no": receipt_no})
        queue_delivery(store, link_id, receipt_no, number)
        rows = store.read("SELECT seq, uuid, kind, occurred_at, payload FROM outbox ORDER BY seq")
    finally:
        store.close()
    return [{"seq": r["seq"], "uuid": r["uuid"], "kind": r["kind"], "occurred_at": r["occurred_at"],
             "payload": json.loads(r["payload"])} for r in rows]  # fmt: skip


def test_a_queued_push_names_no_secret_anywhere_and_is_made_once_for_the_kiosk_that_linked(
    folder: Path, locker_server: ServerProcess, tmp_path: Path
) -> None:
    kiosk = enrol_key(locker_server, "RJ-JPR-0042")
    port = HttpLocker(Client(locker_server.url, kiosk.key, kiosk.kiosk_id, SystemClock(), timeout_s=10))
    issued_certificate(folder, "LKR1042")
    sent = port.send_otp("9876500042", "en")
    linked_locker = port.link(sent.challenge, last_otp(folder))
    claim = ReceiptClaim("RJ-JPR-0042", 42, "TXN-42", 5000, datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    secrets_ = [linked_locker.link_token.encode(), receipt_token(claim, kiosk.key).encode()]
    events = queued_in_a_kiosk_store(tmp_path / "kiosk.db", linked_locker.link_id, 42, "LKR1042")
    for path in tmp_path.iterdir():  # the kiosk's database, WAL and journal: no bearer secret
        assert not any(secret in path.read_bytes() for secret in secrets_), path
    for _ in range(2):  # sent again (a lost answer): the push is still made once
        assert kiosk.send("POST", "/api/v1/events:batch", {"items": events}).status_code == 200
    account = account_of(folder, "XXXXXX0042")
    wait_until(lambda: documents(locker_server, account) != [], 20, "the queued push")
    assert [d["uri"] for d in documents(locker_server, account)] == [f"{ISSUER}-INCCR-LKR1042"]
    with sqlite3.connect(folder / "server.db", timeout=30) as conn:
        counted = conn.execute(
            "SELECT SUM(count) FROM delivery_channel_days WHERE kiosk_id = ? AND channel = 'locker'", (kiosk.kiosk_id,)
        ).fetchone()
    assert counted == (1,)
    for name in ("server.db", "server.db-wal"):
        path = folder / name
        assert not path.exists() or not any(secret in path.read_bytes() for secret in secrets_), name


def outcomes(folder: Path, kiosk: Kiosk) -> list[str]:
    with sqlite3.connect(folder / "server.db", timeout=30) as conn:
        rows = conn.execute("SELECT outcome FROM locker_queued WHERE kiosk_id = ? ORDER BY seq", (kiosk.kiosk_id,))
        return [str(row[0]) for row in rows]


def test_a_queued_push_naming_another_kiosks_link_or_an_unpaid_receipt_is_refused_and_recorded(
    folder: Path, locker_server: ServerProcess, tmp_path: Path
) -> None:
    owner, other = enrol_key(locker_server, "RJ-JPR-0043"), enrol_key(locker_server, "RJ-JPR-0044")
    port = HttpLocker(Client(locker_server.url, owner.key, owner.kiosk_id, SystemClock(), timeout_s=10))
    issued_certificate(folder, "LKR1043")
    linked_locker = port.link(port.send_otp("9876500043", "en").challenge, last_otp(folder))
    stolen = queued_in_a_kiosk_store(tmp_path / "other.db", linked_locker.link_id, 43, "LKR1043")
    assert other.send("POST", "/api/v1/events:batch", {"items": stolen}).status_code == 200
    unpaid = queued_in_a_kiosk_store(tmp_path / "owner.db", linked_locker.link_id, 43, "LKR1043")[1:]  # no txn.paid
    assert owner.send("POST", "/api/v1/events:batch", {"items": [{**unpaid[0], "seq": 1}]}).status_code == 200
    wait_until(lambda: outcomes(folder, other) != [] and outcomes(folder, owner) != [], 20, "both queued pushes")
    assert outcomes(folder, other) == ["refused: this locker is not linked at this kiosk: link it again"]
    assert outcomes(folder, owner) == ["refused: receipt 43 is not a paid receipt of this kiosk"]
    assert documents(locker_server, account_of(folder, "XXXXXX0043")) == []


def test_the_kiosk_learns_whether_its_server_offers_the_locker_and_keeps_the_last_answer_when_offline(
    locker_server: ServerProcess, server: ServerProcess, tmp_path: Path
) -> None:
    store = Store.open(tmp_path / "kiosk.db", SystemClock())
    try:
        with_locker, plain = enrol_key(locker_server, "RJ-JPR-0045"), enrol_key(server)
        ports = [HttpLocker(Client(k.server.url, k.key, k.kiosk_id, SystemClock(), timeout_s=10), store)
                 for k in (with_locker, plain)]  # fmt: skip
        assert ports[0].offered() is False  # unknown until the server answers: not offered
        assert (ports[0].probe(), ports[0].offered()) == (True, True)
        assert (ports[1].probe(), ports[1].offered()) == (False, False)  # no --locker-secret-file
        ports[0].probe()
        gone = HttpLocker(Client("http://127.0.0.1:9", plain.key, plain.kiosk_id, SystemClock(), timeout_s=2), store)
        with pytest.raises(LockerUnavailable):
            gone.probe()
        assert gone.offered() is True  # offline: the last answer stands (a push can wait in the outbox)
    finally:
        store.close()


def test_a_certificate_sent_by_sms_and_one_opened_by_its_qr_twice_count_once_on_their_channels(
    folder: Path, locker_server: ServerProcess, kiosk: Kiosk
) -> None:
    issued_certificate(folder, "LKR1001")  # the certificate the locker test serves: rendered once
    claim = ReceiptClaim(KIOSK_CODE, 10, "TXN-10", 5000, datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    request = {"receipt_token": receipt_token(claim, kiosk.key), "kind": "certificate", "application_no": "LKR1001"}
    by_sms = kiosk.send("POST", "/api/v1/deliveries", {**request, "mobile": "9876500009"})
    by_qr = kiosk.send("POST", "/api/v1/deliveries", request)
    assert (by_sms.status_code, by_qr.status_code) == (200, 200)
    path = "/p/" + by_qr.json()["url"].rsplit("/p/", 1)[1]
    opened = [requests.get(locker_server.url + path, timeout=60) for _ in range(2)]
    assert [o.headers["content-type"] for o in opened] == ["application/pdf"] * 2
    with sqlite3.connect(folder / "server.db", timeout=30) as conn:
        counts = dict(conn.execute("SELECT channel, SUM(count) FROM delivery_channel_days GROUP BY channel"))
    assert (counts.get("sms"), counts.get("qr")) == (1, 1)
