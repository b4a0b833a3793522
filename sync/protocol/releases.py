"""Signed software releases on the wire: the manifest (files by SHA-256, vendor packages) and what is signed."""

from __future__ import annotations

import hashlib
import re

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pydantic import Field, field_validator

from sync.protocol import ISO_PATTERN, Model
from sync.protocol.signing import SignatureError, b64url, verify

SHA_PATTERN = r"^[0-9a-f]{64}$"
VERSION_PATTERN = r"^[0-9A-Za-z][0-9A-Za-z.+_-]{0,31}$"
PATH_PATTERN = r"^[A-Za-z0-9_.+@-][A-Za-z0-9_.+@/-]{0,254}$"
# The domain of a release signature: a catalogue's or request's signature can never pass for a manifest's.
RELEASE_DOMAIN = b"e-mitra-plus release manifest v1\n"
BLOB_CHUNK_BYTES = 256 * 1024  # a Range request's size: under the client's answer limit, small enough for 2G


class ReleaseFile(Model):
    path: str = Field(pattern=PATH_PATTERN)
    sha256: str = Field(pattern=SHA_PATTERN)
    size: int = Field(ge=0, le=200_000_000)
    executable: bool = False

    @field_validator("path")
    @classmethod
    def _inside(cls, value: str) -> str:
        """A relative path of plain names: never `..` or empty parts, so a file cannot land outside its release."""
        if any(part in ("", ".", "..") for part in value.split("/")):
            raise ValueError(f"path {value!r} must be relative, without '.', '..' or empty parts")
        return value


class VendorPackage(Model):
    """A package another vendor ships (e.g. the RD service's .deb), installed by the configured command."""

    name: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.+-]+$")
    version: str = Field(min_length=1, max_length=64)
    file: str = Field(pattern=PATH_PATTERN)  # one of the manifest's files


class ReleaseManifest(Model):
    version: str = Field(pattern=VERSION_PATTERN)
    created_at: str = Field(pattern=ISO_PATTERN)
    min_schema: int = Field(ge=0)  # the kiosk database's schema version this release migrates to
    notes: str = Field(default="", max_length=2000)
    files: list[ReleaseFile] = Field(min_length=1, max_length=20_000)
    vendor: list[VendorPackage] = Field(default_factory=list, max_length=8)

    def total_bytes(self) -> int:
        return sum(f.size for f in self.files)


class SignedManifest(Model):
    """The manifest as exact JSON text plus the server's Ed25519 signature over it (domain-separated)."""

    manifest: str = Field(min_length=2, max_length=900_000)  # under the client's answer limit
    signature: str = Field(min_length=80, max_length=90)


def sign_manifest(manifest: ReleaseManifest, key: Ed25519PrivateKey) -> SignedManifest:
    text = manifest.model_dump_json()
    return SignedManifest(manifest=text, signature=b64url(key.sign(RELEASE_DOMAIN + text.encode("utf-8"))))


def open_manifest(document: SignedManifest, key: Ed25519PublicKey) -> ReleaseManifest:
    """The manifest, only if the server's key signed it and its files are sane; SignatureError otherwise."""
    verify(key, document.signature, RELEASE_DOMAIN + document.manifest.encode("utf-8"))
    try:
        manifest = ReleaseManifest.model_validate_json(document.manifest)
    except ValueError as exc:
        raise SignatureError(f"signed manifest does not parse: {str(exc)[:200]}") from None
    paths = [f.path for f in manifest.files]
    if len(set(paths)) != len(paths):
        raise SignatureError(f"release {manifest.version}: a file path appears twice")
    missing = [v.file for v in manifest.vendor if v.file not in paths]
    if missing:
        raise SignatureError(f"release {manifest.version}: vendor package file {missing[0]} is not in the manifest")
    return manifest


def document_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def valid_version(text: str) -> bool:
    return re.fullmatch(VERSION_PATTERN, text) is not None
