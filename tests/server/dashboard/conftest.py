"""Fixtures: a real server database (SQLite file, or a fresh database on the private PostgreSQL)."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from server.db import Database
from server.service import Service
from tests.sync.conftest import postgres  # noqa: F401 - the session's private PostgreSQL, shared with tests/sync
from tests.sync.postgres import PrivatePostgres


def fresh_postgres_database(server: PrivatePostgres) -> str:
    import psycopg

    name = "dash_" + secrets.token_hex(4)
    with psycopg.connect(server.url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return server.url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        url = "sqlite:///" + str(tmp_path / "server.db")
    else:
        url = fresh_postgres_database(request.getfixturevalue("postgres"))
    database = Database(url)
    Service(database)
    yield database
    database.close()
