"""Bytes and time to print one typical Hindi receipt at 9600 and 115200 baud: ours vs a naive full raster."""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from drivers.printer import codec, render
from drivers.printer.driver import EscposPrinter, link_from_config
from drivers.printer.emulator import PrinterEmulator
from kiosk.money import Money
from kiosk.receipt import Identity, ReceiptLayout, build_receipt
from kiosk.transactions import PaymentMode, Txn, TxnState

QR = "https://emitra-sync.rajasthan.example.in/r/RJ-JPR-0412.001042.20261123.Zk3qL9vX2mB7tR0pWc4nH8sYd1eA6uJfQ5gKo"


def typical_receipt() -> ReceiptLayout:
    txn = Txn(
        "3f6c2a1e-8b7d-4c55-9e21-0a1b2c3d4e5f", "elec", "बिजली बिल भुगतान (जयपुर डिस्कॉम)",
        "Electricity bill (Jaipur Discom)", "K-2107-55431", Money.rupees(1490), Money.rupees(10),
        Money.rupees(1500), PaymentMode.CASH, None, TxnState.PAID, 1042, "2026-11-23", "", "",
    )  # fmt: skip
    identity = Identity("RJ-JPR-0412", "ग्राम पंचायत श्रीनगर")
    return build_receipt(
        txn, identity, printed_at=datetime(2026, 11, 23, 6, 15, tzinfo=UTC), qr_text=QR, notes=[Money.rupees(500)] * 3
    )


def run_ours(layout: ReceiptLayout, baud: int, out: Path) -> tuple[int, float]:
    emu = PrinterEmulator(out, baud=baud)
    link = link_from_config({"transport": "serial", "port": emu.serve_pty(), "baudrate": baud})
    printer = EscposPrinter(link, width=384, status_timeout=2.0)
    start = time.perf_counter()
    assert printer.print_job("bench", layout).printed
    elapsed = time.perf_counter() - start
    printer.close()
    emu.stop()
    return emu.received, elapsed


def run_naive(layout: ReceiptLayout, baud: int, out: Path) -> tuple[int, float]:
    emu = PrinterEmulator(out, baud=baud)
    link = link_from_config({"transport": "serial", "port": emu.serve_pty(), "baudrate": baud})
    start = time.perf_counter()
    data = codec.encode_naive(render.render_image(layout, 384))
    link.write(data)
    while not emu.receipts:
        time.sleep(0.01)
    elapsed = time.perf_counter() - start
    link.close()
    emu.stop()
    return emu.received, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bauds", default="9600,115200")
    args = parser.parse_args()
    layout = typical_receipt()
    with tempfile.TemporaryDirectory() as tmp:
        for baud in (int(b) for b in args.bauds.split(",")):
            ours_bytes, ours_s = run_ours(layout, baud, Path(tmp))
            naive_bytes, naive_s = run_naive(layout, baud, Path(tmp))
            print(
                f"{baud:>6} baud: ours {ours_bytes:>6} bytes {ours_s:6.2f} s | naive full raster {naive_bytes:>6} bytes"
                f" {naive_s:6.2f} s | {naive_bytes / ours_bytes:.2f}x fewer bytes, {naive_s / ours_s:.2f}x faster"
            )


if __name__ == "__main__":
    main()
