"""A card terminal's ECR-JSON/1 side on loopback HTTP: sales driven by a scripted card holder, and its faults."""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from drivers.payment_terminal.codec import PROTOCOL, REF, SALES_PATH, TERMINAL_PATH


@dataclass(frozen=True, slots=True)
class Profile:
    """Terminal firmware differences the driver must cope with."""

    name: str
    describes_itself: bool = True  # model, firmware, card scheme and last four digits in answers
    abort_while_authorising: bool = True  # False: answers 409 cannot_abort until the bank has answered
    shouting: bool = False  # states in capitals, vendor names for states, amounts as strings, extra fields
    latency_s: float = 0.0


PROFILES = {
    "full": Profile("full"),
    "minimal": Profile("minimal", describes_itself=False, abort_while_authorising=False),
    "quirky": Profile("quirky", shouting=True),
    "slow": Profile("slow", latency_s=0.2),
}
_QUIRKY_NAMES = {"aborting": "ABORT_REQUESTED", "card_removed": "CARD_PULLED", "aborted": "CANCELLED"}


@dataclass
class Sale:
    ref: str
    amount_paise: int
    state: str = "waiting_card"
    rrn: str = ""
    approval_code: str = ""
    pan_last4: str = ""
    scheme: str = ""
    response_code: str = ""
    message: str = "insert, tap or swipe card"
    extra: dict[str, Any] = field(default_factory=dict)


