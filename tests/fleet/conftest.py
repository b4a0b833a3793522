"""Fixtures: the session's private PostgreSQL (shared with tests/sync) and a fresh database on it per test."""

from __future__ import annotations

import pytest

from tests.server.dashboard.conftest import fresh_postgres_database
from tests.sync.conftest import agents, postgres  # noqa: F401 - fixtures shared with tests/sync
from tests.sync.postgres import PrivatePostgres


@pytest.fixture
def pg_url(postgres: PrivatePostgres) -> str:  # noqa: F811 - the imported fixture, used by name
    return fresh_postgres_database(postgres)
