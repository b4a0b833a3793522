"""Applications made at kiosks, on the real server over HTTP: the kiosk's own submission event is kept under the
kiosk's number, the existing status check answers it, an officer moves it on, and a clash or a bad payload is
rejected naming why."""

from __future__ import annotations

import copy
import hashlib
import os
import sqlite3
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from kiosk.application_records import ApplicationRecords, Filled
from kiosk.capture.port import BlobRef
from kiosk.catalogue import DEFAULT_CATALOGUE, load_catalogue
from kiosk.clock import FakeClock
from kiosk.outbox import Outbox
from kiosk.store import Store
from tests.server.conftest import Kiosk, enrol_key
from tests.server.dashboard.harness import PASSWORD, csrf_of, login
from tests.sync.harness import ServerProcess

BATCH = "/api/v1/events:batch"
PAGE = BlobRef("ab" * 32, 41_000, "image/jpeg")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    folder = tmp_path_factory.mktemp("applications")
    process = ServerProcess(str(folder / "server.db"), folder / "server.log")
    subprocess.run([*process.command("admin", "add-officer", "div.commissioner", "--role", "division", "--name",
                                     "Commissioner")], check=True, capture_output=True,
                   env={**os.environ, "DASH_PASSWORD": PASSWORD})  # fmt: skip
    process.start()
    yield process
    process.stop()


def submitted_at_kiosk(
    tmp_path: Path, kiosk_code: str, name: str = "Ramesh Kumar Meena", page: BlobRef = PAGE
) -> list[dict[str, object]]:
    """The outbox items a real kiosk store holds after one free application (the yearly pension verification)."""
    service = load_catalogue(DEFAULT_CATALOGUE).get("pension-verification")
    store = Store.open(tmp_path / f"{kiosk_code}.db", FakeClock())
    try:
        records = ApplicationRecords(store, kiosk_code)
        answers = {"ppo_number": "4455667", "applicant_name": name, "jan_aadhaar": "1234567890"}
        records.submit(service, Filled(answers, {"bank_passbook": (page,)}, None), records.reserve_number(),
                       txn_id=None)  # fmt: skip
        items = Outbox(store).pending()
    finally:
        store.close()
    return [{"seq": i.seq, "uuid": i.uuid, "kind": i.kind, "occurred_at": i.occurred_at, "payload": i.payload}
            for i in items]  # fmt: skip


def send(kiosk: Kiosk, items: list[dict[str, object]]) -> list[dict[str, str]]:
    answer = kiosk.send("POST", BATCH, {"items": items})
    assert answer.status_code == 200, answer.text
    results: list[dict[str, str]] = answer.json()["results"]
    return results


def test_submitted_application_is_found_by_the_status_check_and_moved_on_by_an_officer(
    server: ServerProcess, tmp_path: Path
) -> None:
    kiosk = enrol_key(server, "RJ-JP-SAN-0042")
    items = submitted_at_kiosk(tmp_path, "RJ-JP-SAN-0042")
    assert [r["status"] for r in send(kiosk, items)] == ["accepted"] * len(items)
    number = str(items[-1]["payload"]["application_no"])  # type: ignore[index]
    status = kiosk.send("GET", f"/api/v1/applications/{number}").json()
    assert (status["status"], status["service"], status["applicant_name"]) == (
        "received", "pension-verification", "Ramesh Kumar Meena")  # fmt: skip

    officer = login(server, "div.commissioner")
    listing = officer.get(server.url + "/dash/applications", timeout=10)
    assert listing.status_code == 200
    assert f'id="app-{number}"' in listing.text
    csrf = csrf_of(listing.text)
    url = f"{server.url}/dash/applications/{number}/status"
    skipped = officer.post(url, data={"status": "issued", "csrf": csrf}, timeout=10)
    assert skipped.status_code == 400
    assert "can move to documents_received, rejected" in skipped.text
    for step in ("documents_received", "under_review", "issued"):
        moved = officer.post(url, data={"status": step, "csrf": csrf}, timeout=10, allow_redirects=False)
        assert moved.status_code == 303, moved.text[:300]
    assert kiosk.send("GET", f"/api/v1/applications/{number}").json()["status"] == "approved"
    without_csrf = officer.post(url, data={"status": "rejected"}, timeout=10)
    assert without_csrf.status_code == 403


def test_a_number_another_kiosk_holds_or_a_bad_number_is_rejected_naming_why(
    server: ServerProcess, tmp_path: Path
) -> None:
    first, second = enrol_key(server, "RJ-AL-TIJ-0077"), enrol_key(server, "RJ-BK-KOL-0077")  # the same serial
    assert send(first, submitted_at_kiosk(tmp_path, "RJ-AL-TIJ-0077"))[-1]["status"] == "accepted"
    items = submitted_at_kiosk(tmp_path, "RJ-BK-KOL-0077", name="Sita Devi")
    bad = copy.deepcopy(items[-1]) | {"seq": len(items) + 1, "uuid": str(uuid.uuid4())}
    bad["payload"]["application_no"] = "0077000029"  # type: ignore[index]  # the check digit is wrong
    *_, clash, refused = send(second, [*items, bad])
    assert clash["status"] == "rejected"
    assert "already held by another kiosk" in clash["reason"]
    assert refused["status"] == "rejected"
    assert "payload.application_no" in refused["reason"]


def test_an_application_is_documents_received_once_its_last_page_is_uploaded_whole(
    server: ServerProcess, tmp_path: Path
) -> None:
    kiosk = enrol_key(server, "RJ-JP-SAN-0913")
    scan = b"bank passbook, first page " * 300
    page = BlobRef(hashlib.sha256(scan).hexdigest(), len(scan), "image/jpeg")
    items = submitted_at_kiosk(tmp_path, "RJ-JP-SAN-0913", page=page)
    assert {r["status"] for r in send(kiosk, items)} == {"accepted"}
    number = str(items[-1]["payload"]["application_no"])  # type: ignore[index]
    assert statuses(server, number) == ["submitted"]  # the event came before its page
    put_blob(kiosk, scan[:4000], page.sha256, total=len(scan))
    assert statuses(server, number) == ["submitted"]  # a part is not the page
    put_blob(kiosk, scan[4000:], page.sha256, total=len(scan), start=4000)
    assert statuses(server, number) == ["submitted", "documents_received"]


def statuses(server: ServerProcess, number: str) -> list[str]:
    with sqlite3.connect(server.db) as conn:
        rows = conn.execute(
            "SELECT status FROM application_history WHERE application_no = ? ORDER BY at, rowid", (number,)
        ).fetchall()
    return [str(r[0]) for r in rows]


def put_blob(kiosk: Kiosk, chunk: bytes, sha: str, *, total: int, start: int = 0) -> None:
    path = f"/api/v1/blobs/{sha}"
    headers, wire = kiosk.signed("PUT", path, raw=chunk)
    headers |= {"Content-Range": f"bytes {start}-{start + len(chunk) - 1}/{total}", "Blob-Media-Type": "image/jpeg"}
    answer = requests.put(kiosk.server.url + path, data=wire, headers=headers, timeout=10)
    assert answer.status_code == 200, answer.text
