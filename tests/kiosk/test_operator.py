from pathlib import Path

import pytest

from kiosk.clock import FakeClock
from kiosk.operator import TRIES_BEFORE_LOCKOUT, OperatorAuth, OperatorError
from kiosk.store import Store


@pytest.fixture
def auth(store: Store) -> OperatorAuth:
    operators = OperatorAuth(store)
    operators.add("op-1", "Ramesh Meena", "482913", by="engineer-7")
    return operators


def test_the_right_pin_signs_in_and_is_journaled(auth: OperatorAuth, store: Store) -> None:
    result = auth.sign_in("op-1", "482913")
    assert (result.ok, result.name) == (True, "Ramesh Meena")
    assert store.read_one("SELECT action FROM journal ORDER BY id DESC LIMIT 1") == {"action": "operator.signed_in"}


def test_pins_are_stored_only_as_salted_slow_hashes(auth: OperatorAuth, store: Store) -> None:
    auth.add("op-2", "Sita Devi", "482913", by="engineer-7")
    rows = store.read("SELECT pin_hash, salt FROM operators ORDER BY id")
    assert all("482913" not in r["pin_hash"] for r in rows)
    assert rows[0]["pin_hash"] != rows[1]["pin_hash"]  # same PIN, different salt
    assert b"482913" not in (store.path).read_bytes()


@pytest.mark.parametrize("pin", ["12345", "1234567", "abcdef", "111111", "123456", "654321", "१२३४५६"])
def test_weak_or_malformed_pins_are_refused(store: Store, pin: str) -> None:
    with pytest.raises(OperatorError, match="PIN"):
        OperatorAuth(store).add("op-9", "X", pin, by="eng")
    assert store.read("SELECT * FROM operators") == []


def test_five_wrong_pins_lock_out_with_escalating_time(auth: OperatorAuth, clock: FakeClock) -> None:
    for n in range(TRIES_BEFORE_LOCKOUT - 1):
        result = auth.sign_in("op-1", "000001")
        assert (result.ok, result.tries_left) == (False, TRIES_BEFORE_LOCKOUT - 1 - n)
    locked = auth.sign_in("op-1", "000001")
    assert locked.locked_until is not None
    first_lock = (locked.locked_until - clock.now()).total_seconds()
    assert not auth.sign_in("op-1", "482913").ok  # even the right PIN waits out the lockout
    clock.advance(first_lock + 1)
    for _ in range(TRIES_BEFORE_LOCKOUT):
        second = auth.sign_in("op-1", "999990")
    assert second.locked_until is not None
    assert (second.locked_until - clock.now()).total_seconds() > first_lock


def test_a_lockout_survives_a_restart(tmp_path: Path, clock: FakeClock) -> None:
    store = Store.open(tmp_path / "k.db", clock)
    OperatorAuth(store).add("op-1", "Ramesh", "482913", by="eng")
    for _ in range(TRIES_BEFORE_LOCKOUT):
        OperatorAuth(store).sign_in("op-1", "000001")
    store.close()
    reopened = Store.open(tmp_path / "k.db", clock)
    assert OperatorAuth(reopened).sign_in("op-1", "482913").message == "locked"
    reopened.close()


def test_an_unknown_operator_is_just_a_wrong_pin(auth: OperatorAuth) -> None:
    result = auth.sign_in("nobody", "482913")
    assert (result.ok, result.message) == (False, "wrong PIN")


def test_changing_the_pin_needs_the_old_one(auth: OperatorAuth) -> None:
    with pytest.raises(OperatorError, match="current PIN"):
        auth.change_pin("op-1", "000001", "739104")
    auth.change_pin("op-1", "482913", "739104")
    assert auth.sign_in("op-1", "739104").ok
    assert not auth.sign_in("op-1", "482913").ok
