"""The Z-report on receipt paper: Hindi and English, with a QR carrying the signed summary a supervisor can verify."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from kiosk.bbps_totals import STATE_NAMES
from kiosk.clock import to_ist
from kiosk.devices.printer import PrintOutcome, ReceiptPrinter
from kiosk.money import Money
from kiosk.rail_totals import RAIL_NAMES
from kiosk.receipt import Align, Block, Identity, Line, Pair, Qr, ReceiptLayout, Rule, Size, check_qr_text
from kiosk.zreport import ZReport

# Builds the verification text for the QR (owned by sync: `<server>/z/<token>`) from the report.
ZReportQr = Callable[[ZReport], str]

MODE_NAMES = RAIL_NAMES


def _signed(amount: Money) -> str:
    """A difference on paper: ASCII minus (the printer's fonts have no U+2212), '+' for a surplus."""
    if amount.is_negative():
        return "-" + (-amount).format()
    return ("+" if amount.paise else "") + amount.format()


def _rails(report: ZReport) -> list[Block]:
    """Each rail's total on its own line, then what the operator must do about each held payment."""
    blocks: list[Block] = [Rule(), Line("भुगतान के तरीके / By payment rail", bold=True)]
    blocks += [Pair(f"{t.name} × {t.count}", t.amount.format()) for t in report.rails] or [Line("—")]
    for held in report.held:
        hindi, english = held.action
        blocks += [
            Line(f"अज्ञात / Unknown: {MODE_NAMES.get(held.mode, held.mode)} {held.amount.format()}", bold=True),
            Line(f"Ref {held.txn_id[:8].upper()} ({held.reference})", Size.SMALL),
            Line(hindi, Size.SMALL),
            Line(english, Size.SMALL),
        ]
    return blocks


def _bbps(report: ZReport) -> list[Block]:
    """Bharat BillPay's bills by the biller's answer (bill + fee), then each one not confirmed and what to do."""
    if not report.bbps and not report.bbps_awaiting:
        return []
    blocks: list[Block] = [Rule(), Line("भारत बिल पे / Bharat BillPay", bold=True)]
    blocks += [Pair(f"{t.name} × {t.count}", f"{t.amount.format()} + {t.fee.format()}") for t in report.bbps]
    for bill in report.bbps_awaiting:
        hindi, english = bill.action
        blocks += [
            Line(f"{STATE_NAMES.get(bill.state, bill.state)}: {bill.amount.format()}", bold=True),
            Line(f"रसीद/Receipt {bill.receipt_no or '-'} · {bill.business_day} · {bill.reference}", Size.SMALL),
            Line(hindi, Size.SMALL),
            Line(english, Size.SMALL),
        ]
    return blocks


def _notes(notes: dict[int, int]) -> list[Block]:
    return [Pair(f"₹{d // 100} × {n}", Money(d * n).format()) for d, n in sorted(notes.items(), reverse=True) if n] or [
        Line("—", align=Align.CENTER)
    ]


def zreport_layout(report: ZReport, identity: Identity, *, qr_text: str, printed_at: datetime) -> ReceiptLayout:
    """The printed Z-report: every figure of the screen, in the order a supervisor checks them."""
    check_qr_text(qr_text)
    close = f"#{report.close_no}" if report.close_no else "—"
    blocks: list[Block] = [
        Line("ई-मित्र प्लस", Size.LARGE, bold=True, align=Align.CENTER),
        Line(identity.centre_name.strip() or "—", align=Align.CENTER),
        Line(f"Kiosk {identity.kiosk_code}", Size.SMALL, align=Align.CENTER),
        Rule(),
        Line("Z-रिपोर्ट / Z-report", Size.LARGE, bold=True, align=Align.CENTER),
        Pair("दिन / Day", report.business_day),
        Pair("बंदी / Close", close),
        Line("छपा / Printed " + to_ist(printed_at).strftime("%d-%m-%Y %H:%M IST"), Size.SMALL),
        Rule(),
        Line("सेवाएँ / Services", bold=True),
    ]
    for line in report.services:
        blocks.append(Line(f"{line.name_hi} / {line.name_en}", Size.SMALL))
        blocks.append(
            Pair(f"  {MODE_NAMES.get(line.payment_mode, line.payment_mode)} × {line.count}", line.amount.format())
        )
    if not report.services:
        blocks.append(Line("कोई लेन-देन नहीं / No transactions", Size.SMALL))
    blocks += [
        Pair("कुल / Total", report.total.format(), bold=True),
        Rule(),
        Line("नोट जमा / Notes credited", bold=True),
    ]
    blocks += _notes(report.notes)
    blocks.append(Pair("नकद / Cash", report.cash_total.format(), bold=True))
    blocks += _rails(report)
    blocks += _bbps(report)
    if report.counted is not None and report.difference is not None:
        blocks += [Rule(), Line("गिने गए / Counted", bold=True), *_notes(report.counted)]
        blocks.append(Pair("अंतर / Difference", _signed(report.difference), bold=True))
    blocks += [
        Rule(),
        Line("वाउचर / Change-due vouchers", bold=True),
        Pair("खुले / Open", report.vouchers_open.format()),
        Pair("चुकाए / Paid out", report.vouchers_settled.format()),
        Pair("बाकी रसीदें / Receipts pending", str(report.receipts_pending)),
        Pair("अधूरे भुगतान / Abandoned", str(report.abandoned)),
        Rule(),
        Qr(qr_text),
        Line("सत्यापन के लिए QR स्कैन करें", Size.SMALL, align=Align.CENTER),
        Line("Scan to verify this report", Size.SMALL, align=Align.CENTER),
    ]
    return ReceiptLayout(report.close_no or 0, f"zreport-{report.business_day}", qr_text, tuple(blocks))


def print_zreport(
    printer: ReceiptPrinter,
    report: ZReport,
    identity: Identity,
    *,
    qr_text: str,
    printed_at: datetime,
    job_id: str,
) -> PrintOutcome:
    """Print the report as job `job_id` (a new id for every copy asked for); the outcome says whether it came out."""
    layout = zreport_layout(report, identity, qr_text=qr_text, printed_at=printed_at)
    return printer.print_job(job_id, layout)
