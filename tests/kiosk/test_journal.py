import pytest

from kiosk.journal import verify_journal
from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.store import Store
from tests.kiosk.helpers import cash_bill


@pytest.fixture
def busy_store(store: Store, ledger: Ledger) -> Store:
    for rupees in (100, 200, 300):
        txn = cash_bill(ledger, rupees)
        ledger.credit_cash(txn.id, Money.rupees(rupees))
    store.conn.execute("DROP TRIGGER journal_append_only_update")
    store.conn.execute("DROP TRIGGER journal_append_only_delete")
    return store


def test_an_untouched_journal_verifies(busy_store: Store) -> None:
    check = verify_journal(busy_store)
    assert check.ok
    assert check.rows == 9


def test_a_modified_row_is_found(busy_store: Store) -> None:
    busy_store.conn.execute("UPDATE journal SET details = replace(details, '30000', '3000') WHERE id = 7")
    check = verify_journal(busy_store)
    assert (check.ok, check.first_broken_id) == (False, 7)
    assert "changed" in check.reason


def test_a_row_rewritten_with_a_fresh_hash_breaks_the_next_link(busy_store: Store) -> None:
    from kiosk.store.db import chain_hash

    row = busy_store.read_one("SELECT * FROM journal WHERE id = 4")
    assert row is not None
    forged = chain_hash(row["prev_hash"], (4, row["at"], "mallory", row["action"], row["subject"], row["details"]))
    busy_store.conn.execute("UPDATE journal SET actor = 'mallory', hash = ? WHERE id = 4", (forged,))
    check = verify_journal(busy_store)
    assert (check.ok, check.first_broken_id) == (False, 5)


def test_a_deleted_row_is_found(busy_store: Store) -> None:
    busy_store.conn.execute("DELETE FROM journal WHERE id = 3")
    check = verify_journal(busy_store)
    assert (check.ok, check.first_broken_id) == (False, 3)
    assert "missing" in check.reason


def test_a_truncated_tail_is_found_against_the_servers_last_hash(busy_store: Store) -> None:
    head = busy_store.read_one("SELECT hash FROM journal ORDER BY id DESC LIMIT 1")
    assert head is not None
    busy_store.conn.execute("DELETE FROM journal WHERE id >= 8")
    assert verify_journal(busy_store).ok  # the chain alone cannot see a cut tail …
    check = verify_journal(busy_store, expected_head=head["hash"])
    assert not check.ok  # … but the hash the server received with the last event can
    assert "removed" in check.reason
