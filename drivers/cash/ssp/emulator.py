"""An NV-family note validator seen from the wire: speaks SSP from the device side over a pty or TCP.

Tests script physical events (insert a note, pull a string, jam, power-cycle …) and read `stacked`, the notes that
really reached the cash box — the truth the kiosk's ledger is checked against.
"""

from __future__ import annotations

import os
import selectors
import socket
import threading
import time
import tty
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from drivers.cash.ssp.codec import (
    Command,
    Counters,
    Decoder,
    Event,
    Generic,
    Packet,
    build_counters,
    build_setup,
    encode,
)
from drivers.cash.ssp.profiles import FULL, PROFILES, Firmware

RUPEE_CHANNELS = (10, 20, 50, 100, 200, 500)
ESCROW_TIMEOUT_S = 10.0


@dataclass
class _Note:
    channel: int
    stage: str  # "reading" → "escrow" → "stacking" → "credit"
    genuine: bool = True
    escrow_since: float = 0.0
    stacked_by: float = 0.0  # when the transport has carried it into the box
    on_string: bool = False  # fraud: pulled back out when the validator tries to stack it


@dataclass
class EmulatorState:
    channels: tuple[int, ...] = RUPEE_CHANNELS
    enabled: bool = False
    inhibit_mask: int = 0
    synced: bool = False
    last_flag: bool | None = None
    last_reply: bytes = b""
    note: _Note | None = None
    queue: deque[bytes] = field(default_factory=deque)  # events for the next polls
    jam: bytes | None = None
    stacker_full: bool = False
    cashbox_present: bool = True
    reset_pending: bool = True
    last_reject: int = 0
    stacked: list[int] = field(default_factory=list)  # rupee values in the cash box
    rejected_count: int = 0  # with len(stacked): the persistent counters GET COUNTERS reports
    stacked_at: list[float] = field(default_factory=list)  # time.monotonic() of each stacking, for benchmarks
    returned: list[int] = field(default_factory=list)


