"""The agent's blob upload: the captured files queued events name, in signed chunks, resumed where the server is.

The events themselves go with the outbox drain and do not wait for their files (a payment queued behind a 2G upload
of ten pages would); the server accepts an event and waits for the blobs it names. A file leaves the kiosk once the
server holds it whole and has accepted every event that names it (kiosk/capture/vault.py `settle`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from kiosk.capture.port import BlobRef
from kiosk.capture.vault import Vault, VaultError
from sync.client import Answer, BadAnswer, Client, Refusal, parse_answer
from sync.protocol.blobs import BLOBS_PATH, H_COMPLETE, H_MEDIA_TYPE, H_OFFSET, BlobStatus, content_range

log = logging.getLogger("kiosk-agent")

# 16 KiB: about 4 s on GPRS (~40 kbit/s), so a dropped call loses little, while the ~400 bytes of signed headers per
# request stay under 3 % of the traffic. A 60 KB page is four requests.
CHUNK_BYTES = 16 * 1024
BUDGET_BYTES = 128 * 1024  # per run: the agent's other jobs (heartbeat, drain) wait while this one runs


@dataclass(frozen=True, slots=True)
class UploadReport:
    uploaded: int = 0  # blobs the server now holds whole
    bytes_sent: int = 0  # content bytes sent in chunks this run (headers not counted)
    confirmed: int = 0  # files deleted on the kiosk


class BlobUploader:
    def __init__(
        self, vault: Vault, client: Client, *, chunk_bytes: int = CHUNK_BYTES, budget_bytes: int = BUDGET_BYTES
    ) -> None:
        if chunk_bytes < 1 or budget_bytes < 1:
            raise ValueError("chunk and budget must be at least one byte")
        self.vault, self.client = vault, client
        self.chunk_bytes, self.budget_bytes = chunk_bytes, budget_bytes

    def step(self) -> UploadReport:
        """Upload what queued events need, up to the byte budget; then delete the files the server confirmed."""
        uploaded = sent = 0
        for ref in self.vault.waiting_upload():
            if sent >= self.budget_bytes:
                break
            status = self.ask(ref)
            if not status.complete:
                try:
                    data = self.vault.read(ref.sha256)
                except VaultError as exc:
                    log.error("cannot upload: %s; the office will ask for the document again", exc)
                    continue
                status, count = self._send(ref, data, status.offset, self.budget_bytes - sent)
                sent += count
            if status.complete:
                self.vault.mark_uploaded(ref.sha256)
                uploaded += 1
        return UploadReport(uploaded, sent, self.vault.settle())

    def ask(self, ref: BlobRef) -> BlobStatus:
        """HEAD: how many bytes of this blob the server holds from us (one small request, no body either way)."""
        answer = self.client.request("HEAD", f"{BLOBS_PATH}/{ref.sha256}")
        offset_text, complete_text = answer.headers.get(H_OFFSET.lower(), ""), answer.headers.get(H_COMPLETE.lower())
        if not (offset_text.isascii() and offset_text.isdigit() and len(offset_text) <= 10):
            raise BadAnswer(f"HEAD {BLOBS_PATH}/{ref.sha256[:12]}…: {H_OFFSET} {offset_text[:20]!r} is not a number")
        offset = int(offset_text)
        if offset > ref.size or complete_text not in ("yes", "no") or (complete_text == "yes") != (offset == ref.size):
            raise BadAnswer(f"HEAD {BLOBS_PATH}/{ref.sha256[:12]}…: offset {offset} of {ref.size}, {complete_text!r}")
        return BlobStatus(sha256=ref.sha256, offset=offset, complete=complete_text == "yes")

    def _send(self, ref: BlobRef, data: bytes, offset: int, budget: int) -> tuple[BlobStatus, int]:
        status, sent, resynced = BlobStatus(sha256=ref.sha256, offset=offset, complete=False), 0, False
        while not status.complete and sent < budget:
            chunk = data[status.offset : status.offset + self.chunk_bytes]
            try:
                answer = self._put(ref, status.offset, chunk)
            except Refusal as exc:
                if exc.status != 409 or resynced:
                    raise
                status, resynced = self.ask(ref), True  # the server holds a different amount: go on from there
                continue
            sent += len(chunk)
            status = self._checked(ref, answer, status.offset + len(chunk))
        return status, sent

    def _put(self, ref: BlobRef, offset: int, chunk: bytes) -> Answer:
        headers = {
            "Content-Type": "application/octet-stream",
            "Content-Range": content_range(offset, len(chunk), ref.size),
            H_MEDIA_TYPE: ref.media_type,
        }
        return self.client.request("PUT", f"{BLOBS_PATH}/{ref.sha256}", chunk, headers, as_is=True)

    def _checked(self, ref: BlobRef, answer: Answer, expected: int) -> BlobStatus:
        status = parse_answer(BlobStatus, answer.body, f"PUT {BLOBS_PATH}")
        whole = status.complete and status.offset == ref.size  # the last chunk, or the server had it all already
        if status.sha256 != ref.sha256 or not (whole or (not status.complete and status.offset == expected)):
            raise BadAnswer(f"PUT {BLOBS_PATH}/{ref.sha256[:12]}…: answer {status} does not follow the chunk sent")
        return status
