"""The kiosk's two signed QR codes, both made with its enrolled key: the receipt's and the Z-report's."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.clock import Clock, iso_utc
from kiosk.printing import QrText
from kiosk.transactions import Txn
from kiosk.zreport import ZReport
from kiosk.zreport_print import ZReportQr
from sync.protocol import receipts, zreports


def signed_receipt_qr(kiosk_code: str, server_url: str, key: Ed25519PrivateKey) -> QrText:
    """The receipt's QR: `<server>/r/<token>`, a claim signed by the kiosk's key that the server can verify."""

    def qr(txn: Txn) -> str:
        claim = receipts.ReceiptClaim(kiosk_code, txn.receipt_no or 0, txn.id, txn.amount_paid.paise, txn.updated_at)
        return receipts.qr_text(server_url, receipts.make_token(claim, key))

    return qr


def zreport_claim(report: ZReport, generated_at: str) -> zreports.ZReportClaim:
    """What the Z-report's QR vouches for: the day's totals, the count and its difference, in paise."""
    counted = sum(d * n for d, n in report.counted.items()) if report.counted is not None else zreports.NOT_COUNTED
    return zreports.ZReportClaim(
        kiosk_code=report.kiosk_code,
        business_day=report.business_day,
        close_no=report.close_no or 0,
        transactions=sum(line.count for line in report.services),
        total_paise=report.total.paise,
        cash_paise=report.cash_total.paise,
        counted_paise=counted,
        difference_paise=report.difference.paise if report.difference is not None else 0,
        vouchers_open_paise=report.vouchers_open.paise,
        receipts_pending=report.receipts_pending,
        generated_at_iso=generated_at,
    )


def signed_zreport_qr(server_url: str, key: Ed25519PrivateKey, clock: Clock) -> ZReportQr:
    """The Z-report's QR: `<server>/z/<token>`, the day's summary signed with the kiosk's key (like receipts)."""

    def qr(report: ZReport) -> str:
        return zreports.qr_text(server_url, zreports.make_token(zreport_claim(report, iso_utc(clock.now())), key))

    return qr
