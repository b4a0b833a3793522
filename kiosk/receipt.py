"""The villager's receipt as data: lines, amounts and the QR text, built from a paid transaction."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from kiosk.bbps import BbpsFacts
from kiosk.clock import to_ist
from kiosk.money import Money
from kiosk.transactions import PAID_STATES, PaymentMode, Txn
from kiosk.words import amount_in_words

MAX_QR_TEXT = 400  # a version-15 QR at level M still fits 58 mm paper with 3-dot modules


class ReceiptError(ValueError):
    """A receipt that cannot be built from what was given; names the field that was wrong."""


class Size(enum.StrEnum):
    SMALL = "small"
    NORMAL = "normal"
    LARGE = "large"  # headings: the header and the amount


class Align(enum.StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of text; the renderer wraps it if it is wider than the paper."""

    text: str
    size: Size = Size.NORMAL
    bold: bool = False
    align: Align = Align.LEFT


@dataclass(frozen=True, slots=True)
class Pair:
    """A label on the left and a value on the right of the same line."""

    label: str
    value: str
    bold: bool = False


@dataclass(frozen=True, slots=True)
class Rule:
    """A thin horizontal line between sections."""


@dataclass(frozen=True, slots=True)
class Qr:
    text: str


Block = Line | Pair | Rule | Qr


@dataclass(frozen=True, slots=True)
class Identity:
    kiosk_code: str
    centre_name: str


def heading(identity: Identity) -> list[Block]:
    """The top of every slip the kiosk prints: e-Mitra Plus in Hindi and English, the centre and the kiosk."""
    return [
        Line("ई-मित्र प्लस", Size.LARGE, bold=True, align=Align.CENTER),
        Line("e-Mitra Plus", Size.NORMAL, bold=True, align=Align.CENTER),
        Line(identity.centre_name.strip() or "—", align=Align.CENTER),
        Line(f"Kiosk {identity.kiosk_code}", Size.SMALL, align=Align.CENTER),
    ]


@dataclass(frozen=True, slots=True)
class ReceiptLayout:
    receipt_no: int
    txn_id: str
    qr_text: str
    blocks: tuple[Block, ...]
    duplicate: bool = False
    meta: dict[str, str] = field(default_factory=dict)


MODE_NAMES = {PaymentMode.CASH: ("नकद", "Cash"), PaymentMode.AADHAAR: ("आधार भुगतान", "Aadhaar payment"),
              PaymentMode.UPI: ("यूपीआई", "UPI"), PaymentMode.CARD: ("कार्ड", "Card"),
              PaymentMode.AADHAAR_PAY: ("आधार पे", "Aadhaar Pay")}  # fmt: skip
# The rail's own reference, printed so the villager can quote it to the bank: UTR for UPI, RRN for card/Aadhaar Pay.
REFERENCE_NAMES = {PaymentMode.UPI: "UTR", PaymentMode.CARD: "RRN", PaymentMode.AADHAAR_PAY: "RRN"}


def check_qr_text(qr_text: str) -> None:
    if not qr_text.strip():
        raise ReceiptError("receipt QR text is empty")
    if len(qr_text) > MAX_QR_TEXT:
        raise ReceiptError(f"receipt QR text is {len(qr_text)} characters, more than {MAX_QR_TEXT}")
    if any(ord(c) < 0x20 for c in qr_text):
        raise ReceiptError("receipt QR text contains control characters")


def build_receipt(
    txn: Txn,
    identity: Identity,
    *,
    printed_at: datetime,
    qr_text: str,
    notes: Sequence[Money] = (),
    voucher: tuple[int, Money] | None = None,
    duplicate: bool = False,
    bbps: BbpsFacts | None = None,
) -> ReceiptLayout:
    """Lay out the receipt of a paid transaction (Hindi first, English below)."""
    if txn.state not in PAID_STATES or txn.receipt_no is None:
        raise ReceiptError(f"transaction {txn.id} is {txn.state.value}: only a paid transaction gets a receipt")
    check_qr_text(qr_text)
    when = to_ist(printed_at)
    name_hi = txn.service_name_hi.strip() or "सेवा"
    name_en = txn.service_name_en.strip() or "Service"
    mode_hi, mode_en = MODE_NAMES.get(txn.payment_mode, ("—", "—")) if txn.payment_mode else ("—", "—")
    blocks: list[Block] = [
        *heading(identity),
    ]
    if duplicate:
        blocks.append(Line("प्रतिलिपि / DUPLICATE", Size.LARGE, bold=True, align=Align.CENTER))
    blocks += [
        Rule(),
        Line("भुगतान रसीद / Payment receipt", bold=True, align=Align.CENTER),
        Pair("Receipt No.", str(txn.receipt_no), bold=True),
        Pair("Date", when.strftime("%d-%m-%Y %H:%M IST")),
        Line(f"Txn {txn.id}", Size.SMALL),
        Rule(),
        Line(f"सेवा: {name_hi}"),
        Line(f"Service: {name_en}"),
        Line(f"Consumer/Application No. {txn.reference.strip() or '-'}"),
        *(bbps_blocks(bbps) if bbps is not None else ()),
        Rule(),
        Pair("बिल / Bill", txn.amount_due.format()),
        Pair("शुल्क / Fee" if bbps is None else "सुविधा शुल्क / Conv. fee", txn.fee.format()),
        Line("कुल राशि / Total", align=Align.CENTER),
        Line(txn.total_due.format(), Size.LARGE, bold=True, align=Align.CENTER),
        Line(amount_in_words(txn.total_due), align=Align.CENTER),
        Pair("जमा / Paid", txn.amount_paid.format()),
        Line(f"भुगतान का तरीका: {mode_hi}"),
        Line(f"Payment mode: {mode_en}"),
    ]
    if txn.payment_mode in REFERENCE_NAMES and txn.payment_ref:
        blocks.append(Pair(REFERENCE_NAMES[txn.payment_mode], txn.payment_ref, bold=True))
    blocks += _cash_blocks(txn, notes, voucher)
    blocks += [
        Rule(),
        Qr(qr_text),
        Line("रसीद जाँचने के लिए QR स्कैन करें", Size.SMALL, align=Align.CENTER),
        Line("Scan to verify this receipt", Size.SMALL, align=Align.CENTER),
        Line("धन्यवाद / Thank you", bold=True, align=Align.CENTER),
    ]
    return ReceiptLayout(txn.receipt_no, txn.id, qr_text, tuple(blocks), duplicate)


