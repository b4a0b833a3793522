"""Invariant 4 on the Aadhaar Pay path: after a paid payment, a lost answer settled by inquiry and the operator's
finger login, neither the PID block nor a full Aadhaar number is in the kiosk's or the switch's database, their WAL,
the log or temp — while the bank IIN, position, RRN and bank code are."""

from __future__ import annotations

from pathlib import Path

from kiosk.aadhaar import AadhaarNumber
from kiosk.clock import FakeClock
from kiosk.money import Money
from kiosk.operator import OperatorAuth
from kiosk.payments.operator_2fa import OperatorTwoFactor
from kiosk.payments.port import Outcome, PaymentRequest
from kiosk.store import Store
from tests.kiosk import aeps_bench
from tests.kiosk.aadhaar_field import forwarded
from tests.kiosk.aeps_bench import PAYS, SBI, UID_OF, Bench
from tests.kiosk.test_aadhaar_privacy import leaks, log_file, secrets_from, temp_dir

bench = aeps_bench.bench  # the shared module fixture
__all__ = ["log_file", "temp_dir"]  # fixtures shared with the first privacy test


def lose_pay_answers(path: str, status: int, headers: dict[str, str], body: bytes) -> tuple[int, dict[str, str], bytes]:
    return (503, {"Content-Type": "text/plain"}, b"gone") if path.endswith("/aeps:pay") else (status, headers, body)


def test_aadhaar_pay_and_the_operator_login_leave_no_pid_and_no_full_number_on_disk(
    tmp_path: Path, bench: Bench, clock: FakeClock, log_file: Path, temp_dir: Path
) -> None:
    store = Store.open(tmp_path / "kiosk.db", clock)
    try:
        OperatorAuth(store).add("op-1", "Ramesh Meena", "482913", by="engineer-7")
        gate = OperatorTwoFactor(store, OperatorAuth(store), bench.switch)
        assert gate.login("op-1", "482913", AadhaarNumber.parse(UID_OF["300-once"]), bench.finger()).ok
        rail = bench.rail()
        rail.start(PaymentRequest("TXN-PRIV-1", Money.rupees(350), details=bench.details()))
        assert rail.poll("TXN-PRIV-1").outcome is Outcome.PAID
        bench.proxy.mutate = lose_pay_answers
        try:
            rail.start(PaymentRequest("TXN-PRIV-2", Money.rupees(40), details=bench.details()))
        finally:
            bench.proxy.mutate = None
        assert rail.inquire("TXN-PRIV-2", Money.rupees(40)).outcome is Outcome.PAID
        with store.write("kiosk") as uow:  # what the journey journals: the rail's result, as the port defines it
            uow.journal("payment.aadhaar_pay", "TXN-PRIV-2", {"result": repr(rail.poll("TXN-PRIV-2"))})
        check_nothing_leaked(tmp_path, bench, log_file, temp_dir)  # while the kiosk's WAL is still there
    finally:
        store.close()


def check_nothing_leaked(tmp_path: Path, bench: Bench, log_file: Path, temp_dir: Path) -> None:
    sent = forwarded(bench.proxy, "/aeps:pay") + forwarded(bench.proxy, "/operator:2fa")
    assert {body["uid"] for body in sent} >= {PAYS, UID_OF["300-once"]}
    assert {body.get("iin") for body in sent} >= {SBI}
    needles = [needle for body in sent for needle in secrets_from(body)] + [UID_OF["300-once"].encode()]
    assert f"XXXX-XXXX-{PAYS[-4:]}" in log_file.read_text("utf-8")  # logging really captured the flow
    databases = [tmp_path / "kiosk.db", Path(bench.server_db)]
    on_disk = [*databases, *(d.with_name(d.name + "-wal") for d in databases), log_file]
    on_disk += [p for p in temp_dir.rglob("*") if p.is_file()]
    assert all(p.exists() for p in on_disk)
    assert leaks(on_disk, needles) == []
    assert bench.rows("TXN-PRIV-2")[0][:2] == ("y", "00")
