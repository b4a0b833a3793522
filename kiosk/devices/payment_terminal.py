"""The card payment terminal (EDC) port: start a sale, read its status, abort it — card data never comes here."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from typing import Protocol

from kiosk.devices.common import DeviceHealth
from kiosk.money import Money

_LAST4 = re.compile(r"[0-9]{0,4}")


class TerminalStatus(enum.StrEnum):
    READY = "ready"  # idle, its bank link up: a sale may start
    BUSY = "busy"  # a sale is in progress on it
    HOST_OFFLINE = "host_offline"  # the terminal answers but cannot reach its acquirer: no sale can be approved
    OFFLINE = "offline"  # the terminal does not answer (or answers nonsense)
    FAULT = "fault"  # the driver's watch over the terminal died: nothing it says can be trusted


class SaleState(enum.StrEnum):
    WAITING_CARD = "waiting_card"
    WAITING_PIN = "waiting_pin"
    AUTHORISING = "authorising"  # sent to the bank: only the bank's answer ends it
    ABORTING = "aborting"  # abort asked while authorising: the bank's answer may still approve it
    APPROVED = "approved"
    DECLINED = "declined"  # the bank or the card refused (response code says why)
    CARD_REMOVED = "card_removed"  # the card was pulled before the sale finished: nothing taken
    TIMED_OUT = "timed_out"  # no card or no PIN in the terminal's own time: nothing taken
    ABORTED = "aborted"  # the kiosk aborted it before it reached the bank: nothing taken

    @property
    def final(self) -> bool:
        return self in FINAL_STATES


FINAL_STATES = frozenset(
    {SaleState.APPROVED, SaleState.DECLINED, SaleState.CARD_REMOVED, SaleState.TIMED_OUT, SaleState.ABORTED}
)


@dataclass(frozen=True, slots=True)
class SaleStatus:
    """A sale as the terminal reports it. At most the card's last four digits ever reach this software."""

    ref: str  # the kiosk's reference for this sale attempt
    state: SaleState
    amount: Money
    rrn: str = ""  # retrieval reference number from the acquirer; set when approved
    approval_code: str = ""
    pan_last4: str = ""
    scheme: str = ""  # "VISA", "RUPAY", … when the terminal says
    response_code: str = ""  # the ISO 8583 response code ("00", "51", "55" …) when the bank answered
    message: str = ""  # the terminal's short English text, for the journal

    def __post_init__(self) -> None:
        if not _LAST4.fullmatch(self.pan_last4):
            raise ValueError(f"sale {self.ref}: pan_last4 must be at most four digits, got {len(self.pan_last4)} chars")
        if self.state is SaleState.APPROVED and not self.rrn:
            raise ValueError(f"sale {self.ref}: an approved sale must carry its RRN")


class TerminalError(Exception):
    """The terminal did not do what was asked; nothing was started by this call."""


class TerminalUnreachable(TerminalError):
    """No usable answer came back (refused, silent, reset, unreadable): the outcome is not known."""


class TerminalRefused(TerminalError):
    """The terminal answered no: `code` is "busy", "ref_reused", "host_offline", "unknown_ref" or "bad_request"."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(f"terminal refused ({code}): {detail}")
        self.code = code
        self.detail = detail


class PaymentTerminal(Protocol):
    """A card terminal driven by the kiosk (ECR integration). Calls block on the terminal: run them off the UI."""

    def init(self, ref: str, amount: Money) -> SaleStatus:
        """Start a sale; the same `ref` and amount again returns that sale (idempotent), never a second one."""
        ...

    def status(self, ref: str) -> SaleStatus: ...

    def abort(self, ref: str) -> SaleStatus:
        """Ask the terminal to stop the sale; the answer says what it became (it may already be approved)."""
        ...

    def terminal_status(self) -> TerminalStatus:
        """The last known state of the terminal (from the driver's watch; does not block)."""
        ...

    def health(self) -> DeviceHealth: ...

    def close(self) -> None: ...
