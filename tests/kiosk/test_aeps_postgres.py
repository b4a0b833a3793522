"""The AePS switch on PostgreSQL (a private instance): concurrent later tries of one reference after a mismatch,
and a status query racing them, end in exactly one debit — and the status answer agrees with it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.biometric.rdservice.driver import RdServiceReader
from drivers.biometric.rdservice.emulator import RdServiceEmulator
from kiosk.aadhaar import AadhaarNumber
from kiosk.clock import FakeClock, SystemClock
from kiosk.devices.biometric import CaptureOk, CaptureRequest
from kiosk.money import Money
from kiosk.payments.aadhaar_pay import AadhaarPayDetails, Answer, SwitchAnswer
from sync.aeps_client import HttpAeps
from sync.client import Client
from tests.kiosk.aeps_bench import SBI, UID_OF
from tests.server.conftest import enrol_key
from tests.sync.conftest import postgres
from tests.sync.harness import ServerProcess
from tests.sync.postgres import PrivatePostgres

__all__ = ["postgres"]  # the session fixture, shared with tests/sync


@pytest.fixture
def switch(tmp_path: Path, postgres: PrivatePostgres) -> Iterator[HttpAeps]:
    server = ServerProcess(postgres.url, tmp_path / "server.log").start()
    try:
        kiosk = enrol_key(server, "RJ-JP-AEPS-PG01")
        yield HttpAeps(Client(server.url, kiosk.key, kiosk.kiosk_id, SystemClock(), timeout_s=10.0))
    finally:
        server.stop()


def test_racing_later_tries_and_a_status_query_debit_once_and_agree(switch: HttpAeps) -> None:
    amount, txn = Money.rupees(300), "TXN-PG-RACE-1"
    with RdServiceEmulator(FakeClock()) as device:
        reader = RdServiceReader(FakeClock(), ports=(device.port,), try_https=False)
        pids = []
        for _ in range(5):
            captured = reader.capture(CaptureRequest())
            assert isinstance(captured, CaptureOk)
            pids.append(captured.pid)
    aadhaar = AadhaarNumber.parse(UID_OF["300-once"])
    first = switch.pay(txn, 1, amount, AadhaarPayDetails(SBI, aadhaar, pids[0]))
    assert isinstance(first, SwitchAnswer)
    assert first.bank_code == "300"
    answers: list[Answer] = []
    lock = threading.Lock()

    def try_again(attempt: int, n: int) -> None:
        answer = switch.pay(txn, attempt, amount, AadhaarPayDetails(SBI, aadhaar, pids[n]))
        with lock:
            answers.append(answer)

    def ask() -> None:
        answer = switch.status(txn, amount)
        with lock:
            answers.append(answer)

    threads = [threading.Thread(target=try_again, args=(2, 1)), threading.Thread(target=try_again, args=(2, 2)),
               threading.Thread(target=try_again, args=(3, 3)), threading.Thread(target=ask)]  # fmt: skip
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    final = switch.status(txn, amount)
    assert isinstance(final, SwitchAnswer)
    decided = [a for a in answers if isinstance(a, SwitchAnswer)]
    debits = {a.rrn for a in decided if a.paid}
    assert len(debits) <= 1  # one RRN at most, however the race went
    if final.paid:
        assert debits == {final.rrn}
    else:  # the status query came first and closed the reference: nobody debited
        assert debits == set()
