"""Can the kiosk keep its promises right now? Stop taking money first when it cannot (Invariant 5)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from kiosk.devices.cash import AcceptorStatus
from kiosk.devices.printer import PrinterStatus
from kiosk.store import Store

MIN_FREE_DISK_BYTES = 200 * 1024 * 1024  # room for a day's journal, logs and a database checkpoint


class Reason(enum.StrEnum):
    OPERATOR = "operator"  # switched off by the operator, with their own words
    DISK_FULL = "disk_full"
    DATABASE_READ_ONLY = "database_read_only"
    PRINTER = "printer"
    ACCEPTOR = "acceptor"


# What the villager reads (Hindi first) and what the operator/heartbeat gets.
MESSAGES: dict[Reason, tuple[str, str]] = {
    Reason.OPERATOR: ("यह मशीन अभी बंद है।", "This machine is closed right now."),
    Reason.DISK_FULL: ("मशीन में तकनीकी समस्या है, नकद भुगतान बंद है।", "Technical problem: cash payments are stopped."),
    Reason.DATABASE_READ_ONLY: ("मशीन में तकनीकी समस्या है, भुगतान बंद है।", "Technical problem: payments are stopped."),
    Reason.PRINTER: (
        "रसीद प्रिंटर काम नहीं कर रहा, नकद भुगतान बंद है।",
        "The receipt printer is not working: cash is stopped.",
    ),
    Reason.ACCEPTOR: ("नोट मशीन काम नहीं कर रही, नकद भुगतान बंद है।", "The note acceptor is not working: cash is stopped."),
}

ACCEPTOR_OK = frozenset({AcceptorStatus.DISABLED, AcceptorStatus.ACCEPTING, AcceptorStatus.ESCROW})


@dataclass(frozen=True, slots=True)
class Availability:
    payments: bool  # any payment at all (Aadhaar included)
    cash: bool
    reasons: tuple[Reason, ...]
    operator_note: str = ""

    def villager_message(self, language: str) -> str:
        if not self.reasons:
            return ""
        hindi, english = MESSAGES[self.reasons[0]]
        return hindi if language == "hi" else english


def assess(
    *,
    manual_reason: str | None,
    disk_free_bytes: int,
    database_writable: bool,
    printer: PrinterStatus | None,
    acceptor: AcceptorStatus | None,
    stop_cash_without_printer: bool = True,
) -> Availability:
    """Pure decision from the facts the kiosk process gathers before every payment."""
    reasons: list[Reason] = []
    if manual_reason is not None:
        reasons.append(Reason.OPERATOR)
    if not database_writable:
        reasons.append(Reason.DATABASE_READ_ONLY)
    if disk_free_bytes < MIN_FREE_DISK_BYTES:
        reasons.append(Reason.DISK_FULL)
    payments = not reasons
    if stop_cash_without_printer and (printer is None or not printer.can_print):
        reasons.append(Reason.PRINTER)
    if acceptor is None or acceptor not in ACCEPTOR_OK:
        reasons.append(Reason.ACCEPTOR)
    return Availability(payments=payments, cash=not reasons, reasons=tuple(reasons), operator_note=manual_reason or "")


class ServiceSwitch:
    """The operator's out-of-service switch, kept in the database so it survives a restart."""

    KEY = "out_of_service"

    def __init__(self, store: Store) -> None:
        self.store = store

    def reason(self) -> str | None:
        return self.store.get_meta(self.KEY) or None

    def take_out_of_service(self, reason: str, *, operator: str) -> None:
        text = " ".join(reason.split())
        if not 3 <= len(text) <= 200:
            raise ValueError("give a reason of 3 to 200 characters; villagers will read it")
        with self.store.write(operator) as uow:
            uow.set_meta(self.KEY, text)
            uow.record("kiosk.out_of_service", "kiosk", {"reason": text})

    def back_in_service(self, *, operator: str) -> None:
        with self.store.write(operator) as uow:
            uow.set_meta(self.KEY, "")
            uow.record("kiosk.in_service", "kiosk", {})
