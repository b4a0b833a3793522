"""SSP bytes: CRC-16, byte stuffing, packets with the sequence flag, and the replies of a note validator. Pure."""

from __future__ import annotations

import enum
from dataclasses import dataclass

STX = 0x7F
SEQ_FLAG = 0x80
MAX_DATA = 255


class SspCodecError(ValueError):
    """Bytes that are not a valid SSP packet (bad CRC, truncated, malformed reply)."""


class Command(enum.IntEnum):
    RESET = 0x01
    SET_INHIBITS = 0x02
    SETUP_REQUEST = 0x05
    HOST_PROTOCOL_VERSION = 0x06
    POLL = 0x07
    REJECT = 0x08
    DISABLE = 0x09
    ENABLE = 0x0A
    SERIAL_NUMBER = 0x0C
    UNIT_DATA = 0x0D
    CHANNEL_VALUES = 0x0E
    SYNC = 0x11
    LAST_REJECT_CODE = 0x17
    HOLD = 0x18
    GET_COUNTERS = 0x58  # (verify) persistent note counters; not in the checked vectors


class Generic(enum.IntEnum):
    OK = 0xF0
    UNKNOWN_COMMAND = 0xF2
    WRONG_PARAMETERS = 0xF3
    PARAMETER_OUT_OF_RANGE = 0xF4
    CANNOT_PROCESS = 0xF5
    SOFTWARE_ERROR = 0xF6
    FAIL = 0xF8
    KEY_NOT_SET = 0xFA


class Event(enum.IntEnum):
    SLAVE_RESET = 0xF1
    READ_NOTE = 0xEF  # channel 0: reading; n > 0: note n in escrow
    CREDIT_NOTE = 0xEE
    NOTE_STACKING = 0xCC
    NOTE_STACKED = 0xEB
    NOTE_REJECTING = 0xED
    NOTE_REJECTED = 0xEC
    UNSAFE_JAM = 0xE9
    SAFE_JAM = 0xEA
    FRAUD_ATTEMPT = 0xE6
    STACKER_FULL = 0xE7
    DISABLED = 0xE8
    CASHBOX_REMOVED = 0xE3
    CASHBOX_REPLACED = 0xE4
    CLEARED_FROM_FRONT = 0xE1
    CLEARED_INTO_CASHBOX = 0xE2
    NOTE_PATH_OPEN = 0xE0
    CHANNEL_DISABLE = 0xB5


# Events followed by one channel byte (for a note validator).
EVENTS_WITH_CHANNEL = frozenset(
    {
        Event.READ_NOTE,
        Event.CREDIT_NOTE,
        Event.FRAUD_ATTEMPT,
        Event.CLEARED_FROM_FRONT,
        Event.CLEARED_INTO_CASHBOX,
    }
)

REJECT_REASONS = {
    0: "note accepted",
    1: "note length incorrect",
    2: "invalid note",
    3: "invalid note",
    4: "invalid note",
    5: "invalid note",
    6: "channel inhibited",
    7: "second note inserted",
    8: "rejected by host",
    9: "note recognised in more than one channel",
    10: "invalid note",
    11: "note too long",
    12: "validator disabled",
    13: "mechanism slow or stalled",
    14: "strimming attempt",
    15: "fraud channel reject",
    16: "no notes inserted",
    17: "peak detect fail",
    18: "twisted note",
    19: "escrow time-out",
    20: "bar code scan fail",
    25: "incorrect note width",
    26: "note too short",
    28: "double note",
}


