"""kiosk-server: run the reference server, issue enrolment tokens, publish the catalogue, seed sample data."""

from __future__ import annotations

import argparse
import json
import logging
import socket
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from server import blobs
from server.dashboard.cli import register as dashboard_commands
from server.db import Database, database_url
from server.fleetops.cli import register as fleetops_commands
from server.locker import locker_options
from server.locker import serve_options as locker_serve_options
from server.reconcile import register as reconcile_commands
from server.upi import serve_options as upi_serve_options
from server.upi import upi_options


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from server.app import create_app
    from server.delivery import phone_options

    phone = phone_options(args.sms_gateway, args.sms_key_file, args.link_ttl_s, args.public_url)
    db = Database(database_url(args.db), synchronous=args.sqlite_synchronous)
    app = create_app(db, phone=phone, aua_answer_delay_s=args.aua_answer_delay_s)
    app.state.upi = upi_options(args)  # server/upi.py: None leaves UPI switched off
    app.state.blobs = blobs.store_from(args, db)
    app.state.locker_options = locker_options(args)  # server/locker.py: None leaves the locker switched off
    # proto=IPPROTO_TCP matters: asyncio sets TCP_NODELAY on accepted sockets only when it is given explicitly,
    # and without it every keep-alive answer waits ~40 ms for Nagle and delayed ACK.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((args.host, args.port))
    # The real port goes to stdout first, so a test or supervisor that asked for port 0 can find it.
    print(f"listening on http://{args.host}:{sock.getsockname()[1]}", flush=True)
    # Behind a load balancer the client's address (the login throttle's per-address count) comes from its
    # X-Forwarded-For, believed only from the proxies named here; by default from nobody.
    proxies = list(args.trusted_proxy)
    config = uvicorn.Config(app, log_level=args.log_level, access_log=False, timeout_keep_alive=30,
                            proxy_headers=bool(proxies), forwarded_allow_ips=proxies)  # fmt: skip
    uvicorn.Server(config).run(sockets=[sock])
    return 0


def issue_token(args: argparse.Namespace) -> int:
    from server.service import Service

    print(Service(Database(database_url(args.db))).issue_token(args.kiosk_code, args.valid_hours))
    return 0


def revoke(args: argparse.Namespace) -> int:
    from server.service import Service

    if not Service(Database(database_url(args.db))).revoke(args.kiosk_code):
        print(f"no kiosk {args.kiosk_code}", file=sys.stderr)
        return 1
    return 0


def out_of_service(args: argparse.Namespace) -> int:
    from server.service import Service

    reason = args.reason if args.admin == "out-of-service" else None
    if not Service(Database(database_url(args.db))).set_out_of_service(args.kiosk_code, reason):
        print(f"no kiosk {args.kiosk_code}", file=sys.stderr)
        return 1
    return 0


