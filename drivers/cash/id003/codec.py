"""ID-003 bytes: CRC-16/KERMIT, frames (SYNC, LNG, code, data, CRC), status codes and the rupee note table. Pure."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

SYNC = 0xFC
HEADER = 3  # SYNC, LNG, command/status
OVERHEAD = HEADER + 2  # … and the two CRC bytes
MAX_FRAME = 0xFF  # LNG is one byte and counts the whole frame


class Id003CodecError(ValueError):
    """Bytes that are not a valid ID-003 frame (bad CRC, truncated, malformed reply)."""


class Command(enum.IntEnum):
    STATUS_REQUEST = 0x11
    RESET = 0x40
    STACK_1 = 0x41
    STACK_2 = 0x42
    RETURN = 0x43
    HOLD = 0x44
    WAIT = 0x45
    ACK = 0x50
    SET_DENOMINATIONS = 0xC0  # 2-byte mask, bit n = 1 refuses denomination code 0x61 + n
    SET_SECURITY = 0xC1
    SET_COMMUNICATION_MODE = 0xC2
    SET_INHIBIT = 0xC3  # 00 accept, 01 inhibit
    SET_DIRECTION = 0xC4
    SET_OPTIONAL_FUNCTIONS = 0xC5
    VERSION = 0x88
    BOOT_VERSION = 0x89


class Status(enum.IntEnum):
    IDLING = 0x11
    ACCEPTING = 0x12
    ESCROW = 0x13  # + 1 denomination code byte
    STACKING = 0x14
    VEND_VALID = 0x15  # the note is past the point of no return: credit it, then ACK
    STACKED = 0x16
    REJECTING = 0x17  # + 1 reason byte
    RETURNING = 0x18
    HOLDING = 0x19
    INHIBIT = 0x1A  # disabled
    INITIALIZE = 0x1B
    POWER_UP = 0x40
    POWER_UP_BILL_IN_ACCEPTOR = 0x41
    POWER_UP_BILL_IN_STACKER = 0x42
    STACKER_FULL = 0x43
    STACKER_OPEN = 0x44  # the cash box is out
    ACCEPTOR_JAM = 0x45
    STACKER_JAM = 0x46
    PAUSE = 0x47
    CHEATED = 0x48
    FAILURE = 0x49  # + 1 failure code byte
    COMMUNICATION_ERROR = 0x4A
    INVALID_COMMAND = 0x4B


POWER_UP = frozenset({Status.POWER_UP, Status.POWER_UP_BILL_IN_ACCEPTOR, Status.POWER_UP_BILL_IN_STACKER})
STATUSES_WITH_DATA = frozenset({Status.ESCROW, Status.REJECTING, Status.FAILURE})
SETTINGS = frozenset(
    {
        Command.SET_DENOMINATIONS,
        Command.SET_SECURITY,
        Command.SET_COMMUNICATION_MODE,
        Command.SET_INHIBIT,
        Command.SET_DIRECTION,
        Command.SET_OPTIONAL_FUNCTIONS,
    }
)

REJECT_REASONS = {
    0x71: "insertion error",
    0x72: "magnetic pattern error",
    0x73: "note left in the head",
    0x74: "compensation error",
    0x75: "conveying error",
    0x76: "invalid note",
    0x77: "photo pattern error",
    0x78: "photo level error",
    0x79: "denomination inhibited",
    0x7B: "operation error",
    0x7C: "note left in the stacker",
    0x7D: "length error",
    0x7E: "photo pattern error",
    0x98: "more than one note inserted",
}

FAILURES = {
    0xA2: "stacker motor failure",
    0xA5: "transport motor speed failure",
    0xA6: "transport motor failure",
    0xAB: "cash box not ready",
    0xAF: "validator head removed",
    0xB0: "boot ROM failure",
    0xB1: "external ROM failure",
    0xB2: "ROM failure",
    0xB3: "external ROM write failure",
}

# JCM's denomination codes (0x61–0x68) are assigned per currency by the unit's software; these are the Indian
# rupee assignments as data (verify against the INR software's sheet when a unit is on the bench).
DENOMINATION_TABLES: dict[str, dict[int, int]] = {
    "INR": {0x61: 10, 0x62: 20, 0x63: 50, 0x64: 100, 0x65: 200, 0x66: 500},
}
FIRST_CODE = 0x61
BARCODE_TICKET = 0x6F


def crc16_kermit(data: bytes) -> int:
    """CRC-16/KERMIT: polynomial 0x1021 reflected (0x8408), init 0, no final xor (check 0x2189 for '123456789')."""
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0x8408 if crc & 1 else crc >> 1
    return crc


def encode(code: int, data: bytes = b"") -> bytes:
    """One frame: SYNC, LNG (the whole frame's length), code, data, CRC low byte, CRC high byte."""
    if not 0 <= code <= 0xFF:
        raise Id003CodecError(f"command/status code {code} is out of range 0..255")
    length = OVERHEAD + len(data)
    if length > MAX_FRAME:
        raise Id003CodecError(f"data of {len(data)} bytes does not fit one frame (at most {MAX_FRAME - OVERHEAD})")
    body = bytes([SYNC, length, code]) + data
    crc = crc16_kermit(body)
    return body + bytes([crc & 0xFF, crc >> 8])


@dataclass(frozen=True, slots=True)
class Frame:
    code: int
    data: bytes = b""


class Decoder:
    """Feed bytes as they arrive; complete frames come out. After a bad frame it resynchronises on the next SYNC."""

    def __init__(self) -> None:
        self._buffer = bytearray()
        self.errors: list[str] = []

    def feed(self, chunk: bytes) -> list[Frame]:
        self._buffer += chunk
        frames: list[Frame] = []
        while True:
            start = self._buffer.find(SYNC)
            if start < 0:
                self._buffer.clear()
                return frames
            del self._buffer[:start]
            if len(self._buffer) < 2:
                return frames
            length = self._buffer[1]
            if length < OVERHEAD:
                self.errors.append(f"length byte {length} is shorter than a frame")
                del self._buffer[:1]
                continue
            if len(self._buffer) < length:
                later = self._later_frame()
                if later is None:
                    return frames
                self.errors.append("frame cut short by a later complete frame")
                del self._buffer[:later]
                continue
            raw = bytes(self._buffer[:length])
            if crc16_kermit(raw[:-2]) != raw[-2] | raw[-1] << 8:
                self.errors.append("bad CRC")
                del self._buffer[:1]  # the SYNC may have been noise: look for the next one inside
                continue
            del self._buffer[:length]
            frames.append(Frame(raw[2], raw[HEADER:-2]))

    def _later_frame(self) -> int | None:
        """Where a complete, valid frame starts after a SYNC whose long length byte was noise, if one has arrived."""
        start = self._buffer.find(SYNC, 1)
        while start > 0:
            length = self._buffer[start + 1] if start + 1 < len(self._buffer) else 0
            raw = bytes(self._buffer[start : start + length])
            if length >= OVERHEAD and len(raw) == length and crc16_kermit(raw[:-2]) == raw[-2] | raw[-1] << 8:
                return start
            start = self._buffer.find(SYNC, start + 1)
        return None


def decode_one(raw: bytes) -> Frame:
    """Decode exactly one frame, or raise Id003CodecError saying why."""
    decoder = Decoder()
    frames = decoder.feed(raw)
    if len(frames) != 1:
        reason = decoder.errors[0] if decoder.errors else "incomplete or missing frame"
        raise Id003CodecError(f"not one ID-003 frame ({reason}): {raw.hex(' ')}")
    return frames[0]


@dataclass(frozen=True, slots=True)
class Reply:
    status: Status
    data: bytes = b""

    @property
    def detail(self) -> int | None:
        """The byte after ESCROW, REJECTING or FAILURE."""
        return self.data[0] if self.data else None


def parse_status(frame: Frame) -> Reply:
    """A reply to STATUS REQUEST, checked: a known status, with its one data byte where it carries one."""
    try:
        status = Status(frame.code)
    except ValueError:
        raise Id003CodecError(f"unknown status 0x{frame.code:02X}") from None
    if status in STATUSES_WITH_DATA and len(frame.data) != 1:
        raise Id003CodecError(f"status {status.name} needs one data byte, got {len(frame.data)}")
    return Reply(status, frame.data)


def denomination_mask(refused_codes: set[int]) -> bytes:
    """SET DENOMINATIONS data: 2 bytes, bit n of the first byte refuses code 0x61 + n (1 = refused)."""
    mask = 0
    for code in refused_codes:
        if not FIRST_CODE <= code < FIRST_CODE + 8:
            raise Id003CodecError(f"denomination code 0x{code:02X} is out of range 0x61..0x68")
        mask |= 1 << (code - FIRST_CODE)
    return bytes([mask, 0])


def refused_codes(mask: bytes) -> set[int]:
    """The inverse of denomination_mask (used by the emulator)."""
    if len(mask) != 2:
        raise Id003CodecError(f"a denomination mask is 2 bytes, got {len(mask)}")
    return {FIRST_CODE + n for n in range(8) if mask[0] & (1 << n)}


def version_currency(version: bytes) -> str | None:
    """The currency a JCM version string names in brackets, e.g. b'i(INR)-100-SS ID003-03V…' → 'INR'."""
    match = re.search(rb"\(([A-Z]{3})\)", version)
    return match.group(1).decode("ascii") if match else None
