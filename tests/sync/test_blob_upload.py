"""Captured files from the kiosk's vault to the real server: resumed after SIGKILLs, never sent twice, then deleted."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path
from typing import Any

import requests

from common.numbers import luhn_complete
from kiosk.capture.blob_events import emit_with_blobs
from kiosk.capture.port import BlobRef
from kiosk.capture.vault import Vault
from kiosk.clock import SystemClock
from kiosk.outbox import Outbox
from kiosk.store import Store
from sync.agent import Agent
from sync.blob_upload import BlobUploader
from sync.client import Client
from sync.drain import Drainer
from sync.identity import SyncState, load_or_create_key
from sync.settings import AgentSettings
from tests.sync.conftest import AgentList
from tests.sync.harness import AgentProcess, ServerProcess, enrolled_kiosk, make_payments, wait_until

MARKER = b"SCANNED-DOMICILE-PROOF-MARKER"


def pages(count: int, size: int, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    return [MARKER + rng.randbytes(size - len(MARKER)) for _ in range(count)]


def submit(store: Store, vault: Vault, contents: list[bytes], number: int) -> list[BlobRef]:
    """An application the server keeps (server/application_records.py checks the payload) naming these pages."""
    refs = [vault.put(data, "image/jpeg") for data in contents]
    application = {
        "application_no": luhn_complete(f"{number:09d}"),
        "service_id": "caste-apply",
        "fields": {},
        "office_en": "Tehsildar, Sanganer",
        "expected_on": "2026-12-20",
        "kiosk_code": "RJ-JP-SAN-0001",
    }
    with store.write("test") as uow:
        emit_with_blobs(uow, "application.submitted", application, refs)
    return refs


def server_rows(server: ServerProcess) -> list[tuple[Any, ...]]:
    with sqlite3.connect(server.db, timeout=30) as conn:
        return conn.execute("SELECT sha256, size, received_bytes, completed_at FROM kiosk_blobs").fetchall()


def stored(server: ServerProcess, sha: str) -> Path:
    return Path(server.db).parent / "blobs" / sha[:2] / sha


class CountingSession(requests.Session):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def request(self, *args: Any, **kwargs: Any) -> requests.Response:
        self.count += 1
        return super().request(*args, **kwargs)


def client_for(settings: AgentSettings, store: Store, session: requests.Session) -> Client:
    kiosk_id = SyncState(store).get("kiosk_id") or ""
    return Client(settings.server_url, load_or_create_key(settings.key_file), kiosk_id, SystemClock(), session=session)


def test_files_leave_the_kiosk_once_held_and_their_event_accepted_and_a_resubmission_costs_one_request(
    tmp_path: Path, server: ServerProcess
) -> None:
    settings, store = enrolled_kiosk(tmp_path, server, server.url)
    vault = Vault.open(store, settings.vault_key_file or tmp_path / "vault.key")
    contents = pages(2, 2500, seed=1)
    refs = submit(store, vault, contents, 1)
    session = CountingSession()
    client = client_for(settings, store, session)
    uploader = BlobUploader(vault, client, chunk_bytes=1000)
    report = uploader.step()
    assert (report.uploaded, report.bytes_sent, report.confirmed) == (2, 5000, 0)
    assert len(list(vault.folder.iterdir())) == 2  # the server holds them, but not yet the event naming them
    Drainer(Outbox(store), client).drain()
    assert uploader.step().confirmed == 2
    assert list(vault.folder.iterdir()) == []
    assert [stored(server, r.sha256).read_bytes() for r in refs] == contents
    submit(store, vault, contents[:1], 2)  # the same page in a new application
    session.count = 0
    report = uploader.step()
    assert (report.uploaded, report.bytes_sent, session.count) == (1, 0, 1)


def test_an_upload_killed_at_random_points_resumes_without_duplicates_or_resent_bytes(
    tmp_path: Path, server: ServerProcess, agents: AgentList
) -> None:
    settings, store = enrolled_kiosk(
        tmp_path, server, server.url, blob_chunk_bytes=256, blob_budget_bytes=1_000_000, blob_interval_s=0.1
    )
    vault = Vault.open(store, settings.vault_key_file or tmp_path / "vault.key")
    contents = pages(4, 2000, seed=2)  # 32 chunks
    refs = submit(store, vault, contents, 3)
    total = sum(r.size for r in refs)
    agent = agents(AgentProcess(tmp_path / "kiosk.toml", tmp_path / "agent.log")).start()
    rng = random.Random(5)

    def received() -> int:
        return sum(int(r[2]) for r in server_rows(server))

    at_kill = []
    for kill in range(3):
        target = int(total * (kill + rng.uniform(0.2, 0.8)) / 4)
        wait_until(lambda: received() >= target, 60, f"{target} bytes at the server")  # noqa: B023
        agent.kill()
        at_kill.append(received())
        agent.start()
    assert at_kill[-1] < total, at_kill  # each kill cut the upload short
    confirmed = "SELECT count(*) AS n FROM vault_blobs WHERE state = 'confirmed'"
    wait_until(lambda: store.read(confirmed)[0]["n"] == len(refs), 60, "every blob confirmed")
    agent.kill()
    rows = server_rows(server)
    assert sorted(r[0] for r in rows) == sorted(r.sha256 for r in refs)  # one row per blob: no duplicates
    assert all(r[1] == r[2] and r[3] for r in rows)  # complete, and not one byte received twice
    assert [stored(server, r.sha256).read_bytes() for r in refs] == contents
    assert list(vault.folder.iterdir()) == []
    assert MARKER not in (tmp_path / "agent.log").read_bytes()


def test_a_vault_that_cannot_be_opened_leaves_the_agent_delivering_events(
    tmp_path: Path, server: ServerProcess
) -> None:
    settings, store = enrolled_kiosk(tmp_path, server, server.url)
    key_file = settings.vault_key_file or tmp_path / "vault.key"
    key_file.write_bytes(bytes(32))
    key_file.chmod(0o644)  # readable by others: refused
    agent = Agent(settings, store, SystemClock())
    make_payments(store, 3)
    assert agent.blobs is None
    assert "blobs" not in agent.jobs
    assert agent.drain() == 3
