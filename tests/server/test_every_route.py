"""Every route of the app, walked with hostile path, query, header and body values: nothing answers 5xx."""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from fastapi.routing import APIRoute

from server.app import create_app
from server.db import Database
from tests.server.conftest import Kiosk, enrol_key
from tests.server.test_hostile import officer as signed_in_officer
from tests.sync.harness import ServerProcess

HOSTILE = ["١٢", "²", "9" * 5000, "-1", "0", "1e309", "\x00", "A" * 3000, "%", "../..", "null", "[]",
           "' OR 1=1 --", "𝟘𝟙", "NaN", "RJ-JPR-0001"]  # fmt: skip
HEADERS = [{"X-Timestamp": "9" * 5000}, {"X-Timestamp": "²".encode()}, {"X-Kiosk-Id": "k-" + "x" * 3000},
           {"Content-Encoding": "gzip"}, {"Content-Encoding": "br"}, {"Accept": "application/json"},
           {"If-None-Match": '"v' + "9" * 3000 + '"'}, {"Cookie": "dash_session=" + "x" * 4000}]  # fmt: skip
BODIES = [b"", b"\x00", b"[]", b"{}", b"null", b'"text"', b'{"items": "x"}', b'{"items": [{"seq": 1e999}]}',
          b'{"receipt_token": "' + b"a" * 599 + b'.b", "kind": "receipt"}', b'{"token": 5, "public_key": []}',
          b"\xff\xfe\x00", b"x" * 70_000, gzip.compress(b"{" * 50_000)]  # fmt: skip


def routes(folder: Path) -> list[tuple[str, str, list[str]]]:
    """(method, path, query parameter names) of every route, read from the app itself."""
    app = create_app(Database("sqlite:///" + str(folder / "routes.db")))
    found = []
    pending = list(app.routes)
    while pending:
        route = pending.pop(0)
        if isinstance(route, APIRoute):
            queries = [p.name for p in route.dependant.query_params]
            found += [(method, route.path, queries) for method in sorted(route.methods)]
        elif hasattr(route, "original_router"):  # an included router (the dashboard's) keeps its own routes
            pending += route.original_router.routes
    assert len(found) >= 25, found  # the API, the QR pages and the dashboard
    return found


def fill(path: str, value: str) -> str:
    return re.sub(r"\{[^}]+\}", quote(value, safe="") or "x", path)


@pytest.fixture
def kiosk(tmp_path: Path) -> Iterator[Kiosk]:
    (tmp_path / "locker-secret").write_text("hostile-test-locker-secret", encoding="utf-8")  # the locker's routes on
    server = ServerProcess(str(tmp_path / "server.db"), tmp_path / "server.log",
                           "--locker-secret-file", str(tmp_path / "locker-secret")).start()  # fmt: skip
    try:
        yield enrol_key(server)
    finally:
        server.stop()


def test_no_route_answers_5xx_to_hostile_input(tmp_path: Path, kiosk: Kiosk) -> None:
    url = kiosk.server.url
    kiosk.server.admin("admin", "place", "RJ-JPR-0001", "--district", "Jaipur", "--block", "Chaksu")
    officer = signed_in_officer(kiosk.server)
    anonymous = requests.Session()
    failures = []

    def check(answer: requests.Response, what: str) -> None:
        if answer.status_code >= 500:
            failures.append(f"{what} -> {answer.status_code}")

    for method, path, queries in routes(tmp_path):
        for n, value in enumerate(HOSTILE):
            target = url + fill(path, value)
            params = {name: value for name in queries}
            session = officer if n % 2 else anonymous
            check(session.request(method, target, params=params, timeout=30), f"{method} {path} value {value[:12]!r}")
            headers = HEADERS[n % len(HEADERS)]
            body = BODIES[n % len(BODIES)]
            check(anonymous.request(method, target, headers=headers, data=body, timeout=30),
                  f"{method} {path} headers {str(headers)[:40]} body {body[:20]!r}")  # fmt: skip
            if path.startswith("/api/"):  # signed, so the hostile body gets past authentication
                signed_path = fill(path, value)
                signed, wire = kiosk.signed(method, signed_path, raw=body)
                check(requests.request(method, url + signed_path, headers=signed, data=wire or None, timeout=30),
                      f"signed {method} {path} body {body[:20]!r}")  # fmt: skip
    assert failures == []
