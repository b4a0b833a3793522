"""The ESC/POS receipt printer: python-escpos transports, DLE EOT status checks, job-id dedupe, on its own thread."""

from __future__ import annotations

import concurrent.futures
import contextlib
import logging
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any, Protocol

from escpos import printer as escpos_printer

from drivers.printer import codec, render
from kiosk.clock import Clock
from kiosk.devices.common import DeviceHealth
from kiosk.devices.printer import PrinterStatus, PrintOutcome
from kiosk.receipt import ReceiptLayout

log = logging.getLogger(__name__)
REMEMBERED_JOBS = 1000
FLOW_CONTROL = (0x11, 0x13)  # XON/XOFF from printers with software flow control: never a status answer
OPTIONAL_STATUS = (2, 4)  # DLE EOT 2 (why offline) and 4 (paper sensor): minimal mechanisms do not answer them


class PrinterConfigError(ValueError):
    """A printer section in the config that cannot work; names the key."""


class Link(Protocol):
    can_read: bool

    def line_seconds(self, count: int) -> float: ...
    def write(self, data: bytes) -> None: ...
    def read_byte(self, timeout: float) -> int | None: ...
    def discard_input(self) -> None: ...
    def close(self) -> None: ...


class EscposLink:
    """One python-escpos printer object used as a byte pipe (its helpers are not used: we build the bytes)."""

    def __init__(self, device: Any, kind: str) -> None:
        self._p = device
        self.kind = kind
        self.can_read = kind != "file"  # a File printer is write-only (/dev/usb/lp0)
        self._opened = False

    def line_seconds(self, count: int) -> float:
        """How long `count` bytes take on the wire (10 bits a byte on a serial line; a network is fast)."""
        return count * 10 / float(self._p.baudrate) if self.kind == "serial" else 0.0

    def _ensure(self) -> None:
        if not self._opened:
            self._p.open()
            self._opened = True

    def write(self, data: bytes) -> None:
        self._ensure()
        self._p._raw(data)
        if self.kind == "serial":
            self._p.device.flush()

    def read_byte(self, timeout: float) -> int | None:
        self._ensure()
        if self.kind == "serial":
            self._p.device.timeout = timeout
            got = self._p.device.read(1)
        elif self.kind == "network":
            self._p.device.settimeout(timeout)
            try:
                got = self._p.device.recv(1)
            except TimeoutError:
                got = b""
        else:
            got = bytes(self._p._read())[:1]
        return got[0] if got else None

    def discard_input(self) -> None:
        if self._opened and self.kind == "serial":
            self._p.device.reset_input_buffer()

    def close(self) -> None:
        if self._opened:
            with contextlib.suppress(Exception):
                self._p.close()
        self._opened = False


def link_from_config(params: Mapping[str, Any]) -> EscposLink:
    kind = str(params.get("transport", "serial"))
    try:
        if kind == "serial":
            device = escpos_printer.Serial(
                devfile=str(params["port"]),
                baudrate=int(params.get("baudrate", 9600)),
                timeout=float(params.get("status_timeout", 0.5)),
                dsrdtr=bool(params.get("dsrdtr", False)),
            )
        elif kind == "network":
            device = escpos_printer.Network(str(params["host"]), int(params.get("tcp_port", 9100)), timeout=10)
        elif kind == "usb":
            device = escpos_printer.Usb(int(str(params["vendor_id"]), 0), int(str(params["product_id"]), 0))
        elif kind == "file":
            device = escpos_printer.File(str(params["devfile"]))
        else:
            raise PrinterConfigError(f"printer transport {kind!r} is not one of serial, network, usb, file")
    except KeyError as exc:
        raise PrinterConfigError(f"printer transport {kind!r} needs the key {exc.args[0]!r}") from None
    return EscposLink(device, kind)