class TerminalEmulator:
    """`with TerminalEmulator() as t:` listens on `t.address`. The card holder's acts are methods (insert_card …)."""

    def __init__(self, *, port: int = 0, profile: str = "full", auto_pay_after_s: float | None = None) -> None:
        self.profile = PROFILES[profile]
        self.auto_pay_after_s = auto_pay_after_s  # a card holder who pays at once (self-test, demo)
        self.host_online = True
        self.hold_authorisation = False  # True: the bank's answer waits for bank_answers()
        self.garbage: list[bytes] = []  # the next answers, replaced by these bytes (odd input)
        self.sales: dict[str, Sale] = {}
        self.current: str | None = None
        self.requests = 0
        self._counter = 0
        self._lock = threading.RLock()
        self._port = port
        self._server: ThreadingHTTPServer | None = None

    # -- lifecycle ------------------------------------------------------------------------------
    def start(self) -> TerminalEmulator:
        server = ThreadingHTTPServer(("127.0.0.1", self._port), _handler(self))
        server.daemon_threads = True
        self._port = server.server_address[1]
        threading.Thread(target=server.serve_forever, args=(0.05,), name="terminal-emulator", daemon=True).start()
        self._server = server
        return self

    def stop(self) -> None:
        """The terminal is switched off or its cable pulled: nothing listens any more."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> TerminalEmulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def address(self) -> str:
        return f"http://127.0.0.1:{self._port}"

    # -- the card holder ------------------------------------------------------------------------
    def _active(self, *states: str) -> Sale:
        sale = self.sales.get(self.current or "")
        if sale is None or sale.state not in states:
            raise RuntimeError(f"no sale in {'/'.join(states)} (current: {sale.state if sale else 'none'})")
        return sale

    def insert_card(self, *, last4: str = "4242", scheme: str = "RUPAY") -> None:
        with self._lock:
            sale = self._active("waiting_card")
            sale.state, sale.message = "waiting_pin", "enter PIN"
            if self.profile.describes_itself:
                sale.pan_last4, sale.scheme = last4, scheme

    def enter_pin(self, response_code: str = "00") -> None:
        """The PIN goes in and the terminal asks the bank; it answers at once unless `hold_authorisation`."""
        with self._lock:
            sale = self._active("waiting_pin")
            sale.state, sale.message = "authorising", "processing"
            if not self.hold_authorisation:
                self.bank_answers(response_code)

    def bank_answers(self, response_code: str = "00") -> None:
        with self._lock:
            sale = self._active("authorising", "aborting")
            self._counter += 1
            if response_code == "00":
                sale.state, sale.message = "approved", "approved"
                sale.rrn = f"{634012000000 + self._counter:012d}"
                sale.approval_code = f"{(317 * self._counter) % 1_000_000:06d}"
            else:
                sale.state, sale.message = (
                    "declined",
                    {"51": "insufficient funds", "55": "incorrect PIN"}.get(response_code, "declined"),
                )
            sale.response_code = response_code
            self.current = None

    def pull_card(self) -> None:
        with self._lock:
            self._finish(self._active("waiting_pin", "authorising"), "card_removed", "card removed early")

    def time_out(self) -> None:
        """The terminal's own timer ran out: no card came, or no PIN."""
        with self._lock:
            self._finish(self._active("waiting_card", "waiting_pin"), "timed_out", "no card or PIN in time")

    def _finish(self, sale: Sale, state: str, message: str) -> None:
        sale.state, sale.message = state, message
        self.current = None

    def _auto_pay(self, ref: str) -> None:
        assert self.auto_pay_after_s is not None
        time.sleep(self.auto_pay_after_s)
        with self._lock:
            if self.current == ref and self.sales[ref].state == "waiting_card":
                self.insert_card()
                self.enter_pin()

    # -- the ECR side ---------------------------------------------------------------------------
    def terminal_doc(self) -> dict[str, Any]:
        state = "offline" if not self.host_online else ("busy" if self.current else "idle")
        doc: dict[str, Any] = {"protocol": PROTOCOL, "terminal_id": "EMU00042", "state": state}
        if self.current:
            doc["busy_ref"] = self.current
        if self.profile.describes_itself:
            doc |= {"model": "Emulated EDC A910", "firmware": "7.3.1"}
        return self._shout(doc)

    def sale_doc(self, sale: Sale) -> dict[str, Any]:
        doc = {key: value for key, value in vars(sale).items() if key != "extra" and value != ""}
        return self._shout(doc)

    def _shout(self, doc: dict[str, Any]) -> dict[str, Any]:
        if not self.profile.shouting:
            return doc
        shouted = dict(doc, vendor_trace="ab12", emv_tags={"9F27": "40"})
        if "state" in doc:
            shouted["state"] = _QUIRKY_NAMES.get(doc["state"], doc["state"]).upper()
        if "amount_paise" in doc:
            shouted["amount_paise"] = str(doc["amount_paise"])
        return shouted

    def handle(self, method: str, path: str, body: dict[str, Any] | None) -> tuple[int, dict[str, Any]]:
        with self._lock:
            self.requests += 1
            if method == "GET" and path == TERMINAL_PATH:
                return 200, self.terminal_doc()
            prefix, _, rest = path.partition(SALES_PATH + "/")
            ref, _, action = rest.partition("/")
            if prefix or not REF.fullmatch(ref):
                return 404, {"error": "bad_request", "detail": f"no such resource {path}"}
            if method == "PUT" and not action:
                return self._put(ref, body or {})
            sale = self.sales.get(ref)
            if sale is None:
                return 404, {"error": "unknown_ref", "detail": f"no sale {ref} on this terminal"}
            if method == "GET" and not action:
                return 200, self.sale_doc(sale)
            if method == "POST" and action == "abort":
                return self._abort(sale)
            return 405, {"error": "bad_request", "detail": f"{method} {path} is not supported"}

    def _put(self, ref: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        amount = body.get("amount_paise")
        if body.get("ref") != ref or type(amount) is not int or amount <= 0 or body.get("currency") != "INR":
            return 400, {"error": "bad_request", "detail": "ref, amount_paise (> 0) and currency INR are required"}
        existing = self.sales.get(ref)
        if existing is not None:
            if existing.amount_paise != amount:
                return 409, {"error": "ref_reused", "detail": f"sale {ref} was started for {existing.amount_paise}"}
            return 200, self.sale_doc(existing)  # the same sale again: idempotent, never a second one
        if not self.host_online:
            return 503, {"error": "host_offline", "detail": "no link to the acquirer"}
        if self.current is not None:
            return 409, {"error": "busy", "detail": f"sale {self.current} is in progress", "busy_ref": self.current}
        self.sales[ref] = sale = Sale(ref, amount)
        self.current = ref
        if self.auto_pay_after_s is not None:
            threading.Thread(target=self._auto_pay, args=(ref,), daemon=True).start()
        return 201, self.sale_doc(sale)

    def _abort(self, sale: Sale) -> tuple[int, dict[str, Any]]:
        if sale.state in ("waiting_card", "waiting_pin"):
            self._finish(sale, "aborted", "aborted by the ECR")
        elif sale.state == "authorising":
            if not self.profile.abort_while_authorising:
                return 409, {"error": "cannot_abort", "detail": "waiting for the bank"}
            sale.state, sale.message = "aborting", "abort requested; waiting for the bank"
        return 200, self.sale_doc(sale)


def _handler(emulator: TerminalEmulator) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            return

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(min(length, 64 * 1024)) if length else b""
            try:
                body = json.loads(raw) if raw else None
            except ValueError:
                body = None
            code, doc = emulator.handle(self.command, self.path, body if isinstance(body, dict) else None)
            data = json.dumps(doc).encode()
            with emulator._lock:
                if emulator.garbage:
                    data = emulator.garbage.pop(0)
            if emulator.profile.latency_s:
                time.sleep(emulator.profile.latency_s)
            self.send_response(code)
            self.send_header("Content-Type", "text/plain" if emulator.profile.shouting else "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_PUT = do_POST = _serve

    return Handler


def main(argv: list[str] | None = None) -> int:
    """`python -m drivers.payment_terminal.emulator`: a terminal for the demo or a bench; prints its address."""
    parser = argparse.ArgumentParser(prog="python -m drivers.payment_terminal.emulator", description=main.__doc__)
    parser.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (0: any free one)")
    parser.add_argument("--profile", choices=sorted(PROFILES), default="full")
    parser.add_argument("--auto-pay-after-s", type=float, default=None, help="a card holder who pays every sale")
    args = parser.parse_args(argv)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with TerminalEmulator(port=args.port, profile=args.profile, auto_pay_after_s=args.auto_pay_after_s) as running:
        sys.stdout.write(running.address + "\n")
        sys.stdout.flush()
        with contextlib.suppress(KeyboardInterrupt):
            stop.wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
