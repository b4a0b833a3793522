from kiosk.clock import FakeClock
from kiosk.outbox import Outbox
from kiosk.store import Store


def fill(store: Store, count: int, padding: int = 0) -> None:
    for n in range(count):
        with store.write("test") as uow:
            uow.record("test.event", f"item-{n}", {"pad": "x" * padding})


def test_pending_items_come_in_sequence_order_bounded_by_count_and_bytes(store: Store) -> None:
    fill(store, 10, padding=1000)
    outbox = Outbox(store)
    assert [i.seq for i in outbox.pending(limit=4)] == [1, 2, 3, 4]
    assert len(outbox.pending(limit=100, max_bytes=4000)) == 3
    assert len(outbox.pending(limit=100, max_bytes=10)) == 1  # never starve: at least one item


def test_only_items_the_server_named_are_marked_delivered(store: Store) -> None:
    fill(store, 5)
    outbox = Outbox(store)
    assert outbox.mark_delivered([1, 2, 4]) == 3
    assert [i.seq for i in outbox.pending()] == [3, 5]
    assert outbox.mark_delivered([1]) == 0  # already delivered: nothing changes
    assert outbox.depth() == 2


def test_a_quarantined_item_does_not_block_the_rest(store: Store) -> None:
    fill(store, 3)
    outbox = Outbox(store)
    outbox.quarantine(1, "rejected: schema")
    assert [i.seq for i in outbox.pending()] == [2, 3]
    assert outbox.quarantined() == 1


def test_a_server_restored_from_backup_gets_everything_above_its_high_water_mark_again(store: Store) -> None:
    fill(store, 6)
    outbox = Outbox(store)
    outbox.mark_delivered(range(1, 7))
    assert outbox.depth() == 0
    assert outbox.resend_above(3) == 3
    assert [i.seq for i in outbox.pending()] == [4, 5, 6]


def test_the_oldest_pending_age_follows_the_clock(store: Store, clock: FakeClock) -> None:
    outbox = Outbox(store)
    assert outbox.oldest_pending_age_s(clock.now()) is None
    fill(store, 1)
    clock.advance(90)
    assert outbox.oldest_pending_age_s(clock.now()) == 90
