"""The server at its boundary: unsigned, stale, replayed, oversized or malformed requests get a 4xx, no change."""

from __future__ import annotations

import gzip
import sqlite3
import time
import uuid
from pathlib import Path

import requests

from tests.server.conftest import Kiosk, enrol_key
from tests.sync.harness import ServerProcess

BATCH = "/api/v1/events:batch"


def item(seq: int, kind: str = "payment.completed", the_uuid: str | None = None) -> dict[str, object]:
    return {
        "seq": seq, "uuid": the_uuid or str(uuid.uuid4()), "kind": kind,
        "occurred_at": "2026-11-23T04:30:00.000000Z", "payload": {"txn": f"T{seq}", "amount_paise": 5000},
    }  # fmt: skip


def event_count(tmp_path: Path) -> int:
    conn = sqlite3.connect(tmp_path / "server.db")
    try:
        return int(conn.execute("SELECT count(*) FROM events").fetchone()[0])
    finally:
        conn.close()


def test_a_signed_batch_is_accepted_and_answered_per_item_with_the_high_water_mark(kiosk: Kiosk) -> None:
    answer = kiosk.send("POST", BATCH, {"items": [item(1), item(2), item(4)]})
    assert answer.status_code == 200
    assert [r["status"] for r in answer.json()["results"]] == ["accepted"] * 3
    assert answer.json()["high_water"] == 2


def test_the_same_uuid_at_another_seq_is_rejected_and_a_resend_is_a_duplicate(kiosk: Kiosk) -> None:
    first = item(1)
    kiosk.send("POST", BATCH, {"items": [first]})
    again = kiosk.send("POST", BATCH, {"items": [first]}).json()
    moved = kiosk.send("POST", BATCH, {"items": [item(2, the_uuid=str(first["uuid"]))]}).json()
    assert [again["results"][0]["status"], moved["results"][0]["status"]] == ["duplicate", "rejected"]
    assert "uuid already at seq 1" in moved["results"][0]["reason"]
    assert moved["high_water"] == 1


def test_unsigned_request_is_refused_and_changes_nothing(tmp_path: Path, kiosk: Kiosk) -> None:
    body = gzip.compress(b'{"items": []}')
    answer = requests.post(kiosk.server.url + BATCH, data=body, headers={"Content-Encoding": "gzip"}, timeout=10)
    assert answer.status_code == 401
    assert "unsigned request" in answer.json()["detail"]
    assert event_count(tmp_path) == 0


def test_stale_request_is_refused(tmp_path: Path, kiosk: Kiosk) -> None:
    answer = kiosk.send("POST", BATCH, {"items": [item(1)]}, skew_s=-86_400)
    assert answer.status_code == 401
    assert "stale request" in answer.json()["detail"]
    assert event_count(tmp_path) == 0


def test_replayed_request_is_refused_and_stores_nothing_twice(tmp_path: Path, kiosk: Kiosk) -> None:
    headers, wire = kiosk.signed("POST", BATCH, {"items": [item(1)]})
    first = requests.post(kiosk.server.url + BATCH, data=wire, headers=headers, timeout=10)
    again = requests.post(kiosk.server.url + BATCH, data=wire, headers=headers, timeout=10)
    assert (first.status_code, again.status_code) == (200, 409)
    assert "replayed request" in again.json()["detail"]
    assert event_count(tmp_path) == 1


def test_body_changed_after_signing_is_refused(tmp_path: Path, kiosk: Kiosk) -> None:
    headers, _ = kiosk.signed("POST", BATCH, {"items": [item(1)]})
    forged = gzip.compress(b'{"items": []}')
    answer = requests.post(kiosk.server.url + BATCH, data=forged, headers=headers, timeout=10)
    assert answer.status_code == 401
    assert "signature" in answer.json()["detail"]


def test_oversized_body_and_gzip_bomb_are_refused(tmp_path: Path, kiosk: Kiosk) -> None:
    big = kiosk.send("POST", BATCH, None, raw=b"x" * 1_500_000, headers={"Content-Encoding": "gzip"})
    bomb = kiosk.send("POST", BATCH, None, raw=gzip.compress(b" " * 20_000_000), headers={"Content-Encoding": "gzip"})
    assert (big.status_code, bomb.status_code) == (413, 413)
    assert "gzip bomb" in bomb.json()["detail"]
    assert event_count(tmp_path) == 0


