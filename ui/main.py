"""The `kiosk` command: the kiosk process's entry point."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ui.demo import DEMO_OUT, run_demo, run_ledger_demo


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kiosk", description="e-Mitra Plus kiosk")
    parser.add_argument("--demo", action="store_true", help="run on memory devices (a scripted tour when headless)")
    parser.add_argument("--ledger-demo", action="store_true", help="narrate one bill payment through the ledger")
    parser.add_argument("--out", type=Path, default=DEMO_OUT, help="where the headless tour writes screenshots")
    args = parser.parse_args(argv)
    if args.ledger_demo:
        return run_ledger_demo(sys.stdout)
    if args.demo:
        return run_demo(sys.stdout, out_dir=args.out)
    parser.error("the kiosk needs its real device wiring (the lead's composition); run `kiosk --demo` for now")
    return 2


if __name__ == "__main__":
    sys.exit(main())
