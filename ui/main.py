"""The `kiosk` command: the kiosk process's entry point."""

from __future__ import annotations

import argparse
import sys

from ui.demo import run_ledger_demo


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kiosk", description="e-Mitra Plus kiosk")
    parser.add_argument("--demo", action="store_true", help="run with emulated devices and a scripted tour")
    args = parser.parse_args(argv)
    if args.demo:
        return run_ledger_demo(sys.stdout)
    parser.error("the touch screen is not available yet; run `kiosk --demo`")
    return 2


if __name__ == "__main__":
    sys.exit(main())
