"""The grievance slip: the number (or the provisional reference when queued), the department, the masked mobile."""

from __future__ import annotations

from datetime import datetime

from common.numbers import mask_mobile
from kiosk.clock import to_ist
from kiosk.grievance import Department
from kiosk.receipt import Align, Block, Identity, Line, Pair, ReceiptLayout, Rule, Size, heading


def build_grievance_slip(
    reference: str, *, queued: bool, department: Department, category: str, mobile: str, identity: Identity,
    printed_at: datetime,
) -> ReceiptLayout:  # fmt: skip
    """Hindi first, English under it; never the description (a slip is left behind at the kiosk sometimes)."""
    chosen = next((c for c in department.categories if c.code == category), None)
    blocks: list[Block] = [
        *heading(identity),
        Rule(),
        Line("शिकायत पर्ची / Grievance slip", bold=True, align=Align.CENTER),
        Line("अस्थायी संदर्भ / Provisional ref." if queued else "शिकायत संख्या / Grievance No.", align=Align.CENTER),
        Line(reference, Size.LARGE if len(reference) <= 16 else Size.NORMAL, bold=True, align=Align.CENTER),
        Pair("Date", to_ist(printed_at).strftime("%d-%m-%Y %H:%M IST")),
        Line(f"विभाग: {department.name_hi}"),
        Line(f"Department: {department.name_en}"),
        Line(f"{chosen.name_hi} / {chosen.name_en}" if chosen else category),
        Pair("Mobile", mask_mobile(mobile)),
        Rule(),
    ]
    if queued:
        blocks += [
            Line("सर्वर से संपर्क नहीं हो सका; शिकायत कतार में है", align=Align.CENTER),
            Line("Not yet registered: queued until the kiosk is online", Size.SMALL, align=Align.CENTER),
            Line("शिकायत संख्या के लिए अपने मोबाइल से स्थिति देखें", align=Align.CENTER),
            Line("Look up by your mobile number later for the grievance number", Size.SMALL, align=Align.CENTER),
        ]
    else:
        blocks += [
            Line("स्थिति: किसी भी ई-मित्र प्लस कियोस्क या 181 पर", align=Align.CENTER),
            Line("Status at any e-Mitra Plus kiosk or helpline 181", Size.SMALL, align=Align.CENTER),
        ]
    return ReceiptLayout(0, reference, "", tuple(blocks))
