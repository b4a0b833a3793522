"""Cash payments: the one place where the acceptor's events become ledger entries, whatever the wire protocol."""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.cash_recovery import Settlement, settle_open_payments
from kiosk.cashbox import CashBoxLog
from kiosk.devices.cash import (
    AcceptorDisconnected,
    CashAcceptor,
    CashBoxRemoved,
    CashEvent,
    ClearedAtPowerUp,
    FraudAttempt,
    Jammed,
    NoteCredited,
    NoteEscrowed,
    NoteRejected,
    NoteReturned,
    StackedCount,
    StackerFull,
)
from kiosk.ledger import Ledger, LedgerError
from kiosk.money import INR_NOTES, Money
from kiosk.transactions import Txn, TxnState

log = logging.getLogger(__name__)

COUNT_KEY = "acceptor_stacked_count"  # the device's stacked counter after the last note we recorded
INTERRUPTED = "interrupted: the kiosk restarted"
CANNOT_RECORD = "the kiosk cannot record notes"  # the store refused a write: cash stops until it is repaired
SETTLE_WAIT_S = 5.0  # how long a start waits for the acceptor's word on a note that was in escrow at the crash


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
    voucher_no: int | None = None


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
        self._progress = threading.Event()
        self._attached = False
        self._settling = False  # while a start settles what a killed process left, no new note is taken
        self._settled: Settlement | None = None

    def attach(self, *, settle_wait_s: float = SETTLE_WAIT_S) -> None:
        """Start the driver with this desk listening, then settle what a killed process left open (once). The
        acceptor stays disabled until a payment begins."""
        if self._attached:
            return
        self._attached, self._settling = True, True
        self.acceptor.disable()
        self.acceptor.start(self._listen)
        # A note held in escrow when the process died is stacked or returned within the first polls (or the device
        # says at connect that it stacked it): settle its payment only then, so it lands on that villager's voucher.
        # Real seconds, not the injected business clock: this waits on the device, which answers in real time.
        deadline = time.monotonic() + settle_wait_s
        while self._row(("escrow",)) is not None and time.monotonic() < deadline:
            self._progress.wait(0.05)
            self._progress.clear()
        uncertain = self._row(("escrow",))
        if uncertain is not None:
            # Neither stacked nor returned as far as the device says (it keeps no counter, or is not answering):
            # never guessed — the operator resolves it against the cash box, with a reason.
            ref, channel, paise, _ = uncertain
            self._alert("cash.note_uncertain", {"ref": ref, "channel": channel, "denomination": paise})
        self.settle_interrupted()
        self._settling = False

    def _listen(self, event: CashEvent) -> None:
        self.handle(event)
        self._progress.set()

    def settle_interrupted(self) -> Settlement:
        """Settle every payment a killed process left open (once per start): paid in full → receipt pending (it
        can be printed again), part-paid → abandoned with a change-due voucher, nothing paid → cancelled. Each
        change is journaled by the ledger; the summary is journaled here. Aadhaar payments still awaiting an answer
        are left to their own recovery (the upstream may have debited)."""
        with self._lock:
            if self._settled is not None:
                return self._settled
            session = self.open_session()
            if session is not None:
                self._close_session(session, INTERRUPTED)
            self._settled = settle_open_payments(self.ledger, INTERRUPTED)
            return self._settled

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

    def end(self, *, reason: str) -> tuple[Txn | None, int | None]:
        """Stop taking notes. Anything paid towards an unfinished bill becomes a change-due voucher (its number)."""
        with self._lock:
            self.acceptor.disable()
            txn_id = self.open_session()
            if txn_id is None:
                return None, None
            self._close_session(txn_id, reason)
            txn = self.ledger.get(txn_id)
            if txn.state is TxnState.AWAITING_PAYMENT:
                if txn.amount_paid.paise > 0:
                    left = self.ledger.abandon(txn_id, reason=reason)
                    return left.txn, left.voucher_no
                return self.ledger.cancel(txn_id, reason=reason), None
            return txn, None

    def open_session(self) -> str | None:
        row = self.store.read_one("SELECT txn_id FROM cash_sessions WHERE closed_at IS NULL ORDER BY id DESC LIMIT 1")
        return None if row is None else str(row["txn_id"])

    # -- the acceptor's events ------------------------------------------------------------------------
    def handle(self, event: CashEvent) -> CashUpdate:
        """Record one event; if the database refuses (full, read-only, locked, I/O), the screen is told and the
        error goes back to the driver, which then returns a note in escrow and takes no more (Invariant 5)."""
        with self._lock:
            try:
                update = self._handle(event)
            except Exception:
                if self.on_update is not None:  # the payment's screen shows no notes to insert any more
                    self.on_update(CashUpdate(self._current(), frozenset(), event, problem=CANNOT_RECORD))
                raise
        if self.on_update is not None:
            self.on_update(update)
        return update

    def _handle(self, event: CashEvent) -> CashUpdate:
        if isinstance(event, NoteEscrowed):
            self._hold_record(event.channel, event.denomination)
        elif isinstance(event, NoteCredited):
            return self._credit(event.denomination, event.channel, event.event_id, event.device_count, event)
        elif isinstance(event, ClearedAtPowerUp) and event.into_cashbox:
            if event.denomination is None:
                self._alert("cash.unknown_note_in_box", {"channel": event.channel})
                return CashUpdate(None, frozenset(), event, problem="unknown note in cash box")
            # The note went in while the power was off: it belongs to the session that was open then.
            ref = f"powerup-{uuid.uuid4().hex}"
            return self._credit(event.denomination, event.channel, ref, event.device_count, event)
        elif isinstance(event, NoteReturned | NoteRejected | FraudAttempt | ClearedAtPowerUp):
            self._settle_escrow("returned")
        elif isinstance(event, StackedCount):
            return self._reconcile_count(event)
        elif isinstance(event, CashBoxRemoved):
            CashBoxLog(self.store).acceptor_reported_removed()  # matched to the operator's announcement, or flagged
        txn_id = self.open_session()
        txn = self.ledger.get(txn_id) if txn_id else None
        problem = ""
        if isinstance(event, Jammed | StackerFull | AcceptorDisconnected | CashBoxRemoved):
            problem = type(event).__name__
        return CashUpdate(txn, frozenset(), event, problem=problem)

    def _current(self) -> Txn | None:
        """The payment open now, if the database can still be read (a full disk or a writer's lock allow reads)."""
        try:
            txn_id = self.open_session()
            return self.ledger.get(txn_id) if txn_id else None
        except Exception:  # only for the screen; the failure itself goes back to the driver
            return None

    def _reconcile_count(self, event: StackedCount) -> CashUpdate:
        """At (re)connect: notes the device stacked beyond the last credit we recorded were never credited."""
        update = CashUpdate(None, frozenset(), event)
        if event.count is None:
            if self.store.get_meta(COUNT_KEY):  # a unit without a counter replaced one with it: forget the old count
                self._set_count(None)
            return update
        known = self.store.get_meta(COUNT_KEY) or None
        if known is not None and event.count > int(known):
            missing = event.count - int(known)
            held = self._row(("escrow",))
            if held is not None:
                ref, channel, paise, _ = held
                update = self._credit_ref(Money(paise), channel, ref, event)
                # The device may still report this note once (its credit was not yet polled): same note, same ref.
                self._mark(ref, "unconfirmed", int(known) + 1)
                missing -= 1
            if missing > 0:
                self._alert("cash.uncounted_notes", {"notes": missing, "device_count": event.count})
        elif known is not None and event.count < int(known):
            self._alert("cash.counter_went_back", {"was": int(known), "now": event.count})
        self._set_count(event.count)
        return update

    def _hold_record(self, channel: int, denomination: Money) -> None:
        """Written on the driver's thread before it lets the device stack the note."""
        txn_id = None if self._settling else self.open_session()
        if txn_id is None:
            # Nobody is paying (the acceptor is being disabled, or a start is still settling the payments a killed
            # process left open): a note we have not recorded for a live payment must not be stacked.
            self.acceptor.return_escrow()
            return
        with self.store.write("cash") as uow:
            uow.execute("UPDATE escrow_notes SET state = 'returned' WHERE state = 'escrow'")
            uow.execute("UPDATE escrow_notes SET state = 'credited' WHERE state = 'unconfirmed'")
            uow.execute(
                "INSERT INTO escrow_notes (txn_id, channel, denomination, ref, state, at)"
                " VALUES (?, ?, ?, ?, 'escrow', ?)",
                (txn_id, channel, denomination.paise, f"escrow-{uuid.uuid4().hex}", uow.now),
            )

    def _row(self, states: tuple[str, ...]) -> tuple[str, int, int, int | None] | None:
        marks = ",".join("?" * len(states))
        row = self.store.read_one(
            "SELECT ref, channel, denomination, device_count FROM escrow_notes"
            f" WHERE state IN ({marks}) ORDER BY id DESC LIMIT 1",
            states,
        )
        if row is None:
            return None
        return str(row["ref"]), int(row["channel"]), int(row["denomination"]), row["device_count"]

    def _settle_escrow(self, state: str) -> None:
        with self.store.write("cash") as uow:
            uow.execute("UPDATE escrow_notes SET state = ? WHERE state = 'escrow'", (state,))

    def _mark(self, ref: str, state: str, device_count: int | None) -> None:
        with self.store.write("cash") as uow:
            uow.execute("UPDATE escrow_notes SET state = ?, device_count = ? WHERE ref = ?", (state, device_count, ref))

    def _set_count(self, count: int | None) -> None:
        with self.store.write("cash") as uow:
            uow.set_meta(COUNT_KEY, "" if count is None else str(count))  # "": the acceptor keeps no count

    def _credit(
        self, denomination: Money, channel: int | None, ref: str, count: int | None, event: CashEvent
    ) -> CashUpdate:
        """Credit a note the device reports stacked, under the ref of its escrow record when it has one."""
        matched = None
        unconfirmed = self._row(("unconfirmed",))
        if unconfirmed is not None and count is not None and unconfirmed[3] == count:
            matched = unconfirmed  # the note a reconnect already credited: the device's own word, once
        else:
            held = self._row(("escrow",))
            if held is not None and held[1] == channel:
                matched = held
        if matched is not None:
            ref = matched[0]
        update = self._credit_ref(denomination, channel, ref, event)
        if matched is not None:
            self._mark(ref, "credited", count)
        if count is not None:
            self._set_count(count)
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
            self._close_session(txn_id, "payment no longer open")
            self.acceptor.disable()
            return CashUpdate(None, frozenset(), event, credited=denomination, problem="note without a payment")
        if credit.duplicate:
            # Already counted (perhaps for an earlier villager): nothing changes for the payment now open.
            return CashUpdate(self.ledger.get(txn_id), frozenset(), event)
        txn = credit.txn
        if txn.state is TxnState.AWAITING_PAYMENT:
            accepting = acceptable_notes(self._notes(), txn.remaining, self.tolerance)
            self.acceptor.enable(accepting)
        else:
            accepting = frozenset()
            self.acceptor.disable()
            self._close_session(txn_id, "paid")
        return CashUpdate(txn, accepting, event, credited=denomination, voucher_no=credit.voucher_no)

    def _close_session(self, txn_id: str, reason: str) -> None:
        with self.store.write("cash") as uow:
            uow.execute(
                "UPDATE cash_sessions SET closed_at = ?, close_reason = ? WHERE txn_id = ? AND closed_at IS NULL",
                (uow.now, reason, txn_id),
            )

    def _alert(self, action: str, details: dict[str, object]) -> None:
        with self.store.write("cash") as uow:
            uow.record(action, "cashbox", details)