class EscposPrinter:
    """Implements kiosk.devices.printer.ReceiptPrinter. Expected faults come back as statuses."""

    def __init__(
        self,
        link: Link,
        *,
        width: int = 384,
        text_mode: bool = True,
        band: int = 128,
        status_timeout: float = 0.5,
        job_timeout: float = 120.0,
        native_qr: bool = False,
    ) -> None:
        if width % 8 or not 128 <= width <= 832:
            raise PrinterConfigError(f"printer width must be a multiple of 8 dots (384 or 576), got {width}")
        self._link = link
        self.width = width
        self.text_mode = text_mode
        self.band = band
        self.native_qr = native_qr  # GS ( k: far fewer bytes, but only on printers whose firmware has it
        self.status_timeout = status_timeout
        self.job_timeout = job_timeout
        self._in_flight = 0  # bytes written since the last reply: a status reply queues behind them
        self._printed: OrderedDict[str, PrintOutcome] = OrderedDict()
        self._last = PrinterStatus.READY
        self.absent: set[int] = set()  # optional DLE EOT n this printer does not answer: not asked again
        self.faults = 0  # unexpected failures of the I/O work (each reported as FAULT)
        self.last_fault = ""
        self._stuck: concurrent.futures.Future[Any] | None = None
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="printer-io")

    # -- the port ------------------------------------------------------------------------------
    def status(self) -> PrinterStatus:
        result: PrinterStatus = self._run(self._status, lambda detail: PrinterStatus.FAULT)
        return result

    def print_job(self, job_id: str, document: object) -> PrintOutcome:
        if not isinstance(document, ReceiptLayout):
            raise TypeError(f"print_job takes a kiosk.receipt.ReceiptLayout, got {type(document).__name__}")
        if job_id in self._printed:
            return self._printed[job_id]  # a retried job that already printed: never print twice
        outcome: PrintOutcome = self._run(
            lambda: self._print(job_id, document),
            lambda detail: PrintOutcome(job_id, False, PrinterStatus.FAULT, detail),
        )
        if outcome.printed:
            self._printed[job_id] = outcome
            while len(self._printed) > REMEMBERED_JOBS:
                self._printed.popitem(last=False)
        return outcome

    def health(self) -> DeviceHealth:
        status = self.status()
        detail = _DETAIL[status]
        if status is PrinterStatus.FAULT or self.faults:
            detail += f"; {self.faults} driver faults, last: {self.last_fault}"
        if self.absent:
            detail += f"; does not answer DLE EOT {', '.join(map(str, sorted(self.absent)))}"
        return DeviceHealth("printer", status.value, status.can_print, detail)

    def close(self) -> None:
        # A job stuck on a dead device must not hang shutdown: give up waiting after a few seconds.
        with contextlib.suppress(concurrent.futures.TimeoutError):
            self._pool.submit(self._link.close).result(timeout=5)
        self._pool.shutdown(wait=False)

    # -- on the I/O thread ---------------------------------------------------------------------
    def _run(self, work: Any, on_fault: Any) -> Any:
        """`work` on the I/O thread. A job stuck past `job_timeout` or an unexpected exception is a FAULT: while the
        I/O thread is stuck, calls answer FAULT at once instead of queueing behind it."""
        if self._stuck is not None:
            if not self._stuck.done():
                return on_fault(self._fault("I/O thread stuck on a job that never finished"))
            self._stuck = None
        future = self._pool.submit(work)
        try:
            return future.result(timeout=self.job_timeout)
        except concurrent.futures.TimeoutError:
            self._stuck = future
            return on_fault(self._fault(f"a job took more than {self.job_timeout:g} s"))
        except Exception as exc:
            log.exception("printer driver fault")
            return on_fault(self._fault(f"{type(exc).__name__}: {exc}"))

    def _fault(self, reason: str) -> str:
        self.faults += 1
        self.last_fault = reason[:200]
        return f"driver fault: {self.last_fault}"

    def _send(self, data: bytes) -> None:
        self._link.write(data)
        self._in_flight += len(data)

    def _query(self, n: int) -> int | None:
        if n in self.absent:
            return None
        self._send(codec.status_query(n))
        reply = self._reply(self.status_timeout + self._link.line_seconds(self._in_flight))
        if reply is not None:
            self._in_flight = 0
        elif n in OPTIONAL_STATUS:
            self.absent.add(n)  # the printer answered DLE EOT 1 just now: it does not do this one
            log.info("printer does not answer DLE EOT %d; not asked again", n)
        return reply

    def _reply(self, timeout: float) -> int | None:
        """The next status byte within `timeout`, skipping XON/XOFF a flow-controlled printer sends in between."""
        for _ in range(8):  # a few flow-control bytes at most; a stream of them is a garbled line
            reply = self._link.read_byte(timeout)
            if reply not in FLOW_CONTROL:
                return reply
        return None

    def _status(self) -> PrinterStatus:
        if not self._link.can_read:
            return PrinterStatus.READY  # write-only link: nothing can be known, printing is attempted
        try:
            self._link.discard_input()
            printer = self._query(1)
            if printer is None:
                self._last = PrinterStatus.DISCONNECTED
                return self._last
            cause = self._query(2)
            paper = self._query(4)
            self._last = codec.to_status(codec.parse_status(printer, cause, paper))
        except codec.StatusReplyError as exc:
            log.warning("printer status: %s", exc)
            self._last = PrinterStatus.ERROR
        except Exception as exc:  # the device vanished (unplugged cable, closed socket)
            log.warning("printer status: %s", exc)
            self._link.close()
            self._in_flight = 0
            self.absent.clear()  # a replugged printer may be another model: ask it everything again
            self._last = PrinterStatus.DISCONNECTED
        return self._last

    def _print(self, job_id: str, layout: ReceiptLayout) -> PrintOutcome:
        before = self._status()
        if not before.can_print:
            return PrintOutcome(job_id, False, before, "not sent: printer not ready")
        chunks = codec.encode_pieces(
            render.render_pieces(layout, self.width, text_mode=self.text_mode, native_qr=self.native_qr), band=self.band
        )
        try:
            self._send(codec.INIT)
            for i, chunk in enumerate(chunks):
                self._send(chunk)
                # DLE EOT is answered at once even mid-job: stop early instead of pouring bytes into a stopped printer.
                if self._link.can_read and i % 8 == 7:
                    now = self._status()
                    if not now.can_print:
                        return PrintOutcome(job_id, False, now, "stopped mid-receipt")
            self._send(codec.CUT)
        except Exception as exc:
            log.warning("printer write failed: %s", exc)
            self._link.close()
            self._in_flight = 0
            self.absent.clear()  # a replugged printer may be another model: ask it everything again
            return PrintOutcome(job_id, False, PrinterStatus.DISCONNECTED, "connection lost mid-receipt")
        after = self._status()
        if not after.can_print:
            return PrintOutcome(job_id, False, after, "printer stopped before the cut")
        return PrintOutcome(job_id, True, after)


