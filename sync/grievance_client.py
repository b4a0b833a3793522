"""The kiosk's grievance client: registration (safe to repeat), lookups, reminders and feedback, over signed HTTP."""

from __future__ import annotations

import logging

from kiosk.grievance import Choice, Complaint, Department, GrievanceState, Hint, Refused, Step, TooSoon
from kiosk.online import NotFound, Unavailable
from sync.answers import not_found_or_unavailable, unavailable
from sync.client import Client, Refusal, SyncError
from sync.protocol.grievance import (
    DEPARTMENTS,
    GRIEVANCE_PREFIX,
    TOO_SOON,
    Attachment,
    FeedbackRequest,
    Grievance,
    MobileLookup,
    RegisterRequest,
    ReminderRequest,
    SummaryList,
)

log = logging.getLogger("kiosk.grievance")


def departments() -> tuple[Department, ...]:
    """The departments and categories the server accepts (the wire's own list, so offline offers the same)."""
    return tuple(Department(d.code, d.name_hi, d.name_en, tuple(Choice(c.code, c.name_hi, c.name_en)
                 for c in d.categories)) for d in DEPARTMENTS)  # fmt: skip


def state_of(answer: Grievance) -> GrievanceState:
    return GrievanceState(
        number=answer.number, department=answer.department, category=answer.category, status=answer.status,
        pending_with=answer.pending_with, registered_at=answer.registered_at, mobile_masked=answer.mobile_masked,
        history=tuple(Step(a.at, a.kind, a.office, a.text) for a in answer.history), reply=answer.reply,
        remind_after=answer.remind_after, feedback_rating=answer.feedback_rating, sms_sent=answer.sms_sent,
    )  # fmt: skip


class HttpGrievances:
    """The central server's grievances. Log lines name the request id or number, never the text or the mobile."""

    def __init__(self, client: Client) -> None:
        self.client = client

    def register(self, complaint: Complaint) -> GrievanceState | Refused | Unavailable:
        request = RegisterRequest(
            request_id=complaint.request_id, department=complaint.department, category=complaint.category,
            description=complaint.description, mobile=complaint.mobile,
            attachments=tuple(Attachment(sha256=h, kind=k) for h, k in complaint.attachments),  # type: ignore[arg-type]
        )  # fmt: skip
        try:
            return state_of(self.client.call("POST", GRIEVANCE_PREFIX, Grievance, request))
        except Refusal as exc:
            if exc.status in (409, 422):  # sending it again cannot help: the screen says so, nothing is queued
                log.warning("grievance %s refused: %s", complaint.request_id, exc.detail[:200])
                return Refused(exc.detail[:200])
            return unavailable(exc, "grievance registration")
        except SyncError as exc:
            return unavailable(exc, "grievance registration")

    def lookup(self, number: str) -> GrievanceState | NotFound | Unavailable:
        try:
            answer = self.client.call("GET", f"{GRIEVANCE_PREFIX}/{number}", Grievance)
        except SyncError as exc:
            return not_found_or_unavailable(exc, "grievance lookup")
        if answer.number != number:
            return Unavailable(timed_out=False, detail="answer for another grievance")
        return state_of(answer)

    def by_mobile(self, mobile: str) -> tuple[Hint, ...] | Unavailable:
        try:
            found = self.client.call("POST", GRIEVANCE_PREFIX + ":by-mobile", SummaryList, MobileLookup(mobile=mobile))
        except SyncError as exc:
            return unavailable(exc, "grievances by mobile")
        return tuple(Hint(s.number_hint, s.department, s.status, s.registered_at) for s in found.grievances)

    def remind(self, number: str, request_id: str) -> GrievanceState | TooSoon | Refused | NotFound | Unavailable:
        try:
            answer = self.client.call("POST", f"{GRIEVANCE_PREFIX}/{number}/reminders", Grievance,
                                      ReminderRequest(request_id=request_id))  # fmt: skip
        except Refusal as exc:
            if exc.status == 409 and exc.detail.startswith(TOO_SOON):
                return TooSoon(exc.detail.removeprefix(TOO_SOON)[:40])
            if exc.status == 409:
                return Refused(exc.detail[:200])
            return not_found_or_unavailable(exc, "grievance reminder")
        except SyncError as exc:
            return unavailable(exc, "grievance reminder")
        return state_of(answer)

    def feedback(self, number: str, request_id: str, rating: int, text: str
                 ) -> GrievanceState | Refused | NotFound | Unavailable:  # fmt: skip
        try:
            answer = self.client.call("POST", f"{GRIEVANCE_PREFIX}/{number}/feedback", Grievance,
                                      FeedbackRequest(request_id=request_id, rating=rating, text=text))  # fmt: skip
        except Refusal as exc:
            if exc.status in (409, 422):
                return Refused(exc.detail[:200])
            return not_found_or_unavailable(exc, "grievance feedback")
        except SyncError as exc:
            return unavailable(exc, "grievance feedback")
        return state_of(answer)
