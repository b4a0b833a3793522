"""The executor's own entry point, SIGKILLed at a named step: the power cut of the kill tests."""

from __future__ import annotations

import os
import signal
import sys

from sync.privileged import main


def kill_at(step: str) -> None:
    def checkpoint(name: str) -> None:
        if name == step:
            os.kill(os.getpid(), signal.SIGKILL)

    sys.exit(main(sys.argv[2:], checkpoint))


if __name__ == "__main__":
    kill_at(sys.argv[1])