def bbps_blocks(bbps: BbpsFacts) -> list[Block]:
    """Bharat BillPay's part of the receipt: biller, bill and due dates, and the approval (BBPS transaction)
    reference — or, honestly, that the biller's confirmation is still pending (a reprint later carries it)."""
    blocks: list[Block] = [Rule(), Line("भारत बिल पे / Bharat BillPay", bold=True, align=Align.CENTER),
                           Line(f"बिलर / Biller: {bbps.biller_name.strip() or '-'}")]  # fmt: skip
    if bbps.bill_date is not None:
        blocks.append(Pair("बिल तिथि / Bill date", f"{bbps.bill_date:%d-%m-%Y}"))
    if bbps.due_date is not None:
        blocks.append(Pair("देय तिथि / Due date", f"{bbps.due_date:%d-%m-%Y}"))
    if bbps.txn_ref_id:
        return [*blocks, Line("BBPS संदर्भ संख्या / Approval ref. no.", Size.SMALL),
                Line(bbps.txn_ref_id, bold=True, align=Align.CENTER)]  # fmt: skip
    if bbps.refused:
        return [*blocks, Line("बिलर ने भुगतान स्वीकार नहीं किया; राशि ऑपरेटर से वापस लें", bold=True),
                Line("The biller refused this payment; collect the money from the operator", Size.SMALL)]  # fmt: skip
    return [*blocks, Line("भुगतान दर्ज हुआ, बिलर की पुष्टि बाकी है", bold=True),
            Line("Payment recorded, biller confirmation pending", bold=True),
            Line("BBPS संदर्भ के लिए बाद में रसीद दोबारा छपवाएँ", Size.SMALL),
            Line("Ask the operator for a reprint with the BBPS reference later", Size.SMALL)]  # fmt: skip


def _cash_blocks(txn: Txn, notes: Sequence[Money], voucher: tuple[int, Money] | None) -> list[Block]:
    blocks: list[Block] = []
    if txn.payment_mode is PaymentMode.CASH and notes:
        counted: dict[Money, int] = {}
        for note in notes:
            counted[note] = counted.get(note, 0) + 1
        text = ", ".join(f"{n.format(decimals=False)} x {c}" for n, c in sorted(counted.items(), reverse=True))
        blocks.append(Line(f"Notes: {text}", Size.SMALL))
    if voucher is not None:
        no, amount = voucher
        blocks += [
            Rule(),
            Line(f"बकाया वापसी पर्ची नं. {no}", bold=True),
            Line(f"Change due voucher No. {no}: {amount.format()}", bold=True),
            Line("यह राशि ऑपरेटर से लें / Collect from operator", Size.SMALL),
        ]
    return blocks


def build_voucher_slip(
    voucher_no: int, amount: Money, txn: Txn, identity: Identity, *, printed_at: datetime
) -> ReceiptLayout:
    """The slip for a change-due voucher a restart issued (the villager had gone): what is owed, to whom to show it."""
    if amount.paise <= 0:
        raise ReceiptError(f"voucher {voucher_no}: amount must be positive, got {amount.format()}")
    when = to_ist(printed_at)
    blocks: list[Block] = [
        *heading(identity),
        Rule(),
        Line("बकाया वापसी पर्ची / Change-due voucher", bold=True, align=Align.CENTER),
        Pair("Voucher No.", str(voucher_no), bold=True),
        Pair("Date", when.strftime("%d-%m-%Y %H:%M IST")),
        Line(f"Txn {txn.id}", Size.SMALL),
        Line(f"सेवा: {txn.service_name_hi.strip() or 'सेवा'}"),
        Line(f"Service: {txn.service_name_en.strip() or 'Service'}"),
        Rule(),
        Line("भुगतान पूरा नहीं हुआ; जमा राशि वापस मिलेगी", align=Align.CENTER),
        Line("The payment was not completed; the money paid is owed back", Size.SMALL, align=Align.CENTER),
        Line(amount.format(), Size.LARGE, bold=True, align=Align.CENTER),
        Line(amount_in_words(amount), align=Align.CENTER),
        Rule(),
        Line("यह पर्ची ऑपरेटर को दिखाकर राशि लें", bold=True, align=Align.CENTER),
        Line("Show this slip to the operator to collect it", Size.SMALL, align=Align.CENTER),
    ]
    return ReceiptLayout(voucher_no, txn.id, "", tuple(blocks))