class SspEmulator:
    """The device side. `serve_pty()` gives a path for the driver; script it with the physical-event methods."""

    def __init__(
        self,
        *,
        channels: tuple[int, ...] = RUPEE_CHANNELS,
        address: int = 0,
        require_encryption: bool = False,
        combine_credit: bool = False,
        serial_number: int = 0x01020304,
        firmware: Firmware | str = FULL,
    ) -> None:
        self.firmware = PROFILES[firmware] if isinstance(firmware, str) else firmware
        self.state = EmulatorState(channels=channels)
        self.address = address
        self.require_encryption = require_encryption
        self.combine_credit = combine_credit  # some firmware reports CC, EE, EB in one reply
        self.serial_number = serial_number
        self.escrow_timeout_s = ESCROW_TIMEOUT_S
        self.stack_time_s = self.firmware.stack_time_s  # transport time into the box (real units: ~1 s)
        self.lock = threading.RLock()
        self.received: list[Packet] = []
        self._decoder = Decoder()
        self._drop_replies = 0
        self._corrupt_replies = 0
        self._silent = False
        self._fd: int | None = None
        self._sock: socket.socket | None = None
        self._conn: socket.socket | None = None
        self._link: Path | None = None
        self._slave_fd: int | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- transports ------------------------------------------------------------------------------
    def serve_pty(self, link: Path | None = None) -> str:
        """Open a pty pair; returns the path the driver opens (a stable symlink when `link` is given)."""
        self._open_pty()
        if link is not None:
            self._link = link
            self._point_link()
            path = str(link)
        else:
            path = os.ttyname(self._slave_fd or 0)
        self._start()
        return path

    def serve_tcp(self, host: str = "127.0.0.1", port: int = 0) -> int:
        self._sock = socket.create_server((host, port))
        self._start()
        return int(self._sock.getsockname()[1])

    def _open_pty(self) -> None:
        master, slave = os.openpty()
        tty.setraw(master)
        tty.setraw(slave)
        self._fd, self._slave_fd = master, slave

    def _point_link(self) -> None:
        if self._link is None or self._slave_fd is None:
            return
        temporary = self._link.with_name(self._link.name + ".new")
        temporary.unlink(missing_ok=True)
        temporary.symlink_to(os.ttyname(self._slave_fd))
        temporary.replace(self._link)

    def unplug(self) -> None:
        """The USB cable is pulled: the port disappears."""
        with self.lock:
            for fd in (self._fd, self._slave_fd):
                if fd is not None:
                    os.close(fd)
            self._fd = self._slave_fd = None
            if self._link is not None:
                self._link.unlink(missing_ok=True)
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def replug(self) -> None:
        """Plugged back in (the device also powers up again)."""
        with self.lock:
            self._open_pty()
            if self._link is not None:
                self._point_link()
            self._power_up()

    def _start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="ssp-emulator", daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
        self.unplug()
        if self._sock is not None:
            self._sock.close()

    def _run(self) -> None:
        while not self._stop.is_set():
            chunk = self._read_some()
            if chunk is None:
                time.sleep(0.005)
                continue
            for packet in self._decoder.feed(chunk):
                self._handle(packet)

    def _read_some(self) -> bytes | None:
        with self.lock:
            fd = self._fd
        if self._sock is not None:
            return self._read_tcp()
        if fd is None:
            return None
        with selectors.DefaultSelector() as selector:
            try:
                selector.register(fd, selectors.EVENT_READ)
            except (ValueError, OSError):
                return None
            if not selector.select(0.05):
                self._tick()
                return b""
        try:
            return os.read(fd, 512)
        except OSError:
            return None

    def _read_tcp(self) -> bytes | None:
        assert self._sock is not None
        if self._conn is None:
            self._sock.settimeout(0.05)
            try:
                self._conn, _ = self._sock.accept()
            except TimeoutError:
                return None
            self._conn.settimeout(0.05)
        try:
            data = self._conn.recv(512)
        except TimeoutError:
            self._tick()
            return b""
        except OSError:
            self._conn = None
            return None
        if not data:
            self._conn.close()
            self._conn = None
        return data

    def _write(self, raw: bytes) -> None:
        with self.lock:
            if self._conn is not None:
                self._conn.sendall(raw)
            elif self._fd is not None:
                os.write(self._fd, raw)

    # -- protocol ----------------------------------------------------------------------------------
    def _handle(self, packet: Packet) -> None:
        with self.lock:
            self.received.append(packet)
            if packet.address != self.address:
                return
            if self._silent:
                return
            command = packet.data[0]
            s = self.state
            if command != Command.SYNC and s.last_flag is not None and packet.seq == s.last_flag:
                reply = s.last_reply  # a retry: replay, never execute twice
            else:
                reply = encode(self.address, packet.seq, self._execute(command, packet.data[1:]))
                s.last_flag, s.last_reply = packet.seq, reply
            if self._drop_replies:
                self._drop_replies -= 1
                return
            if self._corrupt_replies:
                self._corrupt_replies -= 1
                reply = reply[:-1] + bytes([reply[-1] ^ 0xFF])
        if self.firmware.reply_delay_s:
            time.sleep(self.firmware.reply_delay_s)
        self._write(reply)

    def _execute(self, command: int, params: bytes) -> bytes:
        s = self.state
        ok = bytes([Generic.OK])
        if self.require_encryption and command not in (Command.SYNC, Command.HOST_PROTOCOL_VERSION):
            return bytes([Generic.KEY_NOT_SET])
        refusal = self.firmware.refusal(command)
        if refusal is not None:
            return bytes([refusal])
        if command == Command.SYNC:
            s.synced = True
            return ok
        if command == Command.RESET:
            self._power_up()
            return ok
        if command == Command.HOST_PROTOCOL_VERSION:
            return ok if len(params) == 1 and 4 <= params[0] <= 8 else bytes([Generic.FAIL])
        if command == Command.SETUP_REQUEST:
            return build_setup("0400", "INR", s.channels)
        if command == Command.SET_INHIBITS:
            if len(params) != 2:
                return bytes([Generic.WRONG_PARAMETERS])
            s.inhibit_mask = int.from_bytes(params, "little")
            return ok
        if command == Command.ENABLE:
            s.enabled = True
            return ok
        if command == Command.DISABLE:
            s.enabled = False
            return ok
        if command == Command.SERIAL_NUMBER:
            return ok + self.serial_number.to_bytes(4, "big")
        if command == Command.LAST_REJECT_CODE:
            return ok + bytes([s.last_reject])
        if command == Command.HOLD:
            if s.note is None or s.note.stage != "escrow":
                return bytes([Generic.CANNOT_PROCESS])
            s.note.escrow_since = time.monotonic()
            return ok
        if command == Command.REJECT:
            if s.note is None or s.note.stage != "escrow":
                return bytes([Generic.CANNOT_PROCESS])
            self._reject(8)
            return ok
        if command == Command.POLL:
            return ok + self._poll()
        if command == Command.GET_COUNTERS:
            return build_counters(Counters(len(s.stacked), 0, 0, 0, s.rejected_count))
        return bytes([Generic.UNKNOWN_COMMAND])

    def _poll(self) -> bytes:
        s = self.state
        events = bytearray()
        if s.reset_pending:
            events.append(Event.SLAVE_RESET)
            s.reset_pending = False
        while s.queue:
            events += s.queue.popleft()
        note = s.note
        if note is not None:
            if note.stage == "reading":
                events += bytes([Event.READ_NOTE, 0])
                if not note.genuine:
                    self._reject(2)
                else:
                    note.stage = "escrow"
                    note.escrow_since = time.monotonic()
                    events += bytes([Event.READ_NOTE, note.channel])
            elif note.stage == "escrow" and note.on_string:
                events += bytes([Event.FRAUD_ATTEMPT, note.channel])
                s.note = None
            elif note.stage == "escrow":
                # The POLL after escrow accepts the note (HOLD would have kept it).
                note.stage = "stacking"
                note.stacked_by = time.monotonic() + self.stack_time_s
                events.append(Event.NOTE_STACKING)
                if self.combine_credit and not self.stack_time_s:
                    events += self._finish_stack(note)
            elif note.stage == "stacking" and time.monotonic() >= note.stacked_by:
                events += self._finish_stack(note)
            elif note.stage == "stacking" and self.firmware.repeat_stacking:
                events.append(Event.NOTE_STACKING)
        if s.jam is not None:
            events += s.jam
        if s.stacker_full:
            events.append(Event.STACKER_FULL)
        if not s.cashbox_present:
            events.append(Event.CASHBOX_REMOVED)
        if not s.enabled:
            events.append(Event.DISABLED)
        return bytes(events)

    def _finish_stack(self, note: _Note) -> bytes:
        s = self.state
        s.last_reject = 0  # "0: note accepted"
        s.stacked.append(s.channels[note.channel - 1])
        s.stacked_at.append(max(note.stacked_by, 0.0) or time.monotonic())
        s.note = None
        return bytes([Event.CREDIT_NOTE, note.channel, Event.NOTE_STACKED])

    def _reject(self, code: int) -> None:
        s = self.state
        if s.note is not None and s.note.genuine:
            s.returned.append(s.channels[s.note.channel - 1])
        s.note = None
        s.last_reject = code
        s.rejected_count += 1
        s.queue.append(bytes([Event.NOTE_REJECTING]))
        s.queue.append(bytes([Event.NOTE_REJECTED]))

    def _tick(self) -> None:
        with self.lock:
            note = self.state.note
            timed_out = note is not None and time.monotonic() - note.escrow_since > self.escrow_timeout_s
            if note is not None and note.stage == "escrow" and timed_out:
                self._reject(19)

    def _power_up(self) -> None:
        """After power returns: a note left in escrow goes back out of the front; one mid-stack is pushed in."""
        s = self.state
        s.enabled, s.inhibit_mask, s.synced, s.last_flag = False, 0, False, None
        s.reset_pending, s.queue, s.jam = True, deque(), None
        note, s.note = s.note, None
        if note is not None and note.stage == "escrow":
            s.last_reject = 19
            s.returned.append(s.channels[note.channel - 1])
            s.queue.append(bytes([Event.CLEARED_FROM_FRONT, note.channel]))
        elif note is not None and note.stage == "stacking":
            s.last_reject = 0
            s.stacked.append(s.channels[note.channel - 1])
            s.queue.append(bytes([Event.CLEARED_INTO_CASHBOX, note.channel]))

    # -- physical events ---------------------------------------------------------------------------
    def insert_note(self, rupees: int, *, on_string: bool = False) -> bool:
        """A villager pushes in a genuine note (on a string: fraud). False when the device refuses it at once."""
        with self.lock:
            s = self.state
            if rupees not in s.channels:
                return self.insert_fake_note()
            channel = s.channels.index(rupees) + 1
            if s.note is not None:
                return False  # the slot is busy: the villager cannot insert a second note
            if not s.enabled or not s.inhibit_mask & (1 << (channel - 1)) or s.stacker_full or s.jam:
                s.returned.append(rupees)
                s.last_reject = 12 if not s.enabled else 6
                s.queue.append(bytes([Event.NOTE_REJECTING]))
                s.queue.append(bytes([Event.NOTE_REJECTED]))
                return False
            s.note = _Note(channel, "reading", on_string=on_string)
            return True

    def insert_fake_note(self) -> bool:
        with self.lock:
            if self.state.note is not None or not self.state.enabled:
                return False
            self.state.note = _Note(1, "reading", genuine=False)
            return True

    def jam(self, *, safe: bool) -> None:
        with self.lock:
            self.state.jam = bytes([Event.SAFE_JAM if safe else Event.UNSAFE_JAM])

    def clear_jam(self) -> None:
        with self.lock:
            self.state.jam = None

    def fill_stacker(self, full: bool = True) -> None:
        with self.lock:
            self.state.stacker_full = full

    def remove_cashbox(self) -> None:
        with self.lock:
            self.state.cashbox_present = False

    def replace_cashbox(self) -> None:
        with self.lock:
            self.state.cashbox_present = True
            self.state.queue.append(bytes([Event.CASHBOX_REPLACED]))

    def power_cycle(self) -> None:
        with self.lock:
            self._power_up()

    def power_cycle_with_note(self, rupees: int, *, stage: str) -> None:
        """Power fails while a note is in escrow (it comes back out) or mid-stack (it goes into the box)."""
        if stage not in ("escrow", "stacking"):
            raise ValueError("stage is 'escrow' or 'stacking'")
        with self.lock:
            self.state.note = _Note(self.state.channels.index(rupees) + 1, stage)
            self._power_up()

    # -- faults on the wire ------------------------------------------------------------------------
    def drop_replies(self, count: int = 1) -> None:
        with self.lock:
            self._drop_replies += count

    def corrupt_replies(self, count: int = 1) -> None:
        with self.lock:
            self._corrupt_replies += count

    def go_silent(self, silent: bool = True) -> None:
        with self.lock:
            self._silent = silent

    def send_garbage(self, data: bytes) -> None:
        self._write(data)

    @property
    def stacked(self) -> list[int]:
        with self.lock:
            return list(self.state.stacked)

    @property
    def note_in_escrow(self) -> bool:
        with self.lock:
            return self.state.note is not None and self.state.note.stage == "escrow"
