"""The bank-note acceptor port: enable for certain notes, get told what happens to each note."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from kiosk.devices.common import DeviceHealth
from kiosk.money import Money


class AcceptorStatus(enum.StrEnum):
    DISABLED = "disabled"  # connected, not taking notes (the normal idle state)
    ACCEPTING = "accepting"
    ESCROW = "escrow"  # a note is held, not yet ours
    JAMMED = "jammed"
    STACKER_FULL = "stacker_full"
    CASHBOX_REMOVED = "cashbox_removed"
    FRAUD_LOCKOUT = "fraud_lockout"
    DISCONNECTED = "disconnected"
    FAULT = "fault"  # any other state in which it cannot take money (e.g. it demands encryption)


@dataclass(frozen=True, slots=True)
class NoteEscrowed:
    denomination: Money
    channel: int


@dataclass(frozen=True, slots=True)
class NoteCredited:
    """Past the point of no return: this is the only event that counts money."""

    denomination: Money
    channel: int
    event_id: str  # unique per physical note, so a re-reported credit is not counted twice
    device_count: int | None = None  # the device's own persistent count of notes stacked, after this one


@dataclass(frozen=True, slots=True)
class NoteRejected:
    reason: str
    code: int | None = None


@dataclass(frozen=True, slots=True)
class NoteReturned:
    """A note in escrow was given back to the villager."""

    denomination: Money | None
    channel: int | None


@dataclass(frozen=True, slots=True)
class Jammed:
    safe: bool  # False: the villager may be able to reach the note


@dataclass(frozen=True, slots=True)
class FraudAttempt:
    channel: int | None


@dataclass(frozen=True, slots=True)
class StackerFull:
    pass


@dataclass(frozen=True, slots=True)
class CashBoxRemoved:
    pass


@dataclass(frozen=True, slots=True)
class CashBoxReplaced:
    pass


@dataclass(frozen=True, slots=True)
class ClearedAtPowerUp:
    """A note was inside at power-up and has been moved: into the cash box, or back out of the front."""

    into_cashbox: bool
    channel: int | None
    denomination: Money | None
    device_count: int | None = None


@dataclass(frozen=True, slots=True)
class StackedCount:
    """On (re)connecting, before anything new is polled: the device's persistent count of notes stacked.

    Compared with the count after the last credit the kiosk recorded, it settles a note that was in escrow when
    the kiosk process died — whatever else the device did meanwhile. None: the firmware keeps no counter it will
    tell (a minimal SSP unit), so a note in escrow at a crash is settled by what the first polls report, or left
    for the operator.
    """

    count: int | None


@dataclass(frozen=True, slots=True)
class AcceptorReset:
    """The device restarted while connected (a power blip): what it knew about earlier notes is settled."""


@dataclass(frozen=True, slots=True)
class AcceptorDisabled:
    pass


@dataclass(frozen=True, slots=True)
class AcceptorDisconnected:
    reason: str


@dataclass(frozen=True, slots=True)
class AcceptorReconnected:
    pass


CashEvent = (
    NoteEscrowed
    | NoteCredited
    | NoteRejected
    | NoteReturned
    | Jammed
    | FraudAttempt
    | StackerFull
    | CashBoxRemoved
    | CashBoxReplaced
    | ClearedAtPowerUp
    | AcceptorDisabled
    | AcceptorDisconnected
    | AcceptorReconnected
    | AcceptorReset
    | StackedCount
)
CashListener = Callable[[CashEvent], None]


class CashAcceptor(Protocol):
    def start(self, listener: CashListener) -> None:
        """Connect and begin polling; events arrive on the driver's own thread."""
        ...

    def denominations(self) -> tuple[Money, ...]:
        """The notes this unit can take, as read from the device."""
        ...

    def enable(self, accept: frozenset[Money]) -> None:
        """Take only these notes from now on (an empty set disables)."""
        ...

    def disable(self) -> None: ...

    def return_escrow(self) -> None:
        """Give back the note now held in escrow (the kiosk could not record it), whatever is enabled."""
        ...

    def health(self) -> DeviceHealth: ...

    def close(self) -> None: ...
