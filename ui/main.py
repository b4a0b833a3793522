"""The `kiosk` command: the kiosk process's entry point."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from sync.sdnotify import Notifier
from ui.demo import DEMO_OUT, run_demo, run_ledger_demo

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication

    from kiosk.store import Store


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kiosk", description="e-Mitra Plus kiosk")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="run on device emulators and a reference server (a scripted tour when headless)",
    )
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
    from ui.watchdog import UiWatchdog

    app = application()
    try:
        services = real_services(config_path)
    except StartError as exc:
        err.write(f"kiosk: cannot start: {exc}\n")
        return 1
    kiosk = build_window(services, kiosk_mode=True)
    watchdog = UiWatchdog(kiosk.window, Notifier(), healthy=lambda: database_answers(services.store)).start()
    quit_on_sigterm(app)
    try:
        return app.exec()
    finally:
        watchdog.stop()
        kiosk.close()
        services.close()


def database_answers(store: Store) -> bool:
    """The UI is healthy while its database answers: a kiosk that cannot record money must be restarted."""
    try:
        store.read("SELECT 1")
    except Exception:
        return False
    return True


def quit_on_sigterm(app: QCoreApplication) -> None:
    """systemd stops the kiosk with SIGTERM: leave the Qt loop so devices and the database close cleanly."""
    from PySide6.QtCore import QTimer

    signal.signal(signal.SIGTERM, lambda *_: app.quit())
    timer = QTimer(app)  # Python runs signal handlers only between bytecodes: wake it up now and then
    timer.timeout.connect(lambda: None)
    timer.start(250)


if __name__ == "__main__":
    sys.exit(main())
