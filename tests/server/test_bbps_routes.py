"""The BBPOU routes refuse bad input with a reason naming it, change nothing, and keep each kiosk's fetches,
payments and complaints to that kiosk."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from server.online import DEMO_BILLS
from tests.server.conftest import Kiosk, enrol_key
from tests.sync.harness import ServerProcess

FETCH = "/api/v1/bbps/bills:fetch"
K_NUMBER = DEMO_BILLS[0][1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    folder: Path = tmp_path_factory.mktemp("bbps-routes")
    process = ServerProcess(str(folder / "server.db"), folder / "server.log").start()
    process.admin("seed", "--per-biller", "1")
    yield process
    process.stop()


@pytest.fixture(scope="module")
def kiosks(server: ServerProcess) -> tuple[Kiosk, Kiosk]:
    return enrol_key(server, "RJ-JP-BR-MINE"), enrol_key(server, "RJ-JP-BR-OTHER")


def fetch_body(ref: str, k_number: str = K_NUMBER, biller: str = "JVVNL0000RAJ01") -> dict[str, object]:
    return {"ref_id": ref, "agent_id": "AGT-1", "biller_id": biller, "params": {"K Number": k_number}}


def ready(kiosk: Kiosk, ref: str) -> dict[str, object]:
    for _ in range(50):
        answer = kiosk.send("GET", f"{FETCH}/{ref}").json()
        if answer["status"] != "pending":
            return dict(answer)
        time.sleep(answer["retry_after_ms"] / 1000)
    raise AssertionError("the fetch never became ready")


@pytest.mark.parametrize(
    ("body", "status", "reason"),
    [
        (
            {"ref_id": "r" * 10, "agent_id": "A", "biller_id": "JVVNL0000RAJ01"},
            422,
            "FetchRequest: params: Field required",
        ),
        (fetch_body("r" * 10, biller="NOSUCHBILLER01"), 404, "no biller NOSUCHBILLER01"),
        (fetch_body("r" * 10, k_number="12345"), 422, "K Number: '12345' does not match"),
        (fetch_body("short"), 422, "FetchRequest: ref_id"),
    ],
)
def test_a_bad_fetch_is_refused_naming_what_is_wrong(
    kiosks: tuple[Kiosk, Kiosk], body: dict[str, object], status: int, reason: str
) -> None:
    answer = kiosks[0].send("POST", FETCH, body)
    assert answer.status_code == status
    assert reason in answer.json()["detail"]


def test_an_unsigned_request_is_refused(server: ServerProcess) -> None:
    assert requests.post(server.url + FETCH, json=fetch_body("u" * 10), timeout=5).status_code == 401


def test_fetches_payments_and_complaints_belong_to_the_kiosk_that_made_them(kiosks: tuple[Kiosk, Kiosk]) -> None:
    mine, other = kiosks
    assert mine.send("POST", FETCH, fetch_body("mine000001")).json()["status"] == "pending"
    assert mine.send("POST", FETCH, fetch_body("mine000001", k_number="1" * 12)).status_code == 409
    bill = ready(mine, "mine000001")["bill"]
    assert isinstance(bill, dict)
    assert other.send("GET", f"{FETCH}/mine000001").status_code == 404
    pay = {"idempotency_key": "txn-mine-0001", "agent_id": "AGT-1", "biller_id": "JVVNL0000RAJ01",
           "params": {"K Number": K_NUMBER}, "fetch_ref_id": "mine000001", "amount_paise": bill["amount_paise"],
           "fee_paise": 0, "payment_mode": "Cash"}  # fmt: skip
    paid = mine.send("POST", "/api/v1/bbps/payments", pay).json()
    assert paid["status"] == "SUCCESS"
    stolen = other.send("POST", "/api/v1/bbps/payments", pay).json()  # another kiosk cannot use my fetch
    assert stolen["status"] == "FAILED"
    complaint = {"txn_ref_id": paid["txn_ref_id"], "agent_id": "AGT-1", "reason": "OTHER"}
    assert other.send("POST", "/api/v1/bbps/complaints", complaint).status_code == 404
    assert mine.send("POST", "/api/v1/bbps/complaints", complaint).json()["status"] == "ASSIGNED"
    assert other.send("GET", f"/api/v1/bbps/complaints/{paid['txn_ref_id']}").status_code == 404
