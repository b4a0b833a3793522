"""The acknowledgement slip an application prints on the receipt printer: number, service, expected date, office, QR."""

from __future__ import annotations

from datetime import date, datetime

from kiosk.catalogue import Service
from kiosk.clock import to_ist
from kiosk.receipt import Align, Identity, Line, Pair, Qr, ReceiptLayout, Rule, Size, heading

# The QR opens the application's status page; the kiosk's own status check finds the same number.
FOLLOW_URL = "https://emitraapp.rajasthan.gov.in/status?a={number}"


def follow_link(number: str) -> str:
    return FOLLOW_URL.format(number=number)


def build_acknowledgement(service: Service, number: str, expected_on: date, identity: Identity, *,
                          printed_at: datetime, receipt_no: int | None) -> ReceiptLayout:  # fmt: skip
    """Hindi first; no field the villager typed is printed (the slip may be left on the counter)."""
    assert service.form is not None
    form, when = service.form, to_ist(printed_at)
    blocks = (
        *heading(identity),
        Rule(),
        Line("आवेदन की पावती / Acknowledgement", bold=True, align=Align.CENTER),
        Line("आवेदन संख्या / Application No.", align=Align.CENTER),  # on its own line: a Pair overlapped on 58 mm
        Line(number, Size.LARGE, bold=True, align=Align.CENTER),
        Pair("Date", when.strftime("%d-%m-%Y %H:%M IST")),
        Line(f"सेवा: {service.name_hi}"),
        Line(f"Service: {service.name_en}"),
        Line("अपेक्षित तिथि / Expected by"),
        Line(expected_on.strftime("%d-%m-%Y"), bold=True),
        Line(f"कार्यालय: {form.office_hi}"),
        Line(f"Office: {form.office_en}"),
        *((Pair("रसीद / Receipt No.", str(receipt_no)),) if receipt_no else ()),
        Rule(),
        Line("स्थिति जानने के लिए QR स्कैन करें या कियोस्क पर 'आवेदन की स्थिति देखें' चुनें।"),
        Line("Scan the QR, or choose 'Check application status' at any kiosk."),
        Qr(follow_link(number)),
    )
    return ReceiptLayout(receipt_no or 0, f"application-{number}", follow_link(number), blocks,
                         meta={"kind": "acknowledgement"})  # fmt: skip
