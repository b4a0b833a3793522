"""A QR/barcode scanner in CDC-ACM mode on a pty: each scan arrives as the code's bytes and a terminator."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from drivers.ptylink import PtyLink


@dataclass(frozen=True, slots=True)
class Profile:
    """How a kind of scanner frames a code on the wire (its factory settings differ by make)."""

    name: str
    terminator: bytes
    leading: bytes = b""  # sent before a code, e.g. a bare line end left over from the previous one
    piece: int = 0  # >0: the code is written in pieces of this many bytes …
    gap_s: float = 0.0  # … this far apart (a slow USB bridge): a code arrives split across reads


PROFILES = {
    "full": Profile("full", b"\r\n"),
    "minimal": Profile("minimal", b"\r"),  # the commonest factory default
    "quirky": Profile("quirky", b"\n", leading=b"\r\n\n", piece=5),  # LF only, stray blank lines, UTF-8 split
    "slow": Profile("slow", b"\r", piece=3, gap_s=0.01),
}


class QrScannerEmulator:
    def __init__(self, link: Path | None = None, *, terminator: bytes | None = None, profile: str = "minimal") -> None:
        if profile not in PROFILES:
            raise ValueError(f"QR scanner emulator profile {profile!r} is not one of {', '.join(PROFILES)}")
        self.profile = PROFILES[profile]
        self.pty = PtyLink(link)
        self.terminator = self.profile.terminator if terminator is None else terminator

    @property
    def path(self) -> str:
        return str(self.pty.link or self.pty.path)

    def scan(self, code: str | bytes) -> None:
        data = code.encode("utf-8") if isinstance(code, str) else code
        framed = self.profile.leading + data + self.terminator
        piece = self.profile.piece
        if not piece:
            self.pty.write(framed)
            return
        for start in range(0, len(framed), piece):
            self.pty.write(framed[start : start + piece])
            time.sleep(self.profile.gap_s)

    def unplug(self) -> None:
        self.pty.unplug()

    def replug(self) -> str:
        return self.pty.plug()

    def close(self) -> None:
        self.pty.close()