def publish(args: argparse.Namespace) -> int:
    from server.service import Service

    try:
        body = json.loads(Path(args.file).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        print(f"{args.file}: cannot read the catalogue ({exc})", file=sys.stderr)
        return 2
    if not isinstance(body, dict):
        print(f"{args.file}: the catalogue must be a JSON object", file=sys.stderr)
        return 2
    expires = datetime.now(UTC) + timedelta(days=args.valid_days)
    document = Service(Database(database_url(args.db))).publish_catalogue(body, expires, args.kind)
    print(f"published {args.kind} version {document.version}, expires {document.expires_at}")
    return 0


def publish_release(args: argparse.Namespace) -> int:
    from server import releases
    from server.service import Service

    vendor = []
    for text in args.vendor:
        name, _, rest = text.partition("=")
        version, _, path = rest.partition(":")
        if not (name and version and path):
            print(f"--vendor {text!r}: expected NAME=VERSION:PATH", file=sys.stderr)
            return 2
        vendor.append(releases.Vendor(name, version, Path(path)))
    db = Database(database_url(args.db))
    try:
        manifest, digest = releases.publish(db, Service(db).key, Path(args.source), args.version, notes=args.notes,
                                            min_schema=args.min_schema, vendor=vendor)  # fmt: skip
    except releases.PublishError as exc:
        print(f"cannot publish: {exc}", file=sys.stderr)
        return 2
    print(f"published release {manifest.version}: {len(manifest.files)} files, {manifest.total_bytes()} bytes, "
          f"manifest sha256 {digest}")  # fmt: skip
    return 0


def assign_release(args: argparse.Namespace) -> int:
    from server import releases
    from server.service import Service

    db = Database(database_url(args.db))
    Service(db)
    try:
        found = releases.assign(db, args.kiosk, args.version)
    except releases.PublishError as exc:
        print(f"cannot assign: {exc}", file=sys.stderr)
        return 2
    if not found:
        print(f"no kiosk {args.kiosk}", file=sys.stderr)
        return 1
    return 0


def migrate_events(args: argparse.Namespace) -> int:
    from server import partitions

    db = Database(database_url(args.db))
    if not db.postgres:
        print("SQLite keeps one events table: nothing to migrate", file=sys.stderr)
        return 0
    try:
        with db.tx() as tx:
            print(partitions.migrate(tx, partitions.utc_now()))
    except ValueError as exc:
        print(f"cannot migrate events: {exc}", file=sys.stderr)
        return 2
    return 0


def seed(args: argparse.Namespace) -> int:
    from server import online
    from server.service import Service

    db = Database(database_url(args.db))
    Service(db)
    print(f"seeded {online.seed(db, per_biller=args.per_biller)} consumer accounts")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="kiosk-server", description=__doc__)
    top.add_argument("--db", default="kiosk-server.db", help="SQLite file, or a postgresql:// URL")
    commands = top.add_subparsers(dest="command", required=True)
    run = commands.add_parser("serve", help="serve the API (prints the port it listens on)")
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=8080, help="0 picks a free port")
    run.add_argument("--log-level", default="warning")
    run.add_argument("--sqlite-synchronous", choices=("FULL", "NORMAL"), default="FULL",
                     help="NORMAL: faster; a power cut may lose the last commits (kiosks resend them)")  # fmt: skip
    run.add_argument("--sms-gateway", default="", help="record:FILE (tests, demo) or the provider's https:// URL")
    run.add_argument("--sms-key-file", default="", help="file holding the HTTP SMS gateway's key")
    run.add_argument("--link-ttl-s", type=float, default=7 * 24 * 3600, help="how long a phone link works")
    run.add_argument("--public-url", default="", help="the server's address as phones reach it")
    run.add_argument("--trusted-proxy", action="append", default=[], metavar="ADDRESS",
                     help="a load balancer whose X-Forwarded-For is believed (repeat for several)")  # fmt: skip
    run.add_argument(
        "--aua-answer-delay-s",
        type=float,
        default=0.0,
        help="answer /aadhaar:auth this late, after deciding (tests of a slow AUA)",
    )
    upi_serve_options(run)
    blobs.serve_options(run)
    locker_serve_options(run)
    run.set_defaults(handler=serve)
    admin = commands.add_parser("admin", help="administration").add_subparsers(dest="admin", required=True)
    token = admin.add_parser("issue-token", help="a single-use enrolment token for one kiosk")
    token.add_argument("kiosk_code")
    token.add_argument("--valid-hours", type=float, default=72.0)
    token.set_defaults(handler=issue_token)
    rev = admin.add_parser("revoke", help="refuse every request signed by this kiosk's key")
    rev.add_argument("kiosk_code")
    rev.set_defaults(handler=revoke)
    oos = admin.add_parser("out-of-service", help="tell a kiosk (at its next heartbeat) to stop taking money")
    oos.add_argument("kiosk_code")
    oos.add_argument("--reason", required=True)
    oos.set_defaults(handler=out_of_service)
    back = admin.add_parser("in-service", help="lift an out-of-service order")
    back.add_argument("kiosk_code")
    back.set_defaults(handler=out_of_service)
    pub = admin.add_parser("publish-catalogue", help="sign and publish a catalogue JSON file as the next version")
    pub.add_argument("file")
    pub.add_argument("--kind", choices=("catalogue", "config"), default="catalogue", help="config: fleet settings")
    pub.add_argument("--valid-days", type=float, default=30.0, help="negative values publish an expired one (tests)")
    pub.set_defaults(handler=publish)
    rel = admin.add_parser("publish-release", help="sign and store a software release (a folder or a wheel)")
    rel.add_argument("source", help="the bundle's folder, or a .whl file")
    rel.add_argument("--version", required=True)
    rel.add_argument("--notes", default="")
    rel.add_argument("--min-schema", type=int, default=0, help="the kiosk database schema this release needs")
    rel.add_argument("--vendor", action="append", default=[], metavar="NAME=VERSION:PATH",
                     help="a vendor package (e.g. the RD service's .deb) the kiosk installs with it")  # fmt: skip
    rel.set_defaults(handler=publish_release)
    give = admin.add_parser("assign-release", help="offer a published release to one kiosk at its next heartbeat")
    give.add_argument("--version", required=True)
    give.add_argument("--kiosk", required=True, help="the kiosk's code")
    give.set_defaults(handler=assign_release)
    mig = admin.add_parser(
        "migrate-events", help="PostgreSQL: partition today's events table by month (servers stopped)"
    )
    mig.set_defaults(handler=migrate_events)
    sd = commands.add_parser("seed", help="sample consumer accounts per biller and applications")
    sd.add_argument("--per-biller", type=int, default=50)
    sd.set_defaults(handler=seed)
    dashboard_commands(admin, commands)
    fleetops_commands(admin)
    reconcile_commands(admin)
    blobs.register(admin)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    result: int = args.handler(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
