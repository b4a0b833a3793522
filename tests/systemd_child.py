"""Child for the watchdog test: announces READY, then feeds the watchdog while a flag file says healthy."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from sync.sdnotify import Notifier, WatchdogFeeder

flag = Path(sys.argv[1])
notifier = Notifier()
feeder = WatchdogFeeder(notifier, healthy=lambda: flag.read_text() == "healthy")
notifier.ready("serving")
interval = feeder.tick_interval_s or 0.05
deadline = time.monotonic() + float(sys.argv[2])
while time.monotonic() < deadline:
    feeder.tick()
    time.sleep(interval)
notifier.stopping()
