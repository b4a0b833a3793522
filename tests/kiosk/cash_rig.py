"""A kiosk's cash side wired for tests: real SQLite file, the SSP driver, the desk, and the emulator on a pty."""

from __future__ import annotations

import queue
from dataclasses import dataclass, field
from pathlib import Path

from drivers.cash.ssp.driver import SspAcceptor
from kiosk.cash_payment import CashDesk, CashUpdate
from kiosk.clock import Clock, SystemClock
from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.store import Store


@dataclass
class CashSide:
    store: Store
    ledger: Ledger
    driver: SspAcceptor
    desk: CashDesk
    updates: queue.Queue[CashUpdate] = field(default_factory=queue.Queue)

    def close(self) -> None:
        self.driver.close()
        self.store.close()


def cash_side(db: Path, port: str, *, clock: Clock | None = None, tolerance: Money = Money(0)) -> CashSide:
    clock = clock or SystemClock()
    store = Store.open(db, clock)
    ledger = Ledger(store)
    driver = SspAcceptor(port, clock, poll_interval_s=0.02, reply_timeout_s=0.5, reconnect_interval_s=0.1)
    updates: queue.Queue[CashUpdate] = queue.Queue()
    desk = CashDesk(ledger, driver, tolerance=tolerance, on_update=updates.put)
    desk.attach()
    return CashSide(store, ledger, driver, desk, updates)
