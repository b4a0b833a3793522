"""The agent's side of the privileged executor: drop a request in the spool, wait for root's result."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sync.privileged_spool import REQUESTS, RESULTS, Request, Result, open_folder
from sync.protocol.releases import ReleaseManifest, VendorPackage
from sync.sdnotify import Notifier

STAGING = "staging"  # the agent's own temporaries: requests/ holds only whole requests (the path unit watches it)


class WatchdogPing:
    """Feeds systemd's watchdog of this process (if it has one) at a third of its interval, at most: a wait for
    root holds the agent's one worker, so the scheduler's own pings stop until the answer comes (a vendor .deb may
    take 620 s; kiosk-agent.service's WatchdogSec=120). The wait itself is bounded, so a stuck executor still ends."""

    def __init__(self, notifier: Notifier | None = None) -> None:
        self.notifier = notifier or Notifier()
        interval = self.notifier.watchdog_interval_s
        self.every_s = None if interval is None else interval / 3
        self.last = float("-inf")

    def __call__(self) -> None:
        now = time.monotonic()  # an interval, not a reading of the time of day
        if self.every_s is not None and now - self.last >= self.every_s:
            self.last = now
            self.notifier.watchdog()


class PrivilegedError(Exception):
    """Root refused or failed the request, or never answered; `status` is refused, failed or unanswered."""

    def __init__(self, status: str, detail: str) -> None:
        super().__init__(detail)
        self.status = status


@dataclass(frozen=True)
class Privileged:
    """The spool of kiosk-privileged.path ([agent].privileged_spool): how the kiosk user asks root for the few
    actions it may not do itself (restart the app, reboot, rewrite kiosk.toml, install a release's .deb)."""

    spool: Path
    timeout_s: float = 60.0  # under the agent's WatchdogSec=120: a stopped executor never gets the agent killed
    poll_s: float = 0.1
    keepalive: Callable[[], object] = field(default_factory=WatchdogPing, compare=False)  # called while waiting

    def run(self, action: str, args: dict[str, Any] | None = None, *, request_id: str = "") -> str:
        """The result's detail when root did it; PrivilegedError otherwise. One id is run once, however often sent."""
        request = Request.model_validate({"id": request_id or uuid.uuid4().hex, "action": action, "args": args or {}})
        name = request.id + ".json"
        staged = self.spool / STAGING / name
        with open(staged, "wb") as handle:
            handle.write(request.model_dump_json().encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(staged, self.spool / REQUESTS / name)  # the path unit sees the whole request or nothing
        return self._wait(request)

    def _wait(self, request: Request) -> str:
        result_file = self.spool / RESULTS / (request.id + ".json")
        deadline = time.monotonic() + self.timeout_s  # a timeout, not a reading of the time of day
        while time.monotonic() < deadline:
            try:
                result = Result.model_validate_json(result_file.read_bytes())
            except FileNotFoundError:
                self.keepalive()
                time.sleep(self.poll_s)
                continue
            if result.status != "done":
                raise PrivilegedError(result.status, result.detail)
            return result.detail
        (self.spool / REQUESTS / (request.id + ".json")).unlink(missing_ok=True)  # withdrawn, if not yet taken
        raise PrivilegedError("unanswered", f"no answer to {request.action} from the privileged executor within "
                              f"{self.timeout_s:.0f} s: is kiosk-privileged.path active?")  # fmt: skip

    def last_result(self) -> Result | None:
        """The newest answer in the spool (kioskctl doctor), or None."""
        try:
            folder = open_folder(self.spool / RESULTS)
        except OSError:
            return None
        try:
            names = [n for n in os.listdir(folder) if n.endswith(".json") and not n.startswith(".")]
            stamped = sorted((os.stat(n, dir_fd=folder).st_mtime_ns, n) for n in names)
        finally:
            os.close(folder)
        if not stamped:
            return None
        try:
            return Result.model_validate_json((self.spool / RESULTS / stamped[-1][1]).read_bytes())
        except (OSError, ValueError):
            return None


class PrivilegedSystem:
    """SystemControl through the executor: the shipped agent (user kiosk) may not call systemctl itself."""

    def __init__(self, privileged: Privileged) -> None:
        self.privileged = privileged

    def restart_app(self) -> None:
        self.privileged.run("restart_app")

    def reboot(self) -> None:
        self.privileged.run("reboot")


def vendor_request(package: VendorPackage, manifest: ReleaseManifest, release_dir: Path) -> dict[str, str]:
    """install_vendor's arguments: the release, the package's file in it and the hash the signed manifest gives."""
    sha = next(f.sha256 for f in manifest.files if f.path == package.file)
    return {"release": release_dir.name, "file": package.file, "sha256": sha, "name": package.name,
            "version": package.version}  # fmt: skip
