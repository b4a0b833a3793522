"""Rail reconciliation: the kiosks' paid records (their synced `txn.paid` events) against a rail's settlement file.

Three kinds of mismatch, each naming the kiosk and transaction where known: money the rail settled that no kiosk
recorded (refund or confirm: `missing_at_kiosk`), a kiosk payment the rail never settled (`missing_at_rail`), and
the same reference with two amounts (`amount_differs`). Each run replaces the rail's findings for that day; the
officers' dashboard and `kiosk-server admin reconcile` show them.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from server.db import Database, Tx, database_url
from server.service import iso, now_utc

RAILS = ("upi", "card", "aadhaar_pay")
HEADER = ["utr", "tr", "amount_paise", "paid_at"]  # further columns (payee_vpa …) are allowed and ignored
REFERENCE = re.compile(r"^[A-Za-z0-9]{6,35}$")
IST = timedelta(hours=5, minutes=30)
MAX_ROWS = 200_000


class SettlementError(ValueError):
    """A settlement file that cannot be trusted: names the line and the problem; nothing was recorded."""


@dataclass(frozen=True, slots=True)
class Settled:
    reference: str  # UTR (UPI) or RRN
    tr: str
    amount_paise: int


@dataclass(frozen=True, slots=True)
class Mismatch:
    kind: str  # missing_at_kiosk | missing_at_rail | amount_differs
    reference: str
    kiosk_code: str
    txn_ref: str
    kiosk_paise: int | None
    rail_paise: int | None


def parse_settlement(text: str) -> list[Settled]:
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None or [h.strip().lower() for h in header[: len(HEADER)]] != HEADER:
        raise SettlementError(f"line 1: the header must start with {','.join(HEADER)}")
    rows: list[Settled] = []
    seen: set[str] = set()
    for number, row in enumerate(reader, start=2):
        if not row:
            continue
        if len(rows) >= MAX_ROWS:
            raise SettlementError(f"line {number}: more than {MAX_ROWS} rows")
        if len(row) < len(HEADER):
            raise SettlementError(f"line {number}: {len(row)} columns, need {len(HEADER)}")
        reference, tr, amount = row[0].strip(), row[1].strip(), row[2].strip()
        if not REFERENCE.match(reference):
            raise SettlementError(f"line {number}: reference {reference[:40]!r} is not 6 to 35 letters or digits")
        if not amount.isascii() or not amount.isdigit() or len(amount) > 13:
            raise SettlementError(f"line {number}: amount_paise {amount[:20]!r} is not a whole number of paise")
        if reference in seen:
            raise SettlementError(f"line {number}: reference {reference} appears twice")
        seen.add(reference)
        rows.append(Settled(reference, tr[:35], int(amount)))
    return rows


def kiosk_records(tx: Tx, rail: str, day: str) -> dict[str, tuple[str, str, int]]:
    """reference → (kiosk code, transaction id, paise) for the rail's payments the kiosks recorded on `day` (IST)."""
    found: dict[str, tuple[str, str, int]] = {}
    rows = tx.all(
        "SELECT k.code, e.payload, e.occurred_at FROM events e JOIN kiosks k ON k.id = e.kiosk_id"
        " WHERE e.kind = 'txn.paid' AND e.status = 'accepted'"
    )
    for code, payload_text, occurred_at in rows:
        payload = json.loads(payload_text)
        if payload.get("payment_mode") != rail or not payload.get("payment_ref"):
            continue
        when = datetime.fromisoformat(str(occurred_at).replace("Z", "+00:00"))
        if f"{when + IST:%Y-%m-%d}" == day:
            found[str(payload["payment_ref"])] = (
                str(code),
                str(payload.get("subject", "")),
                int(payload["amount_paid"]),
            )
    return found


