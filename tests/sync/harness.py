"""Test harness: the real kiosk-server and kiosk-agent as processes, a kiosk config, and counting on both sides."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from kiosk.clock import SystemClock
from kiosk.store import Store
from sync.agent import enrol
from sync.settings import AgentSettings, load_settings

KIOSK_CODE = "RJ-JPR-0001"


class ServerProcess:
    """`kiosk-server serve` in its own process, on a loopback port that stays the same across restarts."""

    def __init__(self, db: str, log_path: Path, *serve_options: str) -> None:
        self.db = db
        self.serve_options = serve_options
        self.log_path = log_path
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "server.cli", "--db", self.db, *args]

    def start(self) -> ServerProcess:
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                self.command("serve", "--port", str(self.port), *self.serve_options), stdout=subprocess.PIPE, stderr=log
            )
        assert self.process.stdout is not None
        line = self.process.stdout.readline().decode()
        if not line.startswith("listening on "):
            raise RuntimeError(f"kiosk-server did not start: {line!r}; see {self.log_path}")
        self.port = int(line.rsplit(":", 1)[1])
        wait_until(self._answers, 20, "kiosk-server to answer")
        return self

    def _answers(self) -> bool:
        import http.client

        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
        try:
            connection.request("GET", "/api/v1/openapi.json")
            return connection.getresponse().status == 200
        except OSError:  # not up yet, or too slow on a loaded machine: closed either way (no ResourceWarning)
            return False
        finally:
            connection.close()

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()
        if self.process is not None and self.process.stdout is not None:
            self.process.stdout.close()

    def stop(self) -> None:
        """A clean stop (SIGTERM) at the end of a test, so coverage of the server process gets written."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.kill()

    def admin(self, *args: str) -> str:
        done = subprocess.run(self.command(*args), capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"kiosk-server {' '.join(args)} failed: {done.stderr[-500:]}")
        return done.stdout.strip()


class AgentProcess:
    def __init__(self, config: Path, log_path: Path) -> None:
        self.config, self.log_path = config, log_path
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> AgentProcess:
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "sync.cli", "--config", str(self.config), "run"], stdout=log, stderr=log
            )
        return self

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()


def write_config(
    folder: Path, server_url: str, code: str = KIOSK_CODE, *, hours: str = "00:00-24:00", **agent: object
) -> Path:
    """A kiosk config against `server_url`. Open round the clock by default: the real-mode kiosks built from it run on
    the system clock (their signed requests must match the server's), so fixed hours would fail the suite at night."""
    settings = {
        "drain_interval_s": 0.3, "heartbeat_interval_s": 1.0, "catalogue_interval_s": 2.0, "first_contact_max_s": 0.3,
        "backoff_base_s": 0.05, "backoff_cap_s": 0.5, "batch_items": 100, **agent,
    }  # fmt: skip
    days = "\n".join(f'{d} = "{hours}"' for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun"))
    agent_lines = "\n".join(f"{k} = {v!r}" if not isinstance(v, str) else f'{k} = "{v}"' for k, v in settings.items())
    text = f"""
[kiosk]
code = "{code}"
centre_name_hi = "राजीव गांधी सेवा केंद्र, चाकसू"
centre_name_en = "Rajiv Gandhi Seva Kendra, Chaksu"
district = "Jaipur"
block = "Chaksu"
gram_panchayat = "Chaksu"
nodal_officer = "BDO Chaksu"
helpline = "181"
database = "kiosk.db"

[hours]
{days}

[server]
url = "{server_url}"
timeout_s = 5.0

[agent]
{agent_lines}
"""
    path = folder / "kiosk.toml"
    path.write_text(text, "utf-8")
    return path


def enrolled_kiosk(
    folder: Path, server: ServerProcess, url: str, code: str = KIOSK_CODE, **agent: object
) -> tuple[AgentSettings, Store]:
    config = write_config(folder, url, code, **agent)
    settings = load_settings(config)
    store = Store.open(settings.database, SystemClock())
    enrol(settings, store, server.admin("admin", "issue-token", code))
    return settings, store


def make_payments(store: Store, count: int, start: int = 0) -> None:
    with store.write("test") as uow:
        for n in range(start, start + count):
            uow.emit("payment.completed", {"txn": f"T{n:06d}", "amount_paise": 10_000 + n, "mode": "cash"})


def _server_rows(db: Path | str, sql: str) -> list[tuple[object, ...]]:
    if isinstance(db, str) and db.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(db) as conn:
            return [tuple(r) for r in conn.execute(sql).fetchall()]
    conn = sqlite3.connect(db, timeout=30)
    try:
        return [tuple(r) for r in conn.execute(sql).fetchall()]
    finally:
        conn.close()


def server_counts(db: Path | str) -> tuple[int, int, int, int]:
    """(accepted events, distinct seqs, distinct uuids, highest seq) as the server holds them."""
    row = _server_rows(
        db,
        "SELECT count(*), count(DISTINCT seq), count(DISTINCT uuid), coalesce(max(seq), 0) FROM events"
        " WHERE status = 'accepted'",
    )[0]
    return int(row[0]), int(row[1]), int(row[2]), int(row[3])  # type: ignore[call-overload]


def kiosk_uuids(store: Store) -> dict[int, str]:
    return {int(r["seq"]): str(r["uuid"]) for r in store.read("SELECT seq, uuid FROM outbox")}


def server_uuids(db: Path | str) -> dict[int, str]:
    rows = _server_rows(db, "SELECT seq, uuid FROM events WHERE status = 'accepted'")
    return {int(s): str(u) for s, u in rows}  # type: ignore[call-overload]


def wait_until(condition: Callable[[], bool], seconds: float, what: str) -> None:
    """Poll until true; failing names what never happened (a deadline, not a timing assertion)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what} after {seconds} s")
        time.sleep(0.05)


def soak() -> bool:
    return os.environ.get("KIOSK_SOAK") == "1"
