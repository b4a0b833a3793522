"""A power cut (SIGKILL) at every step of install, switch and rollback: the kiosk always comes back on a complete,
starting release with its database intact, and the interrupted update finishes when the agent runs again."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from sync.identity import SyncState
from sync.release.root import ReleaseRoot, file_sha256
from tests.release.conftest import Published
from tests.release.harness import REPO, KioskUnderTest, kiosk_for, offer, provision_release

UPDATE_STEPS = ["downloading", "downloaded", "installing", "installed", "backup", "switching", "swapped"]
# `make soak` also cuts the power deep inside the install (the 2nd, 100th and last-but-one of its ~270 files).
SOAK_STEPS = ["installing#2", "installing#100", "installing#269"] if os.environ.get("KIOSK_SOAK") else []
ROLLBACK_STEPS = ["restored", "rolled"]


def run_child(kiosk: KioskUnderTest, published: Published, mode: str, kill_at: str) -> int:
    state = SyncState(kiosk.store)
    job = {
        "mode": mode, "kill_at": kill_at, "root": str(kiosk.root.path), "database": str(kiosk.settings.database),
        "url": published.server.url, "key_file": str(kiosk.settings.key_file), "kiosk_id": state.get("kiosk_id"),
        "server_key": state.get("server_public_key"), "version": "1.2", "sha": published.sha["1.2"],
    }  # fmt: skip
    done = subprocess.run([sys.executable, "-m", "tests.release.kill_child", json.dumps(job)], cwd=REPO,
                          capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    assert done.returncode in (0, -9), done.stderr
    return done.returncode


def assert_working_release(root: ReleaseRoot, *, start: bool = True) -> str:
    """`current` names a whole release (every file matches its hash) whose launcher starts."""
    version = root.running()
    assert version is not None
    manifest = root.manifest(version)
    assert manifest is not None
    for entry in manifest.files:
        assert file_sha256(root.current / "app" / entry.path) == entry.sha256, entry.path
    if not start:
        return version
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([str(root.current / "bin" / "kiosk-agent"), "--help"], cwd=root.path, env=env,
                          capture_output=True, text=True, timeout=60, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return version


def assert_database_intact(kiosk: KioskUnderTest, schema: int) -> None:
    conn = sqlite3.connect(kiosk.settings.database)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema
        assert conn.execute("SELECT COALESCE(SUM(denomination), 0) FROM cash_events").fetchone()[0] == 50_000
    finally:
        conn.close()


@pytest.fixture
def kiosk(tmp_path: Path, request: pytest.FixtureRequest, published: Published) -> KioskUnderTest:
    number = abs(hash(request.node.name)) % 9000 + 1000
    made = kiosk_for(tmp_path / "kiosk", published.server, f"RJ-CUT-{number}")
    provision_release(made, published, "1.0")
    made.pay()
    return made


@pytest.mark.parametrize("step", UPDATE_STEPS + [pytest.param(step, marks=pytest.mark.slow) for step in SOAK_STEPS])
def test_power_cut_during_update_comes_back_working_and_finishes(
    kiosk: KioskUnderTest, published: Published, step: str
) -> None:
    schema = kiosk.store.schema_version()
    assert run_child(kiosk, published, "update", step) == -9
    assert assert_working_release(kiosk.root, start=False) in ("1.0", "1.2")
    assert_database_intact(kiosk, schema)
    assert run_child(kiosk, published, "update", "") == 0  # the agent starts again and carries on
    assert assert_working_release(kiosk.root) == "1.2"
    assert kiosk.root.state()["state"] == "switching"
    assert_database_intact(kiosk, schema)


@pytest.mark.parametrize("step", ROLLBACK_STEPS)
def test_power_cut_during_rollback_comes_back_on_the_old_release_with_the_old_database(
    kiosk: KioskUnderTest, published: Published, step: str
) -> None:
    schema = kiosk.store.schema_version()
    updater = kiosk.updater()
    updater.offer = offer("1.2", published.sha["1.2"])
    assert updater.step() == "switching"
    conn = sqlite3.connect(kiosk.settings.database)
    with conn:
        conn.execute("PRAGMA user_version = 999")  # the new release migrated, then failed
    conn.close()
    assert run_child(kiosk, published, "rollback", step) == -9
    assert assert_working_release(kiosk.root, start=False) in ("1.0", "1.2")
    assert run_child(kiosk, published, "rollback", "") == 0
    assert assert_working_release(kiosk.root) == "1.0"
    assert kiosk.root.state()["state"] == "rolled_back"
    assert_database_intact(kiosk, schema)
