"""A bill payment through Bharat BillPay: fetch via the BBPOU, the biller's exactness on the amount step, the
convenience fee before paying, and the payment posted to the BBPOU (durably) once the money is committed."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from kiosk.bbps import (
    MAX_BBPS_AMOUNT,
    AmountRange,
    BbpsError,
    Biller,
    Confirmation,
    FetchedBill,
    FetchRequirement,
    PaymentOrder,
    PaymentRefused,
    Quote,
    allowed_amounts,
    quote,
)
from kiosk.bbps_store import BbpsRecords
from kiosk.catalogue import FlowKind, OfflinePolicy, Service
from kiosk.flows.base import PaymentStage, Phase, Problem, Step
from kiosk.flows.journey import Journey
from kiosk.money import Money
from kiosk.online import Bill, NotFound, Unavailable
from kiosk.transactions import PaymentMode, Txn

log = logging.getLogger(__name__)


class Bbpou(Protocol):
    """The BBPOU as a journey needs it (sync/bbps_client.HttpBbps over HTTP)."""

    def billers(self) -> Mapping[str, Biller] | Unavailable: ...

    def fetch(self, biller: Biller, params: Mapping[str, str]) -> FetchedBill | NotFound | Unavailable: ...

    def pay(self, order: PaymentOrder) -> Confirmation | PaymentRefused | Unavailable: ...


@dataclass(frozen=True, slots=True)
class BbpsView:
    """The BBPS parts of the screen, beside the journey's own view (already formatted)."""

    biller_name: str = ""
    bill_amount: str = ""  # the bill as fetched
    amount: str = ""  # what the villager pays the biller (bill, or their choice within the rule)
    fee: str = ""  # convenience fee, shown BEFORE paying
    total: str = ""
    low: str = ""  # the amount step's range ("" when the amount is fixed)
    high: str = ""
    exactness: str = ""
    bill_date: str = ""
    approval_ref: str = ""  # the BBPS transaction reference once confirmed
    confirmation: str = ""  # "" | "confirmed" | "pending" | "refused"


class BbpsPaymentStage(PaymentStage):
    """Orders the BBPS payment in the database before the transaction may take any money."""

    pending_order: tuple[Biller, dict[str, str], FetchedBill | None, Quote] | None = None

    def open(self, reference: str, amount_due: Money, fee: Money, mode: PaymentMode) -> Txn:
        if self.pending_order is None:  # not through BBPS (the provisional offline path): a plain payment
            return super().open(reference, amount_due, fee, mode)
        biller, params, bill, chosen = self.pending_order
        self.txn = self.ledger.create(service_id=self.service.id, service_name_hi=self.service.name_hi,
                                      service_name_en=self.service.name_en, reference=reference,
                                      amount_due=chosen.amount, fee=chosen.fee)  # fmt: skip
        BbpsRecords(self.ledger.store).order(self.txn.id, biller_id=biller.biller_id, biller_name=biller.name_en,
                                             params=params, bill=bill, quote=chosen, mode=mode)  # fmt: skip
        self.txn = self.ledger.await_payment(self.txn.id, mode)
        if mode is PaymentMode.CASH:
            self.notes = self.devices.desk.begin(self.txn.id)
        return self.txn


