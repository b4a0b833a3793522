"""The server's blob store over real HTTP: chunks at the right offset, the whole checked against its name, per kiosk."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from jsonschema import Draft202012Validator

from kiosk.capture.blob_events import blobs_field
from kiosk.capture.port import BlobRef
from server.blobs import missing_blobs
from server.cli import main as server_cli
from server.db import Database, database_url
from server.service import Service
from sync.protocol.blobs import BLOBS_FIELD, declared_blobs
from sync.protocol.signing import public_key_text
from tests.server.conftest import Kiosk
from tests.sync.harness import ServerProcess

CHUNK = 1000


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ServerProcess, Kiosk, Kiosk]]:
    folder = tmp_path_factory.mktemp("blobs")
    server = ServerProcess(str(folder / "server.db"), folder / "server.log").start()
    try:
        yield server, enrolled(server, "RJ-JPR-0001"), enrolled(server, "RJ-JPR-0002")
    finally:
        server.stop()


def enrolled(server: ServerProcess, code: str) -> Kiosk:
    """tests.server.conftest.enrol_key without a `kiosk-server admin` process per token (this module runs thrice)."""
    key = Ed25519PrivateKey.generate()
    token = Service(Database(database_url(server.db))).issue_token(code, 1.0)
    body = {"token": token, "kiosk_code": code, "public_key": public_key_text(key)}
    answer = requests.post(server.url + "/api/v1/enrol", json=body, timeout=10)
    assert answer.status_code == 200, answer.text
    return Kiosk(server, key, answer.json()["kiosk_id"], answer.json()["server_public_key"])


def content(tag: bytes, size: int = 2500) -> tuple[bytes, str]:
    data = (tag * size)[:size]
    return data, hashlib.sha256(data).hexdigest()


def put(
    kiosk: Kiosk, sha: str, start: int, chunk: bytes, total: int, *, sent: bytes | None = None
) -> requests.Response:
    path = f"/api/v1/blobs/{sha}"
    headers, wire = kiosk.signed("PUT", path, raw=chunk)
    headers |= {"Content-Range": f"bytes {start}-{start + len(chunk) - 1}/{total}", "Blob-Media-Type": "image/jpeg"}
    body = sent if sent is not None else wire
    return requests.put(kiosk.server.url + path, data=body, headers=headers, timeout=10)


def upload(kiosk: Kiosk, data: bytes, sha: str) -> requests.Response:
    answer = None
    for start in range(0, len(data), CHUNK):
        answer = put(kiosk, sha, start, data[start : start + CHUNK], len(data))
        assert answer.status_code == 200, answer.text
    assert answer is not None
    return answer


def held(kiosk: Kiosk, sha: str) -> tuple[int, str]:
    answer = kiosk.send("HEAD", f"/api/v1/blobs/{sha}")
    assert answer.status_code == 200, answer.headers
    return int(answer.headers["Upload-Offset"]), answer.headers["Blob-Complete"]


def received(server: ServerProcess, sha: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(server.db) as conn:
        return conn.execute(
            "SELECT kiosk_id, received_bytes, completed_at IS NOT NULL FROM kiosk_blobs WHERE sha256 = ?", (sha,)
        ).fetchall()


def stored(server: ServerProcess, sha: str) -> Path:
    return Path(server.db).parent / "blobs" / sha[:2] / sha


def test_a_blob_sent_in_chunks_is_kept_under_its_name_and_a_resend_costs_nothing(
    shared: tuple[ServerProcess, Kiosk, Kiosk],
) -> None:
    server, kiosk, _ = shared
    data, sha = content(b"scan-1 ")
    assert held(kiosk, sha) == (0, "no")
    put(kiosk, sha, 0, data[:CHUNK], len(data))
    assert held(kiosk, sha) == (CHUNK, "no")
    answer = put(kiosk, sha, 0, data[:CHUNK], len(data))  # a chunk the server already holds: refused, not doubled
    assert answer.status_code == 409
    assert "holds 1000 bytes" in answer.json()["detail"]
    for start in range(CHUNK, len(data), CHUNK):
        answer = put(kiosk, sha, start, data[start : start + CHUNK], len(data))
    assert answer.json() == {"sha256": sha, "offset": len(data), "complete": True}
    assert held(kiosk, sha) == (len(data), "yes")
    assert put(kiosk, sha, 0, data[:CHUNK], len(data)).json()["complete"] is True
    assert stored(server, sha).read_bytes() == data
    assert received(server, sha) == [(kiosk.kiosk_id, len(data), 1)]
    payload = {
        "application_no": "A-1",
        **blobs_field([BlobRef(sha, len(data), "image/jpeg"), BlobRef("e" * 64, 9, "image/jpeg")]),
    }
    assert Draft202012Validator(BLOBS_FIELD).is_valid(payload["blobs"])
    with Database(database_url(server.db)).tx(write=False) as tx:
        assert missing_blobs(tx, kiosk.kiosk_id, declared_blobs(payload)) == ["e" * 64]


def test_content_that_does_not_match_its_name_is_refused_and_not_kept(
    shared: tuple[ServerProcess, Kiosk, Kiosk],
) -> None:
    server, kiosk, _ = shared
    data, sha = content(b"scan-2 ")
    wrong = data[:-1] + b"X"
    for start in range(0, len(wrong) - CHUNK, CHUNK):
        put(kiosk, sha, start, wrong[start : start + CHUNK], len(data))
    last = len(wrong) - len(wrong) % CHUNK
    answer = put(kiosk, sha, last, wrong[last:], len(data))
    assert answer.status_code == 422
    assert "does not match its name" in answer.json()["detail"]
    assert not stored(server, sha).exists()
    assert held(kiosk, sha) == (0, "no")  # start again from byte 0
    upload(kiosk, data, sha)
    assert stored(server, sha).read_bytes() == data


def test_a_chunk_changed_on_the_way_fails_its_signature_and_is_not_appended(
    shared: tuple[ServerProcess, Kiosk, Kiosk],
) -> None:
    _, kiosk, _ = shared
    data, sha = content(b"scan-3 ")
    answer = put(kiosk, sha, 0, data[:CHUNK], len(data), sent=b"\x00" + data[1:CHUNK])
    assert answer.status_code == 401
    assert held(kiosk, sha) == (0, "no")
    answer = put(kiosk, sha, 0, data[:CHUNK], len(data) + 20_000_000)
    assert answer.status_code == 413


def test_a_kiosk_can_neither_learn_of_read_nor_overwrite_another_kiosks_blob(
    shared: tuple[ServerProcess, Kiosk, Kiosk],
) -> None:
    server, first, second = shared
    data, sha = content(b"scan-4 ")
    upload(first, data, sha)
    assert held(second, sha) == (0, "no")  # no oracle for what others sent
    assert second.send("GET", f"/api/v1/blobs/{sha}").status_code == 405  # kiosks never download captured files
    forged = b"F" * len(data)
    for start in range(0, len(forged), CHUNK):
        answer = put(second, sha, start, forged[start : start + CHUNK], len(forged))
    assert answer.status_code == 422
    assert stored(server, sha).read_bytes() == data
    upload(second, data, sha)  # the same content from the second kiosk: its own row, still one file
    assert sorted(str(r[0]) for r in received(server, sha)) == sorted([first.kiosk_id, second.kiosk_id])
    unsigned = requests.put(server.url + f"/api/v1/blobs/{sha}", data=b"x", timeout=10)
    assert unsigned.status_code == 401


def test_purge_deletes_blobs_past_the_configured_retention_only(
    shared: tuple[ServerProcess, Kiosk, Kiosk], capsys: pytest.CaptureFixture[str]
) -> None:
    server, kiosk, _ = shared
    data, sha = content(b"scan-5 ")
    upload(kiosk, data, sha)
    assert server_cli(["--db", server.db, "admin", "purge-blobs"]) == 0
    assert "deleted 0 " in capsys.readouterr().out
    assert stored(server, sha).exists()
    assert server_cli(["--db", server.db, "admin", "purge-blobs", "--blob-retention-days", "0"]) == 0
    assert not stored(server, sha).exists()
    assert received(server, sha) == []
