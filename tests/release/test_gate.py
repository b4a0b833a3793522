"""The health gate: a switched-to release that does not confirm in time is rolled back, its database with it."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from sync.release.gate import check
from sync.release.redact import log_tail
from sync.release.vendor import VendorCommands
from tests.release.conftest import Published
from tests.release.harness import KioskUnderTest, kiosk_for, offer, provision_release


@pytest.fixture
def kiosk(tmp_path: Path, request: pytest.FixtureRequest, published: Published) -> KioskUnderTest:
    number = abs(hash(request.node.name)) % 9000 + 1000
    made = kiosk_for(tmp_path / "kiosk", published.server, f"RJ-GATE-{number}")
    provision_release(made, published, "1.0")
    return made


def switch_to(kiosk: KioskUnderTest, published: Published, version: str, **options: object) -> None:
    updater = kiosk.updater(**options)  # type: ignore[arg-type]
    updater.offer = offer(version, published.sha[version])
    assert updater.step() == "switching"
    assert kiosk.root.running() == version


def migrate_like_the_new_release(database: Path) -> None:
    conn = sqlite3.connect(database)
    with conn:
        conn.execute("CREATE TABLE new_release_table (x INTEGER)")
        conn.execute("PRAGMA user_version = 999")
    conn.close()


def user_version(database: Path) -> int:
    conn = sqlite3.connect(database)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def test_release_that_never_confirms_is_rolled_back_at_its_deadline(
    kiosk: KioskUnderTest, published: Published
) -> None:
    switch_to(kiosk, published, "1.1", deadline_s=120)
    db = kiosk.settings.database
    assert check(kiosk.root, db, kiosk.clock).startswith("release 1.1 has until")
    assert kiosk.root.running() == "1.1"
    kiosk.clock.advance(121)
    tail = "agent starting\nAadhaar 2345 6789 0123 for 9876543210 token=abc123\nTraceback: boom"
    outcome = check(kiosk.root, db, kiosk.clock, tail=lambda: log_tail(tail))
    assert outcome.startswith("rolled back")
    assert kiosk.root.running() == "1.0"
    state = kiosk.root.state()
    assert state["state"] == "rolled_back"
    assert "did not reach READY and report by" in state["detail"]
    assert "[AADHAAR REDACTED]" in state["detail"]
    assert "2345 6789" not in state["detail"]
    assert "9876543210" not in state["detail"]
    assert "abc123" not in state["detail"]
    assert kiosk.updater().software("x")["update_state"] == "rolled_back"


def test_a_failed_start_rolls_back_at_once(kiosk: KioskUnderTest, published: Published) -> None:
    switch_to(kiosk, published, "1.1")
    assert check(kiosk.root, kiosk.settings.database, kiosk.clock, failed=True).startswith("rolled back")
    assert kiosk.root.running() == "1.0"
    assert "1.1 failed to start" in kiosk.root.state()["detail"]


def test_rolled_back_release_is_not_tried_again(kiosk: KioskUnderTest, published: Published) -> None:
    switch_to(kiosk, published, "1.1")
    check(kiosk.root, kiosk.settings.database, kiosk.clock, failed=True)
    updater = kiosk.updater()
    updater.offer = offer("1.1", published.sha["1.1"])
    assert updater.step() == "rolled_back"
    assert kiosk.root.running() == "1.0"


def test_confirmed_release_is_left_alone_after_its_deadline(kiosk: KioskUnderTest, published: Published) -> None:
    switch_to(kiosk, published, "1.1")
    kiosk.root.set_state(state="ok")  # what Updater.confirm writes in the new release's process
    kiosk.clock.advance(3600)
    assert check(kiosk.root, kiosk.settings.database, kiosk.clock) == "nothing to check"
    assert kiosk.root.running() == "1.1"


def test_new_schema_release_rolled_back_restores_the_database_backup(
    kiosk: KioskUnderTest, published: Published
) -> None:
    db = kiosk.settings.database
    before = user_version(db)
    switch_to(kiosk, published, "1.2")  # needs schema 999: the database is backed up first
    assert kiosk.root.state()["backup"]
    migrate_like_the_new_release(db)
    check(kiosk.root, db, kiosk.clock, failed=True)
    assert user_version(db) == before
    assert "database restored from the backup" in kiosk.root.state()["detail"]


def test_rollback_keeps_the_database_when_a_payment_was_committed_after_the_switch(
    kiosk: KioskUnderTest, published: Published
) -> None:
    db = kiosk.settings.database
    switch_to(kiosk, published, "1.2")
    migrate_like_the_new_release(db)
    kiosk.pay()  # the new release took money before it failed
    check(kiosk.root, db, kiosk.clock, failed=True)
    assert user_version(db) == 999
    assert kiosk.ledger.cash_total().paise == 50_000
    assert "payments were committed after the switch: database kept" in kiosk.root.state()["detail"]
    assert kiosk.root.running() == "1.0"


def fake_dpkg(folder: Path, *, fail_on: str = "") -> tuple[VendorCommands, Path]:
    """A dpkg stand-in: records which package file it installed into a tmp 'system', fails for `fail_on`."""
    record = folder / "installed.log"
    script = folder / "fake-dpkg"
    script.write_text(f"""#!/bin/sh