def crc16(data: bytes) -> int:
    """CRC-16 with polynomial 0x8005, seed 0xFFFF, not reflected (check value 0xAEE7 for '123456789')."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x8005) if crc & 0x8000 else (crc << 1)
            crc &= 0xFFFF
    return crc


def stuff(body: bytes) -> bytes:
    """Every 0x7F after STX is sent twice."""
    return body.replace(b"\x7f", b"\x7f\x7f")


def encode(address: int, seq: bool, data: bytes) -> bytes:
    """One packet: STX, SEQ/ID, LEN, DATA, CRCL, CRCH — stuffed."""
    if not 0 <= address <= 0x7F:
        raise SspCodecError(f"address {address} is out of range 0..127")
    if not 1 <= len(data) <= MAX_DATA:
        raise SspCodecError(f"data length {len(data)} is out of range 1..255")
    body = bytes([(SEQ_FLAG if seq else 0) | address, len(data)]) + data
    crc = crc16(body)
    return bytes([STX]) + stuff(body + bytes([crc & 0xFF, crc >> 8]))


@dataclass(frozen=True, slots=True)
class Packet:
    address: int
    seq: bool
    data: bytes

    @property
    def seq_id(self) -> int:
        return (SEQ_FLAG if self.seq else 0) | self.address


class Decoder:
    """Feed bytes as they arrive; complete packets come out. A lone 0x7F starts a new packet (resynchronisation)."""

    def __init__(self) -> None:
        self._body = bytearray()
        self._in_packet = False
        self._pending_7f = False
        self.errors: list[str] = []

    def feed(self, chunk: bytes) -> list[Packet]:
        packets: list[Packet] = []
        for byte in chunk:
            if not self._in_packet:
                if byte == STX:
                    self._start()
                continue
            if self._pending_7f:
                self._pending_7f = False
                if byte == STX:  # stuffed 0x7F
                    self._body.append(STX)
                else:  # a lone 0x7F: the previous packet was cut short; this byte begins a new one
                    self.errors.append("packet cut short by a new STX")
                    self._start()
                    self._accept(byte, packets)
                    continue
            elif byte == STX:
                self._pending_7f = True
                continue
            else:
                self._body.append(byte)
            self._complete(packets)
        return packets

    def _accept(self, byte: int, packets: list[Packet]) -> None:
        if byte == STX:
            self._pending_7f = True
            return
        self._body.append(byte)
        self._complete(packets)

    def _start(self) -> None:
        self._body = bytearray()
        self._in_packet = True
        self._pending_7f = False

    def _complete(self, packets: list[Packet]) -> None:
        body = self._body
        if len(body) < 2 or len(body) < 2 + body[1] + 2:
            return
        length = body[1]
        frame, crc_bytes = bytes(body[: 2 + length]), body[2 + length : 4 + length]
        self._in_packet = False
        if length == 0:
            self.errors.append("packet with no data")
            return
        if crc16(frame) != crc_bytes[0] | crc_bytes[1] << 8:
            self.errors.append("bad CRC")
            return
        packets.append(Packet(frame[0] & 0x7F, bool(frame[0] & SEQ_FLAG), frame[2:]))


def decode_one(raw: bytes) -> Packet:
    """Decode exactly one packet, or raise SspCodecError saying why."""
    decoder = Decoder()
    packets = decoder.feed(raw)
    if len(packets) != 1:
        reason = decoder.errors[0] if decoder.errors else "incomplete or missing packet"
        raise SspCodecError(f"not one SSP packet ({reason}): {raw.hex(' ')}")
    return packets[0]


@dataclass(frozen=True, slots=True)
class PollEvent:
    code: Event
    channel: int | None = None


def parse_poll(data: bytes) -> list[PollEvent]:
    """The events after the leading OK of a POLL reply."""
    if not data or data[0] != Generic.OK:
        raise SspCodecError(f"poll reply does not start with OK: {data.hex(' ')}")
    events: list[PollEvent] = []
    i = 1
    while i < len(data):
        try:
            code = Event(data[i])
        except ValueError:
            raise SspCodecError(f"unknown poll event 0x{data[i]:02X} at byte {i}") from None
        if code in EVENTS_WITH_CHANNEL:
            if i + 1 >= len(data):
                raise SspCodecError(f"poll event {code.name} lacks its channel byte")
            events.append(PollEvent(code, data[i + 1]))
            i += 2
        else:
            events.append(PollEvent(code))
            i += 1
    return events


@dataclass(frozen=True, slots=True)
class Setup:
    unit_type: int
    firmware: str
    country: str
    protocol_version: int
    channel_values: tuple[int, ...]  # in the currency's whole units (rupees), channel 1 first


def parse_setup(data: bytes) -> Setup:
    """SETUP REQUEST reply of a validator (after the leading OK)."""
    if not data or data[0] != Generic.OK:
        raise SspCodecError("setup reply does not start with OK")
    body = data[1:]
    try:
        unit_type = body[0]
        firmware = body[1:5].decode("ascii")
        country = body[5:8].decode("ascii")
        multiplier = int.from_bytes(body[8:11], "big")
        count = body[11]
        small_values = list(body[12 : 12 + count])
        offset = 12 + count + count  # skip obsolete security bytes
        offset += 3  # real value multiplier
        protocol = body[offset]
        offset += 1
        values = [v * max(multiplier, 1) for v in small_values]
        if protocol >= 6:
            offset += 3 * count  # per-channel country codes
            values = [int.from_bytes(body[offset + 4 * n : offset + 4 * n + 4], "little") for n in range(count)]
            if len(body) < offset + 4 * count:
                raise IndexError
    except (IndexError, UnicodeDecodeError):
        raise SspCodecError(f"setup reply is truncated or malformed ({len(data)} bytes)") from None
    if unit_type != 0:
        raise SspCodecError(f"unit type {unit_type} is not a note validator")
    return Setup(unit_type, firmware, country, protocol, tuple(values))


def build_setup(firmware: str, country: str, values: tuple[int, ...], protocol: int = 7) -> bytes:
    """The device's SETUP REQUEST reply (used by the emulator); protocol ≥ 6 carries 4-byte channel values."""
    count = len(values)
    small = bytes(min(v, 255) for v in values)
    data = bytes([Generic.OK, 0]) + firmware.encode("ascii")[:4] + country.encode("ascii")[:3]
    data += (1).to_bytes(3, "big") + bytes([count]) + small + bytes(count) + (1).to_bytes(3, "big")
    data += bytes([protocol])
    if protocol >= 6:
        data += country.encode("ascii")[:3] * count
        data += b"".join(v.to_bytes(4, "little") for v in values)
    return data


@dataclass(frozen=True, slots=True)
class Counters:
    stacked: int
    stored: int
    dispensed: int
    transferred: int
    rejected: int


def parse_counters(data: bytes) -> Counters:
    """GET COUNTERS reply: OK, the number of counters (5), then 5 little-endian 4-byte counters."""
    if len(data) < 22 or data[0] != Generic.OK or data[1] < 5:
        raise SspCodecError(f"counters reply is malformed ({len(data)} bytes)")
    values = [int.from_bytes(data[2 + 4 * n : 6 + 4 * n], "little") for n in range(5)]
    return Counters(*values)


def build_counters(counters: Counters) -> bytes:
    values = (counters.stacked, counters.stored, counters.dispensed, counters.transferred, counters.rejected)
    return bytes([Generic.OK, 5]) + b"".join(v.to_bytes(4, "little") for v in values)


def inhibit_mask(enabled_channels: set[int]) -> bytes:
    """SET CHANNEL INHIBITS data: 2-byte little-endian mask, bit 0 = channel 1, 1 = enabled."""
    mask = 0
    for channel in enabled_channels:
        if not 1 <= channel <= 16:
            raise SspCodecError(f"channel {channel} is out of range 1..16")
        mask |= 1 << (channel - 1)
    return mask.to_bytes(2, "little")
