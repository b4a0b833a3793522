"""NMEA 0183 sentences: checksum, GGA and RMC positions, and the checks that turn a bad sentence away. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce

import pynmea2

MAX_SENTENCE = 82  # the standard's limit, including $ and CRLF
# A receiver's own 1-sigma error is roughly HDOP times the user range error; 5 m is a fair figure for
# single-frequency GPS, so accuracy_m = 5 × HDOP (an estimate, reported as such in the geo-tag).
UERE_M = 5.0


class NmeaError(ValueError):
    """A sentence that was refused; the message names what was wrong."""


@dataclass(frozen=True, slots=True)
class Position:
    kind: str  # "GGA" or "RMC"
    valid: bool  # False: the receiver itself says it has no fix (GGA quality 0, RMC status V)
    latitude: float | None = None
    longitude: float | None = None
    quality: int | None = None
    hdop: float | None = None
    satellites: int | None = None

    @property
    def accuracy_m(self) -> float | None:
        return None if self.hdop is None else round(self.hdop * UERE_M, 1)


def checksum(body: str) -> str:
    return f"{reduce(lambda acc, ch: acc ^ ord(ch), body, 0):02X}"


def sentence(body: str) -> bytes:
    """'GPGGA,…' → b'$GPGGA,…*hh\\r\\n'."""
    return f"${body}*{checksum(body)}\r\n".encode("ascii")


def _text(line: bytes) -> str:
    stripped = line.strip(b"\r\n")
    if len(stripped) + 2 > MAX_SENTENCE:
        raise NmeaError(f"sentence of {len(stripped)} characters is longer than NMEA's {MAX_SENTENCE}")
    try:
        text = stripped.decode("ascii")
    except UnicodeDecodeError:
        raise NmeaError("sentence has non-ASCII bytes") from None
    if not text.isprintable():
        raise NmeaError("sentence has control characters")
    if not text.startswith("$"):
        raise NmeaError(f"sentence does not start with '$': {text[:12]!r}")
    body, star, given = text[1:].rpartition("*")
    if not star or len(given) != 2:
        raise NmeaError(f"sentence has no *hh checksum: {text[:12]!r}")
    if given.upper() != checksum(body):
        raise NmeaError(f"checksum {given} does not match computed {checksum(body)} in {body[:6]!r}")
    return text


def _coordinate(raw: str, hemisphere: str, max_degrees: int, what: str, hemispheres: str) -> float:
    degree_digits = 2 if max_degrees == 90 else 3
    try:
        degrees = int(raw[:degree_digits])
        minutes = float(raw[degree_digits:])
    except ValueError:
        raise NmeaError(f"{what} {raw!r} is not ddmm.mmmm") from None
    if hemisphere not in hemispheres:
        raise NmeaError(f"{what} hemisphere {hemisphere!r}: expected {' or '.join(hemispheres)}")
    if not 0 <= minutes < 60:
        raise NmeaError(f"{what} {raw!r} has {minutes} minutes (impossible)")
    value = degrees + minutes / 60
    if value > max_degrees:
        raise NmeaError(f"{what} {raw!r} is beyond {max_degrees} degrees (impossible)")
    return -value if hemisphere in "SW" else value


def _whole(raw: object, what: str) -> int | None:
    """A small whole-number field; empty is None. A checksummed sentence can still carry junk here (seen: 'X').

    pynmea2 hands some fields over already converted and others as text, so both are taken."""
    text = "" if raw is None else str(raw)
    if not text:
        return None
    if not (text.isascii() and text.isdigit()):
        raise NmeaError(f"{what} {text[:8]!r} is not a whole number")
    return int(text)


def _hdop(raw: object) -> float | None:
    text = "" if raw is None else str(raw)
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise NmeaError(f"GGA HDOP {text[:8]!r} is not a number") from None
    if not 0 <= value < 100:  # also refuses nan and inf, which float() accepts
        raise NmeaError(f"GGA HDOP {text[:8]!r} is outside 0-99.9")
    return value


def decode(line: bytes) -> Position | None:
    """A GGA or RMC position, None for other sentence types; NmeaError for anything malformed."""
    text = _text(line)
    try:
        message = pynmea2.parse(text, check=True)
    except pynmea2.ParseError as exc:
        raise NmeaError(f"unparseable sentence {text[:12]!r}: {exc.args[0] if exc.args else exc}") from None
    kind = getattr(message, "sentence_type", "")
    if kind == "GGA":
        quality = _whole(message.gps_qual, "GGA fix quality") or 0
        if quality == 0 or not message.lat:
            return Position("GGA", False, quality=quality)
        lat = _coordinate(message.lat, message.lat_dir, 90, "latitude", "NS")
        lon = _coordinate(message.lon, message.lon_dir, 180, "longitude", "EW")
        hdop = _hdop(message.horizontal_dil)
        sats = _whole(message.num_sats, "GGA satellite count")
        return Position("GGA", True, lat, lon, quality, hdop, sats)
    if kind == "RMC":
        if message.status != "A" or not message.lat:
            return Position("RMC", False)
        lat = _coordinate(message.lat, message.lat_dir, 90, "latitude", "NS")
        lon = _coordinate(message.lon, message.lon_dir, 180, "longitude", "EW")
        return Position("RMC", True, lat, lon)
    return None
