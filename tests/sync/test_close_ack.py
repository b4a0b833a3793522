"""The cash-box counters restart from a day close only when the real server has acknowledged that close."""

from __future__ import annotations

from pathlib import Path

from kiosk.dayclose import DayClose
from kiosk.ledger import Ledger
from kiosk.money import INR_NOTES, Money
from kiosk.outbox import Outbox
from tests.kiosk.helpers import cash_bill
from tests.sync.conftest import AgentList
from tests.sync.harness import AgentProcess, ServerProcess, enrolled_kiosk, wait_until


def test_the_box_level_resets_only_after_the_server_acknowledges_the_close(
    tmp_path: Path, server: ServerProcess, agents: AgentList
) -> None:
    _, store = enrolled_kiosk(tmp_path, server, server.url)
    ledger = Ledger(store)
    txn = cash_bill(ledger, 700)
    ledger.credit_cash(txn.id, Money.rupees(500))
    ledger.credit_cash(txn.id, Money.rupees(200))
    closing = DayClose(store)
    closing.submit_count({50000: 1, 20000: 1}, operator="op-1", denominations=INR_NOTES, acceptor=None)
    # Closed, but the server does not know yet: the box still holds (and reports) those notes.
    assert closing.cash_box_level() == (2, Money.rupees(700))
    assert store.read_one("SELECT acknowledged_at FROM day_closes") == {"acknowledged_at": None}

    server.stop()  # the close goes out while the server is down: nothing is acknowledged
    agent = agents(AgentProcess(tmp_path / "kiosk.toml", tmp_path / "agent.log")).start()
    wait_until(lambda: "drain failed" in (tmp_path / "agent.log").read_text(errors="replace"), 20, "a drain attempt")
    assert closing.cash_box_level() == (2, Money.rupees(700))

    server.start()
    wait_until(lambda: Outbox(store).depth() == 0, 30, "the outbox to drain")
    wait_until(lambda: closing.cash_box_level() == (0, Money(0)), 10, "the box level to restart after the ack")
    agent.kill()
    assert store.read_one("SELECT acknowledged_at IS NOT NULL AS acked FROM day_closes") == {"acked": 1}
    store.close()
