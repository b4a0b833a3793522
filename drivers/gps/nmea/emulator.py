"""A GPS receiver on a pty: replays NMEA sentences (a Jaipur fix, a void fix, garbage) as one of four kinds of puck."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from drivers.gps.nmea.codec import checksum, sentence
from drivers.ptylink import PtyLink

JAIPUR_FIX = (
    sentence("GPGGA,063000.00,2654.744,N,07547.238,E,1,08,0.9,431.0,M,-41.0,M,,"),
    sentence("GPRMC,063000.00,A,2654.744,N,07547.238,E,0.0,0.0,150625,,,A"),
)
VOID_FIX = (
    sentence("GPGGA,063001.00,,,,,0,00,99.9,,,,,,"),
    sentence("GPRMC,063001.00,V,,,,,,,150625,,,N"),
)
GARBAGE = (
    b"\x00\xff\x13\x11garbage\r\n",
    b"$GPGGA,063000.00,2654.744,N,07547.238,E,1,08,0.9,431.0,M,-41.0,M,,*00\r\n",  # wrong checksum
    sentence("GPGGA,063002.00,9854.744,N,07547.238,E,1,08,0.9,431.0,M,-41.0,M,,"),  # latitude 98°
    sentence("GPRMC,063002.00,A,2675.000,N,07547.238,E,0.0,0.0,150625,,,A"),  # 75 minutes
)


# Checksummed, so they pass the framing checks, but a field is junk: the parser refuses each, the reader goes on.
ODD = (
    sentence("GPGGA,063000.00,2654.744,N,07547.238,E,1,08,a.b,431.0,M,-41.0,M,,"),  # non-numeric HDOP
    sentence("GPGGA,063000.00,2654.744,N,07547.238,E,X,08,0.9,431.0,M,-41.0,M,,"),  # non-numeric fix quality
    sentence("GPGGA,063000.00,2654.744,N,07547.238,E,1,zz,0.9,431.0,M,-41.0,M,,"),  # non-numeric satellite count
    sentence("GPGGA,063000.00,2654.744,N,07547.238,E,1,08,nan,431.0,M,-41.0,M,,"),  # float() takes nan
    sentence("GPGGA,063000.00,26x4.744,N,07547.238,E,1,08,0.9,431.0,M,-41.0,M,,"),  # latitude with a letter
)


def _lower(body: str) -> bytes:
    """Some receivers send the checksum in lower-case hex; the standard says upper, readers accept both."""
    return f"${body}*{checksum(body).lower()}\r\n".encode("ascii")


@dataclass(frozen=True, slots=True)
class Profile:
    """A kind of receiver: what one second of its output holds for the Jaipur fix, and how fast it comes."""

    name: str
    fix: tuple[bytes, ...]
    piece: int = 0  # >0: written in pieces of this many bytes …
    gap_s: float = 0.0  # … this far apart, so sentences arrive split across reads


_FULL = (
    sentence("GPGGA,063000.00,2654.744,N,07547.238,E,1,08,0.9,431.0,M,-41.0,M,,"),
    sentence("GPGSA,A,3,01,03,07,08,11,16,22,27,,,,,1.6,0.9,1.3"),
    sentence("GPGSV,2,1,08,01,45,120,38,03,30,045,35,07,62,300,40,08,15,200,29"),
    sentence("GPGSV,2,2,08,11,20,090,31,16,55,010,42,22,10,330,25,27,35,270,36"),
    sentence("GPRMC,063000.00,A,2654.744,N,07547.238,E,0.0,0.0,150625,,,A"),
    sentence("GPVTG,,T,,M,0.0,N,0.0,K,A"),
)
PROFILES = {
    "full": Profile("full", _FULL),
    "minimal": Profile("minimal", JAIPUR_FIX),  # only GGA and RMC, as cheap modules are set to send
    "quirky": Profile(  # multi-constellation talkers, empty fields, lower-case checksums, text and proprietary lines
        "quirky",
        (
            sentence("GPTXT,01,01,02,ANTSTATUS=OK"),
            sentence("PMTK010,002"),
            _lower("GNGGA,063000.00,2654.744,N,07547.238,E,1,08,,,,,,,"),
            sentence("BDGSV,1,1,00"),
            _lower("GNGSA,A,3,01,03,07,,,,,,,,,,1.6,0.9,1.3,1"),
            _lower("GNGGA,063000.00,2654.744,N,07547.238,E,1,08,0.9,,,,,,"),
            _lower("GNRMC,063000.00,A,2654.744,N,07547.238,E,,,150625,,,A,V"),
        ),
    ),
    "slow": Profile("slow", JAIPUR_FIX, piece=7, gap_s=0.02),  # a 9600-baud line under load: lines come in bits
}


class NmeaEmulator:
    """Call send() for single sentences, send_fix() for the profile's Jaipur fix, or start_replay() to loop a script."""

    def __init__(self, link: Path | None = None, *, profile: str = "minimal") -> None:
        if profile not in PROFILES:
            raise ValueError(f"GPS emulator profile {profile!r} is not one of {', '.join(PROFILES)}")
        self.profile = PROFILES[profile]
        self.pty = PtyLink(link)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def path(self) -> str:
        return str(self.pty.link or self.pty.path)

    def send(self, *lines: bytes) -> None:
        piece = self.profile.piece
        for line in lines:
            if not piece:
                self.pty.write(line)
                continue
            for start in range(0, len(line), piece):
                self.pty.write(line[start : start + piece])
                time.sleep(self.profile.gap_s)

    def send_fix(self) -> None:
        self.send(*self.profile.fix)

    def start_replay(self, script: Sequence[bytes] | None = None, interval_s: float = 1.0) -> None:
        """Loop `script` (default: the profile's fix), read afresh each time so a test can change what it holds."""
        lines = self.profile.fix if script is None else script

        def loop() -> None:
            while not self._stop.wait(interval_s):
                self.send(*lines)

        self._thread = threading.Thread(target=loop, name="nmea-emulator", daemon=True)
        self._thread.start()

    def unplug(self) -> None:
        self.pty.unplug()

    def replug(self) -> str:
        return self.pty.plug()

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
        self.pty.close()
