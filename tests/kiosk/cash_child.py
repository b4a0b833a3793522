"""Child process for the randomized cash session: a kiosk taking payments until it is SIGKILLed."""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from kiosk.transactions import TxnState
from tests.kiosk.cash_rig import cash_side
from tests.kiosk.helpers import cash_bill


def main(db: Path, port: str, seed: int) -> None:
    rng = random.Random(seed)
    side = cash_side(db, port)  # its start settles the payment the last kill left open, as the app's does
    current: str | None = None
    print("ready", flush=True)
    while True:
        if current is None or side.ledger.get(current).state is not TxnState.AWAITING_PAYMENT:
            current = cash_bill(side.ledger, rng.randrange(5, 200) * 10).id
            side.desk.begin(current)
        time.sleep(0.02)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]))