def test_malformed_batch_is_refused_naming_the_field(tmp_path: Path, kiosk: Kiosk) -> None:
    bad = item(1)
    bad["seq"] = "one"
    answer = kiosk.send("POST", BATCH, {"items": [bad]})
    assert answer.status_code == 422
    assert "items.0.seq" in answer.json()["detail"]
    not_json = kiosk.send("POST", BATCH, None, raw=gzip.compress(b"{not json"), headers={"Content-Encoding": "gzip"})
    assert not_json.status_code == 422
    assert event_count(tmp_path) == 0


def test_revoked_kiosk_is_refused(server: ServerProcess, kiosk: Kiosk) -> None:
    server.admin("admin", "revoke", "RJ-JPR-0001")
    answer = kiosk.send("POST", BATCH, {"items": [item(1)]})
    assert answer.status_code == 403
    assert "revoked" in answer.json()["detail"]


def test_enrolment_token_works_once_and_only_for_its_kiosk(server: ServerProcess) -> None:
    token = server.admin("admin", "issue-token", "RJ-JPR-0002")
    key = "A" * 43
    wrong = requests.post(
        server.url + "/api/v1/enrol", json={"token": token, "kiosk_code": "RJ-JPR-0003", "public_key": key}, timeout=10
    )
    assert wrong.status_code == 403
    assert "issued for kiosk RJ-JPR-0002" in wrong.json()["detail"]
    enrol_key(server, "RJ-JPR-0004")
    token = server.admin("admin", "issue-token", "RJ-JPR-0005")
    body = {"token": token, "kiosk_code": "RJ-JPR-0005", "public_key": key}
    assert requests.post(server.url + "/api/v1/enrol", json=body, timeout=10).status_code == 200
    again = requests.post(server.url + "/api/v1/enrol", json=body, timeout=10)
    assert again.status_code == 403
    assert "already used" in again.json()["detail"]


def test_heartbeat_is_stored_and_answered_with_server_time_and_high_water(kiosk: Kiosk) -> None:
    beat = {
        "agent_version": "0.1.0", "app_version": "0.1.0", "boot_id": "b", "uptime_s": 5.0, "last_seq": 3,
        "outbox_depth": 0, "quarantined": 0, "disk_free_bytes": 10**9, "network": "2g",
        "geo": {"lat": 26.6, "lon": 75.9, "accuracy_m": 8.0, "source": "gps", "age_s": 30.0},
    }  # fmt: skip
    answer = kiosk.send("POST", "/api/v1/heartbeat", beat)
    assert answer.status_code == 200
    assert answer.json()["high_water"] == 0
    assert answer.json()["commands"] == ["resend"]


def test_replayed_heartbeat_is_refused_even_before_it_is_written(kiosk: Kiosk) -> None:
    beat = {
        "agent_version": "0.1.0", "app_version": "0.1.0", "boot_id": "b", "uptime_s": 5.0, "last_seq": 0,
        "outbox_depth": 0, "quarantined": 0, "disk_free_bytes": 10**9,
    }  # fmt: skip
    headers, wire = kiosk.signed("POST", "/api/v1/heartbeat", beat)
    first = requests.post(kiosk.server.url + "/api/v1/heartbeat", data=wire, headers=headers, timeout=10)
    again = requests.post(kiosk.server.url + "/api/v1/heartbeat", data=wire, headers=headers, timeout=10)
    assert (first.status_code, again.status_code) == (200, 409)
    time.sleep(0.5)  # past the flush: the nonce is in the database and still remembered
    later = requests.post(kiosk.server.url + "/api/v1/heartbeat", data=wire, headers=headers, timeout=10)
    assert later.status_code == 409
    kiosk.server.stop()  # a restarted server loads the recent nonces: the replay is still refused
    kiosk.server.start()
    restarted = requests.post(kiosk.server.url + "/api/v1/heartbeat", data=wire, headers=headers, timeout=10)
    assert restarted.status_code == 409
    fresh_headers, fresh_wire = kiosk.signed("POST", "/api/v1/heartbeat", beat)
    fresh = requests.post(kiosk.server.url + "/api/v1/heartbeat", data=fresh_wire, headers=fresh_headers, timeout=10)
    assert fresh.status_code == 200
