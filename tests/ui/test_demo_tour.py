"""`make demo` headless: the scripted tour runs on the real screens and writes numbered screenshots and receipts."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import zxingcpp
from PIL import Image
from PySide6.QtGui import QGuiApplication, QImage

from ui.demo import run_demo


def test_headless_tour_pays_by_cash_and_aadhaar_prints_a_certificate_and_shows_errors(
    qapp: QGuiApplication, qt_warnings: list[str], tmp_path: Path
) -> None:
    out = io.StringIO()
    assert run_demo(out, out_dir=tmp_path, headless=True) == 0
    text = out.getvalue()
    assert text.rstrip().endswith("demo payment completed")
    # Online calls went to the reference server process; the kiosk's events reached it; it verified a receipt QR.
    assert "reference server (its own process) at http://127.0.0.1:" in text
    assert "0 still queued" in text
    assert "QR verified by the server" in text
    shots = sorted(tmp_path.glob("*.png"))
    assert shots[0].name == "01-home-hi.png"
    assert {"error-timeout", "cash-done-qr", "aadhaar-done", "upi-qr", "upi-done", "certificate-done"} <= {
        p.stem[3:] for p in shots
    }
    assert {"card-wait", "card-done"} <= {p.stem[3:] for p in shots}
    assert {"aeps-bank", "aeps-done"} <= {p.stem[3:] for p in shots}  # the bank typed on the on-screen keyboard
    first = QImage(str(shots[0]))
    assert (first.width(), first.height()) == (1366, 768)
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    assert summary["cash_payment"]
    assert summary["aadhaar_payment"]
    assert summary["upi_payment"] is True  # the QR paid by the PSP emulator, confirmed through the server
    assert summary["card_payment"] is True  # the terminal emulator took card and PIN; the driver saw it approved
    # Aadhaar Pay after the operator's 2FA: the switch's RRN, and the receipt the printer emulator cut for it.
    aeps = summary["aadhaar_pay_payment"]
    assert re.fullmatch(r"\d{12}", aeps["rrn"])
    assert (tmp_path / "receipts" / aeps["receipt"]).is_file()
    assert summary["certificate_print"]
    assert summary["certificate_locker"] is True  # linked by the OTP the server sent, pushed by the server's issuer
    assert summary["day_closed"]  # the operator's blind count agreed with the ledger and the acceptor
    assert {"operator-menu", "operator-blind-count", "operator-reconciliation", "operator-zreport"} <= {
        p.stem[3:] for p in shots
    }
    # The certificate itself came from the server as a PDF and went to the A4 printer.
    (certificate,) = (tmp_path / "documents").glob("certificate-*.pdf")
    assert certificate.read_bytes().startswith(b"%PDF-")
    receipts = sorted((tmp_path / "receipts").glob("*.png"))
    # seven payments (one each by UPI, card, Aadhaar Pay), the application's fee receipt and acknowledgement slip,
    # the grievance slip and the Z-report
    assert len(receipts) == 11
    assert summary["application"] is True  # its documents scanned on SANE's test backend, its photo from Qt
    assert summary["grievance"] is True  # registered at the reference server, its number on screen and slip
    with Image.open(receipts[0]) as first_receipt:
        assert first_receipt.width == 384  # 58 mm paper
        codes = zxingcpp.read_barcodes(first_receipt.convert("L"))
    assert [bool(re.match(r"http://127\.0\.0\.1:\d+/r/[\w-]+\.[\w-]+$", c.text)) for c in codes] == [True]
