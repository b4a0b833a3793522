"""The server's side of releases: publish once, a signed manifest, files by hash in Range slices, the offer."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import requests

from kiosk.clock import SystemClock
from kiosk.outbox import Outbox
from server import releases
from server.db import Database
from server.service import Service
from sync.client import Refusal
from sync.drain import Drainer
from sync.heartbeat import HeartbeatSender
from sync.identity import SyncState
from sync.protocol.releases import SignedManifest, open_manifest
from sync.protocol.signing import SignatureError, load_public_key
from tests.release.conftest import Published
from tests.release.harness import kiosk_for


def test_assigning_names_the_unknown_kiosk_or_release(published: Published) -> None:
    for args, code, expected in (
        (["--version", "1.0", "--kiosk", "NO-SUCH"], 1, "no kiosk NO-SUCH"),
        (["--version", "7.7", "--kiosk", "NO-SUCH"], 2, "release 7.7 is not published"),
    ):
        done = subprocess.run(published.server.command("admin", "assign-release", *args), capture_output=True,
                              text=True, check=False)  # fmt: skip
        assert done.returncode == code, done.stderr
        assert expected in done.stderr


def test_a_published_version_cannot_be_published_again(published: Published) -> None:
    command = published.server.command("admin", "publish-release", str(published.bundles["1.1"]), "--version", "1.0")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert "release 1.0 is already published" in done.stderr


def test_manifest_is_signed_by_the_server_key_the_kiosk_pinned_at_enrolment(
    tmp_path: Path, published: Published
) -> None:
    kiosk = kiosk_for(tmp_path, published.server, "RJ-JPR-0101")
    answer = kiosk.client.request("GET", "/releases/1.0/manifest")
    assert hashlib.sha256(answer.body).hexdigest() == published.sha["1.0"]
    document = SignedManifest.model_validate_json(answer.body)
    server_key = load_public_key(str(SyncState(kiosk.store).get("server_public_key")))
    manifest = open_manifest(document, server_key)
    assert manifest.version == "1.0"
    assert any(f.path == "sync/cli.py" for f in manifest.files)
    forged = document.model_copy(update={"manifest": document.manifest.replace('"1.0"', '"9.9"', 1)})
    with pytest.raises(SignatureError):
        open_manifest(forged, server_key)


def test_a_blob_is_served_in_range_slices_that_join_to_its_hash(tmp_path: Path, published: Published) -> None:
    kiosk = kiosk_for(tmp_path, published.server, "RJ-JPR-0102")
    data = (published.bundles["1.0"] / "sync/cli.py").read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    first = kiosk.client.request("GET", f"/releases/blobs/{sha}", None, {"Range": "bytes=0-99"})
    rest = kiosk.client.request("GET", f"/releases/blobs/{sha}", None, {"Range": "bytes=100-"})
    assert (first.status, rest.status) == (206, 206)
    assert first.headers["content-range"] == f"bytes 0-99/{len(data)}"
    assert first.body + rest.body == data
    with pytest.raises(Refusal) as beyond:
        kiosk.client.request("GET", f"/releases/blobs/{sha}", None, {"Range": f"bytes={len(data)}-"})
    assert beyond.value.status == 416


def test_unsigned_requests_for_release_files_are_refused(published: Published) -> None:
    answer = requests.get(published.server.url + "/api/v1/releases/1.0/manifest", timeout=10)
    assert answer.status_code == 401


def test_heartbeat_offers_the_assigned_release_only_while_the_kiosk_runs_another(
    tmp_path: Path, published: Published
) -> None:
    kiosk = kiosk_for(tmp_path, published.server, "RJ-JPR-0103")

    outbox = Outbox(kiosk.store)
    sender = HeartbeatSender(outbox, kiosk.client, Drainer(outbox, kiosk.client), SystemClock())
    assert sender.send().release is None
    published.server.admin("admin", "assign-release", "--version", "1.1", "--kiosk", "RJ-JPR-0103")
    offered = sender.send().release
    assert offered is not None
    assert (offered.version, offered.manifest_sha256) == ("1.1", published.sha["1.1"])
    sender.software = lambda: {"running": "1.1", "update_state": "ok"}
    assert sender.send().release is None


def test_publishing_needs_a_folder_or_a_wheel_and_a_plain_version(tmp_path: Path, published: Published) -> None:
    for args, expected in (
        ([str(tmp_path / "missing"), "--version", "3.0"], "neither a folder nor a .whl"),
        ([str(published.bundles["1.0"]), "--version", "../evil"], "--version '../evil'"),
    ):
        done = subprocess.run([sys.executable, "-m", "server.cli", "--db", published.server.db, "admin",
                               "publish-release", *args], capture_output=True, text=True, check=False)  # fmt: skip
        assert done.returncode == 2, done.stderr
        assert expected in done.stderr


def test_a_wheel_is_published_as_its_members(tmp_path: Path) -> None:
    wheel = tmp_path / "tinypkg-1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("tinypkg/__init__.py", "VALUE = 1\n")
        archive.writestr("tinypkg-1.0.dist-info/METADATA", "Name: tinypkg\n")
    db = Database("sqlite:///" + str(tmp_path / "server.db"))
    manifest, _ = releases.publish(db, Service(db).key, wheel, "1.0")
    assert [f.path for f in manifest.files] == ["tinypkg-1.0.dist-info/METADATA", "tinypkg/__init__.py"]
    assert manifest.files[1].sha256 == hashlib.sha256(b"VALUE = 1\n").hexdigest()
    (tmp_path / "broken.whl").write_bytes(b"not a zip")
    with pytest.raises(releases.PublishError, match=r"broken\.whl: not a wheel"):
        releases.publish(db, Service(db).key, tmp_path / "broken.whl", "1.1")
