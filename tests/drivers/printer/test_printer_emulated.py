"""The real driver prints into the emulator over a pty; the checks read the emulator's PNGs."""

from __future__ import annotations

import pytest
import zxingcpp
from PIL import Image, ImageChops, ImageDraw, ImageFont

from drivers.printer import fonts, render
from drivers.printer.driver import EscposPrinter
from drivers.printer.emulator import Paper, PrinterEmulator
from kiosk.clock import FakeClock
from kiosk.devices.printer import PrinterStatus
from kiosk.ledger import Ledger
from kiosk.printing import job_id_for, print_receipt, reprint_receipt
from kiosk.receipt import build_receipt
from kiosk.transactions import Txn, TxnState

from .conftest import IDENTITY, QR_TEXT, qr_for


def _load(path: object) -> Image.Image:
    with Image.open(path) as image:  # type: ignore[arg-type]
        return image.copy()


def _black(image: Image.Image) -> Image.Image:
    """1 where the paper has ink (from a Pillow image where black is 0)."""
    return image.convert("L").point(lambda v: 255 if v < 128 else 0).convert("1")


def _count(image: Image.Image) -> int:
    return image.convert("L").histogram()[255]


def _print(ledger: Ledger, printer: EscposPrinter, txn: Txn, clock: FakeClock) -> TxnState:
    result = print_receipt(ledger, printer, txn.id, identity=IDENTITY, clock=clock, qr_text=qr_for)
    return result.txn.state


def test_printed_receipt_qr_decodes_to_the_exact_payload(
    ledger: Ledger, printer: EscposPrinter, emulator: PrinterEmulator, paid_txn: Txn, clock: FakeClock
) -> None:
    assert _print(ledger, printer, paid_txn, clock) is TxnState.RECEIPT_PRINTED
    assert len(emulator.receipts) == 1
    found = zxingcpp.read_barcodes(_load(emulator.receipts[0]).convert("L"))
    assert [b.text for b in found if b.format == zxingcpp.BarcodeFormat.QRCode] == [QR_TEXT]


