"""The login throttle holds: atomic under parallel guesses, per name and per address, across restarts and replicas."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests

from server.dashboard import auth
from server.db import Database
from tests.server.dashboard.conftest import fresh_postgres_database
from tests.server.dashboard.harness import PASSWORD, csrf_of
from tests.sync.harness import ServerProcess
from tests.sync.postgres import PrivatePostgres

OFFICER = "bdo.chaksu"
NOON = datetime(2026, 3, 2, 6, 30, tzinfo=UTC)


def add_officer(db: str, username: str = OFFICER) -> None:
    subprocess.run([sys.executable, "-m", "server.cli", "--db", db, "admin", "add-officer", username, "--role",
                    "block", "--district", "Jaipur", "--block", "Chaksu"], check=True, capture_output=True,
                   env={**os.environ, "DASH_PASSWORD": PASSWORD})  # fmt: skip


def try_login(url: str, username: str, password: str) -> int:
    session = requests.Session()
    csrf = csrf_of(session.get(url + "/dash/login", timeout=30).text)
    answer = session.post(url + "/dash/login", data={"username": username, "password": password, "csrf": csrf},
                          timeout=30, allow_redirects=False)  # fmt: skip
    return answer.status_code


@pytest.fixture
def officer_db(tmp_path: Path) -> str:
    db = str(tmp_path / "server.db")
    add_officer(db)
    return db


def test_thirty_parallel_wrong_passwords_get_at_most_five_checked(tmp_path: Path, officer_db: str) -> None:
    server = ServerProcess(officer_db, tmp_path / "server.log").start()
    try:
        with ThreadPoolExecutor(30) as pool:
            codes = list(pool.map(lambda n: try_login(server.url, OFFICER, f"guess-{n:04d}"), range(30)))
        # 401: the password was checked and was wrong; 429: refused before any check.
        assert codes.count(401) <= auth.Throttle.MAX_FAILURES, codes
        assert codes.count(401) + codes.count(429) == 30, codes
        assert try_login(server.url, OFFICER, PASSWORD) == 429
    finally:
        server.stop()


def test_a_lockout_holds_across_a_server_restart(tmp_path: Path, officer_db: str) -> None:
    server = ServerProcess(officer_db, tmp_path / "server.log").start()
    try:
        assert [try_login(server.url, OFFICER, f"guess-{n:04d}") for n in range(5)] == [401] * 5
        server.stop()
        server.start()
        assert try_login(server.url, OFFICER, PASSWORD) == 429
    finally:
        server.stop()


def test_one_address_guessing_many_names_is_refused_after_its_limit(tmp_path: Path, officer_db: str) -> None:
    server = ServerProcess(officer_db, tmp_path / "server.log").start()
    try:
        codes = [try_login(server.url, f"made.up.{n:03d}", "wrong-password") for n in range(22)]
        assert codes == [401] * auth.Throttle.MAX_PER_ADDRESS + [429, 429]
    finally:
        server.stop()


def test_a_lockout_holds_across_two_replicas_on_postgresql(tmp_path: Path, postgres: PrivatePostgres) -> None:
    url = fresh_postgres_database(postgres)
    add_officer(url)
    first = ServerProcess(url, tmp_path / "a.log").start()
    second = ServerProcess(url, tmp_path / "b.log").start()
    try:
        guesses = [try_login(s.url, OFFICER, f"guess-{n:04d}") for n, s in enumerate([first, second] * 3)]
        assert guesses == [401] * 5 + [429]
        assert try_login(first.url, OFFICER, PASSWORD) == 429
        assert try_login(second.url, OFFICER, PASSWORD) == 429
    finally:
        first.stop()
        second.stop()


def test_ten_thousand_and_one_made_up_names_do_not_reset_a_real_officers_lockout(tmp_path: Path) -> None:
    db = Database("sqlite:///" + str(tmp_path / "server.db"), synchronous="NORMAL")
    add_officer(db.url.removeprefix("sqlite:///"))
    throttle = auth.Throttle()
    throttle.MAX_ROWS = 1_000  # the cap is reached by the flood below, so the sweep has to choose
    for n in range(5):
        assert throttle.attempt(db, OFFICER, "10.0.0.1", NOON + timedelta(seconds=n))
    for n in range(10_001):
        # Every made-up name from its own address: no address limit helps; only the per-name keys can.
        throttle.attempt(db, f"made.up.{n:05d}", f"10.{n // 65536}.{n // 256 % 256}.{n % 256}", NOON)
    throttle.sweep(db, NOON + timedelta(minutes=1))
    assert not throttle.attempt(db, OFFICER, "10.9.9.9", NOON + timedelta(minutes=2))
    with db.tx(write=False) as tx:
        left = tx.one("SELECT count(*) FROM login_throttle WHERE key LIKE 'u:made.up.%'")
    assert left == (0,)
    db.close()


def test_a_window_ends_after_fifteen_minutes_and_the_sweep_forgets_it(tmp_path: Path) -> None:
    db = Database("sqlite:///" + str(tmp_path / "server.db"))
    add_officer(db.url.removeprefix("sqlite:///"))
    throttle = auth.Throttle()
    verdicts = [throttle.attempt(db, OFFICER, "10.0.0.1", NOON) for _ in range(6)]
    assert verdicts == [True] * 5 + [False]
    later = NOON + auth.Throttle.WINDOW + timedelta(seconds=1)
    assert throttle.sweep(db, later) == 0
    assert throttle.attempt(db, OFFICER, "10.0.0.1", later)
    db.close()


def test_a_success_forgets_the_names_count_and_gives_the_address_its_attempt_back(tmp_path: Path) -> None:
    db = Database("sqlite:///" + str(tmp_path / "server.db"))
    add_officer(db.url.removeprefix("sqlite:///"))
    throttle = auth.Throttle()
    for _ in range(4):
        throttle.attempt(db, OFFICER, "10.0.0.1", NOON)
    throttle.succeeded(db, OFFICER, "10.0.0.1")
    with db.tx(write=False) as tx:
        assert tx.all("SELECT key, attempts FROM login_throttle ORDER BY key") == [("a:10.0.0.1", 3)]
    db.close()
