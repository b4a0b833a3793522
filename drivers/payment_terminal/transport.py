"""One HTTP/1.1 request to the terminal's local ECR API (http.client: drivers use no network library)."""

from __future__ import annotations

import http.client
from dataclasses import dataclass
from urllib.parse import urlsplit

from drivers.payment_terminal.codec import MAX_BODY_BYTES
from kiosk.devices.payment_terminal import TerminalUnreachable


@dataclass(frozen=True, slots=True)
class Endpoint:
    host: str
    port: int

    @classmethod
    def parse(cls, address: str) -> Endpoint:
        """`http://192.168.1.50:8080`, `192.168.1.50:8080` or `host` (port 8080, the terminals' usual ECR port)."""
        text = address.strip()
        parts = urlsplit(text if "://" in text else f"http://{text}")
        if parts.scheme != "http" or not parts.hostname:
            raise ValueError(f"terminal address {address!r}: expected http://host:port or host:port")
        try:
            port = parts.port or 8080
        except ValueError:
            raise ValueError(f"terminal address {address!r}: the port is not a number 1-65535") from None
        return cls(parts.hostname, port)

    def __str__(self) -> str:
        return f"http://{self.host}:{self.port}"


class HttpTransport:
    """A fresh connection per request: a terminal reboot between two requests then costs nothing."""

    def __init__(self, endpoint: Endpoint, timeout_s: float = 5.0) -> None:
        self.endpoint = endpoint
        self.timeout_s = timeout_s

    def request(self, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]:
        conn = http.client.HTTPConnection(self.endpoint.host, self.endpoint.port, timeout=self.timeout_s)
        headers = {"Accept": "application/json"}
        if body is not None:
            headers["Content-Type"] = "application/json"
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            return response.status, response.read(MAX_BODY_BYTES + 1)
        except (OSError, http.client.HTTPException) as exc:
            raise TerminalUnreachable(f"{method} {self.endpoint}{path}: {type(exc).__name__}: {exc}") from None
        finally:
            conn.close()
