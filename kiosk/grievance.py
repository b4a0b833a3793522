"""Grievances as the kiosk sees them: the departments to choose from, what the server answers, and the desk port."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Protocol

from kiosk.online import NotFound, Unavailable

MAX_DESCRIPTION = 500  # characters: about a screen of Hindi on the on-screen keyboard; the wire allows the same
MAX_ATTACHMENTS = 3


@dataclass(frozen=True, slots=True)
class Choice:
    code: str
    name_hi: str
    name_en: str

    def name(self, language: str) -> str:
        return self.name_hi if language == "hi" else self.name_en


@dataclass(frozen=True, slots=True)
class Department:
    code: str
    name_hi: str
    name_en: str
    categories: tuple[Choice, ...]

    def name(self, language: str) -> str:
        return self.name_hi if language == "hi" else self.name_en


@dataclass(frozen=True, slots=True)
class Complaint:
    """A grievance to register. `request_id` makes registering it again (after a lost answer) harmless."""

    request_id: str
    department: str
    category: str
    description: str = field(repr=False)
    mobile: str = field(repr=False)
    attachments: tuple[tuple[str, str], ...] = ()  # (sha256, "photo" | "page") of blobs in the vault


@dataclass(frozen=True, slots=True)
class Step:
    at: str  # ISO 8601 UTC
    kind: str  # registered | assigned | reminder | disposed | feedback
    office: str
    text: str = ""


@dataclass(frozen=True, slots=True)
class GrievanceState:
    number: str
    department: str
    category: str
    status: str  # pending | disposed
    pending_with: str
    registered_at: str
    mobile_masked: str
    history: tuple[Step, ...]
    reply: str = ""
    remind_after: str = ""
    feedback_rating: int | None = None
    sms_sent: bool = False


@dataclass(frozen=True, slots=True)
class Hint:
    """One grievance of a mobile number, only hinted at: the last four characters of its number."""

    number_hint: str
    department: str
    status: str
    registered_at: str


@dataclass(frozen=True, slots=True)
class TooSoon:
    """A reminder inside the waiting period; `after` is when the next one may be sent."""

    after: str


@dataclass(frozen=True, slots=True)
class Refused:
    """The server will not do it (e.g. feedback before disposal); `detail` is English, for the journal."""

    detail: str


class Answer(enum.StrEnum):
    """How a registration ended, for the slip: online with a number, or queued with a provisional reference."""

    REGISTERED = "registered"
    QUEUED = "queued"


class GrievanceDesk(Protocol):
    """The central server's grievance service (sync/grievance_client.py)."""

    def register(self, complaint: Complaint) -> GrievanceState | Refused | Unavailable: ...

    def lookup(self, number: str) -> GrievanceState | NotFound | Unavailable: ...

    def by_mobile(self, mobile: str) -> tuple[Hint, ...] | Unavailable: ...

    def remind(self, number: str, request_id: str) -> GrievanceState | TooSoon | Refused | NotFound | Unavailable: ...

    def feedback(
        self, number: str, request_id: str, rating: int, text: str
    ) -> GrievanceState | Refused | NotFound | Unavailable: ...


class GrievanceQueue(Protocol):
    """Where a grievance waits when the server cannot be reached (the outbox); answers a provisional reference."""

    def queue(self, complaint: Complaint) -> str: ...
