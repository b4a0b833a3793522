"""Item 5 of issue 15 on the shipped path against the real server: an authorisation that times out is never
cancelled blind; its outcome is asked by the same reference, and one bill is never debited twice."""

from __future__ import annotations

import random
import sqlite3

from kiosk.flows.base import Step
from kiosk.money import Money
from kiosk.online import Authorised, PaymentAnswer, Unavailable
from kiosk.payment_outcome import Backoff, OutcomeInquiry, reconcile
from kiosk.transactions import TxnState
from sync.online_client import HttpOnline
from tests.kiosk import aadhaar_field
from tests.kiosk.aadhaar_field import (
    ANSWER_DELAY_S,
    QUICK,
    FieldKiosk,
    forwarded,
    pay_by_aadhaar,
    status_unreachable,
)

field_kiosk = aadhaar_field.field_kiosk  # the shared fixture


def server_payments(kiosk: FieldKiosk) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(kiosk.server.db)
    try:
        return connection.execute("SELECT txn_ref, amount_paise, ret FROM aadhaar_payments").fetchall()
    finally:
        connection.close()


def journal_actions(kiosk: FieldKiosk, txn_id: str) -> list[str]:
    rows = kiosk.services.store.read("SELECT action FROM journal WHERE subject = ? ORDER BY id", (txn_id,))
    return [str(r["action"]) for r in rows]


def slow_bank(kiosk: FieldKiosk) -> None:
    assert isinstance(kiosk.services.aadhaar, HttpOnline)
    kiosk.services.aadhaar.client.timeout_s = ANSWER_DELAY_S / 4


def test_a_payment_committed_after_the_kiosk_timed_out_is_found_by_reference_and_paid_once(
    field_kiosk: FieldKiosk,
) -> None:
    slow_bank(field_kiosk)
    journey = pay_by_aadhaar(field_kiosk.services)
    assert journey.step is Step.DONE
    txn = field_kiosk.services.ledger.get(journey.payment.txn.id)  # type: ignore[union-attr]
    assert txn.state in (TxnState.COMPLETED, TxnState.RECEIPT_PENDING)
    assert journal_actions(field_kiosk, txn.id)[2:4] == ["txn.status_unknown", "txn.paid"]
    sent = forwarded(field_kiosk.proxy)
    assert [(b["txn_ref"], b["amount_paise"]) for b in sent] == [(txn.id, txn.total_due.paise)]  # one request
    assert forwarded(field_kiosk.proxy, "/aadhaar:status")[0] == {"txn_ref": txn.id, "amount_paise": 35_000}
    assert server_payments(field_kiosk) == [(txn.id, 35_000, "y")]


def test_an_outcome_still_unknown_stays_for_reconciliation_with_a_slip_and_settles_after_a_restart(
    field_kiosk: FieldKiosk,
) -> None:
    slow_bank(field_kiosk)
    field_kiosk.proxy.mutate = status_unreachable
    journey = pay_by_aadhaar(field_kiosk.services)
    assert (journey.step, journey.view().printed) == (Step.STATUS_UNKNOWN, True)  # the slip came out
    txn_id = journey.payment.txn.id  # type: ignore[union-attr]
    assert journey.finish() is True
    ledger = field_kiosk.services.ledger
    assert [t.id for t in ledger.unknown_outcomes()] == [txn_id]  # not cancelled: visible to the operator
    assert "status_slip.printed" in journal_actions(field_kiosk, txn_id)

    field_kiosk.proxy.mutate = None
    services = field_kiosk.restart()
    assert isinstance(services.aadhaar, HttpOnline)
    assert reconcile(services.ledger, services.aadhaar, QUICK) == []
    assert services.ledger.get(txn_id).state is TxnState.PAID
    assert server_payments(field_kiosk) == [(txn_id, 35_000, "y")]
    assert len(forwarded(field_kiosk.proxy)) == 1  # the PID went once; the restart only asked by reference


class SilentBank:
    """Answers the status inquiry only from the `answer_on`-th ask (a bank slow to come back)."""

    def __init__(self, answer_on: int) -> None:
        self.answer_on, self.asked = answer_on, 0

    def payment_status(self, txn_id: str, amount: Money) -> PaymentAnswer:
        self.asked += 1
        return Authorised("AEPS1") if self.asked >= self.answer_on else Unavailable(timed_out=True)


def test_the_outcome_is_asked_with_exponential_backoff_and_full_jitter_then_left_unknown() -> None:
    slept: list[float] = []
    inquiry = OutcomeInquiry(Backoff(first_s=1.0, cap_s=4.0, asks=4), sleep=slept.append, rng=random.Random(3))
    bank = SilentBank(answer_on=99)
    answer = inquiry.ask(bank, "TXN", Money.rupees(350))  # type: ignore[arg-type]
    assert isinstance(answer, Unavailable)
    assert bank.asked == 4
    assert all(0 <= d <= cap for d, cap in zip(slept, (1, 2, 4, 4), strict=True)), slept
    assert len(set(slept)) == 4  # jittered: kiosks that lost the link together do not ask together

    slept.clear()
    early = SilentBank(answer_on=2)
    assert inquiry.ask(early, "TXN", Money.rupees(350)) == Authorised("AEPS1")  # type: ignore[arg-type]
    assert (early.asked, len(slept)) == (2, 2)  # stops asking at the first answer
