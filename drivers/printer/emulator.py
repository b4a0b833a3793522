"""A thermal printer on a pty or TCP 9100: parses ESC/POS, answers DLE EOT, and saves each cut receipt as a PNG."""

from __future__ import annotations

import contextlib
import enum
import os
import select
import socket
import threading
import time
import tty
from collections.abc import Callable
from pathlib import Path

import qrcode
from PIL import Image, ImageDraw, ImageOps

from drivers.printer import fonts

ESC, GS, DLE = 0x1B, 0x1D, 0x10
XON = 0x11

# How kinds of printer answer status (docs/protocols.md). full: DLE EOT 1-4 and GS r. minimal: only DLE EOT 1, the
# rest ignored (cheap 58 mm mechanisms). quirky: software flow control on, so an XON byte comes before each answer.
# slow: every answer comes late, but within the driver's status timeout.
PROFILES = ("full", "minimal", "quirky", "slow")
SLOW_REPLY_S = 0.12


class Paper(enum.StrEnum):
    OK = "ok"
    NEAR_END = "near_end"
    OUT = "out"


class PrinterEmulator:
    """Device side. State can be changed at any time, or scheduled mid-job with `fault_after_rows`."""

    def __init__(self, out_dir: Path, *, width: int = 384, baud: int | None = None, profile: str = "full") -> None:
        if profile not in PROFILES:
            raise ValueError(f"printer emulator profile {profile!r} is not one of {', '.join(PROFILES)}")
        self.profile = profile
        self.status_queries: list[int] = []  # each DLE EOT n asked, answered or not
        self.out_dir = out_dir
        self.width = width
        self.baud = baud  # when set, reading is slowed to this line speed (10 bits per byte)
        self.paper = Paper.OK
        self.cover_open = False
        self.offline = False
        self.silent = False  # a dead printer: reads everything, answers nothing
        self.stalled = False  # a hung printer: reads nothing, so the host's writes block once the line fills up
        self.receipts: list[Path] = []
        self.spoiled = 0  # receipts cut short by a fault (no PNG)
        self.received = 0
        self.unknown: list[str] = []
        self._fault: tuple[int, str] | None = None
        self._buf = bytearray()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._fds: list[int] = []
        self._server: socket.socket | None = None
        self._reset_job()

    # -- physical events ------------------------------------------------------------------------
    def fault_after_rows(self, rows: int, fault: str) -> None:
        """After `rows` more printed dot rows: 'paper_out', 'cover_open', 'offline', 'near_end' or 'silent'."""
        self._fault = (rows, fault)

    def refill(self) -> None:
        self.paper, self.cover_open, self.offline, self.silent = Paper.OK, False, False, False

    def _apply(self, fault: str) -> None:
        if fault == "paper_out":
            self.paper = Paper.OUT
        elif fault == "near_end":
            self.paper = Paper.NEAR_END
        elif fault == "cover_open":
            self.cover_open = True
        elif fault == "offline":
            self.offline = True
        elif fault == "silent":  # unplugged or powered off mid-job
            self.silent = True
        else:
            raise ValueError(f"unknown fault {fault!r}")

    @property
    def can_print(self) -> bool:
        return self.paper is not Paper.OUT and not self.cover_open and not self.offline and not self.silent

    # -- status bytes (docs/protocols.md, receipt printer) ---------------------------------------------------------
    def status_byte(self, n: int) -> int | None:
        if self.profile == "minimal" and n != 1:
            return None  # ignored, as a real minimal mechanism does: nothing is sent back
        if n == 1:
            return 0x12 | (0x08 if not self.can_print else 0)
        if n == 2:
            return 0x12 | (0x04 if self.cover_open else 0) | (0x20 if self.paper is Paper.OUT else 0)
        if n == 3:
            return 0x12
        if n == 4:
            return {Paper.OK: 0x12, Paper.NEAR_END: 0x1E, Paper.OUT: 0x72}[self.paper]
        return None  # unsupported n: a real printer sends nothing

    # -- the parser ---------------------------------------------------------------------------
    def _reset_job(self) -> None:
        self._rows: list[Image.Image] = []
        self._text = bytearray()
        self._mode = 0
        self._align = 0
        self._left = 0
        self._spoiled = False
        self._qr_data = b""
        self._qr_size = 3

    def feed(self, data: bytes) -> bytes:
        """Take bytes from the host; return what the printer answers."""
        with self._lock:
            self.received += len(data)
            self._buf += data
            replies = bytearray()
            while self._buf:
                used = self._one(replies)
                if used == 0:
                    break  # incomplete command: wait for more bytes
                del self._buf[:used]
            return bytes(replies)

    def _one(self, replies: bytearray) -> int:
        b = self._buf
        c = b[0]
        if c == DLE:
            if len(b) < 3:
                return 0
            if b[1] == 0x04:
                self.status_queries.append(b[2])
                self._reply(replies, self.status_byte(b[2]))
                return 3
            return 1
        if c == ESC:
            return self._esc(b)
        if c == GS:
            return self._gs(b, replies)
        if c == 0x0A:
            self._flush_text()
            return 1
        if c >= 0x20:
            self._text.append(c)
        return 1

    def _esc(self, b: bytearray) -> int:
        if len(b) < 2:
            return 0
        cmd = b[1]
        if cmd == 0x40:
            self._flush_text()
            self._mode, self._align, self._left = 0, 0, 0
            if self._spoiled and self._rows:  # a job cut short by a fault: its stub stays on the roll, uncut
                self.spoiled += 1
                self._reset_job()
            if not self._rows:
                self._spoiled = not self.can_print
            return 2
        if len(b) < 3:
            return 0
        arg = b[2]
        if cmd == 0x21:
            self._mode = arg
        elif cmd == 0x61:
            self._align = arg % 48 if arg >= 48 else arg
        elif cmd == 0x4A:
            self._blank(arg)
        elif cmd == 0x64:
            self._flush_text()
            self._blank(arg * 30)
        elif cmd not in (0x74, 0x45, 0x2D):
            self.unknown.append(f"ESC {cmd:02X}")
        return 3

    def _gs(self, b: bytearray, replies: bytearray) -> int:
        if len(b) < 3:
            return 0
        cmd = b[1]
        if cmd == 0x76 and b[2] == 0x30:
            if len(b) < 8:
                return 0
            xb, rows = b[4] | b[5] << 8, b[6] | b[7] << 8
            if len(b) < 8 + xb * rows:
                return 0
            self._raster(bytes(b[8 : 8 + xb * rows]), xb, rows)
            return 8 + xb * rows
        if cmd == 0x56:
            m = b[2]
            if m in (65, 66):
                if len(b) < 4:
                    return 0
                self._cut()
                return 4
            self._cut()
            return 3
        if cmd == 0x4C:
            if len(b) < 4:
                return 0
            self._left = b[2] | b[3] << 8
            return 4
        if cmd == 0x28 and b[2] == 0x6B:
            if len(b) < 5:
                return 0
            size = b[3] | b[4] << 8
            if len(b) < 5 + size:
                return 0
            self._qr(bytes(b[5 : 5 + size]))
            return 5 + size
        if cmd == 0x72:
            reply = self.status_byte(4)
            self._reply(replies, None if reply is None else reply & ~0x10)  # GS r replies have bit 4 = 0
            return 3
        self.unknown.append(f"GS {cmd:02X}")
        return 3

    def _reply(self, replies: bytearray, reply: int | None) -> None:
        if reply is None or self.silent:
            return
        if self.profile == "quirky":
            replies.append(XON)
        replies.append(reply)

    # -- printing -----------------------------------------------------------------------------
    def _advance(self, rows: int) -> bool:
        """Paper moves `rows` dots; returns False if a fault stopped the print."""
        if not self.can_print:
            self._spoiled = True
            return False
        if self._fault is not None:
            left, fault = self._fault
            if rows >= left:
                self._fault = None
                self._apply(fault)
                if not self.can_print:
                    self._spoiled = True
                    return False
            else:
                self._fault = (left - rows, fault)
        return True

    def _place(self, image: Image.Image) -> None:
        line = Image.new("1", (self.width, image.height), 1)
        x = {1: (self.width - image.width) // 2, 2: self.width - image.width}.get(self._align, self._left)
        line.paste(image, (max(0, x), 0))
        self._rows.append(line)

    def _blank(self, dots: int) -> None:
        if dots and self._advance(dots):
            self._rows.append(Image.new("1", (self.width, dots), 1))

    def _raster(self, data: bytes, xb: int, rows: int) -> None:
        if not self._advance(rows):
            return
        dots = Image.frombytes("1", (xb * 8, rows), data)  # bit 1 = black on paper, white in Pillow
        self._place(ImageOps.invert(dots.convert("L")).convert("1", dither=Image.Dither.NONE))

    def _flush_text(self) -> None:
        if not self._text:
            return
        text = self._text.decode("ascii", "replace")
        self._text = bytearray()
        small = bool(self._mode & 0x01)
        cw, ch = (9, 17) if small else (12, 24)
        image = Image.new("1", (cw * len(text), ch), 1)
        draw = ImageDraw.Draw(image)
        draw.fontmode = "1"
        face = fonts.font(fonts.LATIN, 14 if small else 19, bool(self._mode & 0x08))
        for i, char in enumerate(text):
            draw.text((i * cw + cw // 2, ch - 5), char, font=face, fill=0, anchor="ms")
        sx, sy = (2 if self._mode & 0x20 else 1), (2 if self._mode & 0x10 else 1)
        image = image.resize((image.width * sx, image.height * sy), Image.Resampling.NEAREST)
        spacing = 6  # default line spacing: 30 dots for a 24-dot font
        line = Image.new("1", (min(image.width, self.width), image.height + spacing), 1)
        line.paste(image.crop((0, 0, line.width, image.height)), (0, 0))
        if self._advance(line.height):
            self._place(line)

    def _qr(self, payload: bytes) -> None:
        if len(payload) < 3 or payload[0] != 0x31:
            return
        fn = payload[1]
        if fn == 0x43:
            self._qr_size = payload[2]
        elif fn == 0x50:
            self._qr_data = payload[3:]
        elif fn == 0x51 and self._qr_data:
            code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=self._qr_size, border=4)
            code.add_data(self._qr_data)
            image = code.make_image().get_image().convert("1")
            if self._advance(image.height):
                self._place(image)

    def _cut(self) -> None:
        self._flush_text()
        if self._spoiled or not self._rows:
            self.spoiled += 1 if self._spoiled else 0
        else:
            height = sum(r.height for r in self._rows)
            sheet = Image.new("1", (self.width, height), 1)
            y = 0
            for row in self._rows:
                sheet.paste(row, (0, y))
                y += row.height
            path = self.out_dir / f"receipt-{len(self.receipts) + 1:04d}.png"
            sheet.save(path)
            self.receipts.append(path)
        self._reset_job()
        self._spoiled = not self.can_print

    # -- transports ---------------------------------------------------------------------------
    def serve_pty(self) -> str:
        """Start on a new pty; returns the path the driver opens (like /dev/ttyUSB0)."""
        master, slave = os.openpty()
        tty.setraw(master)
        self._fds += [master, slave]
        self._start(lambda: self._pump_fd(master))
        return os.ttyname(slave)

    def serve_tcp(self, port: int = 0) -> int:
        server = socket.create_server(("127.0.0.1", port))
        server.settimeout(0.1)
        self._server = server
        self._start(self._accept)
        return int(server.getsockname()[1])

    def _start(self, target: Callable[[], None]) -> None:
        thread = threading.Thread(target=target, daemon=True, name="printer-emulator")
        thread.start()
        self._threads.append(thread)

    def _chunk(self) -> int:
        # With a line speed set, take ~10 ms of bytes at a time so replies are not held behind a big read.
        return max(1, self.baud // 1000) if self.baud else 4096

    def _late(self) -> None:
        if self.profile == "slow":
            time.sleep(SLOW_REPLY_S)

    def _slow(self, count: int) -> None:
        if self.baud:
            time.sleep(count * 10 / self.baud)

    def _pump_fd(self, fd: int) -> None:
        while not self._stop.is_set():
            if self.stalled:
                time.sleep(0.02)
                continue
            ready, _, _ = select.select([fd], [], [], 0.05)
            if not ready:
                continue
            try:
                data = os.read(fd, self._chunk())
            except OSError:
                return
            self._slow(len(data))
            reply = self.feed(data)
            if reply:
                self._late()
                os.write(fd, reply)

    def _accept(self) -> None:
        assert self._server is not None
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(0.05)
                while not self._stop.is_set():
                    try:
                        data = conn.recv(self._chunk())
                    except TimeoutError:
                        continue
                    if not data:
                        break
                    self._slow(len(data))
                    reply = self.feed(data)
                    if reply:
                        self._late()
                        conn.sendall(reply)

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=2)
        for fd in self._fds:
            with contextlib.suppress(OSError):
                os.close(fd)
        if self._server is not None:
            self._server.close()