class BbpsJourney(Journey):
    """A bill payment whose biller the BBPOU knows; any other service behaves as a plain Journey."""

    def __init__(self, service: Service, *, bbpou: Bbpou, **kwargs: Any) -> None:
        super().__init__(service, **kwargs)
        if service.flow is not FlowKind.BILL_PAYMENT:
            raise ValueError(f"service {service.id} is not a bill payment")
        self.bbpou = bbpou
        self.bbps_payment = BbpsPaymentStage(self.payment.ledger, self.payment.devices, self.payment.aadhaar,
                                             service, self.payment.inquiry)  # fmt: skip
        self.payment = self.bbps_payment
        self.biller: Biller | None = None
        self.fetched: FetchedBill | None = None
        self.quoted: Quote | None = None
        self.confirmation = ""

    # -- fetch ---------------------------------------------------------------------------------------
    def _lookup_bill(self) -> None:
        billers = self.bbpou.billers()
        if isinstance(billers, Unavailable):
            self._fail_lookup(billers)
            return
        self.biller = billers.get(self.service.biller)
        if self.biller is None:  # not a BBPS biller: the central server's own lookup
            super()._lookup_bill()
            return
        try:
            params = self.biller.check_params({self.biller.params[0].name: self.entry.value})
        except BbpsError as exc:
            log.info("BBPS: %s", exc)
            self._fail(Problem.NOT_FOUND)
            return
        if self.biller.fetch is FetchRequirement.NOT_SUPPORTED:
            self._ask_amount()
            return
        answer = self.bbpou.fetch(self.biller, params)
        if isinstance(answer, FetchedBill):
            self._bill_fetched(answer)
        elif isinstance(answer, Unavailable) and self.service.offline is OfflinePolicy.PROVISIONAL:
            # No bill from BBPS: the catalogue's own offline path (an e-Mitra provisional receipt, not a BBPS payment:
            # the BBPOU would refuse a payment without a fetched bill for this biller).
            self.biller = None
            super()._lookup_bill()
        else:
            self._fail_lookup(answer)

    def _bill_fetched(self, bill: FetchedBill) -> None:
        assert self.biller is not None
        if bill.amount.paise <= 0:
            self._fail(Problem.NOTHING_DUE)
            return
        self.fetched = bill
        self.bill = Bill(self.entry.value, bill.customer_name, bill.amount, bill.due_date, bill.bill_number)
        try:
            allowed = allowed_amounts(self.biller.exactness, bill.amount, ceiling=self._ceiling())
        except BbpsError as exc:
            log.info("BBPS: %s", exc)
            self._fail(Problem.AMOUNT)
            return
        self._choose(bill.amount) if allowed.fixed else self._ask_amount()

    def _ask_amount(self) -> None:
        self.problem = None
        self.amount_entry.value = ""
        self.step = Step.ENTER_AMOUNT

    def _ceiling(self) -> Money:
        return min(self.max_cash, MAX_BBPS_AMOUNT)

    # -- amount and fee --------------------------------------------------------------------------------
    def _submit_amount(self) -> bool:
        if self.biller is None:
            return super()._submit_amount()
        digits = self.amount_entry.value
        amount = Money.rupees(int(digits)) if digits else (self.fetched.amount if self.fetched else Money(0))
        return self._choose(amount)

    def _choose(self, amount: Money) -> bool:
        """The amount the villager pays the biller, checked against the biller's exactness; fee added."""
        assert self.biller is not None
        due = self.fetched.amount if self.fetched else None
        try:
            self.quoted = quote(self.biller, due, amount) if amount <= self._ceiling() else None
        except BbpsError as exc:
            log.info("BBPS: %s", exc)
            self.quoted = None
        if self.quoted is None:
            self.problem = Problem.AMOUNT
            return False
        params = {self.biller.params[0].name: self.entry.value}
        self.bbps_payment.pending_order = (self.biller, params, self.fetched, self.quoted)
        self.problem = None
        self.step = Step.CHOOSE_PAYMENT
        return True

    def _amounts(self) -> tuple[Money, Money]:
        if self.quoted is not None:
            return self.quoted.amount, self.quoted.fee
        return super()._amounts()

    def range(self) -> AmountRange | None:
        if self.biller is None:
            return None
        return allowed_amounts(self.biller.exactness, self.fetched.amount if self.fetched else None,
                               ceiling=self._ceiling())  # fmt: skip

    # -- after the money: post to the BBPOU, then print ----------------------------------------------------
    def _print(self) -> None:
        txn = self.payment.txn
        if self.quoted is not None and txn is not None:
            self.phase = Phase.PRINT
            records = BbpsRecords(self.payment.ledger.store)
            # One try now; if it fails the record stays `to_post` and the agent retries with backoff. The receipt
            # says honestly that the biller's confirmation is pending.
            records.post(self.bbpou, self.payment.ledger.store.clock.now(), txn_id=txn.id)
            facts = records.facts(txn.id)
            if facts is not None:
                self.confirmation = "confirmed" if facts.txn_ref_id else "refused" if facts.refused else "pending"
        super()._print()

    def bbps_view(self) -> BbpsView:
        if self.biller is None:
            return BbpsView()
        allowed = self.range() if self.step is Step.ENTER_AMOUNT else None
        txn = self.payment.txn
        facts = BbpsRecords(self.payment.ledger.store).facts(txn.id) if txn is not None else None
        return BbpsView(
            biller_name=self.biller.name_hi,
            bill_amount=self.fetched.amount.format() if self.fetched else "",
            amount=self.quoted.amount.format() if self.quoted else "",
            fee=self.quoted.fee.format() if self.quoted else "",
            total=self.quoted.total.format() if self.quoted else "",
            low=allowed.low.format() if allowed and not allowed.fixed else "",
            high=allowed.high.format() if allowed and not allowed.fixed else "",
            exactness=self.biller.exactness.value,
            bill_date=f"{self.fetched.bill_date:%d-%m-%Y}" if self.fetched else "",
            approval_ref=(facts.txn_ref_id or "") if facts else "",
            confirmation=self.confirmation,
        )
