"""The ID-003 bill-acceptor driver: implements kiosk.devices.cash.CashAcceptor; all device I/O on one poll thread."""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from drivers.cash.id003.codec import (
    DENOMINATION_TABLES,
    FAILURES,
    FIRST_CODE,
    POWER_UP,
    REJECT_REASONS,
    Command,
    Decoder,
    Frame,
    Id003CodecError,
    Reply,
    Status,
    denomination_mask,
    encode,
    parse_status,
    version_currency,
)
from drivers.cash.id003.transport import SerialTransport, TransportError
from drivers.cash.latch import RecordLatch
from kiosk.clock import Clock
from kiosk.devices.cash import (
    AcceptorDisabled,
    AcceptorDisconnected,
    AcceptorReconnected,
    AcceptorReset,
    AcceptorStatus,
    CashBoxRemoved,
    CashBoxReplaced,
    CashListener,
    ClearedAtPowerUp,
    FraudAttempt,
    Jammed,
    NoteCredited,
    NoteEscrowed,
    NoteRejected,
    NoteReturned,
    StackerFull,
)
from kiosk.devices.common import DeviceHealth
from kiosk.money import Money

log = logging.getLogger(__name__)

# What the port reports while the device shows each status (a note on its way in counts as ESCROW).
PORT_STATUS = {
    Status.ESCROW: AcceptorStatus.ESCROW,
    Status.STACKING: AcceptorStatus.ESCROW,
    Status.VEND_VALID: AcceptorStatus.ESCROW,
    Status.HOLDING: AcceptorStatus.ESCROW,
    Status.INHIBIT: AcceptorStatus.DISABLED,
    Status.INITIALIZE: AcceptorStatus.DISABLED,
    Status.STACKER_FULL: AcceptorStatus.STACKER_FULL,
    Status.STACKER_OPEN: AcceptorStatus.CASHBOX_REMOVED,
    Status.ACCEPTOR_JAM: AcceptorStatus.JAMMED,
    Status.STACKER_JAM: AcceptorStatus.JAMMED,
    Status.FAILURE: AcceptorStatus.FAULT,
}
# Statuses after which no note is in flight (ACCEPTING: a new one is being drawn in).
SETTLED = frozenset({Status.STACKED, Status.IDLING, Status.INHIBIT, Status.ACCEPTING})
# Statuses that keep the idle/accepting status the driver already reports.
TRANSIENT = frozenset({Status.COMMUNICATION_ERROR, Status.INVALID_COMMAND, Status.PAUSE})


class Id003Error(RuntimeError):
    """The device answered, but not as a usable ID-003 acceptor for rupees."""


class Refused(Id003Error):
    """The device answered a command with INVALID COMMAND."""

    def __init__(self, command: Command) -> None:
        super().__init__(f"{command.name} refused (INVALID COMMAND)")
        self.command = command


class NoReply(TimeoutError):
    pass


@dataclass
class _InFlight:
    """The note this process saw reach escrow, until it is stacked, returned or lost."""

    code: int
    ref: str
    decision: Command | None = None
    credited: bool = False


class _PollThread:
    """The poll loop's thread; if the loop dies, `fault` says why (a private twin of drivers/devicethread.py)."""

    def __init__(self, loop: Callable[[], None], name: str) -> None:
        self.stopping = threading.Event()
        self.fault: str | None = None
        self._loop = loop
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.stopping.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)

    def _run(self) -> None:
        try:
            self._loop()
        except BaseException as exc:  # whatever kills the loop, the kiosk must see a fault, not a quiet device
            self.fault = f"the poll thread died: {type(exc).__name__}: {exc}"[:200]
            log.exception("the ID-003 poll thread died")
            return
        if not self.stopping.is_set():
            self.fault = "the poll thread stopped by itself"


