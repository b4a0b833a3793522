"""Operator sign-in: personal 6-digit PINs stored as salted scrypt hashes, and a lockout that survives reboots."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from kiosk.clock import iso_utc, parse_iso_utc
from kiosk.store import Store

# scrypt cost: ~50 ms per check on the kiosk's CPU — slow for a guesser, unnoticeable for the operator.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
TRIES_BEFORE_LOCKOUT = 5
# Each lockout in a row lasts longer; the last step repeats.
LOCKOUT_STEPS = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=15), timedelta(hours=1))
_PIN = re.compile(r"[0-9]{6}")
_OPERATOR_ID = re.compile(r"[A-Za-z0-9_-]{2,32}")


class OperatorError(ValueError):
    """An operator request that was refused; the message is safe to show."""


@dataclass(frozen=True, slots=True)
class SignIn:
    ok: bool
    operator_id: str
    name: str = ""
    message: str = ""
    locked_until: datetime | None = None
    tries_left: int | None = None


def _hash(pin: str, salt: bytes) -> str:
    return hashlib.scrypt(pin.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32).hex()


def _check_pin_shape(pin: str) -> None:
    if not _PIN.fullmatch(pin):
        raise OperatorError("the PIN must be exactly 6 digits")
    if len(set(pin)) == 1 or pin in "0123456789" or pin in "9876543210":
        raise OperatorError("choose a PIN that is not a repeated or running sequence of digits")


class OperatorAuth:
    def __init__(self, store: Store) -> None:
        self.store = store

    def add(self, operator_id: str, name: str, pin: str, *, by: str) -> None:
        if not _OPERATOR_ID.fullmatch(operator_id):
            raise OperatorError("operator id must be 2–32 letters, digits, '-' or '_'")
        if not name.strip():
            raise OperatorError("operator name must not be empty")
        _check_pin_shape(pin)
        salt = secrets.token_bytes(16)
        with self.store.write(by) as uow:
            exists = uow.execute("SELECT 1 FROM operators WHERE id = ?", (operator_id,)).fetchone()
            if exists:
                raise OperatorError(f"operator {operator_id} already exists")
            uow.execute(
                "INSERT INTO operators (id, name, pin_hash, salt, created_at) VALUES (?, ?, ?, ?, ?)",
                (operator_id, name.strip(), _hash(pin, salt), salt.hex(), uow.now),
            )
            uow.record("operator.added", operator_id, {"name": name.strip()})

    def change_pin(self, operator_id: str, old_pin: str, new_pin: str) -> None:
        if not self.sign_in(operator_id, old_pin).ok:
            raise OperatorError("the current PIN is wrong")
        _check_pin_shape(new_pin)
        salt = secrets.token_bytes(16)
        with self.store.write(operator_id) as uow:
            uow.execute(
                "UPDATE operators SET pin_hash = ?, salt = ? WHERE id = ?",
                (_hash(new_pin, salt), salt.hex(), operator_id),
            )
            uow.record("operator.pin_changed", operator_id, {})

    def sign_in(self, operator_id: str, pin: str) -> SignIn:
        """Check a PIN. Every attempt is journaled; the 5th wrong one in a row locks the operator out."""
        now = self.store.clock.now()
        row = self.store.read_one("SELECT name, pin_hash, salt, active FROM operators WHERE id = ?", (operator_id,))
        lock = self.store.read_one("SELECT * FROM operator_lockouts WHERE operator_id = ?", (operator_id,))
        if lock and lock["locked_until"] and parse_iso_utc(lock["locked_until"]) > now:
            until = parse_iso_utc(lock["locked_until"])
            self._journal_attempt(operator_id, "operator.sign_in_locked", {})
            return SignIn(False, operator_id, message="locked", locked_until=until)
        good = (
            row is not None
            and bool(row["active"])
            and bool(_PIN.fullmatch(pin))
            and hmac.compare_digest(_hash(pin, bytes.fromhex(row["salt"])), row["pin_hash"])
        )
        if row is None:
            _hash("000000", b"constant-time-pad")  # spend the same time whether or not the operator exists
        if good and row is not None:
            with self.store.write(operator_id) as uow:
                uow.execute(
                    "INSERT INTO operator_lockouts (operator_id, failures, lockouts) VALUES (?, 0, 0)"
                    " ON CONFLICT (operator_id) DO UPDATE SET failures = 0, lockouts = 0, locked_until = NULL",
                    (operator_id,),
                )
                uow.record("operator.signed_in", operator_id, {})
            return SignIn(True, operator_id, name=row["name"])
        return self._failed(operator_id, now)

    def _failed(self, operator_id: str, now: datetime) -> SignIn:
        with self.store.write("kiosk") as uow:
            uow.execute(
                "INSERT INTO operator_lockouts (operator_id, failures, lockouts) VALUES (?, 1, 0)"
                " ON CONFLICT (operator_id) DO UPDATE SET failures = failures + 1",
                (operator_id,),
            )
            failures, lockouts = uow.execute(
                "SELECT failures, lockouts FROM operator_lockouts WHERE operator_id = ?", (operator_id,)
            ).fetchone()
            until = None
            if failures >= TRIES_BEFORE_LOCKOUT:
                until = now + LOCKOUT_STEPS[min(lockouts, len(LOCKOUT_STEPS) - 1)]
                uow.execute(
                    "UPDATE operator_lockouts SET failures = 0, lockouts = lockouts + 1, locked_until = ?"
                    " WHERE operator_id = ?",
                    (iso_utc(until), operator_id),
                )
            uow.record(
                "operator.sign_in_failed",
                operator_id,
                {"failures": failures, "locked_until": iso_utc(until) if until else None},
            )
        if until is not None:
            return SignIn(False, operator_id, message="locked", locked_until=until)
        return SignIn(False, operator_id, message="wrong PIN", tries_left=TRIES_BEFORE_LOCKOUT - failures)

    def _journal_attempt(self, operator_id: str, action: str, details: dict[str, object]) -> None:
        with self.store.write("kiosk") as uow:
            uow.record(action, operator_id, details)
