"""Officers' remote commands: who may order what, signing and storing them, delivery in heartbeats, the audit."""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from server.dashboard.auth import Officer
from server.db import Database, Tx
from sync.protocol.remote import (
    MAX_REMOTE_PER_ANSWER,
    REMOTE_KINDS,
    CommandResult,
    RemoteCommand,
    SignedRemoteCommand,
    args_problem,
    remote_message,
)
from sync.protocol.signing import b64url

log = logging.getLogger("kiosk-server.fleetops.remote")
RANK = {"block": 1, "district": 2, "division": 3}
# The least role that may order each kind: the block officer looks after machines, the district decides what runs.
NEEDS = {kind: "block" for kind in REMOTE_KINDS} | {"set_config": "district", "rollout": "district"}
DEFAULT_TTL = timedelta(hours=6)  # a kiosk offline longer than this gets nothing stale when it comes back


class CommandError(ValueError):
    """An officer's command was refused before it was stored; the message says why. Nothing changed."""


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def may(officer: Officer, action: str) -> bool:
    return RANK.get(officer.role, 0) >= RANK[NEEDS[action]]


def check_role(officer: Officer, action: str) -> None:
    if not may(officer, action):
        raise CommandError(f"{action} needs a {NEEDS[action]} officer or above; {officer.username} is a "
                           f"{officer.role} officer")  # fmt: skip


def load_officer(tx: Tx, username: str) -> Officer:
    row = tx.one("SELECT username, name, role, district, block FROM dash_officers WHERE username = ?", (username,))
    if row is None:
        raise CommandError(f"no officer {username[:32]!r}")
    return Officer(str(row[0]), str(row[1]), str(row[2]), row[3], row[4])


def kiosk_in_scope(tx: Tx, officer: Officer, code: str) -> str:
    """The kiosk's id, if this officer may command it. Unknown and out of scope look the same."""
    row = tx.one("SELECT k.id, s.district, s.block FROM kiosks k LEFT JOIN dash_sites s ON s.kiosk_id = k.id"
                 " WHERE k.code = ?", (code,))  # fmt: skip
    placed = row is not None and row[1] is not None
    if row is None or not (officer.role == "division" or (placed and officer.sees(str(row[1]), str(row[2])))):
        raise CommandError(f"no kiosk {code[:40]!r} among the machines {officer.username} looks after")
    return str(row[0])


@dataclass(frozen=True)
class AuditLine:
    id: str
    code: str
    kind: str
    args: str
    officer: str
    issued_at: str
    expires_at: str
    status: str  # pending | expired | done | refused | failed
    detail: str


