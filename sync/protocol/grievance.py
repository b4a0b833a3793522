"""The wire models of Sampark-style grievances: register, look up by number or mobile, remind, give feedback.

The departments and their categories live here, with the wire, so a kiosk that is offline offers the same choices the
server checks (a state's real Sampark would serve its own list)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from sync.protocol import Model

GRIEVANCE_PREFIX = "/grievances"
REQUEST_ID_PATTERN = r"^[A-Za-z0-9_-]{8,64}$"
NUMBER_PATTERN = r"^RJ\d{12}$"  # RJ + yymmdd + six digits: typed on a keypad, read out on the 181 helpline
MOBILE_PATTERN = r"^[6-9]\d{9}$"
CODE_PATTERN = r"^[a-z][a-z0-9_]{1,31}$"
MAX_DESCRIPTION = 500
MAX_FEEDBACK = 300
REMIND_EVERY_DAYS = 7
TOO_SOON = "a reminder was sent recently; the next one can be sent after "  # + ISO time (a 409's detail)

Status = Literal["pending", "disposed"]
ActionKind = Literal["registered", "assigned", "note", "reminder", "disposed", "feedback"]
AttachmentKind = Literal["photo", "page"]


class Category(Model):
    code: str = Field(pattern=CODE_PATTERN)
    name_hi: str = Field(max_length=80)
    name_en: str = Field(max_length=80)


class Department(Model):
    code: str = Field(pattern=CODE_PATTERN)
    name_hi: str = Field(max_length=80)
    name_en: str = Field(max_length=80)
    categories: tuple[Category, ...] = Field(min_length=1, max_length=12)


def _dept(code: str, hi: str, en: str, *categories: tuple[str, str, str]) -> Department:
    return Department(code=code, name_hi=hi, name_en=en,
                      categories=tuple(Category(code=c, name_hi=h, name_en=e) for c, h, e in categories))  # fmt: skip


DEPARTMENTS: tuple[Department, ...] = (
    _dept("energy", "ऊर्जा विभाग (बिजली)", "Energy (electricity)",
          ("no_supply", "बिजली नहीं आ रही", "No supply"), ("wrong_bill", "गलत बिल", "Wrong bill"),
          ("meter", "मीटर खराब", "Faulty meter")),
    _dept("phed", "जलदाय विभाग (पानी)", "Water supply (PHED)",
          ("no_water", "पानी नहीं आ रहा", "No water"), ("dirty_water", "गंदा पानी", "Dirty water"),
          ("leak", "पाइप लीक", "Leaking pipe")),
    _dept("revenue", "राजस्व विभाग", "Revenue",
          ("land_record", "जमाबंदी / नामांतरण", "Land record / mutation"),
          ("certificate", "प्रमाण पत्र में देरी", "Certificate delayed")),
    _dept("social_justice", "सामाजिक न्याय विभाग", "Social justice",
          ("pension", "पेंशन नहीं मिली", "Pension not received"),
          ("scholarship", "छात्रवृत्ति", "Scholarship")),
    _dept("panchayati_raj", "पंचायती राज विभाग", "Panchayati raj",
          ("road", "सड़क / नाली", "Road / drain"), ("nrega", "नरेगा मज़दूरी", "NREGA wages"),
          ("other", "अन्य", "Other")),
)  # fmt: skip
BY_CODE = {d.code: d for d in DEPARTMENTS}


class Attachment(Model):
    """A photo or document page already in the kiosk's vault, named by its content hash (the blob travels apart)."""

    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    kind: AttachmentKind


class RegisterRequest(Model):
    """`request_id` is the kiosk's id for this registration: the same id is the same grievance forever."""

    request_id: str = Field(pattern=REQUEST_ID_PATTERN)
    department: str = Field(pattern=CODE_PATTERN)
    category: str = Field(pattern=CODE_PATTERN)
    description: str = Field(min_length=1, max_length=MAX_DESCRIPTION)
    mobile: str = Field(pattern=MOBILE_PATTERN)
    attachments: tuple[Attachment, ...] = Field(default=(), max_length=3)


class QueuedGrievance(Model):
    """A registration the kiosk could not send (outbox event `grievance.queued`): the mobile number does not travel
    in the queue, only its key (common/mobile_key.py) and its masked form, so a queued one gets no SMS."""

    request_id: str = Field(pattern=REQUEST_ID_PATTERN)
    provisional: str = Field(pattern=r"^P-[A-Za-z0-9-]{1,40}$")
    department: str = Field(pattern=CODE_PATTERN)
    category: str = Field(pattern=CODE_PATTERN)
    description: str = Field(min_length=1, max_length=MAX_DESCRIPTION)
    mobile_key: str = Field(pattern=r"^[0-9a-f]{64}$")
    mobile_masked: str = Field(pattern=r"^X{6}\d{4}$")
    attachments: tuple[Attachment, ...] = Field(default=(), max_length=3)


QUEUED_KIND = "grievance.queued"


class MobileLookup(Model):
    """Posted, not put in a URL, so the number never reaches an access log."""

    mobile: str = Field(pattern=MOBILE_PATTERN)


class ReminderRequest(Model):
    request_id: str = Field(pattern=REQUEST_ID_PATTERN)


class FeedbackRequest(Model):
    request_id: str = Field(pattern=REQUEST_ID_PATTERN)
    rating: int = Field(ge=1, le=5)
    text: str = Field(default="", max_length=MAX_FEEDBACK)


class Action(Model):
    at: str
    kind: ActionKind
    office: str = Field(default="", max_length=120)
    text: str = Field(default="", max_length=1000)  # the disposal's reply; officers' notes are not shown to callers


class Grievance(Model):
    """What a kiosk is told: never the description or the full mobile number (whoever holds the number sees this)."""

    number: str = Field(pattern=NUMBER_PATTERN)
    department: str
    category: str
    status: Status
    pending_with: str = Field(max_length=120)
    registered_at: str
    mobile_masked: str = Field(max_length=12)
    history: tuple[Action, ...] = Field(max_length=200)
    reply: str = Field(default="", max_length=1000)
    remind_after: str = ""  # ISO time before which a reminder is refused; "" = a reminder may be sent now
    feedback_rating: int | None = Field(default=None, ge=1, le=5)
    sms_sent: bool = False  # the number was sent to the villager's mobile by SMS at registration


class Summary(Model):
    """One line of a lookup by mobile number: enough to recognise the grievance, not to read it."""

    number_hint: str = Field(max_length=20)  # e.g. RJ••••••••1234: the villager matches it to the slip or SMS
    department: str
    status: Status
    registered_at: str


class SummaryList(Model):
    grievances: tuple[Summary, ...] = Field(max_length=20)
