"""The Z-report: a business day's (or a close's) figures, as data for the screen, the printer and the terminal."""

from __future__ import annotations

import json
from dataclasses import dataclass

from kiosk.bbps_totals import AwaitingBiller, BbpsTotal, awaiting_biller, bbps_report_lines, bbps_totals
from kiosk.money import Money
from kiosk.rail_totals import HeldPayment, RailTotal, held_payments, rail_totals, report_lines
from kiosk.store import Store


@dataclass(frozen=True, slots=True)
class ServiceLine:
    service_id: str
    name_hi: str
    name_en: str
    payment_mode: str
    count: int
    amount: Money


@dataclass(frozen=True, slots=True)
class ZReport:
    kiosk_code: str
    business_day: str
    close_no: int | None
    services: tuple[ServiceLine, ...]
    notes: dict[int, int]  # denomination paise -> notes credited
    counted: dict[int, int] | None
    difference: Money | None
    vouchers_open: Money
    vouchers_settled: Money
    receipts_pending: int
    abandoned: int
    rails: tuple[RailTotal, ...] = ()  # the day's money per payment mode: cash and each rail separately
    held: tuple[HeldPayment, ...] = ()  # rail/Aadhaar payments whose outcome is unknown: the operator's to-do list
    bbps: tuple[BbpsTotal, ...] = ()  # the day's Bharat BillPay bills by the biller's answer (kiosk/bbps_totals.py)
    bbps_awaiting: tuple[AwaitingBiller, ...] = ()  # paid bills, of any day, the biller has not confirmed

    @property
    def total(self) -> Money:
        return Money(sum(line.amount.paise for line in self.services))

    @property
    def cash_total(self) -> Money:
        return Money(sum(d * n for d, n in self.notes.items()))

    def lines(self) -> list[str]:
        """Plain text, Hindi label then English, for the terminal and as the printer's text source."""
        out = [
            f"Z-रिपोर्ट / Z-report  {self.kiosk_code}  {self.business_day}"
            + (f"  बंदी/close #{self.close_no}" if self.close_no else ""),
            "सेवा / service  ·  भुगतान / mode  ·  संख्या / count  ·  राशि / amount",
        ]
        out += [
            f"  {line.name_hi} / {line.name_en}  ·  {line.payment_mode}  ·  {line.count}  ·  {line.amount}"
            for line in self.services
        ]
        out.append(f"कुल / total: {self.total}")
        out.append("नोट / notes: " + ", ".join(f"₹{d // 100}×{n}" for d, n in sorted(self.notes.items())))
        out.append(f"नकद / cash credited: {self.cash_total}")
        if self.counted is not None and self.difference is not None:
            out.append("गिने / counted: " + ", ".join(f"₹{d // 100}×{n}" for d, n in sorted(self.counted.items())))
            out.append(f"अंतर / difference: {self.difference}")
        out.append(f"खुले वाउचर / open vouchers: {self.vouchers_open}   चुकाए / settled: {self.vouchers_settled}")
        out.append(f"बाकी रसीदें / receipts pending: {self.receipts_pending}   छोड़े / abandoned: {self.abandoned}")
        return out + report_lines(self.rails, self.held) + bbps_report_lines(self.bbps, self.bbps_awaiting)


def build_zreport(store: Store, kiosk_code: str, business_day: str) -> ZReport:
    services = tuple(
        ServiceLine(r["service_id"], r["hi"], r["en"], r["mode"] or "-", r["n"], Money(r["amount"]))
        for r in store.read(
            "SELECT service_id, max(service_name_hi) AS hi, max(service_name_en) AS en, payment_mode AS mode,"
            " count(*) AS n, SUM(amount_due + fee) AS amount FROM transactions"
            " WHERE business_day = ? AND state IN ('paid', 'receipt_printed', 'receipt_pending', 'completed')"
            " GROUP BY service_id, payment_mode ORDER BY service_id, payment_mode",
            (business_day,),
        )
    )
    notes = {
        r["denomination"]: r["n"]
        for r in store.read(
            "SELECT denomination, count(*) AS n FROM cash_events WHERE business_day = ? GROUP BY denomination",
            (business_day,),
        )
    }
    close = store.read_one("SELECT no, counted, difference FROM day_closes WHERE business_day = ?", (business_day,))
    vouchers = store.read(
        "SELECT COALESCE(SUM(CASE WHEN state = 'open' THEN amount END), 0) AS open,"
        " COALESCE(SUM(CASE WHEN state = 'settled' THEN amount END), 0) AS settled"
        " FROM vouchers WHERE business_day = ?",
        (business_day,),
    )[0]
    counts = store.read(
        "SELECT SUM(state = 'receipt_pending') AS pending, SUM(state = 'abandoned') AS abandoned"
        " FROM transactions WHERE business_day = ?",
        (business_day,),
    )[0]
    return ZReport(
        kiosk_code=kiosk_code,
        business_day=business_day,
        close_no=close["no"] if close else None,
        services=services,
        notes=dict(sorted(notes.items())),
        counted={int(k): v for k, v in json.loads(close["counted"]).items()} if close else None,
        difference=Money(close["difference"]) if close else None,
        vouchers_open=Money(int(vouchers["open"])),
        vouchers_settled=Money(int(vouchers["settled"])),
        receipts_pending=int(counts["pending"] or 0),
        abandoned=int(counts["abandoned"] or 0),
        rails=rail_totals(store, [business_day]),
        held=held_payments(store),
        bbps=bbps_totals(store, [business_day]),
        bbps_awaiting=awaiting_biller(store),
    )
