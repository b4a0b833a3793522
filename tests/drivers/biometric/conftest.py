"""Loopback helpers for RD service tests: free ports, closed ports, silent ports and hostile servers."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<RDService status="READY" info="&lol3;"><Interface id="CAPTURE" path="/c"/></RDService>"""


def closed_port() -> int:
    """A port nothing listens on (bound then released; the kernel answers RST)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def silent_ports() -> Iterator[list[int]]:
    """Ports that accept a connection and never say anything, like a wedged service."""
    sockets = []
    for _ in range(3):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        s.listen(16)
        sockets.append(s)
    yield [int(s.getsockname()[1]) for s in sockets]
    for s in sockets:
        s.close()


class _Hostile(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return

    def _answer(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(BILLION_LAUGHS)))
        self.end_headers()
        self.wfile.write(BILLION_LAUGHS)

    do_RDSERVICE = do_DEVICEINFO = do_CAPTURE = do_GET = _answer


@pytest.fixture
def hostile_port() -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hostile)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield int(server.server_address[1])
    server.shutdown()
    server.server_close()
