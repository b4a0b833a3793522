"""The executor's vendor-package install: only a release's own package, copied out and hash-checked as root first."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError, field_validator

from sync.privileged_spool import explain
from sync.protocol import Model
from sync.protocol.releases import PATH_PATTERN, SHA_PATTERN, VERSION_PATTERN, ReleaseManifest, SignedManifest

MAX_MANIFEST_BYTES = 2_000_000


class Refused(Exception):
    """The request is not carried out; the message (the reason) goes into its result. Nothing was changed."""


class VendorArgs(Model):
    release: str = Field(pattern=VERSION_PATTERN)
    file: str = Field(pattern=PATH_PATTERN)
    sha256: str = Field(pattern=SHA_PATTERN)
    name: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.+-]+$")
    version: str = Field(min_length=1, max_length=64)

    @field_validator("file")
    @classmethod
    def _plain(cls, value: str) -> str:
        if any(part in ("", ".", "..") for part in value.split("/")):
            raise ValueError(f"{value!r}: only plain names, no '.', '..' or empty parts")
        return value


def _open_below(top: Path, parts: list[str], *, folder: bool) -> int:
    """Open top/part/part/… one name at a time with O_NOFOLLOW: a symlink anywhere below `top` is refused."""
    fd = os.open(top, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    try:
        for index, part in enumerate(parts):
            if part in ("", ".", ".."):
                raise Refused(f"{'/'.join(parts)!r}: only plain names, no '.', '..' or empty parts")
            last = index == len(parts) - 1
            flags = os.O_RDONLY | os.O_NOFOLLOW | (0 if last and not folder else os.O_DIRECTORY) | os.O_NONBLOCK
            try:
                child = os.open(part, flags, dir_fd=fd)
            except OSError as exc:
                raise Refused(f"{top}/{'/'.join(parts[: index + 1])}: {exc.strerror} (symlinks are refused)") from None
            os.close(fd)
            fd = child
        if not folder and not stat.S_ISREG(os.fstat(fd).st_mode):
            raise Refused(f"{top}/{'/'.join(parts)} is not a regular file")
        return fd
    except BaseException:
        os.close(fd)
        raise


def _check_manifest(release_dir: int, wanted: VendorArgs) -> None:
    """The release's manifest names this package with this hash (the agent verified its signature on download)."""
    handle = os.open("manifest.json", os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=release_dir)
    try:
        text = os.read(handle, MAX_MANIFEST_BYTES)
    finally:
        os.close(handle)
    try:
        manifest = ReleaseManifest.model_validate_json(SignedManifest.model_validate_json(text).manifest)
    except ValueError:
        raise Refused(f"release {wanted.release}: its manifest.json does not parse") from None
    if not any((v.name, v.version, v.file) == (wanted.name, wanted.version, wanted.file) for v in manifest.vendor):
        raise Refused(f"release {wanted.release} carries no vendor package {wanted.name} {wanted.version} "
                      f"in {wanted.file}")  # fmt: skip
    if not any(f.path == wanted.file and f.sha256 == wanted.sha256 for f in manifest.files):
        raise Refused(f"release {wanted.release}: {wanted.file} has another sha256 in its manifest")


def install_vendor_as_root(release_root: Path, scratch: Path, dpkg: str, args: dict[str, Any],
                           checkpoint: Callable[[str], None]) -> str:  # fmt: skip
    """Copy the package into a root-only folder, hashing it; dpkg only that copy, only if the hash is the one asked
    for (the agent can change its own files at any moment, never the copy)."""
    try:
        wanted = VendorArgs.model_validate(args)
    except ValidationError as exc:
        raise Refused(f"install_vendor arguments: {explain(exc)}") from None
    release_dir = _open_below(release_root, ["releases", wanted.release], folder=True)
    try:
        _check_manifest(release_dir, wanted)
    finally:
        os.close(release_dir)
    private = Path(tempfile.mkdtemp(prefix=".vendor-", dir=scratch))  # 0700, root's
    try:
        source = _open_below(release_root, ["releases", wanted.release, "app", *wanted.file.split("/")], folder=False)
        copy = private / "package.deb"
        digest = hashlib.sha256()
        with os.fdopen(source, "rb") as reader, open(copy, "wb") as writer:
            for block in iter(lambda: reader.read(1 << 20), b""):
                digest.update(block)
                writer.write(block)
        if digest.hexdigest() != wanted.sha256:
            raise Refused(f"{wanted.file}: sha256 {digest.hexdigest()} is not the release's {wanted.sha256}")
        checkpoint("vendor-verified")
        done = subprocess.run([dpkg, "-i", str(copy)], capture_output=True, text=True, timeout=600, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"dpkg exited {done.returncode}: {(done.stdout + done.stderr)[-300:].strip()}")
    finally:
        shutil.rmtree(private, ignore_errors=True)
    return f"installed {wanted.name} {wanted.version} from release {wanted.release} (sha256 checked as root)"
