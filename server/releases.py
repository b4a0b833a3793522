"""Software releases on the server: publish a signed bundle, serve its manifest and files (Range), offer it."""

from __future__ import annotations

import gzip
import hashlib
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi import APIRouter, Request
from fastapi.responses import Response

from server.db import Database
from server.deps import ServiceDep, authed
from server.service import Refused, iso, now_utc
from server.wire import Body
from sync.protocol import API_PREFIX
from sync.protocol.releases import (
    SHA_PATTERN,
    ReleaseFile,
    ReleaseManifest,
    SignedManifest,
    VendorPackage,
    document_sha256,
    sign_manifest,
    valid_version,
)

MAX_SLICE_BYTES = 900_000  # one Range answer stays under the kiosk client's 1 MB answer limit
SKIPPED_PARTS = {"__pycache__", ".git", ".venv", ".mypy_cache", ".ruff_cache", ".pytest_cache"}
RANGE = re.compile(r"^bytes=(\d{1,12})-(\d{0,12})$")

router = APIRouter()


class PublishError(ValueError):
    """A bundle that cannot be published; the message names the file or option at fault."""


@dataclass(frozen=True)
class Vendor:
    name: str
    version: str
    path: Path


def bundle_files(source: Path) -> dict[str, bytes]:
    """The bundle's files by relative path: a folder's files (caches left out), or a wheel's members."""
    if source.is_file() and source.suffix == ".whl":
        try:
            with zipfile.ZipFile(source) as wheel:
                return {n: wheel.read(n) for n in wheel.namelist() if not n.endswith("/")}
        except zipfile.BadZipFile as exc:
            raise PublishError(f"{source}: not a wheel ({exc})") from None
    if not source.is_dir():
        raise PublishError(f"{source}: neither a folder nor a .whl file")
    files = {}
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if path.is_file() and not SKIPPED_PARTS & set(relative.parts) and path.suffix != ".pyc":
            files[relative.as_posix()] = path.read_bytes()
    if not files:
        raise PublishError(f"{source}: no files to publish")
    return files


def build_manifest(
    files: dict[str, bytes], version: str, notes: str, min_schema: int, vendor: list[Vendor], executable: set[str]
) -> ReleaseManifest:
    packages = []
    for item in vendor:
        name = f"vendor/{item.path.name}"
        try:
            files[name] = item.path.read_bytes()
        except OSError as exc:
            raise PublishError(f"vendor package {item.name}: cannot read {item.path} ({exc})") from None
        packages.append(VendorPackage(name=item.name, version=item.version, file=name))
    entries = [
        ReleaseFile(path=p, sha256=hashlib.sha256(d).hexdigest(), size=len(d), executable=p in executable)
        for p, d in sorted(files.items())
    ]
    try:
        return ReleaseManifest(version=version, created_at=iso(now_utc()), min_schema=min_schema, notes=notes,
                               files=entries, vendor=packages)  # fmt: skip
    except ValueError as exc:
        raise PublishError(f"release {version}: {str(exc)[:300]}") from None


def publish(
    db: Database, key: Ed25519PrivateKey, source: Path, version: str, *, notes: str = "", min_schema: int = 0,
    vendor: list[Vendor] | None = None,
) -> tuple[ReleaseManifest, str]:  # fmt: skip
    """Store each file once by its hash and the signed manifest; a version is published once, never replaced."""
    if not valid_version(version):
        raise PublishError(f"--version {version!r}: letters, digits and . + _ - only, at most 32 characters")
    files = bundle_files(source)
    executable = {p for p in files if source.is_dir() and (source / p).stat().st_mode & 0o111}
    manifest = build_manifest(files, version, notes, min_schema, vendor or [], executable)
    text = sign_manifest(manifest, key).model_dump_json()
    digest = document_sha256(text.encode("utf-8"))
    with db.tx() as tx:
        if tx.one("SELECT 1 FROM releases WHERE version = ?", (version,)):
            raise PublishError(f"release {version} is already published; publish a new version instead")
        known = {str(r[0]) for r in tx.all("SELECT sha256 FROM release_blobs")}
        for entry in manifest.files:
            if entry.sha256 not in known:
                known.add(entry.sha256)
                tx.execute("INSERT INTO release_blobs (sha256, size, data) VALUES (?, ?, ?)",
                           (entry.sha256, entry.size, files[entry.path]))  # fmt: skip
        tx.execute("INSERT INTO releases (version, document, manifest_sha256, published_at) VALUES (?, ?, ?, ?)",
                   (version, text, digest, manifest.created_at))  # fmt: skip
    return manifest, digest


