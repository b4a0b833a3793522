"""An online payment whose outcome is unknown: ask the server by reference with backoff, and print what happens next."""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from kiosk.clock import to_ist
from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.online import AadhaarPayments, Authorised, Declined, PaymentAnswer, Unavailable
from kiosk.receipt import Align, Block, Identity, Line, Pair, Qr, ReceiptLayout, Rule, Size, heading
from kiosk.transactions import PaymentMode, Txn, TxnState

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Backoff:
    """Exponential backoff with full jitter: before ask n, wait uniform(0, min(cap, first * 2**n)) seconds.
    Four asks within ~15 s keep the villager's wait short; what is still unknown goes to the operator."""

    first_s: float = 1.0
    cap_s: float = 8.0
    asks: int = 4

    def delays(self, rng: random.Random) -> list[float]:
        return [rng.uniform(0, min(self.cap_s, self.first_s * 2**n)) for n in range(self.asks)]


@dataclass
class OutcomeInquiry:
    """Asks the server what became of an authorisation (never resends the PID). Runs off the Qt thread: it sleeps."""

    backoff: Backoff = field(default_factory=Backoff)
    sleep: Callable[[float], None] = lambda _s: None
    rng: random.Random = field(default_factory=random.Random)

    def ask(self, payments: AadhaarPayments, txn_id: str, amount: Money) -> PaymentAnswer:
        answer: PaymentAnswer = Unavailable(timed_out=True, detail="not asked yet")
        for delay in self.backoff.delays(self.rng):
            self.sleep(delay)
            answer = payments.payment_status(txn_id, amount)
            if not isinstance(answer, Unavailable):
                return answer
            log.info("payment %s: outcome still unknown (%s)", txn_id, answer.detail[:80])
        return answer


def settle(ledger: Ledger, txn: Txn, answer: PaymentAnswer) -> Txn:
    """Apply the server's answer for an open or unknown online payment; Unavailable changes nothing."""
    if isinstance(answer, Authorised):
        return ledger.pay_other(txn.id, payment_ref=answer.payment_ref)
    if isinstance(answer, Declined):
        return ledger.cancel(txn.id, reason=f"aadhaar payment not authorised ({answer.code})")
    return txn


def reconcile(ledger: Ledger, payments: AadhaarPayments, inquiry: OutcomeInquiry) -> list[Txn]:
    """At start: every Aadhaar payment left open or unknown by a crash may have been debited, so it is asked about
    by reference (never cancelled blind). Returns the ones still unknown, for the operator."""
    open_aadhaar = [t for t in ledger.open_transactions() if t.payment_mode is PaymentMode.AADHAAR]
    for txn in open_aadhaar:
        if txn.state is TxnState.AWAITING_PAYMENT:
            ledger.outcome_unknown(txn.id, reason="interrupted: the kiosk restarted during the payment")
    for txn in ledger.unknown_outcomes():
        settle(ledger, txn, inquiry.ask(payments, txn.id, txn.total_due))
    return ledger.unknown_outcomes()


def build_status_slip(txn: Txn, identity: Identity, *, printed_at: datetime, helpline: str = "181") -> ReceiptLayout:
    """The villager's slip for a payment whose outcome is not known yet: what happens next, Hindi first."""
    when = to_ist(printed_at)
    blocks: tuple[Block, ...] = (
        *heading(identity),
        Rule(),
        Line("भुगतान की स्थिति अज्ञात / Payment status unknown", bold=True, align=Align.CENTER),
        Pair("Date", when.strftime("%d-%m-%Y %H:%M IST")),
        Line(f"Ref {txn.id}", Size.SMALL),
        Line(f"सेवा: {txn.service_name_hi.strip() or 'सेवा'}"),
        Line(f"Service: {txn.service_name_en.strip() or 'Service'}"),
        Line(f"Consumer/Application No. {txn.reference.strip() or '-'}"),
        Pair("राशि / Amount", txn.total_due.format(), bold=True),
        Rule(),
        Line("बैंक से उत्तर समय पर नहीं आया। दोबारा भुगतान न करें।"),
        Line("The bank did not answer in time. Do not pay again."),
        Line("राशि कटी हो तो बिल जमा होगा; न कटी हो तो कुछ नहीं कटेगा।"),
        Line("If money was taken, the bill is paid; if not, nothing is taken."),
        Line("ऑपरेटर 2 कार्य दिवस में इस पर्ची से मिलान करेगा।"),
        Line("The operator settles this slip within 2 working days."),
        Line(f"सहायता / Help: {helpline}"),
        Rule(),
        Qr(txn.id),
    )
    return ReceiptLayout(0, txn.id, txn.id, blocks, meta={"kind": "status_unknown"})
