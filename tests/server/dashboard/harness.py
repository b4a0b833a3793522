"""A real kiosk-server process over a small generated fleet, officers added through the CLI, and a logged-in client."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import requests

from tests.sync.harness import ServerProcess

PASSWORD = "correct-horse-9"
# Small but with every district, several blocks and the generator's planted faults (machine 5 is at sea).
MACHINES, DAYS = 140, 40
OFFICERS = {
    "div.commissioner": ("division", None, None),
    "collector.alwar": ("district", "Alwar", None),
    "bdo.chaksu": ("block", "Jaipur", "Chaksu"),
    "bdo.tijara": ("block", "Alwar", "Tijara"),  # for the login-throttle test only
}


def fleet_server(folder: Path) -> ServerProcess:
    db = str(folder / "fleet.db")
    subprocess.run([sys.executable, "-m", "server.cli", "--db", db, "generate-fleet", "--machines", str(MACHINES),
                    "--days", str(DAYS)], check=True, capture_output=True)  # fmt: skip
    for username, (role, district, block) in OFFICERS.items():
        args = ["admin", "add-officer", username, "--role", role, "--name", username.split(".")[1].title()]
        args += ["--district", district] if district else []
        args += ["--block", block] if block else []
        subprocess.run([sys.executable, "-m", "server.cli", "--db", db, *args], check=True, capture_output=True,
                       env={**os.environ, "DASH_PASSWORD": PASSWORD})  # fmt: skip
    return ServerProcess(db, folder / "server.log").start()


def rows(db: str, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db, timeout=30)
    try:
        return [tuple(r) for r in conn.execute(sql, params).fetchall()]
    finally:
        conn.close()


def login(server: ServerProcess, username: str, password: str = PASSWORD) -> requests.Session:
    session = requests.Session()
    form = session.get(server.url + "/dash/login", timeout=10)
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text)
    assert csrf, form.text[:500]
    answer = session.post(server.url + "/dash/login", timeout=10, allow_redirects=False,
                          data={"username": username, "password": password, "csrf": csrf[1], "next": ""})  # fmt: skip
    assert answer.status_code == 303, answer.text[:500]
    return session


def csrf_of(page: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found, page[:300]
    return found[1]
