"""Downloading a release: the signed manifest, then only the files not already on disk, resumable and capped."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from kiosk.clock import Clock
from sync.client import BadAnswer, Client, parse_answer
from sync.protocol import ReleaseOffer
from sync.protocol.releases import BLOB_CHUNK_BYTES, ReleaseManifest, SignedManifest, document_sha256, open_manifest
from sync.protocol.signing import SignatureError
from sync.release.root import ReleaseRoot, file_sha256

log = logging.getLogger("kiosk-agent")
Checkpoint = Callable[[str], None]


def no_checkpoint(_: str) -> None:
    """Production: no checkpoints (tests kill the process at a named step through this hook)."""


class Paused(Exception):
    """This run's byte budget is spent; the download resumes from its .part files at the next run."""


class Fetcher:
    """`bandwidth_bps` (bytes/s, 0 = no cap) keeps the update from starving the payments on a 2G link; one run
    downloads at most ~20 s worth, so the agent's single worker (drain, heartbeat, watchdog) is never held long."""

    def __init__(
        self, client: Client, server_key: Ed25519PublicKey, root: ReleaseRoot, clock: Clock, *,
        bandwidth_bps: float = 0.0, sleep: Callable[[float], None] = time.sleep, checkpoint: Checkpoint = no_checkpoint,
    ) -> None:  # fmt: skip
        self.client, self.server_key, self.root, self.clock = client, server_key, root, clock
        self.bandwidth_bps, self.sleep, self.checkpoint = bandwidth_bps, sleep, checkpoint
        self.bytes_downloaded = 0  # on the wire: the manifest (gzip) and file bytes
        self.manifest_wire_bytes = 0
        self.run_budget_bytes = max(BLOB_CHUNK_BYTES, int(bandwidth_bps * 20)) if bandwidth_bps > 0 else 16_000_000

    def manifest(self, offer: ReleaseOffer) -> tuple[ReleaseManifest, bytes]:
        """The offered manifest, checked against the offer's hash and the server's signature."""
        answer = self.client.request("GET", f"/releases/{offer.version}/manifest")
        wire = answer.headers.get("content-length", "")
        self.manifest_wire_bytes = int(wire) if wire.isdigit() else len(answer.body)  # gzip on the wire
        self.bytes_downloaded += self.manifest_wire_bytes
        if document_sha256(answer.body) != offer.manifest_sha256:
            raise BadAnswer(f"release {offer.version}: manifest does not match the SHA-256 the heartbeat offered")
        document = parse_answer(SignedManifest, answer.body, f"release {offer.version} manifest")
        try:
            manifest = open_manifest(document, self.server_key)
        except SignatureError as exc:
            raise BadAnswer(f"release {offer.version}: manifest refused: {exc}") from None
        if manifest.version != offer.version:
            raise BadAnswer(f"release {offer.version}: the manifest says version {manifest.version}")
        return manifest, answer.body

    def missing(self, manifest: ReleaseManifest) -> list[tuple[str, int]]:
        """(sha256, size) of the files no installed release or cached blob already has: all a kiosk downloads."""
        have = self.root.local_files()
        wanted = {f.sha256: f.size for f in manifest.files if f.sha256 not in have}
        return sorted(wanted.items())

    def download(self, manifest: ReleaseManifest) -> int:
        """Fetch every missing file into blobs/; returns the bytes this call downloaded. Raises Paused when this
        run's budget is spent first."""
        before = self.bytes_downloaded
        for sha256, size in self.missing(manifest):
            if self.bytes_downloaded - before >= self.run_budget_bytes:
                raise Paused(f"release {manifest.version}: {self.bytes_downloaded - before} bytes this run")
            self._blob(sha256, size)
        return self.bytes_downloaded - before

    def _blob(self, sha256: str, size: int) -> None:
        """Append Range slices to `<sha>.part` (kept across restarts, so a cut download resumes), then verify."""
        part = self.root.blobs / (sha256 + ".part")
        with open(part, "ab") as handle:
            offset = handle.tell()
            while offset < size:
                started = self.clock.monotonic()
                end = min(offset + BLOB_CHUNK_BYTES, size) - 1
                wanted = {"Range": f"bytes={offset}-{end}"}
                answer = self.client.request("GET", f"/releases/blobs/{sha256}", None, wanted)
                if answer.status != 206 or not answer.body or len(answer.body) > end - offset + 1:
                    raise BadAnswer(f"blob {sha256[:12]}: bad Range answer ({answer.status}, {len(answer.body)} bytes)")
                handle.write(answer.body)
                handle.flush()
                os.fsync(handle.fileno())
                offset += len(answer.body)
                self.bytes_downloaded += len(answer.body)
                self.checkpoint("downloading")
                self._pace(len(answer.body), started)
        if file_sha256(part) != sha256:
            part.unlink()
            raise BadAnswer(f"blob {sha256[:12]}: downloaded bytes do not match their SHA-256; fetched again next time")
        os.replace(part, self.root.blobs / sha256)

    def _pace(self, count: int, started: float) -> None:
        if self.bandwidth_bps > 0:
            owed = count / self.bandwidth_bps - (self.clock.monotonic() - started)
            if owed > 0:
                self.sleep(owed)
