"""A kiosk's update (or rollback) as its own process, SIGKILLed at a named step: the power cut of the kill tests."""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path

from kiosk.clock import FakeClock, SystemClock
from kiosk.hours import OperatingHours
from sync.client import Client
from sync.identity import load_or_create_key
from sync.protocol import ReleaseOffer
from sync.protocol.signing import load_public_key
from sync.release.fetch import Fetcher
from sync.release.gate import check
from sync.release.root import ReleaseRoot
from sync.release.updater import UpdatePolicy, Updater


def main() -> int:
    job = json.loads(sys.argv[1])
    kill_at, seen = job["kill_at"], []
    step_name, _, nth = kill_at.partition("#")  # "installing#100": at the 100th file installed

    def checkpoint(step: str) -> None:
        seen.append(step)
        if step == step_name and seen.count(step) == int(nth or 1):
            os.kill(os.getpid(), signal.SIGKILL)

    root, database, clock = ReleaseRoot(Path(job["root"])), Path(job["database"]), FakeClock()
    if job["mode"] == "rollback":
        print(check(root, database, clock, failed=True, checkpoint=checkpoint))
        return 0
    client = Client(job["url"], load_or_create_key(Path(job["key_file"])), job["kiosk_id"], SystemClock())
    fetcher = Fetcher(client, load_public_key(job["server_key"]), root, clock, checkpoint=checkpoint)
    policy = UpdatePolicy(hours=OperatingHours(weekly={}), python=sys.executable)
    updater = Updater(root, fetcher, database, clock, policy, restart=lambda: None, checkpoint=checkpoint)
    updater.offer = ReleaseOffer(version=job["version"], manifest_sha256=job["sha"])
    print(updater.step(), seen)
    return 0


if __name__ == "__main__":
    sys.exit(main())
