"""Quick set-up for the grievance tests: a kiosk enrolled and placed, and officers added, in-process on the server's
real database file (the CLI does the same through a subprocess each time, seconds apiece on a busy machine)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.clock import SystemClock
from server.dashboard.auth import add_officer
from server.dashboard.rollup import put_site
from server.db import Database
from server.service import Service
from sync.client import Client
from sync.grievance_client import HttpGrievances
from sync.protocol.signing import public_key_text
from tests.server.conftest import Kiosk
from tests.sync.harness import ServerProcess


@pytest.fixture(scope="session")
def grievance_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """One reference server for all the grievance tests of a worker (each uses its own kiosks and mobile numbers);
    its SMS gateway records to `sms.jsonl` beside the database."""
    folder = tmp_path_factory.mktemp("grievances")
    sms = folder / "sms.jsonl"
    process = ServerProcess(str(folder / "server.db"), folder / "server.log", "--sms-gateway", f"record:{sms}").start()
    yield process
    process.stop()


def database(server: ServerProcess) -> Database:
    db = Database("sqlite:///" + server.db)
    Service(db)
    return db


def placed_kiosk(server: ServerProcess, code: str, district: str, block: str) -> Kiosk:
    db = database(server)
    try:
        token = Service(db).issue_token(code)
        key = Ed25519PrivateKey.generate()
        body = {"token": token, "kiosk_code": code, "public_key": public_key_text(key)}
        answer = requests.post(server.url + "/api/v1/enrol", json=body, timeout=10)
        assert answer.status_code == 200, answer.text
        kiosk = Kiosk(server, key, answer.json()["kiosk_id"], answer.json()["server_public_key"])
        with db.tx() as tx:
            put_site(tx, kiosk.kiosk_id, code, {"district": district, "block": block, "hours": {}})
    finally:
        db.close()
    return kiosk


def desk_of(kiosk: Kiosk, url: str | None = None) -> HttpGrievances:
    return HttpGrievances(Client(url or kiosk.server.url, kiosk.key, kiosk.kiosk_id, SystemClock(), timeout_s=3.0))


def add_officers(server: ServerProcess, password: str, officers: dict[str, tuple[str, str | None, str | None]]) -> None:
    db = database(server)
    try:
        for username, (role, district, block) in officers.items():
            name = f"Officer {username.split('.')[1]}"
            add_officer(db, username, name, password, role, district, block, "2026-12-01T00:00:00Z")
    finally:
        db.close()
