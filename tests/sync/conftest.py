"""Fixtures: a real kiosk-server process on a SQLite file, and the fault proxy in front of it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sync.faultproxy import FaultProxy
from tests.sync.harness import AgentProcess, ServerProcess
from tests.sync.postgres import PostgresUnavailable, PrivatePostgres


class AgentList:
    """Agent processes a test started; all are SIGKILLed at teardown, pass or fail."""

    def __init__(self) -> None:
        self.started: list[AgentProcess] = []

    def __call__(self, agent: AgentProcess) -> AgentProcess:
        self.started.append(agent)
        return agent


@pytest.fixture
def agents() -> Iterator[AgentList]:
    started = AgentList()
    yield started
    for agent in started.started:
        agent.kill()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    process = ServerProcess(str(tmp_path / "server.db"), tmp_path / "server.log").start()
    yield process
    process.stop()


@pytest.fixture
def proxy(server: ServerProcess) -> Iterator[FaultProxy]:
    started = FaultProxy(server.port, seed=7).start()
    yield started
    started.stop()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PrivatePostgres]:
    """Never skipped: if PostgreSQL cannot start, the test fails and says why."""
    server = PrivatePostgres()
    try:
        server.start()
    except PostgresUnavailable as exc:
        server.stop()
        pytest.fail(f"PostgreSQL tests need a private PostgreSQL and it did not start: {exc}")
    yield server
    server.stop()