def assign(db: Database, kiosk_code: str, version: str, wave: str = "manual") -> bool:
    """Point one kiosk at a published release (the rollout's waves do the same for many)."""
    with db.tx() as tx:
        if not tx.one("SELECT 1 FROM releases WHERE version = ?", (version,)):
            raise PublishError(f"release {version} is not published")
        row = tx.one("SELECT id FROM kiosks WHERE code = ?", (kiosk_code,))
        if row is None:
            return False
        tx.execute("DELETE FROM release_targets WHERE kiosk_id = ?", (row[0],))
        tx.execute("INSERT INTO release_targets (kiosk_id, version, wave, assigned_at) VALUES (?, ?, ?, ?)",
                   (row[0], version, wave, iso(now_utc())))  # fmt: skip
    return True


@router.get(API_PREFIX + "/releases/{version}/manifest", response_model=SignedManifest)
def manifest(version: str, request: Request, body: Body, service: ServiceDep) -> Response:
    with service.db.tx() as tx:
        authed(service, tx, request, body.raw)
        row = tx.one("SELECT document FROM releases WHERE version = ?", (version[:40],))
    if row is None:
        raise Refused(404, f"no release {version[:40]!r} is published")
    text = str(row[0]).encode("utf-8")
    if "gzip" in request.headers.get("accept-encoding", ""):  # hex hashes and paths: about a third on the wire
        return Response(gzip.compress(text, mtime=0), media_type="application/json",
                        headers={"Content-Encoding": "gzip"})  # fmt: skip
    return Response(text, media_type="application/json")


@router.get(API_PREFIX + "/releases/blobs/{sha256}")
def blob(sha256: str, request: Request, body: Body, service: ServiceDep) -> Response:
    """One file by its hash; `Range: bytes=a-b` answers that slice (206), so a cut download resumes."""
    if not re.fullmatch(SHA_PATTERN, sha256):
        raise Refused(404, "a blob is named by its SHA-256 in lowercase hex")
    wanted = request.headers.get("range", "")
    match = RANGE.match(wanted)
    if wanted and match is None:
        raise Refused(416, f"Range {wanted[:40]!r}: only one 'bytes=start-end' range is served")
    with service.db.tx() as tx:  # authenticating records the request's nonce
        authed(service, tx, request, body.raw)
        row = tx.one("SELECT size FROM release_blobs WHERE sha256 = ?", (sha256,))
        if row is None:
            raise Refused(404, f"no blob {sha256}")
        size = int(row[0])
        start = int(match.group(1)) if match else 0
        end = min(int(match.group(2)) if match and match.group(2) else size - 1, start + MAX_SLICE_BYTES - 1)
        if match and (start >= size or end < start):
            raise Refused(416, f"Range {wanted}: blob has {size} bytes")
        if not match and size > MAX_SLICE_BYTES:
            raise Refused(416, f"blob has {size} bytes: ask for it in Range slices of {MAX_SLICE_BYTES}")
        slice_sql = "substring(data from ? for ?)" if service.db.postgres else "substr(data, ?, ?)"
        data = tx.one(f"SELECT {slice_sql} FROM release_blobs WHERE sha256 = ?", (start + 1, end - start + 1, sha256))
    payload = bytes(data[0]) if data and data[0] is not None else b""
    if not match:
        return Response(payload, media_type="application/octet-stream")
    headers = {"Content-Range": f"bytes {start}-{start + len(payload) - 1}/{size}"}
    return Response(payload, status_code=206, media_type="application/octet-stream", headers=headers)
