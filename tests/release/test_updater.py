"""The agent's updater against the real server: download only what changed, install beside, switch when safe."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from sync.client import BadAnswer
from sync.release.fetch import Fetcher
from sync.release.root import file_sha256
from tests.release.conftest import CHANGED_MODULE, Published
from tests.release.harness import NOON_UTC, KioskUnderTest, kiosk_for, offer, provision_release


@pytest.fixture
def kiosk(tmp_path: Path, request: pytest.FixtureRequest, published: Published) -> KioskUnderTest:
    number = abs(hash(request.node.name)) % 9000 + 1000
    return kiosk_for(tmp_path / "kiosk", published.server, f"RJ-UPD-{number}")


def install_first(kiosk: KioskUnderTest, published: Published) -> None:
    """The release the kiosk was provisioned with, installed from local files (no download)."""
    provision_release(kiosk, published, "1.0")


def test_offered_release_is_installed_beside_and_switched_at_night_with_no_payment_open(
    kiosk: KioskUnderTest, published: Published
) -> None:
    updater = kiosk.updater()
    updater.offer = offer("1.0", published.sha["1.0"])
    assert updater.step() == "switching"
    release = kiosk.root.current.resolve()
    assert release == (kiosk.root.releases / "1.0").resolve()
    for path in ("sync/cli.py", "kiosk/ledger.py", "ui/qml/Main.qml"):
        assert file_sha256(release / "app" / path) == file_sha256(published.bundles["1.0"] / path)
    assert (release / "bin" / "kiosk-agent").stat().st_mode & 0o111
    assert kiosk.restarts == ["restart"]
    assert kiosk.root.state()["state"] == "switching"


def test_a_one_module_change_downloads_that_file_only(kiosk: KioskUnderTest, published: Published) -> None:
    install_first(kiosk, published)
    full = kiosk.updater().fetcher
    first = sum(f.size for f in kiosk.root.manifest("1.0").files)  # type: ignore[union-attr]
    updater = kiosk.updater()
    updater.offer = offer("1.1", published.sha["1.1"])
    assert updater.step() == "switching"
    changed = (published.bundles["1.1"] / CHANGED_MODULE).stat().st_size
    assert updater.fetcher.bytes_downloaded == changed + updater.fetcher.manifest_wire_bytes
    assert updater.fetcher.bytes_downloaded < first / 10
    assert full.bytes_downloaded == 0
    assert kiosk.root.running() == "1.1"


def test_switch_waits_while_a_payment_is_open_even_at_night(kiosk: KioskUnderTest, published: Published) -> None:
    install_first(kiosk, published)
    txn = kiosk.open_payment()
    updater = kiosk.updater()
    updater.offer = offer("1.1", published.sha["1.1"])
    assert updater.step() == "waiting"
    assert "payment(s) open" in kiosk.root.state()["detail"]
    written = (kiosk.root.path / "update.json").stat().st_mtime_ns
    assert updater.step() == "waiting"
    assert (kiosk.root.path / "update.json").stat().st_mtime_ns == written  # no write per heartbeat while waiting
    assert kiosk.root.running() == "1.0"
    kiosk.ledger.cancel(txn, reason="villager left")
    assert updater.step() == "switching"
    assert kiosk.root.running() == "1.1"


def test_switch_waits_for_closing_time_unless_the_operator_confirms(
    kiosk: KioskUnderTest, published: Published
) -> None:
    install_first(kiosk, published)
    kiosk.clock.set(datetime.fromisoformat(NOON_UTC))  # 12:00 IST: the centre is open 09:00-17:00
    updater = kiosk.updater()
    updater.offer = offer("1.1", published.sha["1.1"])
    assert updater.step() == "waiting"
    assert "the centre is open (12:00 IST)" in kiosk.root.state()["detail"]
    (kiosk.root.path / "switch-confirmed").write_text("1.1")
    assert updater.step() == "switching"
    assert kiosk.root.running() == "1.1"
    assert not (kiosk.root.path / "switch-confirmed").exists()  # one confirmation, one switch


def test_manifest_not_matching_the_offered_hash_is_refused_and_nothing_installed(
    kiosk: KioskUnderTest, published: Published
) -> None:
    updater = kiosk.updater()
    updater.offer = offer("1.0", published.sha["1.1"])
    with pytest.raises(BadAnswer, match="does not match the SHA-256 the heartbeat offered"):
        updater.step()
    assert kiosk.root.running() is None
    assert kiosk.root.versions() == []
    assert kiosk.root.state()["state"] == "failed"
    assert updater.step() == "failed"  # the same bad offer is not fetched again


def test_a_corrupted_file_on_the_server_is_refused_before_install(
    kiosk: KioskUnderTest, published: Published, tmp_path: Path
) -> None:
    install_first(kiosk, published)
    sha = file_sha256(published.bundles["1.1"] / CHANGED_MODULE)
    conn = sqlite3.connect(published.server.db)
    with conn:
        original = (published.bundles["1.1"] / CHANGED_MODULE).read_bytes()
        tampered = b"#" + original[1:]  # same length, one byte changed
        conn.execute("UPDATE release_blobs SET data = ? WHERE sha256 = ?", (tampered, sha))
    try:
        updater = kiosk.updater()
        updater.offer = offer("1.1", published.sha["1.1"])
        with pytest.raises(BadAnswer, match="do not match their SHA-256"):
            updater.step()
    finally:
        with conn:
            conn.execute("UPDATE release_blobs SET data = ? WHERE sha256 = ?", (original, sha))
        conn.close()
    assert kiosk.root.running() == "1.0"
    assert not kiosk.root.installed("1.1")


def test_a_cut_download_resumes_where_it_stopped(kiosk: KioskUnderTest, published: Published) -> None:
    install_first(kiosk, published)
    data = (published.bundles["1.1"] / CHANGED_MODULE).read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    (kiosk.root.blobs / (sha + ".part")).write_bytes(data[:1000])
    updater = kiosk.updater()
    updater.offer = offer("1.1", published.sha["1.1"])
    assert updater.step() == "switching"
    assert updater.fetcher.bytes_downloaded == len(data) - 1000 + updater.fetcher.manifest_wire_bytes


def test_bandwidth_cap_paces_the_download(kiosk: KioskUnderTest, published: Published) -> None:
    install_first(kiosk, published)
    updater = kiosk.updater(bandwidth_bps=1_000)
    updater.offer = offer("1.1", published.sha["1.1"])
    assert updater.step() == "switching"
    blobs = updater.fetcher.bytes_downloaded - updater.fetcher.manifest_wire_bytes
    # The fake clock stands still, so every slice owes its full time at 1 kB/s: the sleeps add up to the bytes.
    assert sum(kiosk.sleeps) == pytest.approx(blobs / 1_000, rel=0.01)


def test_a_run_stops_at_its_byte_budget_and_the_next_run_goes_on(kiosk: KioskUnderTest, published: Published) -> None:
    provision_release(kiosk, published, "1.1")
    updater = kiosk.updater()
    updater.fetcher.run_budget_bytes = 1
    updater.offer = offer("2.0", published.sha["2.0"])  # two files differ from 1.1: one per run
    assert updater.step() == "downloading"
    assert kiosk.root.state()["state"] == "downloading"
    assert updater.step() == "switching"
    assert kiosk.root.running() == "2.0"


def test_fetcher_lists_nothing_missing_for_an_installed_release(kiosk: KioskUnderTest, published: Published) -> None:
    install_first(kiosk, published)
    fetcher: Fetcher = kiosk.updater().fetcher
    manifest = kiosk.root.manifest("1.0")
    assert manifest is not None
    assert fetcher.missing(manifest) == []


@pytest.mark.parametrize("version", ["../../etc", "1.0/../../x", ".hidden"])
def test_an_offered_version_that_is_not_a_plain_name_is_refused_before_any_path_is_touched(
    kiosk: KioskUnderTest, version: str
) -> None:
    updater = kiosk.updater()
    updater.offer = offer(version, "0" * 64)
    with pytest.raises(BadAnswer, match="not a version name"):
        updater.step()
    assert kiosk.root.state() == {}
