"""A JCM-style bill acceptor seen from the wire: speaks ID-003 from the device side over a pty.

Tests script physical events (insert a note, a fake, a note on a string, jam, cash box out, power cut with a note
inside …) and read `stacked`, the notes that really reached the cash box — the truth a ledger is checked against.
"""

from __future__ import annotations

import os
import selectors
import threading
import time
import tty
from dataclasses import dataclass, field
from pathlib import Path

from drivers.cash.id003.codec import (
    DENOMINATION_TABLES,
    SETTINGS,
    Command,
    Decoder,
    Frame,
    Status,
    encode,
    refused_codes,
)
from drivers.cash.id003.profiles import FULL, PROFILES, Firmware

ESCROW_TIMEOUT_S = 10.0
INR = DENOMINATION_TABLES["INR"]
ACK = encode(Command.ACK)


@dataclass
class _Note:
    code: int  # the JCM denomination code (0x61 …)
    stage: str  # accepting → escrow → stacking → vend → stacked, or returning / rejecting / cheated
    genuine: bool = True
    on_string: bool = False  # fraud: pulled back out while the acceptor stacks it
    polls: int = 0  # polls spent in this stage
    escrow_since: float = 0.0


@dataclass
class EmulatorState:
    inhibited: bool = True
    refused: set[int] = field(default_factory=set)
    power_up: Status | None = Status.POWER_UP  # until the host sends RESET
    initializing: int = 0  # polls left in INITIALIZE
    note: _Note | None = None
    pending: list[Frame] = field(default_factory=list)  # one-poll statuses (a refusal at the slot)
    jam: Status | None = None
    stacker_full: bool = False
    cashbox_present: bool = True
    failure: int | None = None
    stacked: list[int] = field(default_factory=list)  # rupee values in the cash box
    returned: list[int] = field(default_factory=list)  # genuine notes given back to the villager

    @property
    def enabled(self) -> bool:
        return self.power_up is None and not self.inhibited and set(INR) - self.refused != set()