class Id003Acceptor(RecordLatch):
    """ID-003 driver. `start(listener)` connects and polls; enable()/disable() are applied by the poll thread."""

    def __init__(
        self,
        url: str,
        clock: Clock,
        *,
        currency: str = "INR",
        poll_interval_s: float = 0.2,
        reply_timeout_s: float = 0.5,
        retries: int = 3,
        reconnect_interval_s: float = 1.0,
    ) -> None:
        if currency not in DENOMINATION_TABLES:
            raise ValueError(f"no ID-003 denomination table for currency {currency!r}")
        self.transport = SerialTransport(url, timeout_s=min(0.05, reply_timeout_s))
        self.clock = clock
        self.currency = currency
        self.table = DENOMINATION_TABLES[currency]
        self.poll_interval_s = poll_interval_s
        self.reply_timeout_s = reply_timeout_s
        self.retries = retries
        self.reconnect_interval_s = reconnect_interval_s
        self._decoder = Decoder()
        self._lock = threading.Lock()
        self._wanted: frozenset[Money] = frozenset()
        self._applied: frozenset[Money] | None = None
        self._status = AcceptorStatus.DISCONNECTED
        self._detail = "not started"
        self._fault = ""  # latched: the kiosk could not record a note event, so no note may be taken any more
        self._must_return = False
        self._note: _InFlight | None = None
        self._previous: Status | None = None
        self._polls_since_connect = 0
        self._listener: CashListener | None = None
        self._thread = _PollThread(self._loop, "id003-poll")
        self._was_connected = False
        self.firmware = ""
        self.absent: set[Command] = set()  # optional commands this unit refused: features it lacks

    @classmethod
    def from_config(cls, params: Mapping[str, Any], clock: Clock) -> Id003Acceptor:
        port = params.get("port")
        if not isinstance(port, str) or not port:
            raise ValueError('[devices.cash].port must name the serial port, e.g. "/dev/emitra/cash"')
        interval = params.get("poll_interval_ms", 200)
        if type(interval) is not int or not 50 <= interval <= 1000:
            raise ValueError("[devices.cash].poll_interval_ms must be a whole number from 50 to 1000")
        currency = params.get("currency", "INR")
        if currency not in DENOMINATION_TABLES:
            known = ", ".join(sorted(DENOMINATION_TABLES))
            raise ValueError(f"[devices.cash].currency {currency!r} has no denomination table (known: {known})")
        return cls(port, clock, currency=currency, poll_interval_s=interval / 1000)

    # -- the port ------------------------------------------------------------------------------------
    def start(self, listener: CashListener) -> None:
        self._listener = listener
        self._thread.start()

    def denominations(self) -> tuple[Money, ...]:
        with self._lock:
            connected = self._was_connected
        return tuple(Money.rupees(self.table[c]) for c in sorted(self.table)) if connected else ()

    def enable(self, accept: frozenset[Money]) -> None:
        with self._lock:
            self._wanted = frozenset() if self._fault else frozenset(accept)

    def disable(self) -> None:
        self.enable(frozenset())

    def return_escrow(self) -> None:
        with self._lock:
            self._must_return = True

    def health(self) -> DeviceHealth:
        with self._lock:
            status, detail = self._status, self._detail
        if self._thread.fault is not None:
            status, detail = AcceptorStatus.FAULT, self._thread.fault
        ok = status in (AcceptorStatus.DISABLED, AcceptorStatus.ACCEPTING, AcceptorStatus.ESCROW)
        return DeviceHealth("cash", status.value, ok, detail)

    @property
    def status(self) -> AcceptorStatus:
        return AcceptorStatus(self.health().status)

    def close(self) -> None:
        self._thread.stop()
        self.transport.close()

    # -- poll thread ---------------------------------------------------------------------------------
    def _loop(self) -> None:
        while not self._thread.stopping.is_set():
            if not self.transport.is_open and not self._connect():
                self._thread.stopping.wait(self.reconnect_interval_s)
                continue
            started = time.monotonic()
            try:
                self._apply_wanted()
                self._poll_once()
            except (NoReply, TransportError) as exc:
                self._lost(str(exc))
                continue
            except Id003Error as exc:
                self._set_status(AcceptorStatus.FAULT, str(exc))
                self.transport.close()
                self._thread.stopping.wait(self.reconnect_interval_s)
                continue
            # A steady interval: the time spent talking counts towards it.
            self._thread.stopping.wait(max(self.poll_interval_s - (time.monotonic() - started), 0.0))
        try:
            if self.transport.is_open:
                self._setting(Command.SET_INHIBIT, b"\x01")
        except (NoReply, TransportError, Id003Error):
            pass

    def _connect(self) -> bool:
        try:
            self.transport.open()
            self._decoder = Decoder()  # half a frame from before the link dropped must not prefix the first reply
            self._polls_since_connect = 0
            first = self._status_request()
            if first.status in POWER_UP:
                self._power_up(first.status)
            self._identify()
        except (NoReply, TransportError) as exc:
            self.transport.close()
            self._set_status(AcceptorStatus.DISCONNECTED, str(exc))
            return False
        except (Id003Error, Id003CodecError) as exc:
            self.transport.close()
            self._set_status(AcceptorStatus.FAULT, str(exc))
            return False
        with self._lock:
            self._applied = None  # settings may have been lost with the link: apply them again
        self._previous = None
        self._set_status(AcceptorStatus.DISABLED, f"ID-003 acceptor {self.firmware or '(no version string)'}")
        if self._was_connected:
            self._emit(AcceptorReconnected())
        with self._lock:
            self._was_connected = True
        return True

    def _identify(self) -> None:
        """VERSION (optional) names the currency software; a unit set up for another currency is a clear fault."""
        reply = self._optional(Command.VERSION)
        version = reply.data if reply is not None else b""
        self.firmware = version.decode("ascii", "replace").strip()
        currency = version_currency(version)
        if currency is not None and currency != self.currency:
            raise Id003Error(f"the acceptor runs {currency} currency software, not {self.currency}")
        self._optional(Command.SET_SECURITY, b"\x00\x00")

    def _power_up(self, status: Status) -> None:
        """RESET after power came back; a note caught inside is settled by the device, and reported here."""
        note = self._note  # kept until RESET is ACKed: a reconnect may still need to name it
        self._operation(Command.RESET)
        self._note = None
        with self._lock:
            self._applied = None  # the device forgot its settings
        channel = note.code - FIRST_CODE + 1 if note is not None else None
        value = self._value(note.code) if note is not None else None
        if status is Status.POWER_UP_BILL_IN_ACCEPTOR:
            self._emit(ClearedAtPowerUp(False, channel, value))
        elif status is Status.POWER_UP_BILL_IN_STACKER and not (note is not None and note.credited):
            self._emit(ClearedAtPowerUp(True, channel, value))  # already credited at VEND VALID: not again

    def _lost(self, reason: str) -> None:
        self.transport.close()
        self._set_status(AcceptorStatus.DISCONNECTED, reason)
        self._emit(AcceptorDisconnected(reason))

    def _apply_wanted(self) -> None:
        with self._lock:
            wanted, applied = self._wanted, self._applied
        if wanted == applied:
            return
        codes = {code for code, rupees in self.table.items() if Money.rupees(rupees) in wanted}
        self._setting(Command.SET_DENOMINATIONS, denomination_mask(set(range(FIRST_CODE, FIRST_CODE + 8)) - codes))
        self._setting(Command.SET_INHIBIT, b"\x00" if codes else b"\x01")
        with self._lock:
            self._applied = wanted
        if self._status in (AcceptorStatus.DISABLED, AcceptorStatus.ACCEPTING):
            self._set_status(AcceptorStatus.ACCEPTING if codes else AcceptorStatus.DISABLED, "")

    def _poll_once(self) -> None:
        self._polls_since_connect += 1
        try:
            reply = self._status_request()
        except Id003CodecError as exc:
            log.warning("ignoring a malformed status reply: %s", exc)
            return
        previous, self._previous = self._previous, reply.status
        self._handle(reply, reply.status != previous)
        if previous is Status.STACKER_OPEN and reply.status is not Status.STACKER_OPEN:
            self._emit(CashBoxReplaced())
        if reply.status in PORT_STATUS:
            detail = FAILURES.get(reply.detail or 0, "failure") if reply.status is Status.FAILURE else ""
            self._set_status(PORT_STATUS[reply.status], detail or reply.status.name.lower().replace("_", " "))
        elif reply.status not in TRANSIENT:
            self._refresh_status()

    def _handle(self, reply: Reply, edge: bool) -> None:
        status = reply.status
        if status in POWER_UP:
            self._power_up(status)
            if self._polls_since_connect > 1:
                self._emit(AcceptorReset())
        elif status is Status.ESCROW:
            self._on_escrow(reply.detail or 0)
        elif status is Status.VEND_VALID:
            self._on_vend_valid()
        else:
            if status in SETTLED:
                self._settle_note()
            if edge:
                self._on_change(reply)

    def _settle_note(self) -> None:
        """No note is in flight any more: a note we sent back whose RETURNING went unseen is reported returned."""
        note, self._note = self._note, None
        if note is not None and note.decision is Command.RETURN:
            value = self._value(note.code)
            self._emit(NoteReturned(value, note.code - FIRST_CODE + 1 if value else None))

    def _on_change(self, reply: Reply) -> None:
        """Statuses that last several polls but are told to the kiosk once."""
        status, note = reply.status, self._note
        channel = note.code - FIRST_CODE + 1 if note is not None else None
        if status is Status.REJECTING:
            self._note = None
            code = reply.detail
            self._emit(NoteRejected(REJECT_REASONS.get(code or 0, "note rejected"), code))
        elif status is Status.RETURNING:
            self._note = None
            value = self._value(note.code) if note else None
            self._emit(NoteReturned(value, channel if value else None))
        elif status is Status.CHEATED:
            self._note = None
            self._emit(FraudAttempt(channel))
        elif status in (Status.ACCEPTOR_JAM, Status.STACKER_JAM):
            self._emit(Jammed(safe=status is Status.STACKER_JAM))
        elif status is Status.STACKER_FULL:
            self._emit(StackerFull())
        elif status is Status.STACKER_OPEN:
            self._emit(CashBoxRemoved())
        elif status is Status.INHIBIT:
            with self._lock:
                expected = not self._applied
            if not expected:  # inhibited although we told it to take notes
                self._emit(AcceptorDisabled())

    def _on_escrow(self, code: int) -> None:
        """Tell the kiosk first (it records the note); then STACK-1, or RETURN if it is unwanted or unrecorded."""
        with self._lock:
            must_return, self._must_return = self._must_return, False
        note = self._note
        if note is None or note.code != code or note.decision is None:
            note = self._note = _InFlight(code, f"id003-{uuid.uuid4().hex}")
            value = self._value(code)
            recorded = value is not None and self._emit(NoteEscrowed(value, code - FIRST_CODE + 1))
            wanted = recorded and value is not None and self._wants(value) and not must_return
            note.decision = Command.STACK_1 if wanted else Command.RETURN
        try:
            self._operation(note.decision)  # again while the device still shows escrow: our answer was lost
        except Refused as exc:
            log.warning("the acceptor would not %s the note in escrow: %s", note.decision.name, exc)

    def _on_vend_valid(self) -> None:
        """Credit once per note, then ACK; the device repeats VEND VALID until it hears the ACK."""
        note = self._note
        if note is None:
            # This process never saw the note in escrow (it started with the note already stacking): its value
            # is unknown, so it goes to the box as a note the operator must count.
            note = self._note = _InFlight(0, f"id003-{uuid.uuid4().hex}", credited=True)
            if not self._emit(ClearedAtPowerUp(True, None, None)):
                return
        if not note.credited:
            value = self._value(note.code)
            channel = note.code - FIRST_CODE + 1
            if value is None or not self._emit(NoteCredited(value, channel, event_id=note.ref)):
                return  # not recorded: no ACK, so the device keeps saying VEND VALID and we try again
            note.credited = True
        self.transport.write(encode(Command.ACK))  # the host's ACK is not answered

    def _wants(self, value: Money) -> bool:
        with self._lock:
            return value in self._wanted

    def _value(self, code: int) -> Money | None:
        rupees = self.table.get(code)
        return Money.rupees(rupees) if rupees is not None else None

    def _refresh_status(self) -> None:
        with self._lock:
            accepting = bool(self._applied)
        self._set_status(AcceptorStatus.ACCEPTING if accepting else AcceptorStatus.DISABLED, "")

    # -- one exchange, with retries ------------------------------------------------------------------
    def _exchange(self, command: Command, data: bytes = b"") -> Frame:
        """Send a command and return the device's answer; on timeout, a bad CRC or COMMUNICATION ERROR, resend."""
        frame = encode(command, data)
        for _attempt in range(self.retries + 1):
            self.transport.write(frame)
            reply = self._await_reply()
            if reply is None or reply.code == Status.COMMUNICATION_ERROR:
                continue
            if reply.code == Status.INVALID_COMMAND and command is not Command.STATUS_REQUEST:
                raise Refused(command)
            return reply
        raise NoReply(f"no valid reply to {command.name} after {self.retries + 1} tries")

    def _status_request(self) -> Reply:
        return parse_status(self._exchange(Command.STATUS_REQUEST))

    def _operation(self, command: Command) -> None:
        reply = self._exchange(command)
        if reply.code != Command.ACK:
            raise Id003Error(f"{command.name} answered with 0x{reply.code:02X}, not ACK")

    def _setting(self, command: Command, data: bytes) -> Frame:
        reply = self._exchange(command, data)
        if reply.code != command or reply.data != data:
            raise Id003Error(f"{command.name} was not echoed (got 0x{reply.code:02X} {reply.data.hex(' ')})")
        return reply

    def _optional(self, command: Command, data: bytes = b"") -> Frame | None:
        """A command outside the minimal set: None when this unit refuses it (remembered: not asked again)."""
        if command in self.absent:
            return None
        try:
            return self._setting(command, data) if data else self._exchange(command)
        except Refused:
            log.info("the acceptor lacks %s", command.name)
            self.absent.add(command)
            return None

    def _await_reply(self) -> Frame | None:
        deadline = time.monotonic() + self.reply_timeout_s
        while time.monotonic() < deadline:
            chunk = self.transport.read(256)
            if chunk:
                frames = self._decoder.feed(chunk)
                if frames:
                    return frames[-1]
        return None
