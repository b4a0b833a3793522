"""The online calls and the receipt QR page, against the real server process."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import requests

from common.numbers import verhoeff_ok
from kiosk.catalogue import DEFAULT_CATALOGUE, FlowKind, load_catalogue
from server.online import BILLERS, DEMO_APPLICATIONS, DEMO_UNANSWERED, consumer_number
from sync.protocol.receipts import ReceiptClaim, make_token, qr_text
from tests.server.conftest import Kiosk
from tests.sync.harness import ServerProcess

PID = (
    '<PidData><Resp errCode="0" errInfo="Success" fCount="1" fType="2" nmPoints="30" qScore="80"/>'
    '<DeviceInfo dpId="MANTRA.MSIPL" rdsId="MANTRA.WIN.001" rdsVer="1.0.8" dc="dc-1" mi="MFS100" mc="MIIEcert"/>'
    '<Skey ci="20250101">SESSIONKEYSECRETxyz==</Skey><Hmac>HMACVALUE==</Hmac>'
    '<Data type="X">ENCRYPTEDPIDBLOCKxyz==</Data></PidData>'
)


def valid_uid() -> str:
    return next(f"23456789012{d}" for d in range(10) if verhoeff_ok(f"23456789012{d}"))


def test_seeded_bill_is_found_and_an_unknown_consumer_is_not(server: ServerProcess, kiosk: Kiosk) -> None:
    server.admin("seed", "--per-biller", "5")
    number = consumer_number("JVVNL", 3)
    found = kiosk.send("POST", "/api/v1/bills:lookup", {"biller": "JVVNL", "consumer_no": number})
    assert found.status_code == 200
    assert found.json()["amount_due_paise"] > 0
    missing = kiosk.send(
        "POST", "/api/v1/bills:lookup", {"biller": "JVVNL", "consumer_no": consumer_number("JVVNL", 99)}
    )
    assert missing.status_code == 404


def test_every_seeded_number_passes_the_kiosk_catalogues_own_rule_for_its_service() -> None:
    catalogue = load_catalogue(DEFAULT_CATALOGUE)
    bill_services = [s for s in catalogue.services if s.flow is FlowKind.BILL_PAYMENT]
    assert {s.biller for s in bill_services} == set(BILLERS)
    for service in bill_services:
        for n in (1, 7, 50):
            assert service.fields[0].problem(consumer_number(service.biller, n)) is None, service.id
    for number, *_ in DEMO_APPLICATIONS:
        assert catalogue.get("caste-cert").fields[0].problem(number) is None


def test_a_biller_that_does_not_answer_is_a_504_naming_the_biller(server: ServerProcess, kiosk: Kiosk) -> None:
    server.admin("seed", "--per-biller", "1")
    biller, consumer = DEMO_UNANSWERED[0]
    answer = kiosk.send("POST", "/api/v1/bills:lookup", {"biller": biller, "consumer_no": consumer})
    assert answer.status_code == 504
    assert biller in answer.json()["detail"]


def test_application_status_is_answered_in_hindi_too(server: ServerProcess, kiosk: Kiosk) -> None:
    server.admin("seed", "--per-biller", "5")
    number = DEMO_APPLICATIONS[0][0]
    answer = kiosk.send("GET", f"/api/v1/applications/{number}")
    assert answer.status_code == 200
    assert answer.json()["status_hi"] == "प्रमाण-पत्र जारी"
    assert answer.json()["applicant_name"] == "Mohan Lal Jat"
    assert kiosk.send("GET", "/api/v1/applications/APP0").status_code == 404


def test_aadhaar_auth_checks_the_pid_structure_and_never_keeps_the_pid_block(tmp_path: Path, kiosk: Kiosk) -> None:
    ok = kiosk.send("POST", "/api/v1/aadhaar:auth", auth_body("T1"))
    assert ok.status_code == 200
    assert ok.json()["ret"] == "y"
    assert ok.json()["uid_masked"].startswith("XXXX-XXXX-")
    typo = kiosk.send("POST", "/api/v1/aadhaar:auth", auth_body("T2", uid="234567890120"))
    assert (typo.json()["ret"], typo.json()["err"]) == ("n", "998") or verhoeff_ok("234567890120")
    broken = kiosk.send("POST", "/api/v1/aadhaar:auth", auth_body("T3", pid=PID.replace("Skey", "Sk")))
    assert broken.status_code == 422
    assert "PidData" in broken.json()["detail"]
    stored = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    assert b"ENCRYPTEDPIDBLOCK" not in stored
    assert b"SESSIONKEYSECRET" not in stored


def auth_body(ref: str, *, amount: int = 35_000, uid: str = "", pid: str = PID) -> dict[str, object]:
    return {"uid": uid or valid_uid(), "txn_ref": ref, "amount_paise": amount, "pid_data": pid}


def aadhaar_rows(server: ServerProcess) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(server.db)
    try:
        return connection.execute("SELECT txn_ref, amount_paise, ret, err FROM aadhaar_payments").fetchall()
    finally:
        connection.close()


def test_a_repeated_aadhaar_request_gets_the_first_outcome_and_is_decided_once(
    server: ServerProcess, kiosk: Kiosk
) -> None:
    first = kiosk.send("POST", "/api/v1/aadhaar:auth", auth_body("TXN-1"))
    again = kiosk.send("POST", "/api/v1/aadhaar:auth", auth_body("TXN-1", uid="234567890120"))  # a typo now: ignored
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json()
    assert (first.json()["ret"], first.json()["txn_ref"], first.json()["amount_paise"]) == ("y", "TXN-1", 35_000)
    assert aadhaar_rows(server) == [("TXN-1", 35_000, "y", None)]


def test_the_same_reference_for_another_amount_is_refused_and_debits_nothing(
    server: ServerProcess, kiosk: Kiosk
) -> None:
    kiosk.send("POST", "/api/v1/aadhaar:auth", auth_body("TXN-2", amount=35_000))
    other = kiosk.send("POST", "/api/v1/aadhaar:auth", auth_body("TXN-2", amount=99_000))
    assert other.status_code == 409
    assert "TXN-2" in other.json()["detail"]
    assert "35000" in other.json()["detail"]
    assert aadhaar_rows(server) == [("TXN-2", 35_000, "y", None)]


def test_status_by_reference_tells_the_outcome_and_voids_one_that_never_arrived(
    server: ServerProcess, kiosk: Kiosk
) -> None:
    kiosk.send("POST", "/api/v1/aadhaar:auth", auth_body("TXN-3"))
    known = kiosk.send("POST", "/api/v1/aadhaar:status", {"txn_ref": "TXN-3", "amount_paise": 35_000})
    assert (known.status_code, known.json()["ret"], known.json()["txn_ref"]) == (200, "y", "TXN-3")
    never = kiosk.send("POST", "/api/v1/aadhaar:status", {"txn_ref": "TXN-4", "amount_paise": 35_000})
    assert (never.json()["ret"], never.json()["err"]) == ("n", "VOID")
    late = kiosk.send("POST", "/api/v1/aadhaar:auth", auth_body("TXN-4"))  # arrives after the kiosk asked
    assert (late.json()["ret"], late.json()["err"]) == ("n", "VOID")
    assert ("TXN-4", 35_000, "n", "VOID") in aadhaar_rows(server)


def test_an_aadhaar_request_without_an_amount_is_refused_naming_the_field(kiosk: Kiosk) -> None:
    body = auth_body("TXN-5")
    del body["amount_paise"]
    answer = kiosk.send("POST", "/api/v1/aadhaar:auth", body)
    assert answer.status_code == 422
    assert "amount_paise" in answer.json()["detail"]


def test_receipt_qr_page_verifies_a_kiosk_signed_receipt_and_refuses_a_forged_one(kiosk: Kiosk) -> None:
    claim = ReceiptClaim("RJ-JPR-0001", 17, "TXN-0017", 123_450, "2026-11-23T04:30:00.000000Z")
    url = qr_text(kiosk.server.url, make_token(claim, kiosk.key))
    page = requests.get(url, timeout=10)
    assert page.status_code == 200
    assert "रसीद सत्यापित" in page.text
    assert "₹1234.50" in page.text
    facts = requests.get(url, headers={"Accept": "application/json"}, timeout=10).json()
    assert (facts["valid"], facts["receipt_no"], facts["amount_paise"]) == (True, 17, 123_450)
    _, signature = url.rsplit("/", 1)[1].split(".")
    other = make_token(ReceiptClaim("RJ-JPR-0001", 17, "TXN-0017", 999_999, claim.paid_at_iso), kiosk.key)
    forged = f"{kiosk.server.url}/r/{other.split('.')[0]}.{signature}"
    refused = requests.get(forged, timeout=10)
    assert refused.status_code == 400
    assert "NOT verified" in refused.text
    assert re.search("does not match", refused.text)
