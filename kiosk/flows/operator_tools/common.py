"""What every operator tool shares: the notices it tells the operator and the kiosk's parts it works on."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from kiosk.flows.base import Devices
from kiosk.ledger import Ledger
from kiosk.printing import QrText
from kiosk.receipt import Identity
from kiosk.store import Store


class Notice(enum.StrEnum):
    """What the screen tells the operator; each is one translated sentence with `args` filled in."""

    CHOOSE_OPERATOR = "choose_operator"
    NO_OPERATORS = "no_operators"
    WRONG_PIN = "wrong_pin"  # args: tries left
    LOCKED = "locked"  # args: until HH:MM (IST)
    PIN_SHORT = "pin_short"
    PAYMENT_OPEN = "payment_open"  # args: how many
    ALREADY_CLOSED = "already_closed"  # args: the day
    NOT_COUNTED = "not_counted"  # args: the note (₹500)
    BAD_COUNT = "bad_count"  # args: the note (₹500), the count typed
    CLOSE_REFUSED = "close_refused"  # args: DayClose's own words (English), for what the checks above cannot see
    OVERDUE = "overdue"  # args: the days with no close, which today's close will cover
    PRINTED = "printed"
    NOT_PRINTED = "not_printed"  # args: printer status
    REPRINTED = "reprinted"  # args: receipt number
    CERTIFICATE_PRINTED = "certificate_printed"  # args: receipt number
    CERTIFICATE_NOT_PRINTED = "certificate_not_printed"  # args: the reason (a DocumentProblem value) and detail
    VOUCHER_SETTLED = "voucher_settled"  # args: number, amount
    VOUCHER_REFUSED = "voucher_refused"  # args: the reason
    OUT_OF_SERVICE = "out_of_service"  # args: the reason
    IN_SERVICE = "in_service"
    REMOVAL_ANNOUNCED = "removal_announced"
    STUCK_RESOLVED = "stuck_resolved"  # args: the bill's reference, the voucher number ("" when nothing was paid)
    STUCK_REFUSED = "stuck_refused"  # args: the reason


@dataclass(frozen=True, slots=True)
class Message:
    notice: Notice
    args: tuple[str, ...] = ()


# A tool's answer to an intent: did it happen, and what the screen says about it (None: nothing to say).
Outcome = tuple[bool, Message | None]


@dataclass(frozen=True, slots=True)
class Kiosk:
    """The parts of the kiosk operator tools act on."""

    store: Store
    ledger: Ledger
    devices: Devices
    identity: Identity
    receipt_qr: QrText

    def count_journal(self, action: str, subject: str) -> int:
        row = self.store.read_one(
            "SELECT count(*) AS n FROM journal WHERE action = ? AND subject = ?", (action, subject)
        )
        return int(row["n"]) if row else 0
