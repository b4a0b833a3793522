"""The reference central server, run beside the demo as its own process (`kiosk-server`), on a free loopback port,
with the sample consumer accounts seeded: the demo's bill lookups, Aadhaar authorisations and receipt QR codes go
to a real server over real HTTP, exactly as a kiosk in the field talks to the central one."""

from __future__ import annotations

import http.client
import secrets
import subprocess
import sys
import time
from pathlib import Path

# The demo's villager "pays" each UPI QR this long after it appears: time for the tour's screenshot of the QR.
PAY_AFTER_S = 6.0


class EmbeddedServerError(RuntimeError):
    """The reference server did not start; the message says where its log is."""


class EmbeddedServer:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.db = folder / "server.db"
        self.log_path = folder / "server.log"
        self.process: subprocess.Popen[bytes] | None = None
        self.psp: subprocess.Popen[bytes] | None = None
        self.url = ""

    def _command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "server.cli", "--db", str(self.db), *args]

    def admin(self, *args: str) -> str:
        done = subprocess.run(self._command(*args), capture_output=True, text=True, timeout=60, check=False)
        if done.returncode != 0:
            raise EmbeddedServerError(f"kiosk-server {' '.join(args)} failed: {done.stderr.strip()[-300:]}")
        return done.stdout.strip()

    def start(self, *, timeout_s: float = 30.0, upi: bool = False) -> EmbeddedServer:
        """`upi`: with the PSP emulator beside it (server/upi_psp.py), which pays each QR a few seconds after it is
        made, as a villager's phone would."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self.admin("seed", "--per-biller", "20")
        options = [*(self._upi_options() if upi else []), *self._locker_options()]
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(self._command("serve", "--port", "0", *options), stdout=subprocess.PIPE,
                                            stderr=log)  # fmt: skip
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

    def _locker_options(self) -> list[str]:
        """The server plays the villager's locker; its SMS (the locker's OTP) go to `phone.jsonl`, the demo's phone
        (ui/tour_locker.py reads the OTP there)."""
        secret = self.folder / "locker-secret"
        secret.write_text(secrets.token_hex(32), encoding="utf-8")
        secret.chmod(0o600)
        return ["--locker-secret-file", str(secret), "--sms-gateway", f"record:{self.folder / 'phone.jsonl'}"]

    def _upi_options(self) -> list[str]:
        """The PSP emulator as its own process (the UI never imports the server's code)."""
        secret = self.folder / "psp.secret"
        secret.write_bytes(secrets.token_hex(16).encode())
        command = [sys.executable, "-m", "server.upi_psp", "--secret-file", str(secret), "--port", "0",
                   "--pay-after-s", str(PAY_AFTER_S)]  # fmt: skip
        with open(self.folder / "psp.log", "ab") as log:
            self.psp = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log)
        assert self.psp.stdout is not None
        line = self.psp.stdout.readline().decode()
        if not line.startswith("listening on "):
            raise EmbeddedServerError(f"the UPI PSP emulator did not start ({line.strip()!r})")
        return ["--upi-psp", line.split()[-1], "--upi-secret-file", str(secret)]

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
        if self.psp is not None:
            self.psp.kill()
            self.psp.wait()
            if self.psp.stdout is not None:
                self.psp.stdout.close()
            self.psp = None
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
