"""A QR/barcode scanner in CDC-ACM mode on a pty: each scan arrives as the code's bytes and a CR."""

from __future__ import annotations

from pathlib import Path

from drivers.ptylink import PtyLink


class QrScannerEmulator:
    def __init__(self, link: Path | None = None, *, terminator: bytes = b"\r") -> None:
        self.pty = PtyLink(link)
        self.terminator = terminator

    @property
    def path(self) -> str:
        return str(self.pty.link or self.pty.path)

    def scan(self, code: str | bytes) -> None:
        data = code.encode("utf-8") if isinstance(code, str) else code
        self.pty.write(data + self.terminator)

    def unplug(self) -> None:
        self.pty.unplug()

    def replug(self) -> str:
        return self.pty.plug()

    def close(self) -> None:
        self.pty.close()
