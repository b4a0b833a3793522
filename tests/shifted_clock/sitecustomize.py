"""On PYTHONPATH only for `make test`'s shifted-clock runs: libfaketime breaks `time.sleep`, so sleep on select."""

# With FAKETIME_DONT_FAKE_MONOTONIC=1 (needed: otherwise every timed wait on a lock or event hangs), libfaketime
# 0.9.10's clock_nanosleep answers EINVAL, and Python 3.11's time.sleep uses it. select() waits on the real clock
# the same way; this runs in every Python process of the shifted run (the test workers and the servers, kiosks and
# agents they start), and nowhere else.
import os
import select
import time

if "faketime" in os.environ.get("LD_PRELOAD", ""):

    def _sleep(seconds: float) -> None:
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        select.select([], [], [], seconds)

    time.sleep = _sleep
