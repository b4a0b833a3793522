"""`EcrTerminal`: the PaymentTerminal port over ECR-JSON/1, with a watch thread that keeps the terminal's state."""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from typing import Any, Protocol

from drivers.devicethread import DeviceThread, Refusals
from drivers.payment_terminal.codec import (
    TERMINAL_PATH,
    EcrProtocolError,
    TerminalInfo,
    parse_error,
    parse_sale,
    parse_terminal,
    sale_path,
    sale_request,
)
from drivers.payment_terminal.transport import Endpoint, HttpTransport
from kiosk.clock import Clock
from kiosk.devices.common import DeviceHealth
from kiosk.devices.payment_terminal import (
    SaleStatus,
    TerminalRefused,
    TerminalStatus,
    TerminalUnreachable,
)
from kiosk.money import Money

log = logging.getLogger(__name__)


class Transport(Protocol):
    def request(self, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]: ...


class EcrTerminal:
    """Implements kiosk.devices.payment_terminal.PaymentTerminal. `start()` begins the watch; `close()` ends it."""

    def __init__(self, transport: Transport, clock: Clock, *, watch_interval_s: float = 2.0, where: str = "") -> None:
        self.transport = transport
        self.clock = clock
        self.watch_interval_s = watch_interval_s
        self.where = where or "terminal"
        self.info: TerminalInfo | None = None
        self.refusals = Refusals()
        self._status = TerminalStatus.OFFLINE
        self._detail = "not asked yet"
        self._lock = threading.Lock()  # one request at a time: terminals serve their ECR port single-threaded
        self._watch: DeviceThread | None = None

    @classmethod
    def from_config(cls, params: Mapping[str, Any], clock: Clock) -> EcrTerminal:
        """Entry point `payment_terminal.ecr_json`: `port` (required), `timeout_s`, `watch_interval_s`.

        `port` is the terminal's ECR URL, named like the serial families' ports (which may be `socket://` URLs) so
        the doctor and provisioning handle it the same way."""
        if "port" not in params:
            raise ValueError('[devices.payment_terminal] needs port = "http://<terminal ip>:<port>"')
        endpoint = Endpoint.parse(str(params["port"]))
        timeout = float(params.get("timeout_s", 5.0))
        interval = float(params.get("watch_interval_s", 2.0))
        if not 0.1 <= timeout <= 60 or not 0.1 <= interval <= 60:
            raise ValueError("[devices.payment_terminal] timeout_s and watch_interval_s must be 0.1-60 seconds")
        terminal = cls(HttpTransport(endpoint, timeout), clock, watch_interval_s=interval, where=str(endpoint))
        terminal.start()
        return terminal

    # -- the watch ------------------------------------------------------------------------------
    def start(self) -> None:
        # The first ask happens on the watch thread: a terminal that is off must not hold up the kiosk's start.
        self._watch = DeviceThread(self._watch_loop, name="payment-terminal-watch")
        self._watch.start()

    def close(self) -> None:
        if self._watch is not None:
            self._watch.stop(timeout=self.watch_interval_s + 1)

    def _watch_loop(self) -> None:
        watch = self._watch
        assert watch is not None
        while not watch.stopping.is_set():
            self.refresh()
            watch.stopping.wait(self.watch_interval_s)

    def refresh(self) -> TerminalStatus:
        """Ask the terminal how it is; an odd answer is counted and reported, never fatal to the watch."""
        try:
            code, body = self._request("GET", TERMINAL_PATH)
            if code != 200:
                raise EcrProtocolError(f"{self.where}{TERMINAL_PATH}: HTTP {code}")
            info = parse_terminal(body, f"{self.where}{TERMINAL_PATH}")
        except TerminalUnreachable as exc:
            self._set(TerminalStatus.OFFLINE, str(exc))
        except EcrProtocolError as exc:
            self.refusals.add(str(exc))
            self._set(TerminalStatus.OFFLINE, "answers that are not ECR-JSON/1")
        else:
            self.info = info
            busy = f" (sale {info.busy_ref})" if info.busy_ref else ""
            self._set(info.status, f"{info.model or 'terminal'} {info.terminal_id}".strip() + busy)
        return self._status

    def _set(self, status: TerminalStatus, detail: str) -> None:
        self._status, self._detail = status, detail

    def terminal_status(self) -> TerminalStatus:
        watch = self._watch
        if watch is not None and (watch.fault or not (watch.alive or watch.stopping.is_set())):
            return TerminalStatus.FAULT
        return self._status

    def health(self) -> DeviceHealth:
        status = self.terminal_status()
        watch = self._watch
        detail = (watch.fault if watch is not None and watch.fault else None) or self._detail
        if status is TerminalStatus.FAULT and not detail.startswith("payment-terminal"):
            detail = "the terminal watch stopped"
        refused = self.refusals.summary("answers")
        detail = f"{detail}; {refused}" if refused else detail
        return DeviceHealth("payment_terminal", status.value, status is TerminalStatus.READY, detail[:200])

    # -- sales ----------------------------------------------------------------------------------
    def _request(self, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]:
        with self._lock:
            return self.transport.request(method, path, body)

    def _sale(self, method: str, ref: str, path: str, body: bytes | None = None) -> SaleStatus:
        where = f"{self.where}{path}"
        code, answer = self._request(method, path, body)
        if code in (200, 201):
            try:
                return parse_sale(answer, where, ref)
            except EcrProtocolError as exc:
                self.refusals.add(str(exc))
                # The request may have been acted on: the caller must treat the outcome as unknown.
                raise TerminalUnreachable(str(exc)) from None
        error, detail = parse_error(answer, where)
        if code >= 500 and error != "host_offline":
            raise TerminalUnreachable(f"{where}: HTTP {code} {error} {detail}".strip())
        raise TerminalRefused(error, detail or f"HTTP {code}")

    def init(self, ref: str, amount: Money) -> SaleStatus:
        status = self._sale("PUT", ref, sale_path(ref), sale_request(ref, amount))
        if status.amount != amount:
            raise TerminalRefused("ref_reused", f"sale {ref} exists for {status.amount.paise} paise")
        return status

    def status(self, ref: str) -> SaleStatus:
        return self._sale("GET", ref, sale_path(ref))

    def abort(self, ref: str) -> SaleStatus:
        return self._sale("POST", ref, sale_path(ref, "abort"), b"{}")


build = EcrTerminal.from_config
