"""What the operator's pages hold: device status, reprintable receipts, and the blind count sheet."""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.money import Money

# The out-of-service reasons an operator can pick (Hindi / English: the villager screen shows the reader's half).
SERVICE_REASONS: tuple[str, ...] = (
    "नकद बॉक्स खाली किया जा रहा है / The cash box is being emptied",
    "रसीद का कागज़ बदला जा रहा है / Receipt paper is being replaced",
    "मशीन की मरम्मत चल रही है / The machine is under repair",
    "बिजली या इंटरनेट की समस्या / Power or internet problem",
)

COUNT_DIGITS = 4  # up to 9,999 notes can be typed; DayClose refuses anything above a believable box


@dataclass(frozen=True, slots=True)
class DeviceLine:
    kind: str
    status: str
    ok: bool
    detail: str


@dataclass(frozen=True, slots=True)
class StatusPage:
    devices: tuple[DeviceLine, ...]
    paper: str
    cash_box_notes: int
    cash_box_value: Money
    rd_service_version: str  # "" when there is no RD service
    rd_certificate_expiry: str
    outbox_depth: int
    last_sync: str  # IST "dd-mm-YYYY HH:MM", "" when nothing was ever confirmed by the server
    out_of_service: str


@dataclass(frozen=True, slots=True)
class ReceiptRow:
    txn_id: str
    receipt_no: int
    business_day: str
    service_en: str
    service_hi: str
    amount: Money
    state: str


@dataclass(slots=True)
class CountSheet:
    """The blind count: one entry per denomination, typed on the keypad; blank means not yet counted."""

    denominations: tuple[Money, ...]
    entries: dict[int, str] = field(default_factory=dict)
    selected: int = 0

    def press(self, digit: str) -> bool:
        current = self.entries.get(self.selected, "")
        if len(digit) != 1 or not digit.isascii() or not digit.isdigit() or len(current) >= COUNT_DIGITS:
            return False
        self.entries[self.selected] = (current + digit).lstrip("0") or "0"
        return True

    def backspace(self) -> bool:
        current = self.entries.get(self.selected, "")
        if not current:
            return False
        self.entries[self.selected] = current[:-1]
        if not self.entries[self.selected]:
            del self.entries[self.selected]
        return True

    def advance(self) -> None:
        """The keypad's OK: on to the next note (after the last, back to the first one still blank)."""
        values = [d.paise for d in self.denominations]
        later = values[values.index(self.selected) + 1 :] if self.selected in values else values
        blank = self.missing()
        self.selected = later[0] if later else (blank.paise if blank else values[0])

    def missing(self) -> Money | None:
        return next((d for d in self.denominations if d.paise not in self.entries), None)

    def counted(self) -> dict[int, int]:
        return {paise: int(text) for paise, text in self.entries.items()}
