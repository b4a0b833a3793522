import io
from pathlib import Path

from kiosk.clock import FakeClock
from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.store import Store
from provisioning.cli import main
from tests.kiosk.helpers import cash_bill


def test_db_check_reports_a_healthy_database(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "kiosk.db", FakeClock())
    ledger = Ledger(store)
    ledger.credit_cash(cash_bill(ledger, 100).id, Money.rupees(100))
    store.close()
    out = io.StringIO()
    assert main(["db", "check", "--db", str(tmp_path / "kiosk.db")], out) == 0
    assert "journal intact: 3 rows verified" in out.getvalue()
    assert "outbox: 3 pending" in out.getvalue()


def test_db_check_fails_clearly_on_a_tampered_journal(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "kiosk.db", FakeClock())
    ledger = Ledger(store)
    cash_bill(ledger, 100)
    store.conn.execute("DROP TRIGGER journal_append_only_update")
    store.conn.execute("UPDATE journal SET actor = 'someone' WHERE id = 1")
    store.close()
    out = io.StringIO()
    assert main(["db", "check", "--db", str(tmp_path / "kiosk.db")], out) == 1
    assert "journal BROKEN at row 1" in out.getvalue()


def test_db_check_fails_clearly_on_a_file_that_is_not_a_kiosk_database(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    path.write_bytes(b"hello" * 1000)
    out = io.StringIO()
    assert main(["db", "check", "--db", str(path)], out) == 1
    assert "FAIL" in out.getvalue()
    assert "not a kiosk database" in out.getvalue()
