"""Cash payments: the one place where the acceptor's events become ledger entries, whatever the wire protocol."""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.devices.cash import (
    AcceptorDisconnected,
    CashAcceptor,
    CashEvent,
    ClearedAtPowerUp,
    FraudAttempt,
    Jammed,
    LastNoteReport,
    NoteCredited,
    NoteEscrowed,
    NoteRejected,
    NoteReturned,
    StackerFull,
)
from kiosk.ledger import Ledger, LedgerError
from kiosk.money import INR_NOTES, Money
from kiosk.transactions import Txn, TxnState

log = logging.getLogger(__name__)


class CashPaymentError(RuntimeError):
    pass


@dataclass(frozen=True, slots=True)
class CashUpdate:
    """What the screen shows after each event: never computed in the UI."""

    txn: Txn | None
    accepting: frozenset[Money]
    event: CashEvent
    credited: Money | None = None
    problem: str = ""


UpdateListener = Callable[[CashUpdate], None]


def acceptable_notes(denominations: tuple[Money, ...], remaining: Money, tolerance: Money) -> frozenset[Money]:
    """Notes that do not overshoot what is still due by more than the tolerance."""
    if remaining.paise <= 0:
        return frozenset()
    return frozenset(note for note in denominations if note <= remaining + tolerance)


