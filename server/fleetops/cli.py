"""kiosk-server's fleet operations commands: remote commands to kiosks, their audit, and staged rollouts."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from server.db import Database, database_url


def _service(args: argparse.Namespace) -> Any:
    from server.service import Service

    return Service(Database(database_url(args.db)))


def command(args: argparse.Namespace) -> int:
    from server.fleetops.remote import CommandError

    try:
        arguments = _arguments(args)
        issued = _service(args).remote.issue(args.officer, args.kiosk_code, args.kind, arguments, datetime.now(UTC),
                                             timedelta(hours=args.valid_hours))  # fmt: skip
    except (CommandError, ValueError, OSError) as exc:
        print(f"command refused: {exc}", file=sys.stderr)
        return 2
    print(f"{issued.id} {issued.kind} for {args.kiosk_code}, expires {issued.expires_at}")
    return 0


def _arguments(args: argparse.Namespace) -> dict[str, Any]:
    if args.kind == "send_logs":
        return {"lines": args.lines}
    if args.kind == "out_of_service":
        return {"reason": args.reason}
    if args.kind == "set_config":
        text = Path(args.config[1:]).read_text("utf-8") if args.config.startswith("@") else args.config
        change = json.loads(text or "{}")
        if not isinstance(change, dict):
            raise ValueError('--config must be a JSON object like {"kiosk": {"helpline": "181"}}')
        return change
    return {}


def audit(args: argparse.Namespace) -> int:
    from server.fleetops.remote import CommandError, audit, load_officer, result_output

    service = _service(args)
    if args.output:
        found = result_output(service.db, args.output)
        if found is None:
            print(f"no output for command {args.output}", file=sys.stderr)
            return 1
        print(found)
        return 0
    try:
        with service.db.tx(write=False) as tx:
            lines = audit(tx, load_officer(tx, args.officer), datetime.now(UTC), args.kiosk or None, args.limit)
    except CommandError as exc:
        print(f"cannot list commands: {exc}", file=sys.stderr)
        return 2
    for line in lines:
        print(f"{line.issued_at} {line.code} {line.kind} {line.args} by {line.officer}: {line.status} {line.detail}"
              f" ({line.id})")  # fmt: skip
    return 0


def rollout(args: argparse.Namespace) -> int:
    from server.fleetops import rollout
    from server.fleetops.remote import CommandError

    service = _service(args)
    try:
        waves = rollout.start(service.db, args.officer, args.version, args.waves, datetime.now(UTC),
                              manifest_sha256=args.manifest_sha256, threshold=args.pause_above,
                              advance_at=args.advance_at)  # fmt: skip
    except CommandError as exc:
        print(f"rollout refused: {exc}", file=sys.stderr)
        return 2
    print(f"rolling out {args.version} in {len(waves)} waves: {', '.join(waves)}")
    return 0


def rollout_resume(args: argparse.Namespace) -> int:
    from server.fleetops import rollout
    from server.fleetops.remote import CommandError

    try:
        rollout.resume(_service(args).db, args.officer, args.version, datetime.now(UTC))
    except CommandError as exc:
        print(f"cannot resume: {exc}", file=sys.stderr)
        return 2
    print(f"resumed the rollout of {args.version}")
    return 0


def rollout_status(args: argparse.Namespace) -> int:
    from server.fleetops import rollout

    with _service(args).db.tx(write=False) as tx:
        found = rollout.status(tx)
    print(json.dumps(found, indent=1))
    return 0


def register(admin: Any) -> None:
    from sync.protocol.remote import REMOTE_KINDS

    order = admin.add_parser("command", help="a signed remote command for one kiosk, delivered at its next heartbeat")
    order.add_argument("kiosk_code")
    order.add_argument("kind", choices=REMOTE_KINDS)
    order.add_argument("--officer", required=True, help="the ordering officer's dashboard username (audited)")
    order.add_argument("--lines", type=int, default=200, help="send_logs: how many of the last lines")
    order.add_argument("--reason", default="", help="out_of_service: the reason shown to villagers")
    order.add_argument("--config", default="", help='set_config: JSON {"section": {"key": value}} or @file.json')
    order.add_argument("--valid-hours", type=float, default=6.0, help="the kiosk refuses the command after this")
    order.set_defaults(handler=command)
    listing = admin.add_parser("commands", help="the audit of remote commands an officer can see")
    listing.add_argument("--officer", required=True)
    listing.add_argument("--kiosk", default="")
    listing.add_argument("--limit", type=int, default=100)
    listing.add_argument("--output", default="", metavar="COMMAND_ID", help="print one command's output instead")
    listing.set_defaults(handler=audit)
    out = admin.add_parser("rollout", help="roll a published release out in waves (district officers and above)")
    out.add_argument("--version", required=True)
    out.add_argument("--waves", required=True, help="e.g. pilot:5,block:Chaksu,district:Jaipur,all")
    out.add_argument("--officer", required=True, help="the officer starting it (audited; scopes every wave)")
    out.add_argument("--manifest-sha256", default="", help="the release manifest's SHA-256, for the offer")
    out.add_argument("--pause-above", type=float, default=0.2, help="pause when this share fails or rolls back")
    out.add_argument("--advance-at", type=float, default=0.9, help="next wave when this share of a wave runs it")
    out.set_defaults(handler=rollout)
    go_on = admin.add_parser("rollout-resume", help="resume a paused rollout (its failures so far are accepted)")
    go_on.add_argument("--version", required=True)
    go_on.add_argument("--officer", required=True)
    go_on.set_defaults(handler=rollout_resume)
    admin.add_parser("rollout-status", help="every rollout, its waves and counts (JSON)").set_defaults(
        handler=rollout_status
    )
