"""A loopback HTTP proxy that misbehaves on purpose: drops, delays, 500/429, cut answers, duplicates, 2G links."""

from __future__ import annotations

import contextlib
import http.client
import random
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FAULTS = ("drop", "delay", "error500", "throttle429", "cut_after_commit", "truncate", "duplicate", "reorder")
Mutator = Callable[[str, int, dict[str, str], bytes], tuple[int, dict[str, str], bytes]]
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "server", "date"}


class FaultProxy:
    """Forward 127.0.0.1:<port> to the upstream server, applying faults chosen by a seeded RNG."""

    def __init__(self, upstream_port: int, *, seed: int = 1) -> None:
        self.upstream_port = upstream_port
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self.rates: dict[str, float] = {}
        self.mutate: Mutator | None = None
        self.bits_per_s: float | None = None
        self.rtt_s = 0.0
        self.loss = 0.0
        self.counts: Counter[str] = Counter()
        self.history: list[tuple[str, str, dict[str, str], bytes]] = []
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                return

            def do_GET(self) -> None:
                proxy.handle(self)

            do_POST = do_GET

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = int(self.server.server_address[1])
        self.thread = threading.Thread(target=self.server.serve_forever, name="faultproxy", daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FaultProxy:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def every_fault(self, rate: float) -> None:
        self.rates = dict.fromkeys(FAULTS, rate)

    def two_g(self) -> None:
        """About 50 kbit/s, 1 s round trip and 10 % loss (each loss costs a retransmission timeout)."""
        self.bits_per_s, self.rtt_s, self.loss = 50_000.0, 1.0, 0.10

    def _pick(self) -> str | None:
        with self.lock:
            for fault, rate in self.rates.items():
                if self.rng.random() < rate:
                    self.counts[fault] += 1
                    return fault
        return None

    def _wait_link(self, size: int) -> None:
        delay = self.rtt_s / 2
        if self.bits_per_s:
            delay += size * 8 / self.bits_per_s
        with self.lock:
            lost = self.rng.random() < self.loss
        if lost:
            delay += 1.0
        if delay:
            time.sleep(delay)

    def handle(self, request: BaseHTTPRequestHandler) -> None:
        length = int(request.headers.get("Content-Length", "0") or 0)
        body = request.rfile.read(length) if length else b""
        headers = {k: v for k, v in request.headers.items() if k.lower() not in HOP_BY_HOP}
        self._wait_link(len(body) + 300)
        fault = self._pick()
        if fault == "drop":
            return self._abort(request)
        if fault == "error500":
            return self._reply(request, 500, {"Content-Type": "text/plain"}, b"proxy: injected 500")
        if fault == "throttle429":
            return self._reply(request, 429, {"Retry-After": "1", "Content-Type": "text/plain"}, b"slow down")
        if fault == "delay":
            time.sleep(self.rng.uniform(0.05, 0.5))
        if fault == "reorder" and self.history:
            # An old request arrives late, after newer ones: the server must see it as a replay and change nothing.
            self._forward(*self.history[self.rng.randrange(len(self.history))])
        with self.lock:
            self.history = [*self.history[-20:], (request.command, request.path, headers, body)]
        try:
            status, answer_headers, answer = self._forward(request.command, request.path, headers, body)
        except OSError:
            return self._abort(request)
        if fault == "duplicate":
            self._forward(request.command, request.path, headers, body)
        if fault == "cut_after_commit":
            return self._abort(request)
        if self.mutate is not None:
            status, answer_headers, answer = self.mutate(request.path, status, answer_headers, answer)
        self._wait_link(len(answer) + 200)
        if fault == "truncate" and len(answer) > 2:
            return self._reply(request, status, answer_headers, answer, cut=len(answer) // 2)
        return self._reply(request, status, answer_headers, answer)

    def _forward(
        self, method: str, path: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.upstream_port, timeout=30)
        try:
            connection.request(method, path, body=body or None, headers=headers)
            response = connection.getresponse()
            data = response.read()
            kept = {k: v for k, v in response.getheaders() if k.lower() not in HOP_BY_HOP - {"date"}}
            return response.status, kept, data
        finally:
            connection.close()

    def _reply(
        self, request: BaseHTTPRequestHandler, status: int, headers: dict[str, str], body: bytes, cut: int | None = None
    ) -> None:
        try:
            request.send_response_only(status)
            for key, value in headers.items():
                request.send_header(key, value)
            request.send_header("Content-Length", str(len(body)))
            request.end_headers()
            request.wfile.write(body if cut is None else body[:cut])
            request.wfile.flush()
        except OSError:
            request.close_connection = True
            return
        if cut is not None:
            self._abort(request)

    def _abort(self, request: BaseHTTPRequestHandler) -> None:
        request.close_connection = True
        with contextlib.suppress(OSError):
            request.connection.shutdown(socket.SHUT_RDWR)
