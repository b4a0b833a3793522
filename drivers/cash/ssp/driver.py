"""The SSP note-validator driver: implements kiosk.devices.cash.CashAcceptor; all device I/O on one poll thread."""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Mapping
from typing import Any

from drivers.cash.latch import RecordLatch
from drivers.cash.ssp.codec import (
    REJECT_REASONS,
    Command,
    Decoder,
    Event,
    Generic,
    Packet,
    PollEvent,
    SspCodecError,
    encode,
    inhibit_mask,
    parse_counters,
    parse_poll,
    parse_setup,
)
from drivers.cash.ssp.transport import SerialTransport, TransportError
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
    StackedCount,
    StackerFull,
)
from kiosk.devices.common import DeviceHealth
from kiosk.money import Money

log = logging.getLogger(__name__)


class SspError(RuntimeError):
    """The device answered, but not as a usable plain-SSP validator (e.g. it demands encryption)."""


class Refused(SspError):
    """The device answered a command with a generic refusal (unknown command, cannot process …)."""

    def __init__(self, command: Command, code: int) -> None:
        super().__init__(f"{command.name} refused with 0x{code:02X}")
        self.command, self.code = command, code


class NoReply(TimeoutError):
    pass


# Answers meaning "this firmware does not do that": an optional command is then a feature the unit lacks.
ABSENT = frozenset({Generic.UNKNOWN_COMMAND, Generic.FAIL, Generic.CANNOT_PROCESS})


