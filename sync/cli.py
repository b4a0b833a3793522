"""kiosk-agent: the headless sync process (run), its one-time enrolment (enrol) and a status line (status)."""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
from pathlib import Path

from kiosk.clock import SystemClock
from kiosk.config import ConfigError
from kiosk.outbox import Outbox
from kiosk.store import Store
from kiosk.store.db import StoreError
from sync.client import SyncError
from sync.identity import IdentityError, SyncState
from sync.sdnotify import Notifier, WatchdogFeeder
from sync.settings import load_settings


def run(args: argparse.Namespace) -> int:
    from apscheduler.executors.pool import ThreadPoolExecutor
    from apscheduler.schedulers.blocking import BlockingScheduler

    from sync.agent import Agent

    settings = load_settings(Path(args.config))
    store = Store.open(settings.database, SystemClock())
    agent = Agent(settings, store, SystemClock())
    scheduler = BlockingScheduler(timezone="UTC", executors={"default": ThreadPoolExecutor(1)})
    agent.schedule(scheduler)
    # kiosk-agent.service is Type=notify with WatchdogSec=: READY once configured, and pings from a job on the one
    # worker the sync jobs use, so a job hung past its timeouts stops the pings and systemd restarts the agent.
    notifier = Notifier()
    feeder = WatchdogFeeder(notifier, healthy=lambda: True)
    if feeder.tick_interval_s is not None:
        scheduler.add_job(feeder.tick, "interval", seconds=feeder.tick_interval_s, id="watchdog", coalesce=True)
    agent.ready(notifier, f"syncing with {settings.server_url}")
    with contextlib.suppress(KeyboardInterrupt, SystemExit):
        scheduler.start()
    return 0


def enrol(args: argparse.Namespace) -> int:
    from sync.agent import enrol as do_enrol

    settings = load_settings(Path(args.config))
    store = Store.open(settings.database, SystemClock())
    enrolment = do_enrol(settings, store, args.token)
    print(f"enrolled as {enrolment.kiosk_id}")
    return 0


def status(args: argparse.Namespace) -> int:
    settings = load_settings(Path(args.config))
    store = Store.open(settings.database, SystemClock())
    outbox, state = Outbox(store), SyncState(store)
    print(
        f"kiosk {state.get('kiosk_id') or '(not enrolled)'}: last seq {outbox.last_seq()}, "
        f"pending {outbox.depth()}, quarantined {outbox.quarantined()}, "
        f"last heartbeat {state.get('last_heartbeat') or 'never'}, catalogue v{state.get('catalogue_version') or 0}"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    top = argparse.ArgumentParser(prog="kiosk-agent", description=__doc__)
    top.add_argument("--config", default="/etc/emitra/kiosk.toml")
    top.add_argument("--log-level", default="INFO")
    commands = top.add_subparsers(dest="command", required=True)
    commands.add_parser("run", help="drain, heartbeat and pull the catalogue until stopped").set_defaults(handler=run)
    token = commands.add_parser("enrol", help="enrol this kiosk with the engineer's single-use token")
    token.add_argument("--token", required=True)
    token.set_defaults(handler=enrol)
    commands.add_parser("status", help="one line about the outbox and the last contact").set_defaults(handler=status)
    args = top.parse_args(argv)
    logging.basicConfig(level=args.log_level, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    try:
        result: int = args.handler(args)
    except (ConfigError, StoreError, IdentityError, SyncError) as exc:
        print(f"kiosk-agent: {exc}", file=sys.stderr)
        return 2
    return result


if __name__ == "__main__":
    sys.exit(main())