class CashDesk:
    """Opens and closes cash payments on the acceptor and credits what it stacks. Events arrive on the driver's
    thread; every ledger write is its own SQLite transaction, committed before anyone is told."""

    def __init__(
        self,
        ledger: Ledger,
        acceptor: CashAcceptor,
        *,
        tolerance: Money = Money(0),
        on_update: UpdateListener | None = None,
    ) -> None:
        self.ledger = ledger
        self.store = ledger.store
        self.acceptor = acceptor
        self.tolerance = tolerance
        self.on_update = on_update
        self._lock = threading.RLock()

    def attach(self) -> None:
        """Start the driver with this desk listening. The acceptor stays disabled until a payment begins."""
        self.acceptor.disable()
        self.acceptor.start(self.handle)

    # -- the flow's intents ---------------------------------------------------------------------------
    def begin(self, txn_id: str) -> frozenset[Money]:
        """Record the session first, then let the acceptor take the notes that fit."""
        with self._lock:
            open_session = self.open_session()
            if open_session is not None and open_session != txn_id:
                raise CashPaymentError(f"another cash payment ({open_session}) is still open")
            txn = self.ledger.get(txn_id)
            if txn.state is not TxnState.AWAITING_PAYMENT:
                raise CashPaymentError(f"transaction {txn_id} is not waiting for payment")
            if open_session is None:
                with self.store.write("cash") as uow:
                    uow.execute("INSERT INTO cash_sessions (txn_id, opened_at) VALUES (?, ?)", (txn_id, uow.now))
            accepting = acceptable_notes(self._notes(), txn.remaining, self.tolerance)
            self.acceptor.enable(accepting)
            return accepting

    def _notes(self) -> tuple[Money, ...]:
        # Before the driver has read the device's channel table, ask for every note in circulation; the driver
        # maps the wish onto whatever channels the device turns out to have.
        return self.acceptor.denominations() or INR_NOTES

    def end(self, *, reason: str) -> Txn | None:
        """Stop taking notes. Anything paid towards an unfinished bill becomes a change-due voucher."""
        with self._lock:
            self.acceptor.disable()
            txn_id = self.open_session()
            if txn_id is None:
                return None
            self._close_session(reason)
            txn = self.ledger.get(txn_id)
            if txn.state is TxnState.AWAITING_PAYMENT:
                if txn.amount_paid.paise > 0:
                    return self.ledger.abandon(txn_id, reason=reason).txn
                return self.ledger.cancel(txn_id, reason=reason)
            return txn

    def open_session(self) -> str | None:
        row = self.store.read_one("SELECT txn_id FROM cash_sessions WHERE closed_at IS NULL ORDER BY id DESC LIMIT 1")
        return None if row is None else str(row["txn_id"])

    # -- the acceptor's events ------------------------------------------------------------------------
    def handle(self, event: CashEvent) -> None:
        with self._lock:
            update = self._handle(event)
        if self.on_update is not None:
            self.on_update(update)

    def _handle(self, event: CashEvent) -> CashUpdate:
        if isinstance(event, NoteEscrowed):
            self._hold_record(event.channel, event.denomination)
        elif isinstance(event, NoteCredited):
            return self._credit(event.denomination, event.channel, event.event_id, event)
        elif isinstance(event, ClearedAtPowerUp) and event.into_cashbox:
            if event.denomination is None:
                self._alert("cash.unknown_note_in_box", {"channel": event.channel})
                return CashUpdate(None, frozenset(), event, problem="unknown note in cash box")
            # The note went in while the power was off: it belongs to the session that was open then.
            return self._credit(event.denomination, event.channel, f"powerup-{uuid.uuid4().hex}", event)
        elif isinstance(event, NoteReturned | NoteRejected | FraudAttempt | ClearedAtPowerUp):
            self._settle_escrow("returned")
        elif isinstance(event, LastNoteReport):
            held = self._escrow_row()
            if held is not None and event.accepted:
                ref, channel, paise = held
                return self._credit(Money(paise), channel, ref, event)
            self._settle_escrow("returned")
        txn_id = self.open_session()
        txn = self.ledger.get(txn_id) if txn_id else None
        problem = ""
        if isinstance(event, Jammed | StackerFull | AcceptorDisconnected):
            problem = type(event).__name__
        return CashUpdate(txn, frozenset(), event, problem=problem)

    def _hold_record(self, channel: int, denomination: Money) -> None:
        """Written on the driver's thread before it lets the device stack the note."""
        txn_id = self.open_session()
        if txn_id is None:
            return
        with self.store.write("cash") as uow:
            uow.execute("UPDATE escrow_notes SET state = 'returned' WHERE state = 'escrow'")
            uow.execute(
                "INSERT INTO escrow_notes (txn_id, channel, denomination, ref, state, at)"
                " VALUES (?, ?, ?, ?, 'escrow', ?)",
                (txn_id, channel, denomination.paise, f"escrow-{uuid.uuid4().hex}", uow.now),
            )

    def _escrow_row(self, channel: int | None = None) -> tuple[str, int, int] | None:
        row = self.store.read_one(
            "SELECT ref, channel, denomination FROM escrow_notes WHERE state = 'escrow' ORDER BY id DESC LIMIT 1"
        )
        if row is None or (channel is not None and row["channel"] != channel):
            return None
        return str(row["ref"]), int(row["channel"]), int(row["denomination"])

    def _settle_escrow(self, state: str) -> None:
        with self.store.write("cash") as uow:
            uow.execute("UPDATE escrow_notes SET state = ? WHERE state = 'escrow'", (state,))

    def _credit(self, denomination: Money, channel: int | None, ref: str, event: CashEvent) -> CashUpdate:
        held = self._escrow_row(channel)
        if held is not None:
            ref = held[0]  # the same ref whether the device reports the credit or a restart has to ask
        update = self._credit_ref(denomination, channel, ref, event)
        if held is not None:
            self._settle_escrow("credited")
        return update

    def _credit_ref(self, denomination: Money, channel: int | None, ref: str, event: CashEvent) -> CashUpdate:
        txn_id = self.open_session()
        if txn_id is None:
            self.ledger.record_suspense(denomination, channel=channel, reason="no payment open", device_ref=ref)
            return CashUpdate(None, frozenset(), event, credited=denomination, problem="note without a payment")
        try:
            credit = self.ledger.credit_cash(txn_id, denomination, channel=channel, device_ref=ref)
        except LedgerError:
            self.ledger.record_suspense(
                denomination, channel=channel, reason=f"payment {txn_id} closed", device_ref=ref
            )
            self._close_session("payment no longer open")
            self.acceptor.disable()
            return CashUpdate(None, frozenset(), event, credited=denomination, problem="note without a payment")
        txn = credit.txn
        if txn.state is TxnState.AWAITING_PAYMENT:
            accepting = acceptable_notes(self._notes(), txn.remaining, self.tolerance)
            self.acceptor.enable(accepting)
        else:
            accepting = frozenset()
            self.acceptor.disable()
            self._close_session("paid")
        return CashUpdate(txn, accepting, event, credited=denomination)

    def _close_session(self, reason: str) -> None:
        with self.store.write("cash") as uow:
            uow.execute(
                "UPDATE cash_sessions SET closed_at = ?, close_reason = ? WHERE closed_at IS NULL", (uow.now, reason)
            )

    def _alert(self, action: str, details: dict[str, object]) -> None:
        with self.store.write("cash") as uow:
            uow.record(action, "cashbox", details)