class Id003Emulator:
    """The device side. `serve_pty()` gives a path for the driver; script it with the physical-event methods."""

    def __init__(self, *, firmware: Firmware | str = FULL, version: bytes = b"i(INR)-100-SS ID003-03V280-12") -> None:
        self.firmware = PROFILES[firmware] if isinstance(firmware, str) else firmware
        self.version = version
        self.state = EmulatorState()
        self.escrow_timeout_s = ESCROW_TIMEOUT_S
        self.lock = threading.RLock()
        self.received: list[Frame] = []
        self._decoder = Decoder()
        self._drop_replies = 0
        self._corrupt_replies = 0
        self._lose_commands = 0
        self.cut_power_at: str | None = None  # the power fails when a note reaches this stage (e.g. "vend")
        self._silent = False
        self._fd: int | None = None
        self._slave_fd: int | None = None
        self._link: Path | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- the pty ---------------------------------------------------------------------------------
    def serve_pty(self, link: Path | None = None) -> str:
        """Open a pty pair; returns the path the driver opens (a stable symlink when `link` is given)."""
        self._open_pty()
        self._link = link
        self._point_link()
        self._thread = threading.Thread(target=self._run, name="id003-emulator", daemon=True)
        self._thread.start()
        return str(link) if link is not None else os.ttyname(self._slave_fd or 0)

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
        """The cable is pulled: the port disappears."""
        with self.lock:
            for fd in (self._fd, self._slave_fd):
                if fd is not None:
                    os.close(fd)
            self._fd = self._slave_fd = None
            if self._link is not None:
                self._link.unlink(missing_ok=True)

    def replug(self) -> None:
        """Plugged back in (the device also powers up again)."""
        with self.lock:
            self._open_pty()
            self._point_link()
            self._power_up()

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
        self.unplug()

    def _run(self) -> None:
        while not self._stop.is_set():
            with self.lock:
                fd = self._fd
            if fd is None:
                time.sleep(0.005)
                continue
            with selectors.DefaultSelector() as selector:
                try:
                    selector.register(fd, selectors.EVENT_READ)
                    ready = selector.select(0.05)
                    chunk = os.read(fd, 512) if ready else b""
                except (ValueError, OSError):
                    continue
            if not chunk:
                self._tick()
            for frame in self._decoder.feed(chunk):
                self._handle(frame)

    def _write(self, raw: bytes) -> None:
        with self.lock:
            if self._fd is not None:
                os.write(self._fd, raw)

    # -- protocol ----------------------------------------------------------------------------------
    def _handle(self, frame: Frame) -> None:
        with self.lock:
            self.received.append(frame)
            if self._silent:
                return
            if self._lose_commands:
                self._lose_commands -= 1
                return
            reply = self._execute(frame)
            if reply is None:
                return
            if self._drop_replies:
                self._drop_replies -= 1
                return
            if self._corrupt_replies:
                self._corrupt_replies -= 1
                reply = reply[:-1] + bytes([reply[-1] ^ 0xFF])
        if self.firmware.reply_delay_s:
            time.sleep(self.firmware.reply_delay_s)
        self._write(reply)

    def _execute(self, frame: Frame) -> bytes | None:
        s, code = self.state, frame.code
        invalid = encode(Status.INVALID_COMMAND)
        if code in self.firmware.refuses:
            return invalid
        if code == Command.STATUS_REQUEST:
            return encode(*self._status())
        if code == Command.RESET:
            self._reset()
            return ACK
        if s.power_up is not None:
            return invalid  # before RESET only status requests and RESET are taken
        if code in SETTINGS:
            return self._setting(frame)
        if code == Command.VERSION:
            return encode(Command.VERSION, self.version)
        if code == Command.ACK:  # the host's ACK of VEND VALID is not answered
            note = self.state.note
            if note is not None and note.stage == "vend":
                self._move(note, "stacked")
            return None
        return self._operation(code) or invalid

    def _setting(self, frame: Frame) -> bytes:
        s = self.state
        if frame.code == Command.SET_DENOMINATIONS:
            if len(frame.data) != 2:
                return encode(Status.INVALID_COMMAND)
            s.refused = refused_codes(frame.data)
        elif frame.code == Command.SET_INHIBIT:
            if len(frame.data) != 1 or frame.data[0] > 1:
                return encode(Status.INVALID_COMMAND)
            s.inhibited = frame.data[0] == 1
        return encode(frame.code, frame.data)  # a setting is answered by echoing it

    def _operation(self, code: int) -> bytes | None:
        note = self.state.note
        if note is not None and note.stage == "escrow":
            if code in (Command.STACK_1, Command.STACK_2):
                self._move(note, "stacking")
                return ACK
            if code == Command.RETURN:
                self._move(note, "returning")
                return ACK
            if code == Command.HOLD:
                note.escrow_since = time.monotonic()
                return ACK
        return None

    def _move(self, note: _Note, stage: str) -> None:
        note.stage, note.polls = stage, 0
        if stage == "escrow":
            note.escrow_since = time.monotonic()
        elif stage == "stacked":
            self.state.stacked.append(INR[note.code])
        elif stage == "returning" and note.genuine:
            self.state.returned.append(INR[note.code])
        if stage == "returning" and not self.firmware.return_polls:
            self.state.note = None  # out so fast that no status request sees RETURNING

    def _status(self) -> tuple[int, bytes]:
        """What a STATUS REQUEST sees now; each poll also moves the mechanism on by one step."""
        s = self.state
        if s.power_up is not None:
            return s.power_up, b""
        for status, data, on in (
            (Status.FAILURE, bytes([s.failure or 0]), s.failure is not None),
            (s.jam or Status.ACCEPTOR_JAM, b"", s.jam is not None),
            (Status.STACKER_OPEN, b"", not s.cashbox_present),
            (Status.STACKER_FULL, b"", s.stacker_full and s.note is None),
        ):
            if on:
                return status, data
        if s.initializing:
            s.initializing -= 1
            return Status.INITIALIZE, b""
        if s.pending:
            frame = s.pending.pop(0)
            return frame.code, frame.data
        if s.note is not None:
            return self._note_status(s.note)
        return (Status.INHIBIT if not s.enabled else Status.IDLING), b""

    def _note_status(self, note: _Note) -> tuple[int, bytes]:
        if note.stage == self.cut_power_at and (note.stage != "vend" or note.polls):
            self.cut_power_at = None
            self._power_up()
            return self.state.power_up or Status.POWER_UP, b""
        note.polls += 1
        stage, f = note.stage, self.firmware
        if stage == "accepting":
            self._move(note, "escrow" if note.genuine else "rejecting")
            return Status.ACCEPTING, b""
        if stage == "escrow":
            return Status.ESCROW, bytes([note.code])
        if stage == "stacking":
            if note.on_string:
                self._move(note, "cheated")
            elif note.polls >= f.stack_polls:
                self._move(note, "vend")
            return Status.STACKING, b""
        if stage == "vend":
            return Status.VEND_VALID, b""  # until the host ACKs it
        self.state.note = None if note.polls >= f.return_polls or stage in ("stacked", "cheated") else note
        if stage == "stacked":
            return Status.STACKED, b""
        if stage == "cheated":
            return Status.CHEATED, b""
        if stage == "rejecting":
            return Status.REJECTING, bytes([0x76])
        return Status.RETURNING, b""

    def _tick(self) -> None:
        with self.lock:
            note = self.state.note
            waited = time.monotonic() - note.escrow_since if note is not None else 0.0
            if note is not None and note.stage == "escrow" and waited > self.escrow_timeout_s:
                self._move(note, "returning")

    def _reset(self) -> None:
        """RESET: a note caught by a power cut is settled (in the head: back out; in the stacker: into the box)."""
        s = self.state
        note, kind = s.note, s.power_up
        s.power_up, s.note, s.initializing, s.pending = None, None, self.firmware.init_polls, []
        s.inhibited, s.refused, s.jam = True, set(), None
        if note is not None and kind is Status.POWER_UP_BILL_IN_STACKER:
            s.stacked.append(INR[note.code])
        elif note is not None and note.genuine:
            s.returned.append(INR[note.code])

    def _power_up(self) -> None:
        s = self.state
        note = s.note
        if note is None or note.stage in ("returning", "rejecting", "stacked", "cheated"):
            s.note, s.power_up = None, Status.POWER_UP
        elif note.stage in ("stacking", "vend"):
            s.power_up = Status.POWER_UP_BILL_IN_STACKER
        else:
            s.power_up = Status.POWER_UP_BILL_IN_ACCEPTOR

    # -- physical events ---------------------------------------------------------------------------
    def insert_note(self, rupees: int, *, on_string: bool = False) -> bool:
        """A villager pushes in a genuine note (on a string: fraud). False when the device refuses it at once."""
        codes = [code for code, value in INR.items() if value == rupees]
        if not codes:
            return self.insert_fake_note()
        with self.lock:
            s = self.state
            if s.note is not None:
                return False  # the slot is busy
            if not s.enabled or codes[0] in s.refused or s.jam or s.stacker_full or not s.cashbox_present:
                s.returned.append(rupees)
                s.pending.append(Frame(Status.REJECTING, bytes([0x79])))
                return False
            s.note = _Note(codes[0], "accepting", on_string=on_string)
            return True

    def insert_fake_note(self) -> bool:
        with self.lock:
            if self.state.note is not None or not self.state.enabled:
                return False
            self.state.note = _Note(min(INR), "accepting", genuine=False)
            return True

    def jam(self, *, safe: bool) -> None:
        """Safe: stuck in the stacker, out of reach; unsafe: stuck in the head, where a hand may reach it."""
        with self.lock:
            self.state.jam = Status.STACKER_JAM if safe else Status.ACCEPTOR_JAM

    def clear_jam(self) -> None:
        with self.lock:
            self.state.jam = None

    def fail(self, code: int | None) -> None:
        with self.lock:
            self.state.failure = code

    def fill_stacker(self, full: bool = True) -> None:
        with self.lock:
            self.state.stacker_full = full

    def remove_cashbox(self) -> None:
        with self.lock:
            self.state.cashbox_present = False

    def replace_cashbox(self) -> None:
        with self.lock:
            self.state.cashbox_present = True

    def power_cycle(self) -> None:
        with self.lock:
            self._power_up()

    def power_cycle_with_note(self, rupees: int, *, stage: str) -> None:
        """Power fails with a note in escrow (it comes back out) or mid-stack (it goes into the box)."""
        if stage not in ("escrow", "stacking"):
            raise ValueError("stage is 'escrow' or 'stacking'")
        code = next(c for c, value in INR.items() if value == rupees)
        with self.lock:
            self.state.note = _Note(code, stage)
            self._power_up()

    # -- faults on the wire ------------------------------------------------------------------------
    def drop_replies(self, count: int = 1) -> None:
        with self.lock:
            self._drop_replies += count

    def corrupt_replies(self, count: int = 1) -> None:
        with self.lock:
            self._corrupt_replies += count

    def lose_commands(self, count: int = 1) -> None:
        """The next frames from the host never arrive (noise on the line): no reply, nothing done."""
        with self.lock:
            self._lose_commands += count

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