case "$2" in *{fail_on or "NEVER"}*) echo "dpkg: error processing $2" >&2; exit 1;; esac
echo "$2" >> {record}
""")
    script.chmod(0o755)
    return VendorCommands(install=f"{script} -i {{file}}"), record


def test_vendor_package_is_installed_with_the_release(
    kiosk: KioskUnderTest, published: Published, tmp_path: Path
) -> None:
    vendor, record = fake_dpkg(tmp_path)
    switch_to(kiosk, published, "1.3", vendor=vendor)
    assert record.read_text().strip().endswith("releases/1.3/app/vendor/rdservice_2.1_amd64.deb")


def test_vendor_package_that_fails_leaves_the_old_release_and_its_package(tmp_path: Path, published: Published) -> None:
    kiosk = kiosk_for(tmp_path / "kiosk", published.server, "RJ-GATE-VEND")
    provision_release(kiosk, published, "0.9")  # carries rdservice 2.0
    vendor, record = fake_dpkg(tmp_path, fail_on="2.1")
    updater = kiosk.updater(vendor=vendor)
    updater.offer = offer("1.3", published.sha["1.3"])
    assert updater.step() == "failed"
    assert kiosk.root.running() == "0.9"
    assert "vendor package rdservice 2.1: " in kiosk.root.state()["detail"]
    assert "dpkg: error processing" in kiosk.root.state()["detail"]
    assert record.read_text().strip().endswith("releases/0.9/app/vendor/rdservice_2.0_amd64.deb")  # put back
    assert kiosk.restarts == []


def test_vendor_package_of_a_rolled_back_release_is_replaced_by_the_old_one(
    tmp_path: Path, published: Published
) -> None:
    kiosk = kiosk_for(tmp_path / "kiosk", published.server, "RJ-GATE-VRB")
    provision_release(kiosk, published, "0.9")
    vendor, record = fake_dpkg(tmp_path)
    switch_to(kiosk, published, "1.3", vendor=vendor)
    check(kiosk.root, kiosk.settings.database, kiosk.clock, failed=True, vendor=vendor)
    assert record.read_text().split()[-1].endswith("rdservice_2.0_amd64.deb")
    assert kiosk.root.running() == "0.9"
    assert os.readlink(kiosk.root.current) == "releases/0.9"


def test_after_a_power_cut_the_new_release_gets_its_full_time_again(
    kiosk: KioskUnderTest, published: Published
) -> None:
    switch_to(kiosk, published, "1.1", deadline_s=120)
    kiosk.clock.advance(7200)  # the machine was off for two hours right after the switch
    outcome = check(kiosk.root, kiosk.settings.database, kiosk.clock, boot="a-new-boot")
    assert outcome.startswith("release 1.1 has until")
    assert kiosk.root.running() == "1.1"
    kiosk.clock.advance(121)
    assert check(kiosk.root, kiosk.settings.database, kiosk.clock, boot="a-new-boot").startswith("rolled back")


def test_running_release_that_cannot_confirm_rolls_itself_back_past_its_deadline(
    kiosk: KioskUnderTest, published: Published
) -> None:
    switch_to(kiosk, published, "1.1", deadline_s=120)
    kiosk.clock.advance(121)
    updater = kiosk.updater()
    updater.own = lambda root: "1.1"  # this test process plays the agent run from releases/1.1
    updater.step()
    assert kiosk.root.running() == "1.0"
    assert kiosk.root.state()["state"] == "rolled_back"
    assert kiosk.restarts == ["restart", "restart"]


def test_confirmed_update_keeps_only_the_running_and_previous_release_on_disk(
    kiosk: KioskUnderTest, published: Published
) -> None:
    switch_to(kiosk, published, "1.1")
    updater = kiosk.updater()
    updater.own = lambda root: "1.1"
    kiosk.root.set_state(state="ok")
    switch_to(kiosk, published, "1.2")  # 1.0 → 1.1 → 1.2: three releases on disk
    assert kiosk.root.versions() == ["1.0", "1.1", "1.2"]
    updater.own = lambda root: "1.2"  # the new process, READY, after its first heartbeat
    assert updater.confirm()
    assert kiosk.root.versions() == ["1.1", "1.2"]
    assert list(kiosk.root.blobs.iterdir()) == []
    assert kiosk.root.state()["state"] == "ok"
