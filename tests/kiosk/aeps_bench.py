"""The Aadhaar Pay test bench: the real reference server process behind the fault proxy, the RD service emulator for
real PidData captures, and the kiosk's rail built on the HTTP adapter."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from drivers.biometric.rdservice.driver import RdServiceReader
from drivers.biometric.rdservice.emulator import RdServiceEmulator
from kiosk.aadhaar import AadhaarNumber
from kiosk.clock import FakeClock, SystemClock
from kiosk.devices.biometric import CaptureOk, CaptureRequest, PidBlock
from kiosk.devices.locator import Fix
from kiosk.payments.aadhaar_pay import AadhaarPay, AadhaarPayDetails
from kiosk.payments.banks import BankDirectory
from server.aeps import TEST_UIDS
from sync.aeps_client import HttpAeps
from sync.client import Client
from tests.fakes.devices import demo_aadhaar
from tests.server.conftest import enrol_key
from tests.sync.faultproxy import FaultProxy
from tests.sync.harness import ServerProcess

SBI = "607094"
PAYS = demo_aadhaar()  # any number that is not a test number: the bank debits
UID_OF = {rule: uid for uid, rule in TEST_UIDS.items()}
JAIPUR = Fix(26.9124, 75.7873, 8.0, "gps", datetime(2026, 12, 6, 4, 0, tzinfo=UTC))


class Open:
    """The 2FA gate held open (its own behaviour is tested in test_operator_2fa)."""

    def done_today(self) -> bool:
        return True


@dataclass
class Bench:
    server: ServerProcess
    proxy: FaultProxy
    switch: HttpAeps
    banks: BankDirectory
    reader: RdServiceReader
    server_db: str

    def rail(self) -> AadhaarPay:
        return AadhaarPay(self.switch, self.banks, Open())

    def finger(self) -> PidBlock:
        captured = self.reader.capture(CaptureRequest())
        assert isinstance(captured, CaptureOk), captured
        return captured.pid

    def details(self, uid: str = PAYS, iin: str = SBI) -> AadhaarPayDetails:
        return AadhaarPayDetails(iin, AadhaarNumber.parse(uid), self.finger(), JAIPUR)

    def rows(self, txn_ref: str) -> list[tuple[object, ...]]:
        """What the switch recorded for a reference (its real SQLite file)."""
        with contextlib.closing(sqlite3.connect(self.server_db)) as conn:
            return conn.execute(
                "SELECT p.ret, a.bank_code, a.rrn, a.attempt, a.iin, a.latitude, a.longitude FROM aadhaar_payments p"
                " JOIN aeps_payments a USING (kiosk_id, txn_ref) WHERE p.txn_ref = ?",
                (txn_ref,),
            ).fetchall()


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bench]:
    folder = tmp_path_factory.mktemp("aeps")
    server = ServerProcess(str(folder / "server.db"), folder / "server.log").start()
    proxy = FaultProxy(server.port).start()
    device = RdServiceEmulator(FakeClock()).start()
    try:
        kiosk = enrol_key(server, "RJ-JP-AEPS-0001")
        # Signed requests carry the real time: the server checks their freshness against its own clock.
        client = Client(proxy.url, kiosk.key, kiosk.kiosk_id, SystemClock(), timeout_s=5.0)
        switch = HttpAeps(client)
        banks = BankDirectory(switch)
        assert banks.refresh()
        reader = RdServiceReader(FakeClock(), ports=(device.port,), try_https=False)
        yield Bench(server, proxy, switch, banks, reader, server_db=str(folder / "server.db"))
    finally:
        device.stop()
        proxy.stop()
        server.stop()
