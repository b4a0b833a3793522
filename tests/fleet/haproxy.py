"""A real HAProxy (Debian's) in front of kiosk-server replicas: a generated config on loopback ports."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.sync.harness import wait_until
from tests.sync.postgres import free_port

CONFIG = """global
    maxconn 2000
defaults
    mode http
    timeout connect 1s
    timeout client 30s
    timeout server 30s
    retries 3
    option redispatch
    option forwardfor
frontend kiosks
    bind 127.0.0.1:{port}
    default_backend replicas
backend replicas
    balance roundrobin
    option httpchk GET /api/v1/openapi.json
{servers}
"""


class HAProxy:
    """Round robin over the replicas, health-checked every 200 ms; a refused connection is sent to another."""

    def __init__(self, folder: Path, upstream_ports: list[int]) -> None:
        self.folder = folder
        self.upstream_ports = upstream_ports
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> HAProxy:
        binary = shutil.which("haproxy") or "/usr/sbin/haproxy"
        if not Path(binary).exists():
            raise RuntimeError("haproxy is missing: install Debian's haproxy (scripts/system-packages.txt)")
        servers = "\n".join(
            f"    server r{n} 127.0.0.1:{port} check inter 200ms fall 1 rise 2"
            for n, port in enumerate(self.upstream_ports)
        )
        config = self.folder / "haproxy.cfg"
        config.write_text(CONFIG.format(port=self.port, servers=servers), "utf-8")
        with open(self.folder / "haproxy.log", "ab") as log:
            self.process = subprocess.Popen([binary, "-db", "-f", str(config)], stdout=log, stderr=log)
        wait_until(self._listening, 10, "haproxy to listen")
        return self

    def _listening(self) -> bool:
        import socket

        with socket.socket() as sock:
            return sock.connect_ex(("127.0.0.1", self.port)) == 0

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
