"""`kioskctl update`: the operator's go-ahead to switch to a downloaded release now, and the update's status."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from kiosk.config import ConfigError
from sync.protocol.releases import valid_version
from sync.release.root import ReleaseRoot, write_atomic
from sync.release.updater import CONFIRM_FILE
from sync.settings import load_settings


def _root(config: str, out: TextIO) -> ReleaseRoot | None:
    try:
        settings = load_settings(Path(config))
    except ConfigError as exc:
        out.write(f"FAIL  {exc}\n")
        return None
    if settings.release_root is None:
        out.write("FAIL  this kiosk takes no releases: [agent].release_root is not set\n")
        return None
    return ReleaseRoot(settings.release_root)


def cmd_confirm(args: argparse.Namespace, out: TextIO) -> int:
    """Let the agent switch even while the centre is open (never while a payment is open)."""
    if args.version and not valid_version(args.version):
        out.write(f"FAIL  --version {args.version!r} is not a version name\n")
        return 2
    root = _root(args.config, out)
    if root is None:
        return 1
    write_atomic(root.path / CONFIRM_FILE, args.version.encode("ascii"))
    what = f"release {args.version}" if args.version else "the downloaded release"
    out.write(f"ok    {what} will be switched to at the agent's next update check, once no payment is open\n")
    return 0


def cmd_status(args: argparse.Namespace, out: TextIO) -> int:
    root = _root(args.config, out)
    if root is None:
        return 1
    state = root.state()
    out.write(
        f"running {root.running() or 'none'}; update {state.get('version') or '-'}: {state.get('state') or 'idle'}\n"
    )
    if state.get("detail"):
        out.write(f"{state['detail']}\n")
    return 0


def register(sub: Any) -> None:
    update = sub.add_parser("update", help="software updates: status, and the operator's go-ahead")
    actions = update.add_subparsers(dest="update_command", required=True)
    confirm = actions.add_parser("confirm", help="switch to the downloaded release now (outside payments)")
    confirm.add_argument("--version", default="", help="only this release (default: whichever is downloaded)")
    confirm.add_argument("--config", default="/etc/kiosk/kiosk.toml")
    confirm.set_defaults(handler=cmd_confirm)
    status = actions.add_parser("status", help="the running release and the last update")
    status.add_argument("--config", default="/etc/kiosk/kiosk.toml")
    status.set_defaults(handler=cmd_status)
