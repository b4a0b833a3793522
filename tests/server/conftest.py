"""Fixtures: the real kiosk-server process, and an enrolled kiosk key to sign requests with."""

from __future__ import annotations

import gzip
import json
import secrets
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sync.protocol.signing import public_key_text, sign_request
from tests.sync.harness import KIOSK_CODE, ServerProcess


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    process = ServerProcess(str(tmp_path / "server.db"), tmp_path / "server.log").start()
    yield process
    process.stop()


@dataclass
class Kiosk:
    server: ServerProcess
    key: Ed25519PrivateKey
    kiosk_id: str
    server_key: str

    def signed(
        self,
        method: str,
        path: str,
        body: object = None,
        *,
        raw: bytes | None = None,
        skew_s: int = 0,
        headers: dict[str, str] | None = None,
    ) -> tuple[dict[str, str], bytes]:
        wire = raw if raw is not None else (gzip.compress(json.dumps(body).encode()) if body is not None else b"")
        signed = sign_request(
            self.key, self.kiosk_id, method, path, int(time.time()) + skew_s, secrets.token_hex(16), wire
        )
        extra = {"Content-Encoding": "gzip", "Content-Type": "application/json"} if body is not None else {}
        return {**extra, **signed, **(headers or {})}, wire

    def send(self, method: str, path: str, body: object = None, **kwargs: object) -> requests.Response:
        headers, wire = self.signed(method, path, body, **kwargs)  # type: ignore[arg-type]
        return requests.request(method, self.server.url + path, data=wire or None, headers=headers, timeout=10)


def enrol_key(server: ServerProcess, code: str = KIOSK_CODE) -> Kiosk:
    key = Ed25519PrivateKey.generate()
    token = server.admin("admin", "issue-token", code)
    answer = requests.post(
        server.url + "/api/v1/enrol",
        json={"token": token, "kiosk_code": code, "public_key": public_key_text(key)}, timeout=10,
    )  # fmt: skip
    assert answer.status_code == 200, answer.text
    return Kiosk(server, key, answer.json()["kiosk_id"], answer.json()["server_public_key"])


@pytest.fixture
def kiosk(server: ServerProcess) -> Kiosk:
    return enrol_key(server)
