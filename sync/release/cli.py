"""kiosk-rollback: the health gate's command (systemd ExecStartPre= and OnFailure= of the kiosk's services)."""

from __future__ import annotations

import argparse
import logging
import subprocess
import sys
from pathlib import Path

from kiosk.clock import SystemClock
from sync.privileged_client import Privileged
from sync.release.gate import check
from sync.release.redact import log_tail
from sync.release.root import ReleaseRoot
from sync.release.setup import for_vendor
from sync.release.vendor import VendorCommands


def read_tail(log_file: str, journal_unit: str) -> str:
    if log_file:
        try:
            return log_tail(Path(log_file).read_text("utf-8", errors="replace"))
        except OSError:
            return ""
    if journal_unit:
        try:
            done = subprocess.run(["journalctl", "-u", journal_unit, "-n", "60", "--no-pager"],
                                  capture_output=True, text=True, timeout=20, check=False)  # fmt: skip
        except (OSError, subprocess.TimeoutExpired):
            return ""
        return log_tail(done.stdout)
    return ""


def main(argv: list[str] | None = None) -> int:
    from sync.settings import load_settings

    top = argparse.ArgumentParser(prog="kiosk-rollback", description=__doc__)
    top.add_argument("--config", required=True, help="the kiosk config file")
    top.add_argument("--failed", action="store_true", help="the new release's service failed (OnFailure=)")
    top.add_argument("--log-file", default="", help="take the log tail from this file")
    top.add_argument("--journal-unit", default="kiosk-agent.service", help="else from this unit's journal")
    args = top.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    settings = load_settings(Path(args.config))
    if settings.release_root is None:
        print("this kiosk has no [agent].release_root: nothing to roll back", file=sys.stderr)
        return 0
    root = ReleaseRoot(settings.release_root)
    privileged = for_vendor(Privileged(settings.privileged_spool) if settings.privileged_spool else None)
    vendor = VendorCommands(settings.vendor_install_command, settings.vendor_check_command, privileged)
    outcome = check(root, settings.database, SystemClock(), failed=args.failed, vendor=vendor,
                    tail=lambda: read_tail(args.log_file, args.journal_unit))  # fmt: skip
    print(outcome)
    return 0


if __name__ == "__main__":
    sys.exit(main())