def _reference_header(basic: bool) -> Image.Image:
    """The header drawn here, independently of the renderer: the bundled TTF through Pillow's RAQM (HarfBuzz)."""
    engine = ImageFont.Layout.BASIC if basic else ImageFont.Layout.RAQM
    face = ImageFont.truetype(str(fonts.DEVANAGARI), 34, layout_engine=engine)
    face.set_variation_by_axes([700.0, 100.0])  # weight, width: bold header
    image = Image.new("L", (384, 49), 255)
    draw = ImageDraw.Draw(image)
    draw.fontmode = "1"
    text = "ई-मित्र प्लस"
    draw.text(((384 - int(face.getlength(text))) // 2, 35), text, font=face, fill=0, anchor="ls")
    return _black(image)


def test_hindi_header_on_paper_matches_harfbuzz_reference(
    ledger: Ledger, printer: EscposPrinter, emulator: PrinterEmulator, paid_txn: Txn, clock: FakeClock
) -> None:
    _print(ledger, printer, paid_txn, clock)
    paper = _black(_load(emulator.receipts[0]))
    shaped, unshaped = _reference_header(basic=False), _reference_header(basic=True)
    region = paper.crop((0, 0, shaped.width, shaped.height))
    assert _count(shaped) > 500  # the reference really has ink
    assert _count(ImageChops.logical_xor(region, shaped)) <= 0.02 * _count(shaped)
    assert _count(ImageChops.logical_xor(region, unshaped)) > 0.1 * _count(shaped)


@pytest.mark.parametrize("word", ["क्ष", "त्र", "श्री", "द्वार", "हिन्दी"])
def test_unshaped_basic_layout_differs_from_shaped_for_conjuncts(word: str) -> None:
    def ink(basic: bool) -> Image.Image:
        image = Image.new("L", (200, 60), 255)
        face = render.basic_font(34) if basic else render.fonts.font(render.fonts.DEVANAGARI, 34)
        ImageDraw.Draw(image).text((10, 45), word, font=face, fill=0, anchor="ls")
        return _black(image)

    shaped, basic = ink(False), ink(True)
    assert _count(ImageChops.logical_xor(shaped, basic)) > 0.1 * _count(shaped)


def test_paper_out_mid_job_leaves_txn_paid_pending_and_one_reprint_prints(
    ledger: Ledger, printer: EscposPrinter, emulator: PrinterEmulator, paid_txn: Txn, clock: FakeClock
) -> None:
    emulator.fault_after_rows(300, "paper_out")
    result = print_receipt(ledger, printer, paid_txn.id, identity=IDENTITY, clock=clock, qr_text=qr_for)
    assert not result.printed
    assert result.outcome is not None
    assert result.outcome.status is PrinterStatus.PAPER_OUT
    assert result.txn.state is TxnState.RECEIPT_PENDING
    assert ledger.get(paid_txn.id).amount_paid == paid_txn.amount_paid
    assert "1" in result.message_hi
    assert "ऑपरेटर" in result.message_hi
    assert emulator.receipts == []

    emulator.refill()
    again = reprint_receipt(ledger, printer, paid_txn.id, copy=1, identity=IDENTITY, clock=clock, qr_text=qr_for)
    assert again.printed
    assert again.txn.state is TxnState.RECEIPT_PRINTED
    # The kiosk retries after a lost answer: the same job id and the ledger both stop a second copy.
    layout = build_receipt(again.txn, IDENTITY, printed_at=clock.now(), qr_text=QR_TEXT)
    assert printer.print_job(job_id_for(again.txn), layout).printed
    assert not print_receipt(ledger, printer, paid_txn.id, identity=IDENTITY, clock=clock, qr_text=qr_for).outcome
    assert len(emulator.receipts) == 1


def test_reprint_of_printed_receipt_is_marked_duplicate_and_prints_once_per_copy(
    ledger: Ledger, printer: EscposPrinter, emulator: PrinterEmulator, paid_txn: Txn, clock: FakeClock
) -> None:
    _print(ledger, printer, paid_txn, clock)
    for _ in range(2):
        reprint_receipt(ledger, printer, paid_txn.id, copy=1, identity=IDENTITY, clock=clock, qr_text=qr_for)
    assert len(emulator.receipts) == 2
    first, dup = (_load(path) for path in emulator.receipts)
    assert dup.height > first.height  # the DUPLICATE banner adds a line


@pytest.mark.parametrize(
    ("paper", "cover", "offline", "expected"),
    [
        (Paper.OK, False, False, PrinterStatus.READY),
        (Paper.NEAR_END, False, False, PrinterStatus.PAPER_NEAR_END),
        (Paper.OUT, False, False, PrinterStatus.PAPER_OUT),
        (Paper.OK, True, False, PrinterStatus.COVER_OPEN),
        (Paper.OK, False, True, PrinterStatus.OFFLINE),
    ],
)
def test_status_before_payment_reports_the_emulated_state(
    printer: EscposPrinter,
    emulator: PrinterEmulator,
    paper: Paper,
    cover: bool,
    offline: bool,
    expected: PrinterStatus,
) -> None:
    emulator.paper, emulator.cover_open, emulator.offline = paper, cover, offline
    assert printer.status() is expected
    assert printer.health().ok is expected.can_print


def test_cover_open_before_printing_sends_nothing_and_returns_status(
    ledger: Ledger, printer: EscposPrinter, emulator: PrinterEmulator, paid_txn: Txn, clock: FakeClock
) -> None:
    emulator.cover_open = True
    result = print_receipt(ledger, printer, paid_txn.id, identity=IDENTITY, clock=clock, qr_text=qr_for)
    assert result.outcome is not None
    assert result.outcome.status is PrinterStatus.COVER_OPEN
    assert result.txn.state is TxnState.RECEIPT_PENDING
    assert emulator.receipts == []
    assert emulator.received < 100


def test_silent_printer_is_disconnected_not_an_exception(
    ledger: Ledger, printer: EscposPrinter, emulator: PrinterEmulator, paid_txn: Txn, clock: FakeClock
) -> None:
    emulator.silent = True
    assert printer.status() is PrinterStatus.DISCONNECTED
    assert _print(ledger, printer, paid_txn, clock) is TxnState.RECEIPT_PENDING


def test_near_end_printer_still_prints_and_reports_near_end(
    ledger: Ledger, printer: EscposPrinter, emulator: PrinterEmulator, paid_txn: Txn, clock: FakeClock
) -> None:
    emulator.fault_after_rows(100, "near_end")
    result = print_receipt(ledger, printer, paid_txn.id, identity=IDENTITY, clock=clock, qr_text=qr_for)
    assert result.printed
    assert result.outcome is not None
    assert result.outcome.status is PrinterStatus.PAPER_NEAR_END


def test_no_payment_starts_while_printer_cannot_print_unless_configured(
    printer: EscposPrinter, emulator: PrinterEmulator
) -> None:
    from kiosk.printing import may_take_payment

    assert may_take_payment(printer).allowed
    emulator.paper = Paper.OUT
    gate = may_take_payment(printer)
    assert not gate.allowed
    assert "paper_out" in gate.message_en
    assert "ऑपरेटर" in gate.message_hi
    assert may_take_payment(printer, require_printer=False).allowed


def test_printer_going_silent_mid_job_leaves_receipt_pending_not_an_exception(
    ledger: Ledger, printer: EscposPrinter, emulator: PrinterEmulator, paid_txn: Txn, clock: FakeClock
) -> None:
    emulator.fault_after_rows(250, "silent")
    result = print_receipt(ledger, printer, paid_txn.id, identity=IDENTITY, clock=clock, qr_text=qr_for)
    assert result.outcome is not None
    assert result.outcome.status is PrinterStatus.DISCONNECTED
    assert result.txn.state is TxnState.RECEIPT_PENDING
    assert emulator.receipts == []


def test_native_qr_command_prints_a_qr_that_decodes(emulator: PrinterEmulator, paid_txn: Txn, clock: FakeClock) -> None:
    from drivers.printer.driver import create

    port = emulator.serve_pty()
    driver = create({"port": port, "native_qr": True, "status_timeout": 0.3}, clock)
    try:
        layout = build_receipt(paid_txn, IDENTITY, printed_at=clock.now(), qr_text=QR_TEXT)
        assert driver.print_job("native-1", layout).printed
    finally:
        driver.close()
    found = zxingcpp.read_barcodes(_load(emulator.receipts[0]).convert("L"))
    assert [b.text for b in found] == [QR_TEXT]


def test_text_mode_lines_print_as_text_on_white_paper(
    printer: EscposPrinter, emulator: PrinterEmulator, clock: FakeClock
) -> None:
    from kiosk.receipt import Line, ReceiptLayout

    layout = ReceiptLayout(1, "t", QR_TEXT, (Line("Receipt 1"), Line("Txn 42")))
    assert printer.print_job("text-1", layout).printed
    paper = _black(_load(emulator.receipts[0]))
    assert 0 < _count(paper) < 0.1 * paper.width * paper.height  # ink for letters, not black bars


def test_receipt_lists_notes_and_voucher_read_back_from_the_ledger(ledger: Ledger, paid_txn: Txn) -> None:
    from kiosk.money import Money
    from kiosk.printing import cash_details

    notes, voucher = cash_details(ledger, paid_txn)
    assert notes == [Money.rupees(500)] * 3
    assert voucher is not None
    assert voucher[1] == Money.rupees(250)  # 1,500 paid against 1,250 due
