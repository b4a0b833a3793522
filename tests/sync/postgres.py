"""A private PostgreSQL for the tests: initdb in a temporary folder owned by postgres, on a free loopback port."""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

BIN = Path("/usr/lib/postgresql/15/bin")


class PostgresUnavailable(RuntimeError):
    """PostgreSQL could not be started; the message says what to install or fix."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PrivatePostgres:
    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="kiosk-pg-"))
        self.data = self.folder / "data"
        self.port = free_port()

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _as_postgres(self, *command: str) -> None:
        done = subprocess.run(["runuser", "-u", "postgres", "--", *command], capture_output=True, text=True)
        if done.returncode != 0:
            raise PostgresUnavailable(f"{' '.join(command[:2])} failed: {(done.stderr or done.stdout)[-400:]}")

    def start(self) -> PrivatePostgres:
        if not (BIN / "initdb").exists():
            raise PostgresUnavailable(
                f"{BIN}/initdb is missing: install Debian's postgresql (scripts/system-packages.txt, `make system`)"
            )
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            raise PostgresUnavailable("there is no postgres user: install Debian's postgresql package") from None
        if os.geteuid() != 0:
            raise PostgresUnavailable("starting a private PostgreSQL needs root (runuser -u postgres)")
        os.chown(self.folder, user.pw_uid, user.pw_gid)
        self._as_postgres(str(BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=on"
        self._as_postgres(str(BIN / "pg_ctl"), "-D", str(self.data), "-o", options, "-w", "-l",
                          str(self.folder / "log"), "start")  # fmt: skip
        return self

    def stop(self) -> None:
        subprocess.run(
            ["runuser", "-u", "postgres", "--", str(BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(self.folder, ignore_errors=True)
