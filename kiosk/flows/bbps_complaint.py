"""A complaint about a BBPS bill payment made at this kiosk: the villager types the receipt number, sees any complaint
already registered on its BBPS reference, or registers one with a reason, and gets the complaint number."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Protocol

from kiosk.bbps import ComplaintReason, ComplaintState
from kiosk.bbps_store import BbpsRecords
from kiosk.online import NotFound, Unavailable

MAX_RECEIPT_DIGITS = 9


class ComplaintDesk(Protocol):
    def complain(self, txn_ref_id: str, reason: ComplaintReason) -> ComplaintState | NotFound | Unavailable: ...

    def complaint_status(self, txn_ref_id: str) -> ComplaintState | NotFound | Unavailable: ...


class ComplaintStep(enum.StrEnum):
    ENTER_RECEIPT = "enter_receipt"
    CHOOSE_REASON = "choose_reason"
    SHOWN = "shown"  # the complaint (new or already registered) and its status
    CLOSED = "closed"


class ComplaintProblem(enum.StrEnum):
    NOT_FOUND = "not_found"  # no BBPS payment on this kiosk with that receipt number
    PENDING = "pending"  # the biller's confirmation is still pending: no BBPS reference to complain about yet
    UNAVAILABLE = "unavailable"


@dataclass(frozen=True, slots=True)
class ComplaintView:
    step: ComplaintStep
    digits: str
    problem: ComplaintProblem | None
    txn_ref_id: str = ""
    biller: str = ""
    complaint_id: str = ""
    status: str = ""  # ASSIGNED | RESOLVED | REJECTED
    assigned_to: str = ""
    remarks: str = ""
    registered_now: bool = False


class ComplaintFlow:
    """Runs off the Qt thread for `submit` and `choose` (they ask the BBPOU); intents in the wrong step are no-ops."""

    def __init__(self, records: BbpsRecords, desk: ComplaintDesk) -> None:
        self.records = records
        self.desk = desk
        self.step = ComplaintStep.ENTER_RECEIPT
        self.digits = ""
        self.problem: ComplaintProblem | None = None
        self.txn_ref_id = ""
        self.biller = ""
        self.complaint: ComplaintState | None = None
        self.registered_now = False

    def press(self, digit: str) -> bool:
        if self.step is not ComplaintStep.ENTER_RECEIPT or len(digit) != 1 or not digit.isdigit():
            return False
        if len(self.digits) >= MAX_RECEIPT_DIGITS:
            return False
        self.digits += digit
        self.problem = None
        return True

    def backspace(self) -> bool:
        if self.step is not ComplaintStep.ENTER_RECEIPT or not self.digits:
            return False
        self.digits = self.digits[:-1]
        self.problem = None
        return True

    def submit(self) -> bool:
        """The receipt number typed: find its BBPS reference here, then any complaint already registered on it."""
        if self.step is not ComplaintStep.ENTER_RECEIPT or not self.digits:
            return False
        facts = self.records.by_receipt(int(self.digits))
        if facts is None:
            self.problem = ComplaintProblem.NOT_FOUND
            return False
        if not facts.txn_ref_id:
            self.problem = ComplaintProblem.PENDING
            return False
        self.txn_ref_id, self.biller = facts.txn_ref_id, facts.biller_name
        answer = self.desk.complaint_status(self.txn_ref_id)
        if isinstance(answer, Unavailable):
            self.problem = ComplaintProblem.UNAVAILABLE
            return False
        if isinstance(answer, ComplaintState):
            self._show(answer, registered_now=False)
        else:
            self.problem = None
            self.step = ComplaintStep.CHOOSE_REASON
        return True

    def choose(self, reason: str) -> bool:
        if self.step is not ComplaintStep.CHOOSE_REASON:
            return False
        try:
            chosen = ComplaintReason(reason)
        except ValueError:
            return False
        answer = self.desk.complain(self.txn_ref_id, chosen)
        if not isinstance(answer, ComplaintState):
            self.problem = ComplaintProblem.UNAVAILABLE
            return False
        self._show(answer, registered_now=True)
        return True

    def _show(self, complaint: ComplaintState, *, registered_now: bool) -> None:
        self.complaint = complaint
        self.registered_now = registered_now
        self.problem = None
        self.step = ComplaintStep.SHOWN

    def close(self) -> bool:
        if self.step is ComplaintStep.CLOSED:
            return False
        self.step = ComplaintStep.CLOSED
        return True

    def view(self) -> ComplaintView:
        c = self.complaint
        return ComplaintView(
            step=self.step, digits=self.digits, problem=self.problem, txn_ref_id=self.txn_ref_id, biller=self.biller,
            complaint_id=c.complaint_id if c else "", status=c.status if c else "",
            assigned_to=c.assigned_to if c else "", remarks=c.remarks if c else "", registered_now=self.registered_now,
        )  # fmt: skip
