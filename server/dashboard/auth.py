"""Officers, their scope (division / district / block), sessions and CSRF tokens."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from server.db import Database, IntegrityError, Tx

ROLES = ("division", "district", "block")
SESSION_HOURS = 12  # one working day; an office PC left on overnight asks again
USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{2,31}")
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


class Throttle:
    """Failed logins per username and per client address, counted in the database (all replicas, restarts).

    Every attempt is recorded before its password is checked, by one atomic upsert that returns the new count:
    of 30 parallel guesses at one name only MAX_FAILURES get their password checked. A fixed window opens at the
    first attempt; a success forgets the name's count and takes its attempt back off the address. Rows are keyed
    by name, so made-up names cannot evict a real officer's count; expired windows are swept (`sweep`), and past
    MAX_ROWS the rows of names that are not officers go first.
    """

    MAX_FAILURES = 5
    MAX_PER_ADDRESS = 20  # an office behind one NAT address, a few typos each
    WINDOW = timedelta(minutes=15)
    MAX_ROWS = 100_000

    def attempt(self, db: Database, username: str, address: str, now: datetime) -> bool:
        """Record one attempt; True if its password may be checked (both counts still within their limits)."""
        stamp, cutoff = int(now.timestamp()), int((now - self.WINDOW).timestamp())
        with db.tx() as tx:
            by_name = self._count(tx, "u:" + username, stamp, cutoff)
            by_address = self._count(tx, "a:" + address[:64], stamp, cutoff)
        return by_name <= self.MAX_FAILURES and by_address <= self.MAX_PER_ADDRESS

    def _count(self, tx: Tx, key: str, stamp: int, cutoff: int) -> int:
        row = tx.one(
            "INSERT INTO login_throttle (key, window_start, attempts) VALUES (?, ?, 1) ON CONFLICT (key) DO UPDATE"
            " SET attempts = CASE WHEN login_throttle.window_start <= ? THEN 1 ELSE login_throttle.attempts + 1 END,"
            " window_start = CASE WHEN login_throttle.window_start <= ? THEN excluded.window_start"
            " ELSE login_throttle.window_start END RETURNING attempts",
            (key, stamp, cutoff, cutoff),
        )
        return int(row[0]) if row else 1

    def succeeded(self, db: Database, username: str, address: str) -> None:
        with db.tx() as tx:
            tx.execute("DELETE FROM login_throttle WHERE key = ?", ("u:" + username,))
            tx.execute("UPDATE login_throttle SET attempts = attempts - 1 WHERE key = ? AND attempts > 0",
                       ("a:" + address[:64],))  # fmt: skip

    def sweep(self, db: Database, now: datetime) -> int:
        """Drop expired windows; past MAX_ROWS, drop rows of names that are not officers. Returns rows left."""
        cutoff = int((now - self.WINDOW).timestamp())
        with db.tx() as tx:
            tx.execute("DELETE FROM login_throttle WHERE window_start <= ?", (cutoff,))
            row = tx.one("SELECT count(*) FROM login_throttle")
            if row is not None and int(row[0]) > self.MAX_ROWS:
                tx.execute("DELETE FROM login_throttle WHERE key LIKE 'u:%' AND substr(key, 3) NOT IN"
                           " (SELECT username FROM dash_officers)")  # fmt: skip
                row = tx.one("SELECT count(*) FROM login_throttle")
        return int(row[0]) if row else 0


class AuthError(ValueError):
    """An officer could not be added or signed in; the message says why."""


@dataclass(frozen=True)
class Officer:
    username: str
    name: str
    role: str
    district: str | None
    block: str | None

    def sees(self, district: str, block: str | None = None) -> bool:
        if self.role == "division":
            return True
        if district != self.district:
            return False
        return self.role == "district" or block is None or block == self.block

    def where(self, alias: str = "s") -> tuple[str, list[str]]:
        """SQL condition (parameterised) limiting rows of dash_sites to this officer's scope."""
        if self.role == "division":
            return "1 = 1", []
        if self.role == "district":
            return f"{alias}.district = ?", [str(self.district)]
        return f"{alias}.district = ? AND {alias}.block = ?", [str(self.district), str(self.block)]


@dataclass(frozen=True)
class Session:
    officer: Officer
    csrf: str


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, **_SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    try:
        _, salt, digest = stored.split("$")
        fresh = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), **_SCRYPT)
    except ValueError:
        return False
    return hmac.compare_digest(fresh.hex(), digest)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def add_officer(
    db: Database, username: str, name: str, password: str, role: str, district: str | None, block: str | None, now: str
) -> Officer:
    if not USERNAME.fullmatch(username):
        raise AuthError(f"username {username[:40]!r}: use 3–32 lower-case letters, digits, '.', '_' or '-'")
    if role not in ROLES:
        raise AuthError(f"role {role[:20]!r}: must be one of {', '.join(ROLES)}")
    if role != "division" and not district:
        raise AuthError(f"a {role} officer needs --district")
    if role == "block" and not block:
        raise AuthError("a block officer needs --block")
    if len(password) < 10:
        raise AuthError("the password must be at least 10 characters")
    district = district if role != "division" else None
    block = block if role == "block" else None
    try:
        with db.tx() as tx:
            tx.execute(
                "INSERT INTO dash_officers (username, name, password, role, district, block, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (username, name[:80], hash_password(password), role, district, block, now),
            )
    except IntegrityError:
        raise AuthError(f"officer {username} already exists") from None
    return Officer(username, name[:80], role, district, block)


def _officer(tx: Tx, username: str) -> tuple[Officer, str] | None:
    row = tx.one("SELECT username, name, role, district, block, password FROM dash_officers WHERE username = ?",
                 (username,))  # fmt: skip
    if row is None:
        return None
    return Officer(str(row[0]), str(row[1]), str(row[2]), row[3], row[4]), str(row[5])


def sign_in(db: Database, username: str, password: str, now: datetime) -> tuple[str, Session] | None:
    """A new session token (goes into the cookie; only its hash is stored) or None for wrong credentials."""
    with db.tx(write=False) as tx:
        found = _officer(tx, username[:32])
    if found is None:
        check_password(password, hash_password("same work for an unknown user"))
        return None
    officer, stored = found
    if not check_password(password, stored):
        return None
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(24)
    expires = (now + timedelta(hours=SESSION_HOURS)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    with db.tx() as tx:
        tx.execute("INSERT INTO dash_sessions (token_hash, username, csrf, expires_at) VALUES (?, ?, ?, ?)",
                   (token_hash(token), officer.username, csrf, expires))  # fmt: skip
    return token, Session(officer, csrf)


def session(db: Database, token: str, now: datetime) -> Session | None:
    if not token or len(token) > 100:
        return None
    stamp = now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    with db.tx(write=False) as tx:
        row = tx.one("SELECT username, csrf FROM dash_sessions WHERE token_hash = ? AND expires_at > ?",
                     (token_hash(token), stamp))  # fmt: skip
        found = _officer(tx, str(row[0])) if row else None
    if row is None or found is None:
        return None
    return Session(found[0], str(row[1]))


def sign_out(db: Database, token: str) -> None:
    with db.tx() as tx:
        tx.execute("DELETE FROM dash_sessions WHERE token_hash = ?", (token_hash(token),))
