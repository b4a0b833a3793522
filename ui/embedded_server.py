"""The reference central server, run beside the demo as its own process (`kiosk-server`), on a free loopback port,
with the sample consumer accounts seeded: the demo's bill lookups, Aadhaar authorisations and receipt QR codes go
to a real server over real HTTP, exactly as a kiosk in the field talks to the central one."""

from __future__ import annotations

import http.client
import subprocess
import sys
import time
from pathlib import Path


class EmbeddedServerError(RuntimeError):
    """The reference server did not start; the message says where its log is."""


class EmbeddedServer:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.db = folder / "server.db"
        self.log_path = folder / "server.log"
        self.process: subprocess.Popen[bytes] | None = None
        self.url = ""

    def _command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "server.cli", "--db", str(self.db), *args]

    def admin(self, *args: str) -> str:
        done = subprocess.run(self._command(*args), capture_output=True, text=True, timeout=60, check=False)
        if done.returncode != 0:
            raise EmbeddedServerError(f"kiosk-server {' '.join(args)} failed: {done.stderr.strip()[-300:]}")
        return done.stdout.strip()

    def start(self, *, timeout_s: float = 30.0) -> EmbeddedServer:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.admin("seed", "--per-biller", "20")
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(self._command("serve", "--port", "0"), stdout=subprocess.PIPE, stderr=log)
        assert self.process.stdout is not None
        line = self.process.stdout.readline().decode()
        if not line.startswith("listening on "):
            self.stop()
            raise EmbeddedServerError(f"the reference server did not start ({line.strip()!r}); see {self.log_path}")
        self.url = line.split()[-1]
        deadline = time.monotonic() + timeout_s
        while not self._answers():
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.stop()
                raise EmbeddedServerError(f"the reference server does not answer at {self.url}; see {self.log_path}")
            time.sleep(0.05)
        return self

    def _answers(self) -> bool:
        host, port = self.url.removeprefix("http://").split(":")
        try:
            connection = http.client.HTTPConnection(host, int(port), timeout=2)
            connection.request("GET", "/api/v1/openapi.json")
            ok = connection.getresponse().status == 200
            connection.close()
            return ok
        except OSError:
            return False

    def issue_token(self, kiosk_code: str) -> str:
        return self.admin("admin", "issue-token", kiosk_code).splitlines()[-1].strip()

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()
        self.process = None
