"""kiosk-server's dashboard commands: add officers, place a kiosk, generate a demo fleet."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from datetime import UTC, datetime
from typing import Any

from server.db import Database, database_url


def add_officer(args: argparse.Namespace) -> int:
    from server.dashboard import auth
    from server.service import Service

    db = Database(database_url(args.db))
    Service(db)
    # The password comes from the environment or a prompt, never from argv (it would sit in `ps` and history).
    password = os.environ.get("DASH_PASSWORD", "")
    if not password:
        if not sys.stdin.isatty():
            print("cannot add officer: set DASH_PASSWORD or run in a terminal to be asked", file=sys.stderr)
            return 2
        password = getpass.getpass(f"password for {args.username}: ")
    try:
        officer = auth.add_officer(db, args.username, args.name or args.username, password, args.role,
                                   args.district, args.block, datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                                   )  # fmt: skip
    except auth.AuthError as exc:
        print(f"cannot add officer: {exc}", file=sys.stderr)
        return 2
    scope = " / ".join(p for p in (officer.district, officer.block) if p) or "the whole division"
    print(f"added {officer.role} officer {officer.username} ({scope})")
    return 0


def place(args: argparse.Namespace) -> int:
    """Where a kiosk is, for machines whose agent does not send `kiosk.provisioned` (or to correct it)."""
    from server.dashboard.rollup import put_site
    from server.service import Service

    db = Database(database_url(args.db))
    Service(db)
    try:
        hours = json.loads(args.hours) if args.hours else {}
        if not isinstance(hours, dict):
            raise ValueError('--hours must be a JSON object like {"mon": "09:00-18:00"}')
    except ValueError as exc:
        print(f"cannot place kiosk: {exc}", file=sys.stderr)
        return 2
    with db.tx() as tx:
        row = tx.one("SELECT id FROM kiosks WHERE code = ?", (args.kiosk_code,))
        if row is None:
            print(f"no kiosk {args.kiosk_code}", file=sys.stderr)
            return 1
        site: dict[str, Any] = {"district": args.district, "block": args.block, "gram_panchayat": args.gram_panchayat,
                                "centre": args.centre, "nodal_officer": args.nodal_officer, "hours": hours}  # fmt: skip
        put_site(tx, str(row[0]), args.kiosk_code, site)
    print(f"placed {args.kiosk_code} in {args.district} / {args.block}")
    return 0


def generate_fleet(args: argparse.Namespace) -> int:
    from server.dashboard.generate import main

    return main(["--db", args.db, "--machines", str(args.machines), "--days", str(args.days),
                 "--seed", str(args.seed)])  # fmt: skip


def register(admin: Any, commands: Any) -> None:
    officer = admin.add_parser("add-officer", help="a dashboard user (password from $DASH_PASSWORD or a prompt)")
    officer.add_argument("username")
    officer.add_argument("--name", default="")
    officer.add_argument("--role", required=True, choices=("division", "district", "block"))
    officer.add_argument("--district")
    officer.add_argument("--block")
    officer.set_defaults(handler=add_officer)
    site = admin.add_parser("place", help="set a kiosk's district, block, centre, nodal officer and hours")
    site.add_argument("kiosk_code")
    for name in ("district", "block", "gram-panchayat", "centre", "nodal-officer"):
        site.add_argument(f"--{name}", required=name in ("district", "block"), default="")
    site.add_argument("--hours", default="", help='JSON, e.g. {"mon": "09:00-18:00", "sun": "closed"}')
    site.set_defaults(handler=place)
    gen = commands.add_parser("generate-fleet", help="a realistic demo fleet (see server/dashboard/generate.py)")
    gen.add_argument("--machines", type=int, default=3000)
    gen.add_argument("--days", type=int, default=90)
    gen.add_argument("--seed", type=int, default=1)
    gen.set_defaults(handler=generate_fleet)
