"""A GPS receiver on a pty: replays NMEA sentences (a Jaipur fix, a void fix, garbage) as a real puck would."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from drivers.gps.nmea.codec import sentence
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


class NmeaEmulator:
    """Call send() for single sentences, or start_replay() to loop a script every `interval_s`."""

    def __init__(self, link: Path | None = None) -> None:
        self.pty = PtyLink(link)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def path(self) -> str:
        return str(self.pty.link or self.pty.path)

    def send(self, *lines: bytes) -> None:
        for line in lines:
            self.pty.write(line)

    def start_replay(self, script: Sequence[bytes], interval_s: float = 1.0) -> None:
        def loop() -> None:
            while not self._stop.wait(interval_s):
                self.send(*script)

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
