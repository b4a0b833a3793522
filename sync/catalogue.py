"""The service catalogue pull: If-None-Match, signature, version and expiry checks, then an atomic swap."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from kiosk.clock import Clock, parse_iso_utc
from sync.client import BadAnswer, Client, parse_answer
from sync.protocol import SignedCatalogue
from sync.protocol.signing import SignatureError, catalogue_message, verify

log = logging.getLogger("kiosk-agent")
MAX_FUTURE_ISSUE_S = 24 * 3600


class CatalogueError(BadAnswer):
    """A catalogue that must not replace the one we have; the message says why."""


def check_catalogue(
    document: SignedCatalogue, key: Ed25519PublicKey, clock: Clock, have_version: int, kind: str = "catalogue"
) -> None:
    message = catalogue_message(document.version, document.issued_at, document.expires_at, document.body, kind)
    try:
        verify(key, document.signature, message)
    except SignatureError:
        raise CatalogueError(
            f"{kind} v{document.version}: signature is not the server's; kept v{have_version}"
        ) from None
    if document.version <= have_version:
        raise CatalogueError(f"{kind} v{document.version} is not newer than v{have_version}; kept ours")
    now = clock.now()
    if parse_iso_utc(document.expires_at) <= now:
        raise CatalogueError(f"{kind} v{document.version} expired at {document.expires_at}; kept v{have_version}")
    if (parse_iso_utc(document.issued_at) - now).total_seconds() > MAX_FUTURE_ISSUE_S:
        raise CatalogueError(f"{kind} v{document.version} is issued in the future ({document.issued_at})")


class CatalogueKeeper:
    """Holds the last good catalogue on disk (`path`) and replaces it only with a checked newer one."""

    def __init__(
        self, path: Path, client: Client, server_key: Ed25519PublicKey, clock: Clock, *, kind: str = "catalogue"
    ) -> None:
        self.path, self.client, self.server_key, self.clock = path, client, server_key, clock
        self.kind = kind
        self.endpoint = "/catalog" if kind == "catalogue" else "/" + kind
        self.current = self._load()

    @property
    def version(self) -> int:
        return self.current.version if self.current else 0

    def _load(self) -> SignedCatalogue | None:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return None
        try:
            document = parse_answer(SignedCatalogue, data, str(self.path))
            message = catalogue_message(
                document.version, document.issued_at, document.expires_at, document.body, self.kind
            )
            verify(self.server_key, document.signature, message)
        except (BadAnswer, SignatureError) as exc:
            log.error("stored document %s is not valid (%s); fetching a fresh one", self.path, exc)
            return None
        return document

    def pull(self) -> bool:
        """Fetch if changed; True when a newer catalogue was installed. Raises CatalogueError when refused."""
        headers = {"If-None-Match": f'"v{self.version}"'} if self.current else {}
        answer = self.client.request("GET", self.endpoint, None, headers)
        if answer.status == 304:
            return False
        document = parse_answer(SignedCatalogue, answer.body, f"GET {self.endpoint}")
        check_catalogue(document, self.server_key, self.clock, self.version, self.kind)
        self._swap(answer.body)
        self.current = document
        log.info("installed " + self.kind + " v%d (expires %s)", document.version, document.expires_at)
        return True

    def _swap(self, data: bytes) -> None:
        """Write beside, fsync, rename: a crash leaves either the old file or the new one, never half."""
        temporary = self.path.with_suffix(".tmp")
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, self.path)
        directory = os.open(self.path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
