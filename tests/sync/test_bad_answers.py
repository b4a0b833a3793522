"""Invariant 6 on the kiosk side: a server answer we cannot trust is refused at the boundary and nothing is lost."""

from __future__ import annotations

import gzip
import json
import logging
import uuid
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.clock import FakeClock, SystemClock
from kiosk.outbox import Outbox
from sync.agent import Agent
from tests.sync.faultproxy import FaultProxy, Mutator
from tests.sync.harness import ServerProcess, enrolled_kiosk, kiosk_uuids, make_payments, server_counts, server_uuids

Edit = Callable[[dict[str, object]], object]


def on_path(suffix: str, change: Callable[[bytes, dict[str, str]], tuple[dict[str, str], bytes]]) -> Mutator:
    def mutate(path: str, status: int, headers: dict[str, str], body: bytes) -> tuple[int, dict[str, str], bytes]:
        if not path.endswith(suffix):
            return status, headers, body
        new_headers, new_body = change(body, headers)
        return 200, new_headers, new_body

    return mutate


def json_edit(edit: Edit) -> Callable[[bytes, dict[str, str]], tuple[dict[str, str], bytes]]:
    def change(body: bytes, headers: dict[str, str]) -> tuple[dict[str, str], bytes]:
        document = json.loads(body)
        edit(document)
        return headers, json.dumps(document).encode()

    return change


def never_sent(document: dict[str, object]) -> None:
    results = document["results"]
    assert isinstance(results, list)
    results[0]["uuid"] = str(uuid.uuid4())


BAD_BATCH_ANSWERS: dict[str, Callable[[bytes, dict[str, str]], tuple[dict[str, str], bytes]]] = {
    "not JSON": lambda body, headers: (headers, b"<html>proxy error page</html>"),
    "wrong type": json_edit(lambda d: d.update(high_water="lots")),
    "missing field": json_edit(lambda d: d.pop("results")),
    "result for a uuid never sent": json_edit(never_sent),
    "10 MB body": lambda body, headers: (headers, b'{"results": [' + b" " * 10_000_000 + b"]}"),
    "gzip bomb": lambda body, headers: ({**headers, "Content-Encoding": "gzip"}, gzip.compress(b"0" * 50_000_000)),
}


@pytest.mark.parametrize("kind", sorted(BAD_BATCH_ANSWERS))
def test_untrustworthy_batch_answer_marks_nothing_and_the_next_good_answer_delivers_all(
    tmp_path: Path, server: ServerProcess, proxy: FaultProxy, kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    settings, store = enrolled_kiosk(tmp_path, server, proxy.url)
    agent = Agent(settings, store, SystemClock())
    outbox = Outbox(store)
    make_payments(store, 30)
    proxy.mutate = on_path("/events:batch", BAD_BATCH_ANSWERS[kind])
    with caplog.at_level(logging.WARNING, logger="kiosk-agent"):
        agent.run_job("drain")
    assert outbox.depth() == 30
    assert "drain failed" in caplog.text
    proxy.mutate = None
    agent.jobs["drain"].not_before = 0.0
    agent.run_job("drain")
    assert outbox.depth() == 0
    assert server_uuids(tmp_path / "server.db") == kiosk_uuids(store)


def test_heartbeat_answer_with_a_clock_a_day_off_is_ignored(
    tmp_path: Path, server: ServerProcess, proxy: FaultProxy, caplog: pytest.LogCaptureFixture
) -> None:
    settings, store = enrolled_kiosk(tmp_path, server, proxy.url)
    agent = Agent(settings, store, SystemClock())

    def a_day_later(document: dict[str, object]) -> None:
        document["server_time"] = "2031-01-01T00:00:00.000000Z"
        document["high_water"] = 0

    make_payments(store, 5)
    agent.run_job("drain")
    proxy.mutate = on_path("/heartbeat", json_edit(a_day_later))
    with caplog.at_level(logging.WARNING, logger="kiosk-agent"):
        agent.run_job("heartbeat")
    assert "answer ignored" in caplog.text
    assert Outbox(store).depth() == 0  # the answer's high_water 0 did not trigger a resend
    assert agent.heartbeat.last.clock_offset_s is None


def test_kiosk_clock_a_day_behind_still_delivers_by_signing_with_the_servers_time(
    tmp_path: Path, server: ServerProcess, proxy: FaultProxy
) -> None:
    settings, store = enrolled_kiosk(tmp_path, server, proxy.url)
    wrong = FakeClock(SystemClock().now() - timedelta(days=1))
    agent = Agent(settings, store, wrong)
    make_payments(store, 40)
    agent.run_job("drain")
    assert Outbox(store).depth() == 0
    assert server_counts(tmp_path / "server.db")[0] == 40
    assert agent.client.offset_s > 80_000


def test_invalid_event_is_quarantined_and_reported_while_the_rest_are_delivered(
    tmp_path: Path, server: ServerProcess, proxy: FaultProxy
) -> None:
    settings, store = enrolled_kiosk(tmp_path, server, proxy.url)
    agent = Agent(settings, store, SystemClock())
    make_payments(store, 10)
    with store.write("test") as uow:
        uow.emit("Payment Completed!", {"txn": "bad kind"})
    make_payments(store, 10, 10)
    # A row damaged so badly the server refuses the whole batch: the agent narrows down to it.
    with store.write("test") as uow:
        item = uow.emit("payment.completed", {"txn": "will be damaged"})
        uow.execute("UPDATE outbox SET uuid = 'not-a-uuid' WHERE seq = ?", (item.seq,))
    make_payments(store, 10, 20)
    for _ in range(20):
        agent.jobs["drain"].not_before = 0.0
        agent.run_job("drain")
    outbox = Outbox(store)
    assert (outbox.depth(), outbox.quarantined()) == (0, 2)
    assert server_counts(tmp_path / "server.db")[0] == 30
    assert agent.heartbeat.build().quarantined == 2
    agent.run_job("heartbeat")
    # The server's contiguous mark stops before the damaged row it never stored; that is no reason to resend.
    assert outbox.depth() == 0
