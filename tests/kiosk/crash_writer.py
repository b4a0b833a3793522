"""Child process for crash tests: pays bills with random notes forever, reporting each committed credit on stdout."""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

from kiosk.clock import SystemClock
from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.store import Store
from kiosk.transactions import TxnState
from tests.kiosk.helpers import cash_bill

NOTES = (10, 20, 50, 100, 200, 500)


def pay_forever(db: Path, seed: int, limit: int | None) -> None:
    rng = random.Random(seed)
    ledger = Ledger(Store.open(db, SystemClock()))
    print("ready", flush=True)
    done = 0
    while limit is None or done < limit:
        txn = cash_bill(ledger, rng.randrange(1, 60) * 10)
        walk_away_after = rng.choice([None, None, None, 1])
        notes = 0
        while txn.state is TxnState.AWAITING_PAYMENT:
            if walk_away_after is not None and notes >= walk_away_after:
                ledger.abandon(txn.id, reason="walked away")
                break
            ref = f"{os.getpid()}-{seed}-{done}-{notes}"
            note = Money.rupees(rng.choice(NOTES))
            txn = ledger.credit_cash(txn.id, note, channel=NOTES.index(note.whole_rupees) + 1, device_ref=ref).txn
            print(f"C {ref} {note.paise} {txn.id}", flush=True)
            notes += 1
        if txn.state is TxnState.PAID:
            ledger.receipt_printed(txn.id, job_id=f"job-{txn.id}")
            ledger.complete(txn.id)
        done += 1
    print("finished", flush=True)


if __name__ == "__main__":
    pay_forever(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else None)
