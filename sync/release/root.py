"""The release root on disk (default /opt/kiosk): releases side by side, the `current` symlink, the update state."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sync.protocol.releases import ReleaseManifest, SignedManifest

STATE_FILE = "update.json"
# The launcher each release carries: the systemd units start `<root>/current/bin/kiosk-agent` (and `kiosk`), so
# following the symlink picks the release; its own files come first on the import path.
LAUNCHER = """#!/bin/sh
here="$(dirname "$(readlink -f "$0")")/.."
PYTHONPATH="$here/app${{PYTHONPATH:+:$PYTHONPATH}}" exec {python} -P -m {module} "$@"
"""
ENTRY_POINTS = {
    "kiosk-agent": "sync.cli", "kiosk": "ui.main", "kioskctl": "provisioning.cli", "kiosk-rollback": "sync.release.cli"
}  # fmt: skip


class ReleaseError(Exception):
    """An update step that cannot go on; the message says which release and why (nothing was switched)."""


def _nothing(_: str) -> None:
    """No checkpoint (tests pass one that cuts the power at a named step)."""


def fsync_dir(path: Path) -> None:
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def write_atomic(path: Path, data: bytes) -> None:
    """Write beside, fsync, rename: a power cut leaves the old file or the new one, never half of either."""
    temporary = path.with_name(path.name + ".tmp")
    with open(temporary, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    fsync_dir(path.parent)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class ReleaseRoot:
    """`releases/<version>/` (app files, bin launchers, manifest.json), `blobs/` by hash, `current`, update.json."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.releases = path / "releases"
        self.blobs = path / "blobs"
        self.backups = path / "backups"
        self.current = path / "current"
        for folder in (self.releases, self.blobs, self.backups):
            folder.mkdir(parents=True, exist_ok=True)

    # -- what is there ---------------------------------------------------------------------------------------
    def running(self) -> str | None:
        """The release `current` points at (what a restarted service runs), or None before the first install."""
        try:
            return Path(os.readlink(self.current)).name
        except (FileNotFoundError, OSError):
            return None

    def installed(self, version: str) -> bool:
        return (self.releases / version / "manifest.json").is_file()

    def manifest(self, version: str) -> ReleaseManifest | None:
        try:
            document = SignedManifest.model_validate_json((self.releases / version / "manifest.json").read_bytes())
        except (OSError, ValueError):
            return None
        return ReleaseManifest.model_validate_json(document.manifest)

    def state(self) -> dict[str, Any]:
        try:
            value = json.loads((self.path / STATE_FILE).read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return value if isinstance(value, dict) else {}

    def set_state(self, **values: Any) -> dict[str, Any]:
        state = {**self.state(), **values}
        write_atomic(self.path / STATE_FILE, json.dumps(state, sort_keys=True).encode("utf-8"))
        return state

    def local_files(self) -> dict[str, Path]:
        """Files already on disk by hash, in the blob cache or in an installed release (checked again on copy)."""
        found: dict[str, Path] = {}
        for version in self.versions():
            manifest = self.manifest(version)
            for entry in manifest.files if manifest else []:
                found[entry.sha256] = self.releases / version / "app" / entry.path
        found.update({blob.name: blob for blob in self.blobs.iterdir() if len(blob.name) == 64})
        return found

    def versions(self) -> list[str]:
        return sorted(p.name for p in self.releases.iterdir() if p.is_dir() and not p.name.endswith(".tmp"))

    # -- changing it -----------------------------------------------------------------------------------------
    def clean_partial(self) -> None:
        """A release folder half built when the power went is thrown away and built again."""
        for leftover in self.releases.glob("*.tmp"):
            shutil.rmtree(leftover, ignore_errors=True)
        (self.path / ".current.new").unlink(missing_ok=True)

    def install(
        self,
        manifest: ReleaseManifest,
        document: bytes,
        python: str,
        checkpoint: Callable[[str], None] = lambda _: None,
    ) -> Path:
        """Build `releases/<v>.tmp` from verified blobs, then rename it: a release folder is complete or absent."""
        final = self.releases / manifest.version
        if self.installed(manifest.version):
            return final
        building = self.releases / (manifest.version + ".tmp")
        shutil.rmtree(building, ignore_errors=True)
        have = self.local_files()
        for entry in manifest.files:
            target = building / "app" / entry.path
            target.parent.mkdir(parents=True, exist_ok=True)
            if entry.sha256 not in have:
                raise ReleaseError(f"release {manifest.version}: {entry.path} is not downloaded")
            shutil.copyfile(have[entry.sha256], target)
            if file_sha256(target) != entry.sha256:
                raise ReleaseError(f"release {manifest.version}: {entry.path} does not match its SHA-256")
            checkpoint("installing")
            os.chmod(target, 0o755 if entry.executable else 0o644)
        (building / "bin").mkdir(parents=True, exist_ok=True)
        for name, module in ENTRY_POINTS.items():
            launcher = building / "bin" / name
            launcher.write_text(LAUNCHER.format(python=python, module=module), "utf-8")
            launcher.chmod(0o755)
        (building / "manifest.json").write_bytes(document)
        os.sync()  # every file of the release on disk before its folder gets its final name
        os.replace(building, final)
        fsync_dir(self.releases)
        return final

    def point_current_at(self, version: str) -> None:
        """The switch itself: a new symlink renamed over `current`, atomic (a service starts the old or the new)."""
        if not self.installed(version):
            raise ReleaseError(f"release {version} is not installed; `current` left as it is")
        staging = self.path / ".current.new"
        staging.unlink(missing_ok=True)
        os.symlink(Path("releases") / version, staging)
        os.replace(staging, self.current)
        fsync_dir(self.path)

    def prune(self, keep: set[str]) -> list[str]:
        """After a confirmed update: only the running and previous releases stay (the disk is the kiosk's promise
        to keep taking money); downloaded blobs are all inside installed releases by now."""
        removed = []
        for version in self.versions():
            if version not in keep:
                shutil.rmtree(self.releases / version, ignore_errors=True)
                removed.append(version)
        for blob in self.blobs.iterdir():
            if not blob.name.endswith(".part"):
                blob.unlink(missing_ok=True)
        for backup in self.backups.glob("*.db"):
            if not any(backup.name == f"before-{v}.db" for v in keep):
                backup.unlink(missing_ok=True)
        return removed