_DETAIL = {
    PrinterStatus.READY: "ready",
    PrinterStatus.PAPER_NEAR_END: "paper roll nearly finished: replace soon",
    PrinterStatus.PAPER_OUT: "paper roll finished: load a new roll",
    PrinterStatus.COVER_OPEN: "printer cover open: close it",
    PrinterStatus.OFFLINE: "printer offline",
    PrinterStatus.DISCONNECTED: "printer not answering: check cable and power",
    PrinterStatus.ERROR: "printer error (cutter or garbled reply): power-cycle it",
    PrinterStatus.FAULT: "printer driver fault: restart the kiosk app; if it repeats, call the engineer",
}


def describe(status: PrinterStatus) -> str:
    """What the operator should do about a status (English, for the log and the engineer)."""
    return _DETAIL[status]


def create(params: Mapping[str, Any], clock: Clock) -> EscposPrinter:
    """Entry point `printer.escpos`: build from the [devices.printer] config section."""
    del clock  # printing needs no time; kept for the common factory signature
    return EscposPrinter(
        link_from_config(params),
        width=int(params.get("width", 384)),
        text_mode=bool(params.get("text_mode", True)),
        band=int(params.get("band", 128)),
        status_timeout=float(params.get("status_timeout", 0.5)),
        native_qr=bool(params.get("native_qr", False)),
    )
