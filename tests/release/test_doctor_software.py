"""`kioskctl doctor` shows the running and previous release and how the last update ended."""

from __future__ import annotations

import io
from pathlib import Path

from kiosk.clock import FakeClock
from provisioning.cli import main
from provisioning.doctor import Level, examine
from provisioning.doctor_software import check_software
from sync.release.root import ReleaseRoot
from sync.release.updater import CONFIRM_FILE
from tests.sync.harness import write_config


def installed(root: ReleaseRoot, *versions: str) -> None:
    for version in versions:
        (root.releases / version).mkdir()
        (root.releases / version / "manifest.json").write_text("{}")


def test_doctor_shows_a_rollback_with_its_reason_as_a_warning(tmp_path: Path) -> None:
    config = write_config(tmp_path, "http://127.0.0.1:9", release_root="opt-kiosk")
    root = ReleaseRoot(tmp_path / "opt-kiosk")
    installed(root, "1.0", "1.1")
    root.point_current_at("1.0")
    root.set_state(state="rolled_back", version="1.1", previous="1.0", detail="release 1.1 failed to start\nlog…")
    [finding] = examine(config, FakeClock(), [check_software])
    assert finding.level is Level.WARN
    assert finding.what == ("software: running 1.0; last update 1.1: rolled_back (release 1.1 failed to start)")


def test_doctor_shows_running_and_previous_after_a_good_update(tmp_path: Path) -> None:
    config = write_config(tmp_path, "http://127.0.0.1:9", release_root="opt-kiosk")
    root = ReleaseRoot(tmp_path / "opt-kiosk")
    installed(root, "1.0", "1.1")
    root.point_current_at("1.1")
    root.set_state(state="ok", version="1.1", previous="1.0")
    [finding] = examine(config, FakeClock(), [check_software])
    assert finding.level is Level.OK
    assert finding.what == "software: running 1.1, previous 1.0; last update 1.1: ok"


def test_doctor_on_a_checkout_says_it_takes_no_updates(tmp_path: Path) -> None:
    config = write_config(tmp_path, "http://127.0.0.1:9")
    [finding] = examine(config, FakeClock(), [check_software])
    assert finding.level is Level.OK
    assert "no updates" in finding.what


def test_kioskctl_update_confirm_leaves_the_go_ahead_the_updater_reads(tmp_path: Path) -> None:
    config = write_config(tmp_path, "http://127.0.0.1:9", release_root="opt-kiosk")
    out = io.StringIO()
    assert main(["update", "confirm", "--version", "1.1", "--config", str(config)], out) == 0
    assert (tmp_path / "opt-kiosk" / CONFIRM_FILE).read_text() == "1.1"
    assert "release 1.1 will be switched to" in out.getvalue()
    refused = io.StringIO()
    assert main(["update", "confirm", "--version", "../x", "--config", str(config)], refused) == 2
    assert "is not a version name" in refused.getvalue()


def test_kioskctl_update_on_a_checkout_says_there_is_nothing_to_update(tmp_path: Path) -> None:
    config = write_config(tmp_path, "http://127.0.0.1:9")
    out = io.StringIO()
    assert main(["update", "status", "--config", str(config)], out) == 1
    assert "takes no releases" in out.getvalue()