class SspAcceptor(RecordLatch):
    """Plain SSP driver. `start(listener)` connects and polls; enable()/disable() are applied by the poll thread."""

    def __init__(
        self,
        url: str,
        clock: Clock,
        *,
        address: int = 0,
        poll_interval_s: float = 0.2,
        reply_timeout_s: float = 0.5,
        retries: int = 3,
        reconnect_interval_s: float = 1.0,
    ) -> None:
        self.transport = SerialTransport(url, timeout_s=min(0.05, reply_timeout_s))
        self.clock = clock
        self.address = address
        self.poll_interval_s = poll_interval_s
        self.reply_timeout_s = reply_timeout_s
        self.retries = retries
        self.reconnect_interval_s = reconnect_interval_s
        self._seq = True  # flipped before each new command; SYNC goes out with the flag set
        self._decoder = Decoder()
        self._lock = threading.Lock()
        self._wanted: frozenset[Money] = frozenset()
        self._applied: frozenset[Money] | None = None
        self._channels: tuple[Money, ...] = ()
        self._status = AcceptorStatus.DISCONNECTED
        self._detail = "not started"
        self._escrow: int | None = None  # channel in escrow
        self._reject_sent = False
        self._must_return = False
        self._polls_since_connect = 0
        self._counts: dict[int, int | None] = {}
        self._conditions: set[Event] = set()  # repeated states reported once on change
        self._listener: CashListener | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._was_connected = False
        self.serial_number: int | None = None
        self.firmware = ""
        self.absent: set[Command] = set()  # optional commands this unit refused: features it lacks
        self._fault = ""  # latched: the kiosk could not record a note event, so no note may be taken any more

    @classmethod
    def from_config(cls, params: Mapping[str, Any], clock: Clock) -> SspAcceptor:
        port = params.get("port")
        if not isinstance(port, str) or not port:
            raise ValueError('[devices.cash].port must name the serial port, e.g. "/dev/emitra/cash"')
        interval = params.get("poll_interval_ms", 200)
        if type(interval) is not int or not 50 <= interval <= 1000:
            raise ValueError("[devices.cash].poll_interval_ms must be a whole number from 50 to 1000")
        return cls(port, clock, poll_interval_s=interval / 1000)

    # -- the port ------------------------------------------------------------------------------------
    def start(self, listener: CashListener) -> None:
        self._listener = listener
        self._thread = threading.Thread(target=self._run, name="ssp-poll", daemon=True)
        self._thread.start()

    def denominations(self) -> tuple[Money, ...]:
        with self._lock:
            return self._channels

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
        thread = self._thread
        died = thread is not None and not thread.is_alive() and not self._stop.is_set()
        if died and status is not AcceptorStatus.FAULT:
            status, detail = AcceptorStatus.FAULT, "the poll thread stopped"
        ok = status in (AcceptorStatus.DISABLED, AcceptorStatus.ACCEPTING, AcceptorStatus.ESCROW)
        return DeviceHealth("cash", status.value, ok, detail)

    @property
    def status(self) -> AcceptorStatus:
        return AcceptorStatus(self.health().status)

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self.transport.close()

    # -- poll thread ---------------------------------------------------------------------------------
    def _run(self) -> None:
        try:
            self._loop()
        except BaseException as exc:  # whatever kills this thread, the kiosk must see a fault, not a quiet device
            log.exception("the SSP poll thread died")
            self._set_status(AcceptorStatus.FAULT, f"the poll thread died: {type(exc).__name__}: {exc}")
            self.transport.close()

    def _loop(self) -> None:
        while not self._stop.is_set():
            if not self.transport.is_open and not self._connect():
                self._stop.wait(self.reconnect_interval_s)
                continue
            started = time.monotonic()
            try:
                self._apply_wanted()
                self._poll_once()
            except (NoReply, TransportError) as exc:
                self._lost(str(exc))
                continue
            except SspError as exc:
                self._set_status(AcceptorStatus.FAULT, str(exc))
                self.transport.close()
                self._stop.wait(self.reconnect_interval_s)
                continue
            # A steady interval: the time spent talking counts towards it.
            self._stop.wait(max(self.poll_interval_s - (time.monotonic() - started), 0.0))
        try:
            if self.transport.is_open:
                self._command(Command.DISABLE)
        except (NoReply, TransportError, SspError):
            pass

    def _connect(self) -> bool:
        try:
            self.transport.open()
            self._seq = False  # the SYNC below flips it to True
            self._polls_since_connect = 0
            self._command(Command.SYNC)
            self._command(Command.HOST_PROTOCOL_VERSION, bytes([6]))
            self._setup()
        except (NoReply, TransportError) as exc:
            self.transport.close()
            self._set_status(AcceptorStatus.DISCONNECTED, str(exc))
            return False
        except SspError as exc:
            self.transport.close()
            self._set_status(AcceptorStatus.FAULT, str(exc))
            return False
        self._set_status(AcceptorStatus.DISABLED, f"SSP validator, firmware {self.firmware}")
        if self._was_connected:
            self._emit(AcceptorReconnected())
        self._was_connected = True
        try:
            self._report_stacked_count()
        except SspCodecError as exc:
            self.transport.close()
            self._set_status(AcceptorStatus.FAULT, f"note counters unreadable: {exc}")
            return False
        except (NoReply, TransportError) as exc:
            self._lost(str(exc))
            return False
        return True

    def _report_stacked_count(self) -> None:
        """Before polling anything new, tell the kiosk how many notes the device has ever stacked (None: it keeps
        no counter it will tell)."""
        self._emit(StackedCount(self._stacked_count()))

    def _stacked_count(self) -> int | None:
        reply = self._optional(Command.GET_COUNTERS)
        return None if reply is None else parse_counters(reply).stacked

    def _optional(self, command: Command, params: bytes = b"") -> bytes | None:
        """A command outside the minimal set: None when this firmware refuses it (remembered: not asked again)."""
        if command in self.absent:
            return None
        try:
            reply = self._command(command, params)
        except Refused as exc:
            if exc.code not in ABSENT:
                raise
            reply = bytes([exc.code])
        if reply[:1] == bytes([Generic.OK]):
            return reply
        if not (command is Command.LAST_REJECT_CODE and reply[0] == Generic.CANNOT_PROCESS):  # "no code now"
            log.info("the validator lacks %s (answered 0x%02X)", command.name, reply[0])
            self.absent.add(command)
        return None

    def _setup(self) -> None:
        setup = parse_setup(self._command(Command.SETUP_REQUEST))
        serial_reply = self._optional(Command.SERIAL_NUMBER) or b""
        self.serial_number = int.from_bytes(serial_reply[1:5], "big") if len(serial_reply) >= 5 else None
        self.firmware = setup.firmware
        with self._lock:
            self._channels = tuple(Money.rupees(v) for v in setup.channel_values)
            self._applied = None  # the device forgot inhibits and enable: apply again
        self._conditions.clear()

    def _lost(self, reason: str) -> None:
        self.transport.close()
        self._escrow, self._reject_sent = None, False
        self._set_status(AcceptorStatus.DISCONNECTED, reason)
        self._emit(AcceptorDisconnected(reason))

    def _apply_wanted(self) -> None:
        with self._lock:
            wanted, applied, channels = self._wanted, self._applied, self._channels
        if wanted == applied:
            return
        enabled = {n + 1 for n, value in enumerate(channels) if value in wanted}
        self._command(Command.SET_INHIBITS, inhibit_mask(enabled))
        self._command(Command.ENABLE if enabled else Command.DISABLE)
        with self._lock:
            self._applied = wanted
        if self._status in (AcceptorStatus.DISABLED, AcceptorStatus.ACCEPTING):
            self._set_status(AcceptorStatus.ACCEPTING if enabled else AcceptorStatus.DISABLED, "")

    def _poll_once(self) -> None:
        with self._lock:
            must_return, self._must_return = self._must_return, False
        if (
            self._escrow is not None
            and not self._reject_sent
            and (must_return or not self._wants_channel(self._escrow))
        ):
            # The amount due changed while the note was read, or the kiosk could not record it: give it back.
            self._command(Command.REJECT)
            self._reject_sent = True
        self._polls_since_connect += 1
        try:
            events = parse_poll(self._command(Command.POLL))
        except SspCodecError as exc:
            log.warning("ignoring a malformed poll reply: %s", exc)
            return
        stacking = [e for e in events if e.code in (Event.CREDIT_NOTE, Event.CLEARED_INTO_CASHBOX)]
        counts: list[int | None] = [None] * len(stacking)
        if stacking:
            try:
                now = self._stacked_count()
                if now is not None:
                    counts = [now - len(stacking) + 1 + n for n in range(len(stacking))]
            except SspCodecError as exc:
                log.warning("note counters unreadable after a credit: %s", exc)
        self._counts = dict(zip((id(e) for e in stacking), counts, strict=True))
        for event in events:
            self._handle(event)
        seen = {e.code for e in events}
        for condition in list(self._conditions - seen):  # a repeated state has ended
            self._conditions.discard(condition)
            if condition in (Event.SAFE_JAM, Event.UNSAFE_JAM, Event.STACKER_FULL, Event.CASHBOX_REMOVED):
                self._refresh_status()

    def _wants_channel(self, channel: int) -> bool:
        with self._lock:
            value = self._channels[channel - 1] if 0 < channel <= len(self._channels) else None
            return value is not None and value in self._wanted

    def _value(self, channel: int | None) -> Money | None:
        with self._lock:
            if channel is None or not 0 < channel <= len(self._channels):
                return None
            return self._channels[channel - 1]

    def _handle(self, event: PollEvent) -> None:
        code, channel = event.code, event.channel
        value = self._value(channel)
        if code == Event.SLAVE_RESET:
            self._setup()
            if self._polls_since_connect > 1:
                # A reset found on the first poll happened while we were away and LastNoteReport covered it.
                self._emit(AcceptorReset())
        elif code == Event.READ_NOTE and channel:
            self._escrow = channel
            self._set_status(AcceptorStatus.ESCROW, "")
            if value is not None and not self._emit(NoteEscrowed(value, channel)) and not self._reject_sent:
                # The kiosk could not record the note: it goes back before the next POLL could stack it.
                self._command(Command.REJECT)
                self._reject_sent = True
        elif code == Event.CREDIT_NOTE and channel and value is not None:
            self._escrow, self._reject_sent = None, False
            self._refresh_status()
            ref = f"ssp-{self.serial_number}-{uuid.uuid4().hex}"
            self._emit(NoteCredited(value, channel, event_id=ref, device_count=self._counts.get(id(event))))
        elif code == Event.NOTE_REJECTED:
            returned, self._escrow, self._reject_sent = self._escrow, None, False
            reply = self._optional(Command.LAST_REJECT_CODE) or b""
            reason_code = reply[1] if len(reply) > 1 else None
            reason = REJECT_REASONS.get(reason_code or -1, "note rejected")
            self._refresh_status()
            if returned is not None:
                self._emit(NoteReturned(self._value(returned), returned))
            self._emit(NoteRejected(reason, reason_code))
        elif code == Event.FRAUD_ATTEMPT:
            self._escrow, self._reject_sent = None, False
            self._emit(FraudAttempt(channel))
        elif code in (Event.SAFE_JAM, Event.UNSAFE_JAM):
            if code not in self._conditions:
                self._conditions.add(code)
                self._set_status(AcceptorStatus.JAMMED, "safe jam" if code == Event.SAFE_JAM else "unsafe jam")
                self._emit(Jammed(safe=code == Event.SAFE_JAM))
        elif code == Event.STACKER_FULL:
            if code not in self._conditions:
                self._conditions.add(code)
                self._set_status(AcceptorStatus.STACKER_FULL, "stacker full")
                self._emit(StackerFull())
        elif code == Event.CASHBOX_REMOVED:
            if code not in self._conditions:
                self._conditions.add(code)
                self._set_status(AcceptorStatus.CASHBOX_REMOVED, "cash box removed")
                self._emit(CashBoxRemoved())
        elif code == Event.CASHBOX_REPLACED:
            self._conditions.discard(Event.CASHBOX_REMOVED)
            self._refresh_status()
            self._emit(CashBoxReplaced())
        elif code in (Event.CLEARED_FROM_FRONT, Event.CLEARED_INTO_CASHBOX):
            self._emit(
                ClearedAtPowerUp(code == Event.CLEARED_INTO_CASHBOX, channel, value, self._counts.get(id(event)))
            )
        elif code == Event.DISABLED and code not in self._conditions:
            self._conditions.add(code)
            with self._lock:
                expected = not self._applied
            if not expected:  # disabled although we told it to take notes
                self._emit(AcceptorDisabled())

    def _refresh_status(self) -> None:
        blocking = self._conditions & {Event.SAFE_JAM, Event.UNSAFE_JAM, Event.STACKER_FULL, Event.CASHBOX_REMOVED}
        if blocking:
            return
        with self._lock:
            accepting = bool(self._wanted)
        self._set_status(AcceptorStatus.ACCEPTING if accepting else AcceptorStatus.DISABLED, "")

    # -- one command, with retries -------------------------------------------------------------------
    def _command(self, command: Command, params: bytes = b"") -> bytes:
        """Send a new command; on timeout or a bad reply resend the SAME packet (same flag), so it runs once."""
        self._seq = not self._seq
        packet = encode(self.address, self._seq, bytes([command]) + params)
        for _attempt in range(self.retries + 1):
            self.transport.write(packet)
            reply = self._await_reply()
            if reply is None:
                continue
            if reply.seq != self._seq or reply.address != self.address:
                continue  # a stale reply to an earlier command
            if reply.data[0] == Generic.KEY_NOT_SET:
                raise SspError("the validator demands encryption (eSSP); set it to plain SSP or use an eSSP driver")
            if reply.data[0] not in (Generic.OK, Generic.CANNOT_PROCESS):
                raise Refused(command, reply.data[0])
            return reply.data
        raise NoReply(f"no valid reply to {command.name} after {self.retries + 1} tries")

    def _await_reply(self) -> Packet | None:
        deadline = time.monotonic() + self.reply_timeout_s
        while time.monotonic() < deadline:
            chunk = self.transport.read(256)
            if chunk:
                packets = self._decoder.feed(chunk)
                if packets:
                    return packets[-1]
        return None