class RemoteDesk:
    """Issues signed commands, hands each kiosk its open ones with the heartbeat answer, and files the results.

    The heartbeat path reads the database only for kiosks known to have an open command (a set re-read every
    `ttl_s`), so a fleet with no orders pays nothing. Results arrive in heartbeats and are written with the next
    heartbeat flush; if that write is lost the command stays open, is sent again, and the kiosk (which refuses to
    run a command twice) answers again with the result it journaled.
    """

    def __init__(self, db: Database, key: Ed25519PrivateKey, *, ttl_s: float = 1.0) -> None:
        self.db, self.key, self.ttl_s = db, key, ttl_s
        self.lock = threading.Lock()
        self.open_kiosks: tuple[float, frozenset[str]] = (-1e9, frozenset())
        self.results: dict[tuple[str, str], tuple[CommandResult, str]] = {}

    def issue(self, username: str, code: str, kind: str, args: dict[str, Any], now: datetime,
              ttl: timedelta = DEFAULT_TTL) -> RemoteCommand:  # fmt: skip
        if kind not in REMOTE_KINDS:
            raise CommandError(f"unknown command {kind[:30]!r}: one of {', '.join(REMOTE_KINDS)}")
        problem = args_problem(kind, args)
        if problem:
            raise CommandError(problem)
        with self.db.tx() as tx:
            officer = load_officer(tx, username)
            check_role(officer, kind)
            kiosk_id = kiosk_in_scope(tx, officer, code)
            command = RemoteCommand(id=str(uuid.uuid4()), kiosk_id=kiosk_id, kind=kind, args=args,  # type: ignore[arg-type]
                                    officer=officer.name, issued_at=iso(now), expires_at=iso(now + ttl))  # fmt: skip
            signed = SignedRemoteCommand(command=command, signature=b64url(self.key.sign(remote_message(command))))
            tx.execute(
                "INSERT INTO remote_commands (id, kiosk_id, kind, args, officer, officer_name, officer_role,"
                " issued_at, expires_at, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (command.id, kiosk_id, kind, json.dumps(args, sort_keys=True), officer.username, officer.name,
                 officer.role, command.issued_at, command.expires_at, signed.model_dump_json()),
            )  # fmt: skip
        log.info("officer %s (%s) ordered %s for kiosk %s (%s)", officer.username, officer.role, kind, code, command.id)
        self.open_kiosks = (-1e9, frozenset())
        return command

    def open_for(self, tx: Tx, kiosk_id: str, now: datetime) -> list[SignedRemoteCommand]:
        stamp, kiosks = self.open_kiosks
        if time.monotonic() - stamp >= self.ttl_s:
            rows = tx.all("SELECT DISTINCT kiosk_id FROM remote_commands WHERE result_at IS NULL AND expires_at > ?",
                          (iso(now),))  # fmt: skip
            kiosks = frozenset(str(r[0]) for r in rows)
            self.open_kiosks = (time.monotonic(), kiosks)
        if kiosk_id not in kiosks:
            return []
        rows = tx.all(
            "SELECT document FROM remote_commands WHERE kiosk_id = ? AND result_at IS NULL"
            " AND expires_at > ? ORDER BY issued_at LIMIT ?",
            (kiosk_id, iso(now), MAX_REMOTE_PER_ANSWER),
        )
        with self.lock:  # answered, waiting for the flush: not sent again
            filed = {command_id for (kiosk, command_id) in self.results if kiosk == kiosk_id}
        found = [SignedRemoteCommand.model_validate_json(str(r[0])) for r in rows]
        return [c for c in found if c.command.id not in filed]

    def take_results(self, kiosk_id: str, results: list[CommandResult], now: datetime) -> None:
        with self.lock:
            for result in results:  # the first answer wins: a re-sent one (see above) carries no output
                self.results.setdefault((kiosk_id, result.id), (result, iso(now)))

    def write_results(self, tx: Tx) -> int:
        """Inside the heartbeat flush's transaction. Only the kiosk a command was for can answer it, once."""
        with self.lock:
            taken, self.results = self.results, {}
        tx.many(
            "UPDATE remote_commands SET result_status = ?, result_detail = ?, result_output = ?, result_at = ?"
            " WHERE id = ? AND kiosk_id = ? AND result_at IS NULL",
            [(r.status, r.detail, r.output, at, r.id, kiosk_id) for (kiosk_id, _), (r, at) in taken.items()],
        )
        if taken:
            self.open_kiosks = (-1e9, frozenset())
        return len(taken)


def audit(tx: Tx, officer: Officer, now: datetime, code: str | None = None, limit: int = 100) -> list[AuditLine]:
    """Commands for the machines this officer can see, newest first (one machine's when `code` is given)."""
    where, params = officer.where()
    if officer.role == "division":
        where = "1 = 1"
    if code is not None:
        where += " AND k.code = ?"
        params.append(code)
    rows = tx.all(
        "SELECT c.id, k.code, c.kind, c.args, c.officer_name, c.issued_at, c.expires_at, c.result_status,"
        " c.result_detail FROM remote_commands c JOIN kiosks k ON k.id = c.kiosk_id"
        f" LEFT JOIN dash_sites s ON s.kiosk_id = c.kiosk_id WHERE {where} ORDER BY c.issued_at DESC LIMIT ?",
        [*params, limit],
    )
    lines = []
    for cid, kcode, kind, args, name, issued, expires, status, detail in rows:
        state = str(status) if status else ("expired" if str(expires) <= iso(now) else "pending")
        lines.append(AuditLine(str(cid), str(kcode), str(kind), str(args), str(name), str(issued), str(expires),
                               state, str(detail or "")))  # fmt: skip
    return lines


def result_output(db: Database, command_id: str) -> str | None:
    with db.tx(write=False) as tx:
        row = tx.one("SELECT result_output FROM remote_commands WHERE id = ?", (command_id,))
    return None if row is None or row[0] is None else str(row[0])
