"""The blind daily close: the operator's count is committed before the expected figures are revealed."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from kiosk.bbps_totals import awaiting_biller, bbps_summary, bbps_totals
from kiosk.clock import business_day
from kiosk.money import Money
from kiosk.rail_totals import held_payments, rail_totals
from kiosk.rail_totals import summary as rail_summary
from kiosk.store import Store, UnitOfWork
from kiosk.transactions import TxnState

MAX_NOTES_PER_DENOMINATION = 5_000  # a cash box holds ~1,000 notes; anything above is a typing mistake


class CloseError(ValueError):
    """A close that cannot happen now; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """Three-way: what the operator counted, what the ledger credited, and what the acceptor says it stacked."""

    close_no: int
    business_day: str
    covers_days: tuple[str, ...]
    counted: dict[int, int]  # denomination paise -> notes
    ledger: dict[int, int]
    acceptor: dict[int, int] | None
    opening_float: Money
    vouchers_issued: Money
    vouchers_settled: Money
    suspense: Money
    open_vouchers: int

    @property
    def counted_total(self) -> Money:
        return Money(sum(d * n for d, n in self.counted.items()))

    @property
    def ledger_total(self) -> Money:
        return Money(sum(d * n for d, n in self.ledger.items()))

    @property
    def expected_in_box(self) -> Money:
        """Notes the ledger credited, plus the opening float, less change-due vouchers paid out from the box."""
        return self.ledger_total + self.opening_float - self.vouchers_settled

    @property
    def difference(self) -> Money:
        """Counted minus expected: negative is a shortage."""
        return self.counted_total - self.expected_in_box

    def differences_by_denomination(self) -> dict[int, int]:
        keys = set(self.counted) | set(self.ledger)
        return {d: self.counted.get(d, 0) - self.ledger.get(d, 0) for d in sorted(keys)}

    def acceptor_agrees(self) -> bool | None:
        if self.acceptor is None:
            return None
        return {d: n for d, n in self.acceptor.items() if n} == {d: n for d, n in self.ledger.items() if n}


@dataclass(frozen=True, slots=True)
class CloseStatus:
    last_close_no: int
    overdue_days: tuple[str, ...] = field(default_factory=tuple)  # days with activity and no close, before today
    closed_today: bool = False


def parse_count(text: str) -> dict[int, int]:
    """Operator input like '500=3, 100=12, 10=0' (rupee note = count) -> {paise: count}; refuses anything odd."""
    counted: dict[int, int] = {}
    for part in filter(None, (p.strip() for p in text.replace(";", ",").split(","))):
        note_text, sep, count_text = part.partition("=")
        if not sep or not note_text.strip().isascii() or not count_text.strip().isascii():
            raise CloseError(f"'{part}': write each note as RUPEES=COUNT, e.g. 500=3")
        if not note_text.strip().isdigit() or not count_text.strip().isdigit():
            raise CloseError(f"'{part}': note value and count must be whole numbers")
        counted[int(note_text) * 100] = counted.get(int(note_text) * 100, 0) + int(count_text)
    return counted


