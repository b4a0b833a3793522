"""A re-enrolled machine's rollups: the old epoch is finished, the new one (seq from 1 again) is folded too."""

from __future__ import annotations

import json
import uuid

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from server.dashboard import fleet
from server.dashboard.rollup import refresh
from server.db import Database
from server.service import Kiosk, Service
from sync.protocol import EnrolRequest, EventItem
from sync.protocol.signing import public_key_text
from tests.server.dashboard.test_rollup import DIVISION, NOW, SITE, day_rows

CODE = "RJ-JAI-0001"


def enrol(service: Service) -> Kiosk:
    key = public_key_text(Ed25519PrivateKey.generate())
    answer = service.enrol(EnrolRequest(token=service.issue_token(CODE), kiosk_code=CODE, public_key=key))
    with service.db.tx(write=False) as tx:
        row = tx.one("SELECT epoch FROM kiosks WHERE id = ?", (answer.kiosk_id,))
    assert row is not None
    return Kiosk(answer.kiosk_id, CODE, epoch=int(row[0]))


def paid(service: Service, kiosk: Kiosk, seqs: range, paise: int) -> int:
    items = [EventItem(seq=s, uuid=str(uuid.uuid4()), kind="txn.paid", occurred_at="2026-11-20T05:00:00Z",
                       payload={"subject": f"T{kiosk.epoch}-{s}", "amount_paid": paise}) for s in seqs]  # fmt: skip
    with service.db.tx() as tx:
        results, high = service.ingest(tx, kiosk, items, NOW)
    assert {r.status for r in results} == {"accepted"}
    return high


def test_both_epochs_of_a_repaired_machine_are_folded_once_and_the_page_shows_the_repair(db: Database) -> None:
    service = Service(db)
    first = enrol(service)
    with db.tx() as tx:
        tx.execute("INSERT INTO events (kiosk_id, epoch, seq, uuid, kind, occurred_at, payload, status, received_at)"
                   " VALUES (?, 1, 1, ?, 'kiosk.provisioned', '2026-11-01T04:00:00Z', ?, 'accepted', 'x')",
                   (first.id, str(uuid.uuid4()), json.dumps(SITE)))  # fmt: skip
    assert paid(service, first, range(2, 5), 1000) == 4
    assert refresh(db) == 4
    second = enrol(service)  # the new disk: a new key, the outbox from seq 1
    assert (second.id, second.epoch) == (first.id, 2)
    assert paid(service, first, range(5, 7), 1000) == 6  # the old disk's last batch, still on its way
    assert paid(service, second, range(1, 4), 5000) == 3
    assert refresh(db) == 5
    assert refresh(db) == 0
    assert day_rows(db, first) == {"2026-11-20": (8, 5 * 1000 + 3 * 5000, 0, 0)}
    with db.tx(write=False) as tx:
        page = fleet.machine(tx, DIVISION, CODE, NOW, 30)
    assert page is not None
    assert page["epoch"] == 2
    assert page["epoch_enrolled_at"] > page["enrolled_at"]