def compare(kiosk: dict[str, tuple[str, str, int]], settled: list[Settled],
            owner_of: dict[str, tuple[str, str]]) -> list[Mismatch]:  # fmt: skip
    mismatches: list[Mismatch] = []
    for row in settled:
        mine = kiosk.get(row.reference)
        if mine is None:
            code, txn = owner_of.get(row.tr, ("", ""))
            mismatches.append(Mismatch("missing_at_kiosk", row.reference, code, txn, None, row.amount_paise))
        elif mine[2] != row.amount_paise:
            mismatches.append(Mismatch("amount_differs", row.reference, mine[0], mine[1], mine[2], row.amount_paise))
    at_rail = {row.reference for row in settled}
    for reference, (code, txn, paise) in sorted(kiosk.items()):
        if reference not in at_rail:
            mismatches.append(Mismatch("missing_at_rail", reference, code, txn, paise, None))
    return mismatches


def reconcile(db: Database, rail: str, day: str, text: str) -> list[Mismatch]:
    if rail not in RAILS:
        raise SettlementError(f"rail must be one of {', '.join(RAILS)}, not {rail!r}")
    try:
        datetime.strptime(day, "%Y-%m-%d")  # noqa: DTZ007 - a calendar date, no time of day
    except ValueError:
        raise SettlementError(f"day {day!r} is not YYYY-MM-DD") from None
    settled = parse_settlement(text)
    with db.tx() as tx:
        owners = {str(tr): (str(code), str(txn)) for tr, code, txn in tx.all(
            "SELECT q.tr, k.code, q.txn_ref FROM upi_qrs q JOIN kiosks k ON k.id = q.kiosk_id")}  # fmt: skip
        mismatches = compare(kiosk_records(tx, rail, day), settled, owners)
        tx.execute("DELETE FROM rail_mismatches WHERE rail = ? AND business_day = ?", (rail, day))
        for m in mismatches:
            tx.execute(
                "INSERT INTO rail_mismatches (rail, business_day, kind, reference, kiosk_code, txn_ref, kiosk_paise,"
                " rail_paise, found_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (rail, day, m.kind, m.reference, m.kiosk_code, m.txn_ref, m.kiosk_paise, m.rail_paise, iso(now_utc())),
            )
    return mismatches


def mismatches(db: Database, *, limit: int = 500) -> list[dict[str, Any]]:
    """The latest findings, newest day first, for the dashboard."""
    with db.tx(write=False) as tx:
        rows = tx.all(
            "SELECT rail, business_day, kind, reference, kiosk_code, txn_ref, kiosk_paise, rail_paise FROM"
            " rail_mismatches ORDER BY business_day DESC, rail, kind, reference LIMIT ?",
            (limit,),
        )
    keys = ("rail", "business_day", "kind", "reference", "kiosk_code", "txn_ref", "kiosk_paise", "rail_paise")
    return [dict(zip(keys, row, strict=True)) for row in rows]


def run(args: argparse.Namespace) -> int:
    from server.service import Service

    db = Database(database_url(args.db))
    Service(db)  # makes the schema
    try:
        text = Path(args.file).read_text("utf-8")
        found = reconcile(db, args.rail, args.day, text)
    except (OSError, UnicodeDecodeError, SettlementError) as exc:
        sys.stderr.write(f"cannot reconcile {args.file}: {exc}\n")
        return 2
    if args.json:
        sys.stdout.write(json.dumps([asdict(m) for m in found]) + "\n")
    else:
        sys.stdout.write(f"{args.rail} {args.day}: {len(found)} mismatch(es)\n")
        for m in found:
            sys.stdout.write(f"  {m.kind:17} {m.reference:14} kiosk {m.kiosk_code or '?':14} txn {m.txn_ref or '?'}"
                             f"  kiosk {m.kiosk_paise}  rail {m.rail_paise}\n")  # fmt: skip
    return 0


def register(admin: Any) -> None:
    cmd = admin.add_parser("reconcile", help="compare the kiosks' rail payments with a rail's settlement file")
    cmd.add_argument("--rail", required=True, choices=RAILS)
    cmd.add_argument("--file", required=True, help="the rail's settlement CSV (utr,tr,amount_paise,paid_at,…)")
    cmd.add_argument("--day", required=True, help="the business day (IST) the file settles, YYYY-MM-DD")
    cmd.add_argument("--json", action="store_true", help="print the mismatches as JSON")
    cmd.set_defaults(handler=run)
