"""The Z-report's QR: `<server>/z/<token>`, the day's summary signed with the kiosk's key (like receipts)."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.clock import Clock, iso_utc
from kiosk.zreport import ZReport
from kiosk.zreport_print import ZReportQr
from sync.protocol.zreports import NOT_COUNTED, ZReportClaim, make_token, qr_text


def claim_for(report: ZReport, generated_at: str) -> ZReportClaim:
    counted = sum(d * n for d, n in report.counted.items()) if report.counted is not None else NOT_COUNTED
    return ZReportClaim(
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
    def qr(report: ZReport) -> str:
        return qr_text(server_url, make_token(claim_for(report, iso_utc(clock.now())), key))

    return qr
