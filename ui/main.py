"""The `kiosk` command: the kiosk process's entry point."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from ui.demo import DEMO_OUT, run_demo, run_ledger_demo


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kiosk", description="e-Mitra Plus kiosk")
    parser.add_argument("--demo", action="store_true", help="run on memory devices (a scripted tour when headless)")
    parser.add_argument("--ledger-demo", action="store_true", help="narrate one bill payment through the ledger")
    parser.add_argument("--out", type=Path, default=DEMO_OUT, help="where the headless tour writes screenshots")
    parser.add_argument("--config", type=Path, help="run the kiosk in the field from this config file")
    args = parser.parse_args(argv)
    if args.ledger_demo:
        return run_ledger_demo(sys.stdout)
    if args.demo:
        return run_demo(sys.stdout, out_dir=args.out)
    if args.config is not None:
        return run_kiosk(args.config, sys.stderr)
    parser.error("say how to run: --config /etc/kiosk/kiosk.toml (in the field) or --demo (emulated devices)")
    return 2


def run_kiosk(config_path: Path, err: TextIO) -> int:
    """Fullscreen on the configured devices; exits 1 with what to do when it cannot start (systemd restarts it)."""
    from ui.app import application, build_window
    from ui.realmode import StartError, real_services

    app = application()
    try:
        services = real_services(config_path)
    except StartError as exc:
        err.write(f"kiosk: cannot start: {exc}\n")
        return 1
    kiosk = build_window(services, kiosk_mode=True)
    try:
        return app.exec()
    finally:
        kiosk.close()
        services.close()


if __name__ == "__main__":
    sys.exit(main())
