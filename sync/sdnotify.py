"""systemd's notify protocol (READY, STATUS, WATCHDOG) over its datagram socket, with the standard library only."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Mapping


class Notifier:
    """Sends notify messages to the socket systemd names in NOTIFY_SOCKET; does nothing when not under systemd."""

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        env = os.environ if environ is None else environ
        self.address = env.get("NOTIFY_SOCKET", "")
        usec = env.get("WATCHDOG_USEC", "")
        pid = env.get("WATCHDOG_PID", "")
        # The watchdog applies to us only if systemd named our PID (or none at all).
        mine = not pid or (pid.isdigit() and int(pid) == os.getpid())
        self.watchdog_interval_s = int(usec) / 1_000_000 if usec.isdigit() and mine else None

    @property
    def enabled(self) -> bool:
        return bool(self.address)

    def send(self, *fields: str) -> bool:
        if not self.address:
            return False
        target = self.address
        if target.startswith("@"):  # abstract namespace socket
            target = "\0" + target[1:]
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            try:
                sock.connect(target)
                sock.sendall("\n".join(fields).encode("utf-8"))
            except OSError:
                return False
        return True

    def ready(self, status: str = "") -> bool:
        return self.send("READY=1", *([f"STATUS={status}"] if status else []))

    def status(self, text: str) -> bool:
        return self.send(f"STATUS={text}")

    def stopping(self) -> bool:
        return self.send("STOPPING=1")

    def watchdog(self) -> bool:
        return self.send("WATCHDOG=1")


class WatchdogFeeder:
    """Pings the watchdog only while `healthy()` says so; when it stops, systemd restarts the service.

    Call tick() from the loop whose liveness matters (the Qt main loop for the UI, the scheduler for the agent),
    at least twice per watchdog interval; `tick_interval_s` says how often.
    """

    def __init__(self, notifier: Notifier, healthy: Callable[[], bool]) -> None:
        self.notifier = notifier
        self.healthy = healthy
        self.last_reason = ""

    @property
    def tick_interval_s(self) -> float | None:
        interval = self.notifier.watchdog_interval_s
        return None if interval is None else interval / 3

    def tick(self) -> bool:
        if not self.healthy():
            self.last_reason = "unhealthy"
            self.notifier.status("unhealthy: watchdog not fed")
            return False
        self.last_reason = ""
        return self.notifier.watchdog()