class DayClose:
    def __init__(self, store: Store, *, opening_float: Money = Money(0)) -> None:
        self.store = store
        self.opening_float = opening_float

    def status(self) -> CloseStatus:
        today = business_day(self.store.clock.now()).isoformat()
        last = self.store.read_one(
            "SELECT no, business_day, last_cash_event_id FROM day_closes ORDER BY no DESC LIMIT 1"
        )
        watermark = last["last_cash_event_id"] if last else 0
        days = self.store.read(
            "SELECT DISTINCT business_day FROM cash_events WHERE id > ? AND business_day < ? ORDER BY business_day",
            (watermark, today),
        )
        return CloseStatus(
            last_close_no=last["no"] if last else 0,
            overdue_days=tuple(r["business_day"] for r in days),
            closed_today=bool(last and last["business_day"] == today),
        )

    def submit_count(
        self,
        counted: dict[int, int],
        *,
        operator: str,
        denominations: tuple[Money, ...],
        acceptor: dict[int, int] | None,
    ) -> Reconciliation:
        """Commit the blind count and only then compute and return the reconciliation (one SQLite transaction)."""
        allowed = {d.paise for d in denominations}
        for denomination, notes in counted.items():
            if denomination not in allowed:
                raise CloseError(f"₹{denomination // 100} is not a note this kiosk accepts")
            if not 0 <= notes <= MAX_NOTES_PER_DENOMINATION:
                raise CloseError(f"{notes} notes of ₹{denomination // 100} is not a believable count; count again")
        today = business_day(self.store.clock.now()).isoformat()
        with self.store.write(operator) as uow:
            if uow.execute("SELECT 1 FROM day_closes WHERE business_day = ?", (today,)).fetchone():
                raise CloseError(f"the day {today} is already closed; the next close is tomorrow")
            open_states = (TxnState.CREATED.value, TxnState.AWAITING_PAYMENT.value)
            busy = uow.execute("SELECT count(*) FROM transactions WHERE state IN (?, ?)", open_states).fetchone()[0]
            if busy:
                raise CloseError(f"{busy} payment(s) still open; wait until they finish or time out, then close")
            prev = uow.execute(
                "SELECT last_cash_event_id, closed_at FROM day_closes ORDER BY no DESC LIMIT 1"
            ).fetchone()
            since = int(prev[0]) if prev else 0
            previous_close_at = str(prev[1]) if prev else ""
            rows = uow.execute(
                "SELECT id, kind, denomination, business_day FROM cash_events WHERE id > ? ORDER BY id", (since,)
            ).fetchall()
            last_id = rows[-1][0] if rows else since
            ledger = Counter(int(r[2]) for r in rows)
            suspense = sum(int(r[2]) for r in rows if r[1] == "suspense")
            days = sorted({str(r[3]) for r in rows} | {today})
            issued, settled, still_open = self._vouchers(uow, days, previous_close_at)
            no = uow.next_number("close_no")
            reconciliation = Reconciliation(
                close_no=no,
                business_day=today,
                covers_days=tuple(days),
                counted={d: n for d, n in sorted(counted.items())},
                ledger=dict(sorted(ledger.items())),
                acceptor=dict(sorted(acceptor.items())) if acceptor is not None else None,
                opening_float=self.opening_float,
                vouchers_issued=Money(issued),
                vouchers_settled=Money(settled),
                suspense=Money(suspense),
                open_vouchers=still_open,
            )
            uow.execute(
                "INSERT INTO day_closes (no, business_day, counted, ledger, difference, closed_by, closed_at,"
                " last_cash_event_id, covers_days, acceptor) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    no,
                    today,
                    json.dumps(reconciliation.counted),
                    json.dumps(reconciliation.ledger),
                    reconciliation.difference.paise,
                    operator,
                    uow.now,
                    last_id,
                    json.dumps(days),
                    json.dumps(reconciliation.acceptor) if acceptor is not None else None,
                ),
            )
            rails = rail_summary(rail_totals(self.store, days), held_payments(self.store))  # per rail, and held
            bbps = bbps_summary(bbps_totals(self.store, days), awaiting_biller(self.store))  # by the biller's answer
            uow.record("day.closed", f"close:{no}", {**self._summary(reconciliation), **rails, **bbps})
        return reconciliation

    def acknowledge(self, close_no: int) -> None:
        """The server has the close: from now on the cash-box level counts only notes after it."""
        with self.store.write("sync") as uow:
            uow.execute(
                "UPDATE day_closes SET acknowledged_at = ? WHERE no = ? AND acknowledged_at IS NULL",
                (uow.now, close_no),
            )

    def cash_box_level(self) -> tuple[int, Money]:
        """Notes and value in the box since the last close the server acknowledged."""
        row = self.store.read_one(
            "SELECT last_cash_event_id FROM day_closes WHERE acknowledged_at IS NOT NULL ORDER BY no DESC LIMIT 1"
        )
        since = row["last_cash_event_id"] if row else 0
        level = self.store.read(
            "SELECT count(*) AS notes, COALESCE(SUM(denomination), 0) AS value FROM cash_events WHERE id > ?", (since,)
        )[0]
        return int(level["notes"]), Money(int(level["value"]))

    @staticmethod
    def _vouchers(uow: UnitOfWork, days: list[str], since: str) -> tuple[int, int, int]:
        """Vouchers issued on the covered days, paid out of the box since the last close, and still open."""
        marks = ",".join("?" * len(days))
        issued = uow.execute(
            f"SELECT COALESCE(SUM(amount), 0) FROM vouchers WHERE business_day IN ({marks})", tuple(days)
        )
        settled = uow.execute(
            "SELECT COALESCE(SUM(amount), 0) FROM vouchers WHERE state = 'settled' AND settled_at > ?", (since,)
        )
        still_open = uow.execute("SELECT count(*) FROM vouchers WHERE state = 'open'")
        return int(issued.fetchone()[0]), int(settled.fetchone()[0]), int(still_open.fetchone()[0])

    @staticmethod
    def _summary(r: Reconciliation) -> dict[str, object]:
        return {
            "close_no": r.close_no,
            "business_day": r.business_day,
            "covers_days": list(r.covers_days),
            "counted": {str(k): v for k, v in r.counted.items()},
            "ledger": {str(k): v for k, v in r.ledger.items()},
            "acceptor": {str(k): v for k, v in r.acceptor.items()} if r.acceptor is not None else None,
            "counted_total": r.counted_total.paise,
            "expected_in_box": r.expected_in_box.paise,
            "difference": r.difference.paise,
            "vouchers_issued": r.vouchers_issued.paise,
            "vouchers_settled": r.vouchers_settled.paise,
            "suspense": r.suspense.paise,
        }
