"""Applications kept in the kiosk's database: the number on the slip (assigned here, so it is printed offline too),
and the submission event, sent at once (no fee) or with the payment that completes the fee."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from common.numbers import luhn_complete
from kiosk.capture.blob_events import link_blobs
from kiosk.capture.port import BlobRef
from kiosk.catalogue import Service
from kiosk.clock import business_day
from kiosk.store import Store
from kiosk.store.db import canonical_json

SUBMITTED = "application.submitted"
SEQ_DIGITS = 5  # 99,999 applications per kiosk before the numbers run out (years at a gram panchayat)


class NumbersExhausted(RuntimeError):
    """This kiosk has used every application number its serial allows."""


def application_number(kiosk_code: str, seq: int) -> str:
    """Ten digits the status check accepts: the kiosk's serial (the last digit group of its code, unique in the
    fleet: RJ-JP-SAN-0001 → 0001), its own sequence, and a Luhn check digit. Unique without asking the server."""
    groups = re.findall(r"\d+", kiosk_code)
    serial = int(groups[-1]) % 10_000 if groups else 0
    if not 0 < seq < 10**SEQ_DIGITS:
        raise NumbersExhausted(f"application sequence {seq} does not fit {SEQ_DIGITS} digits")
    return luhn_complete(f"{serial:04d}{seq:0{SEQ_DIGITS}d}")


def blob_json(ref: BlobRef) -> dict[str, Any]:
    return {"sha256": ref.sha256, "size": ref.size, "media_type": ref.media_type}


@dataclass(frozen=True, slots=True)
class Submission:
    number: str
    expected_on: date
    sent: bool  # False: waiting for its fee (emitted by the ledger when the transaction is paid)


@dataclass(frozen=True, slots=True)
class Filled:
    """What the villager gave: answers by field id, pages by document id, the photo."""

    answers: dict[str, str]
    pages: dict[str, tuple[BlobRef, ...]]
    photo: BlobRef | None


class ApplicationRecords:
    def __init__(self, store: Store, kiosk_code: str, *, actor: str = "kiosk") -> None:
        self.store = store
        self.kiosk_code = kiosk_code
        self.actor = actor

    def submit(self, service: Service, filled: Filled, number: str, *, txn_id: str | None) -> Submission:
        """One SQLite transaction: the event now, or waiting for `txn_id` to be paid."""
        assert service.form is not None
        today = business_day(self.store.clock.now())
        expected = today + timedelta(days=service.form.processing_days)
        with self.store.write(self.actor) as uow:
            payload = self._payload(service, filled, number, expected, txn_id)
            note = {"application_no": number, "service_id": service.id}
            if txn_id is None:
                digest = uow.journal(SUBMITTED, number, note)
                link_blobs(uow, uow.emit(SUBMITTED, {**payload, "journal_hash": digest}), strict=False)
            else:
                uow.execute(
                    "INSERT INTO events_on_paid (txn_id, kind, payload, note, created_at) VALUES (?, ?, ?, ?, ?)",
                    (txn_id, SUBMITTED, canonical_json(payload), canonical_json(note), uow.now),
                )
        return Submission(number, expected, sent=txn_id is None)

    def reserve_number(self) -> str:
        """The number is known before the fee: the fee's transaction carries it as its reference."""
        with self.store.write(self.actor) as uow:
            return application_number(self.kiosk_code, uow.next_number("application_seq"))

    def withdraw(self, txn_id: str) -> bool:
        """The fee was never paid (cancelled, or a voucher for part of it): the submission is dropped unsent."""
        with self.store.write(self.actor) as uow:
            gone = uow.execute("DELETE FROM events_on_paid WHERE txn_id = ? AND kind = ?", (txn_id, SUBMITTED))
            if gone.rowcount:
                uow.journal("application.withdrawn", txn_id, {})
        return bool(gone.rowcount)

    def waiting(self, txn_id: str) -> bool:
        return self.store.read_one("SELECT 1 FROM events_on_paid WHERE txn_id = ?", (txn_id,)) is not None

    def _payload(self, service: Service, filled: Filled, number: str, expected: date,
                 txn_id: str | None) -> dict[str, Any]:  # fmt: skip
        assert service.form is not None
        refs = [ref for pages in filled.pages.values() for ref in pages]
        if filled.photo is not None:
            refs.append(filled.photo)
        return {
            "application_no": number,
            "service_id": service.id,
            "service_name_hi": service.name_hi,
            "kiosk_code": self.kiosk_code,
            "txn_id": txn_id,
            "fee": service.fee.paise,
            "fields": dict(filled.answers),
            "documents": [{"id": doc_id, "pages": [r.sha256 for r in pages]} for doc_id, pages in filled.pages.items()],
            "photo": filled.photo.sha256 if filled.photo else None,
            # How an event declares its captured files until the vault's upload defines it (issue 20, vault helper).
            "blobs": [blob_json(r) for r in refs],
            "office_en": service.form.office_en,
            "expected_on": expected.isoformat(),
        }
