"""The UPI rail end to end: kiosk rail → signed HTTP → the real kiosk-server process → the PSP emulator over HTTP,
whose signed callbacks come back to the server. Lost, duplicate and late callbacks, the pay-vs-timeout race, a PSP
that is down and a server restart."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
import requests

from kiosk.clock import FakeClock, SystemClock
from kiosk.flows.rail_payment import RailPayment, RailState
from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.payments.port import Outcome, PaymentRequest
from kiosk.payments.upi import Payee, Unreachable, UpiRail, parse_upi_link
from kiosk.transactions import PaymentMode, TxnState
from server.upi_psp import PspEmulator
from sync.client import Client
from sync.protocol.upi import SIGNATURE_HEADER, psp_signature
from sync.upi_client import HttpUpiGateway
from tests.server.conftest import Kiosk, enrol_key
from tests.sync.harness import ServerProcess, wait_until

SECRET = b"psp-webhook-secret-for-tests"
PAYEE = Payee("emitra.chaksu@psp", "e-Mitra Chaksu")


@dataclass
class Rig:
    psp: PspEmulator
    server: ServerProcess
    rail: UpiRail
    gateway: HttpUpiGateway
    kiosk: Kiosk

    def tr_of(self, txn_id: str) -> str:
        return self.rail.offers[txn_id].tr

    def callback(self, body: dict[str, object], secret: bytes = SECRET) -> requests.Response:
        raw = json.dumps(body).encode()
        headers = {"Content-Type": "application/json", SIGNATURE_HEADER: psp_signature(secret, raw)}
        return requests.post(self.server.url + "/api/v1/upi:callback", data=raw, headers=headers, timeout=10)


def make_rig(folder: Path, ttl_s: float = 60.0) -> Iterator[Rig]:
    psp = PspEmulator(SECRET)
    psp.start()
    secret = folder / "psp.secret"
    secret.write_bytes(SECRET)
    server = ServerProcess(str(folder / "server.db"), folder / "server.log", "--upi-psp", psp.url,
                           "--upi-secret-file", str(secret), "--upi-qr-ttl-s", str(ttl_s)).start()  # fmt: skip
    kiosk = enrol_key(server, "RJ-JP-UPI-0001")
    gateway = HttpUpiGateway(Client(server.url, kiosk.key, kiosk.kiosk_id, SystemClock(), timeout_s=5.0))
    yield Rig(psp, server, UpiRail(gateway, PAYEE, SystemClock()), gateway, kiosk)
    server.stop()
    psp.stop()


@pytest.fixture(scope="module")
def rig(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rig]:
    yield from make_rig(tmp_path_factory.mktemp("upi"))


def offer(rig: Rig, txn_id: str, paise: int = 35_000, attempt: int = 1) -> str:
    started = rig.rail.start(PaymentRequest(txn_id, Money(paise), attempt))
    fields = parse_upi_link(started.qr_text)
    assert (fields["pa"], fields["am"], fields["cu"]) == (PAYEE.vpa, f"{paise // 100}.{paise % 100:02d}", "INR")
    assert fields["tr"] == rig.tr_of(txn_id)
    return fields["tr"]


def test_a_qr_paid_at_the_psp_reaches_the_kiosk_through_the_servers_callback(rig: Rig) -> None:
    tr = offer(rig, "txn-paid-1")
    assert rig.rail.poll("txn-paid-1").outcome is Outcome.PENDING
    assert rig.psp.pay(tr)
    wait_until(lambda: rig.rail.poll("txn-paid-1").outcome is Outcome.PAID, 10, "the callback to mark it paid")
    result = rig.rail.poll("txn-paid-1")
    assert result.reference == rig.psp.qrs[tr].utr
    assert rig.psp.pay(tr) is False, "a dynamic QR is single use"


def test_a_repeated_create_finds_the_same_qr_and_a_new_attempt_gets_a_new_one(rig: Rig) -> None:
    first = offer(rig, "txn-again")
    assert offer(rig, "txn-again") == first
    assert offer(rig, "txn-again", attempt=2) != first


def test_duplicate_callbacks_change_nothing_after_the_first(rig: Rig) -> None:
    tr = offer(rig, "txn-dup")
    rig.psp.pay(tr, callbacks=2)
    wait_until(lambda: rig.psp.callbacks_sent >= 2, 10, "both callbacks")
    qr = rig.psp.qrs[tr]
    again = {"tr": tr, "status": "SUCCESS", "amount_paise": 35_000, "utr": qr.utr}
    assert rig.callback(again).json() == {"result": "duplicate"}
    assert rig.rail.poll("txn-dup").reference == qr.utr


def test_a_callback_with_a_bad_signature_or_wrong_amount_pays_nothing(rig: Rig) -> None:
    tr = offer(rig, "txn-forged")
    forged = {"tr": tr, "status": "SUCCESS", "amount_paise": 35_000, "utr": "999999999999"}
    assert rig.callback(forged, secret=b"guessed").status_code == 401
    assert rig.callback({**forged, "amount_paise": 100}).status_code == 422
    assert rig.rail.poll("txn-forged").outcome is Outcome.PENDING


def test_a_lost_callback_is_found_by_the_status_query_at_the_deadline(rig: Rig) -> None:
    tr = offer(rig, "txn-lost")
    rig.psp.pay(tr, callbacks=0)
    assert rig.rail.poll("txn-lost").outcome is Outcome.PENDING  # the server has not heard
    result = rig.rail.inquire("txn-lost", Money(35_000))
    assert (result.outcome, result.reference) == (Outcome.PAID, rig.psp.qrs[tr].utr)


def test_cancel_before_payment_closes_the_qr_and_after_payment_is_paid(rig: Rig) -> None:
    tr = offer(rig, "txn-cancel")
    assert rig.rail.cancel("txn-cancel").outcome is Outcome.EXPIRED
    assert rig.psp.pay(tr) is False, "a closed QR cannot be paid"
    tr2 = offer(rig, "txn-cancel-late")
    rig.psp.pay(tr2, callbacks=0)  # paid a moment before the villager pressed Cancel
    assert rig.rail.cancel("txn-cancel-late").outcome is Outcome.PAID


def test_pay_vs_timeout_race_money_in_the_last_second_is_committed_once(rig: Rig, ledger: Ledger) -> None:
    """The payer pays just before the kiosk's deadline; the callback is slow. At the deadline the kiosk asks; the
    server closes the QR at the PSP, which says it was paid. The late callback then changes nothing."""
    clock = FakeClock(SystemClock().now())
    txn = ledger.create(service_id="jvvnl-bill", service_name_hi="बिल", service_name_en="Bill", reference="1",
                        amount_due=Money(35_000))  # fmt: skip
    txn = ledger.await_payment(txn.id, PaymentMode.UPI)
    payment = RailPayment(ledger, rig.rail, clock, txn)
    payment.start()
    assert payment.poll() is RailState.WAITING
    rig.psp.pay(rig.tr_of(txn.id), callbacks=1, delay_s=1.5)
    assert payment.deadline is not None
    clock.set(payment.deadline)  # the QR's expiry and the grace have passed: this poll is the status query
    assert payment.poll() is RailState.PAID
    sent = rig.psp.callbacks_sent
    wait_until(lambda: rig.psp.callbacks_sent > sent, 10, "the late callback")
    assert payment.poll() is RailState.PAID
    rows = ledger.store.read("SELECT payload FROM outbox WHERE kind = 'txn.paid'")
    assert len(rows) == 1
    assert ledger.get(txn.id).state is TxnState.PAID


def test_the_other_side_of_the_race_a_qr_asked_about_at_the_deadline_cannot_be_paid_after(rig: Rig) -> None:
    tr = offer(rig, "txn-too-late")
    assert rig.rail.inquire("txn-too-late", Money(35_000)).outcome is Outcome.EXPIRED
    assert rig.psp.pay(tr) is False


def test_a_psp_that_is_down_makes_no_qr_and_hides_upi(rig: Rig) -> None:
    rig.psp.down = True
    try:
        with pytest.raises(Unreachable):
            rig.rail.start(PaymentRequest("txn-psp-down", Money(35_000)))
        assert rig.rail.available() is False
    finally:
        rig.psp.down = False
        rig.rail.down_until = None


def test_an_inquiry_while_the_psp_is_down_is_unknown_never_expired(rig: Rig) -> None:
    offer(rig, "txn-psp-out")
    rig.psp.down = True
    try:
        assert rig.rail.inquire("txn-psp-out", Money(35_000)).outcome is Outcome.UNKNOWN
    finally:
        rig.psp.down = False
        rig.rail.down_until = None


def test_a_payment_made_while_the_server_was_down_is_recovered_after_restart(tmp_path: Path) -> None:
    for rig in make_rig(tmp_path, ttl_s=600):
        tr = offer(rig, "txn-restart")
        rig.server.kill()
        rig.psp.pay(tr)  # the callback finds nobody
        wait_until(lambda r=rig: r.psp.callbacks_sent >= 1, 10, "the callback attempt")  # type: ignore[misc]
        assert rig.rail.poll("txn-restart").outcome is Outcome.UNKNOWN
        rig.server.start()
        assert rig.rail.poll("txn-restart").outcome is Outcome.PENDING  # the server never heard the callback
        result = rig.rail.inquire("txn-restart", Money(35_000))
        assert (result.outcome, result.reference) == (Outcome.PAID, rig.psp.qrs[tr].utr)


def test_expiry_shown_is_the_servers_and_in_the_future(rig: Rig) -> None:
    started = rig.rail.start(PaymentRequest("txn-expiry", Money(12_345)))
    assert started.expires_at is not None
    assert timedelta(seconds=50) < started.expires_at - SystemClock().now() <= timedelta(seconds=60)
