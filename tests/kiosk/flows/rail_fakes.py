"""A payment rail in memory behind the port: a PSP that keeps what it took per transaction, and answers as told."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from kiosk.clock import Clock
from kiosk.money import Money
from kiosk.payments.port import Outcome, PaymentRequest, Rail, RailResult, Started


@dataclass
class MemoryRail:
    """`taken` is the rail's own truth (txn id → reference): what the property tests compare the ledger with.
    `poll_says`/`inquire_says` override the truthful answer for one call each (a lost or wrong-timed answer)."""

    clock: Clock
    rail: Rail = Rail.UPI
    up: bool = True
    ttl: timedelta = timedelta(seconds=120)
    taken: dict[str, str] = field(default_factory=dict)
    amounts: dict[str, Money] = field(default_factory=dict)
    closed: set[str] = field(default_factory=set)
    attempts: dict[str, int] = field(default_factory=dict)
    expires: dict[str, datetime] = field(default_factory=dict)
    declined: set[str] = field(default_factory=set)
    poll_says: list[RailResult] = field(default_factory=list)
    inquire_says: list[RailResult] = field(default_factory=list)
    cancel_says: list[RailResult] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)

    def available(self) -> bool:
        return self.up

    def start(self, request: PaymentRequest) -> Started:
        self.calls.append(f"start {request.attempt}")
        self.attempts[request.txn_id] = request.attempt
        self.amounts[request.txn_id] = request.amount
        self.closed.discard(request.txn_id)
        self.declined.discard(request.txn_id)
        self.expires[request.txn_id] = self.clock.now() + self.ttl
        tr = f"{request.txn_id[:8]}-{request.attempt}"
        qr = f"upi://pay?pa=emitra@psp&pn=eMitra&am={request.amount.paise / 100:.2f}&tr={tr}&cu=INR"
        return Started(request.txn_id, request.amount, self.expires[request.txn_id], qr_text=qr)

    # -- the payer's side ----------------------------------------------------------------------
    def pay(self, txn_id: str) -> bool:
        """The villager's app pays: accepted only while the offer is open, once."""
        if txn_id in self.closed or txn_id in self.taken or txn_id not in self.attempts:
            return False
        if self.clock.now() >= self.expires[txn_id]:
            return False
        self.taken[txn_id] = f"UTR{len(self.taken) + 1:09d}"
        return True

    def decline(self, txn_id: str) -> None:
        self.declined.add(txn_id)

    # -- the port ------------------------------------------------------------------------------
    def _truth(self, txn_id: str) -> RailResult:
        if txn_id in self.taken:
            return RailResult(Outcome.PAID, self.taken[txn_id])
        if txn_id in self.declined:
            return RailResult(Outcome.DECLINED, code="U30")
        if txn_id in self.closed or (txn_id in self.expires and self.clock.now() >= self.expires[txn_id]):
            return RailResult(Outcome.EXPIRED)
        return RailResult(Outcome.PENDING)

    def poll(self, txn_id: str) -> RailResult:
        self.calls.append("poll")
        return self.poll_says.pop(0) if self.poll_says else self._truth(txn_id)

    def cancel(self, txn_id: str) -> RailResult:
        self.calls.append("cancel")
        if self.cancel_says:
            return self.cancel_says.pop(0)
        if txn_id not in self.taken:
            self.closed.add(txn_id)
        return self._truth(txn_id)

    def inquire(self, txn_id: str, amount: Money) -> RailResult:
        self.calls.append("inquire")
        if self.inquire_says:
            return self.inquire_says.pop(0)
        if txn_id not in self.taken:
            self.closed.add(txn_id)  # a status query at the deadline closes the offer: a late pay is refused
        return self._truth(txn_id)
