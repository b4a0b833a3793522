"""The grievance journey (Rajasthan Sampark style) as a step machine: register a complaint — department, category,
description, mobile, an optional photo or page — or look one up by its number or by mobile, see whom it is pending
with and its history, send a reminder, give feedback. Slow intents (marked) run off the Qt thread; intents in the
wrong step are no-ops."""

from __future__ import annotations

import enum
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from common.numbers import mask_mobile, mobile_problem
from kiosk.capture.port import Camera, CameraProblem, CheckedPage, DocumentVault, PageCapture, PageVerdict
from kiosk.clock import Clock
from kiosk.devices.printer import ReceiptPrinter
from kiosk.grievance import (
    MAX_ATTACHMENTS,
    MAX_DESCRIPTION,
    Complaint,
    Department,
    GrievanceDesk,
    GrievanceQueue,
    GrievanceState,
    Hint,
    Refused,
    TooSoon,
)
from kiosk.grievance_slip import build_grievance_slip
from kiosk.online import NotFound, Unavailable
from kiosk.receipt import Identity

NUMBER_DIGITS = 12  # after "RJ", which the screen shows fixed
MAX_FEEDBACK = 300


class GStep(enum.StrEnum):
    MENU = "menu"  # register, or look up by number, or by mobile
    DEPARTMENT = "department"
    CATEGORY = "category"
    DESCRIBE = "describe"  # the on-screen keyboard
    MOBILE = "mobile"  # the villager's mobile on the keypad
    ATTACH = "attach"  # optional photo or document page
    CONFIRM = "confirm"
    REGISTERED = "registered"  # the number (or a provisional reference) and the slip
    ENTER_NUMBER = "enter_number"
    ENTER_LOOKUP_MOBILE = "enter_lookup_mobile"
    SHOWN = "shown"  # one grievance: status, pending with, history; remind or give feedback
    LIST = "list"  # the grievances of a mobile number, hinted at
    FEEDBACK = "feedback"
    CLOSED = "closed"


class GProblem(enum.StrEnum):
    EMPTY = "empty"  # no description typed
    MOBILE_LENGTH = "mobile_length"
    MOBILE_START = "mobile_start"
    NUMBER_LENGTH = "number_length"
    NOT_FOUND = "not_found"
    UNAVAILABLE = "unavailable"
    REFUSED = "refused"
    TOO_SOON = "too_soon"
    REMINDED = "reminded"  # not a problem: the reminder went (shown as a notice)
    NO_CAMERA = "no_camera"
    NO_SCANNER = "no_scanner"
    UNREADABLE = "unreadable"  # the page check said blank/dark/skewed: scan again
    FULL = "full"  # MAX_ATTACHMENTS already


@dataclass(frozen=True)
class Capture:
    """The capture ports the journey may use; any of them None means that option is not offered."""

    camera: Camera | None = None
    pages: PageCapture | None = None
    vault: DocumentVault | None = None


@dataclass(frozen=True, slots=True)
class GrievanceView:
    step: GStep
    problem: GProblem | None
    department: str = ""
    category: str = ""
    description: str = field(default="", repr=False)
    digits: str = field(default="", repr=False)  # what the keypad has typed (a mobile is shown only while typed)
    mobile_masked: str = ""
    attachments: int = 0
    reference: str = ""  # the grievance number, or the provisional reference when queued
    queued: bool = False
    slip_printed: bool = False
    sms_sent: bool = False
    grievance: GrievanceState | None = None
    hints: tuple[Hint, ...] = ()
    remind_after: str = ""
    rating: int = 0


class GrievanceFlow:
    def __init__(self, departments: tuple[Department, ...], desk: GrievanceDesk, queue: GrievanceQueue, *,
                 printer: ReceiptPrinter, identity: Identity, clock: Clock, capture: Capture = Capture(),
                 new_id: Callable[[], str] = lambda: uuid.uuid4().hex) -> None:  # fmt: skip
        self.departments = {d.code: d for d in departments}
        self.desk, self.queue, self.printer = desk, queue, printer
        self.identity, self.clock, self.capture, self.new_id = identity, clock, capture, new_id
        self._reset()

    def _reset(self) -> None:
        self.step = GStep.MENU
        self.problem: GProblem | None = None
        self.department = self.category = self.description = self.digits = self.mobile = ""
        self.attachments: list[tuple[str, str]] = []
        self.reference, self.queued, self.slip_printed, self.sms_sent = "", False, False, False
        self.grievance: GrievanceState | None = None
        self.hints: tuple[Hint, ...] = ()
        self.remind_after = ""
        self.rating = 0
        self.request_id = ""

    def _go(self, step: GStep) -> bool:
        self.step, self.problem = step, None
        return True

    # -- the menu ------------------------------------------------------------------------------------------
    def register(self) -> bool:
        return self.step is GStep.MENU and self._go(GStep.DEPARTMENT)

    def find_by_number(self) -> bool:
        return self.step is GStep.MENU and self._go(GStep.ENTER_NUMBER)

    def find_by_mobile(self) -> bool:
        return self.step is GStep.MENU and self._go(GStep.ENTER_LOOKUP_MOBILE)

    # -- registering ---------------------------------------------------------------------------------------
    def choose_department(self, code: str) -> bool:
        if self.step is not GStep.DEPARTMENT or code not in self.departments:
            return False
        self.department = code
        return self._go(GStep.CATEGORY)

    def choose_category(self, code: str) -> bool:
        if self.step is not GStep.CATEGORY or code not in {
            c.code for c in self.departments[self.department].categories
        }:
            return False
        self.category = code
        return self._go(GStep.DESCRIBE)

    def describe(self, text: str) -> bool:
        """The keyboard's text; more than MAX_DESCRIPTION characters is cut there (the field has the same limit)."""
        if self.step is not GStep.DESCRIBE:
            return False
        cleaned = " ".join(text.split())[:MAX_DESCRIPTION]
        if not cleaned:
            self.problem = GProblem.EMPTY
            return False
        self.description = cleaned
        return self._go(GStep.MOBILE)

    def press(self, digit: str) -> bool:
        limit = {GStep.MOBILE: 10, GStep.ENTER_LOOKUP_MOBILE: 10, GStep.ENTER_NUMBER: NUMBER_DIGITS}.get(self.step)
        if limit is None or len(digit) != 1 or not digit.isdigit() or len(self.digits) >= limit:
            return False
        self.digits += digit
        self.problem = None
        return True

    def backspace(self) -> bool:
        if self.step not in (GStep.MOBILE, GStep.ENTER_LOOKUP_MOBILE, GStep.ENTER_NUMBER) or not self.digits:
            return False
        self.digits, self.problem = self.digits[:-1], None
        return True

    def _mobile_ok(self) -> bool:
        why = mobile_problem(self.digits)
        if why is not None:
            self.problem = GProblem.MOBILE_LENGTH if why == "length" else GProblem.MOBILE_START
        return why is None

    def submit_mobile(self) -> bool:
        if self.step is not GStep.MOBILE or not self._mobile_ok():
            return False
        self.mobile, self.digits = self.digits, ""  # from here on only the masked form is shown
        return self._go(GStep.ATTACH)

    def take_photo(self) -> bool:
        """Slow (the camera). A photo of the problem (a broken handpump): no face check here."""
        camera, vault = self.capture.camera, self.capture.vault
        if self.step is not GStep.ATTACH or not self._room():
            return False
        if camera is None or vault is None:
            self.problem = GProblem.NO_CAMERA
            return False
        photo = camera.take_photo()
        if isinstance(photo, CameraProblem):
            self.problem = GProblem.NO_CAMERA
            return False
        self.attachments.append((vault.put(photo.jpeg, "image/jpeg").sha256, "photo"))
        self.problem = None
        return True

    def scan_page(self) -> bool:
        """Slow (the scanner). A page the checks find unreadable is not kept: the villager scans it again."""
        pages, vault = self.capture.pages, self.capture.vault
        if self.step is not GStep.ATTACH or not self._room():
            return False
        if pages is None or vault is None:
            self.problem = GProblem.NO_SCANNER
            return False
        page = pages.capture()
        if not isinstance(page, CheckedPage):
            self.problem = GProblem.NO_SCANNER
            return False
        if page.verdict is not PageVerdict.READABLE:
            self.problem = GProblem.UNREADABLE
            return False
        self.attachments.append((vault.put(page.jpeg, "image/jpeg").sha256, "page"))
        self.problem = None
        return True

    def _room(self) -> bool:
        if len(self.attachments) >= MAX_ATTACHMENTS:
            self.problem = GProblem.FULL
            return False
        return True

    def attachments_done(self) -> bool:
        return self.step is GStep.ATTACH and self._go(GStep.CONFIRM)

    def confirm(self) -> bool:
        """Slow (the server, then the printer). Offline: queued, with a provisional reference on the slip."""
        if self.step is not GStep.CONFIRM:
            return False
        self.request_id = self.request_id or self.new_id()  # a second tap after a lost answer: the same grievance
        complaint = Complaint(self.request_id, self.department, self.category, self.description, self.mobile,
                              tuple(self.attachments))  # fmt: skip
        answer = self.desk.register(complaint)
        if isinstance(answer, Refused):
            self.problem = GProblem.REFUSED
            return False
        if isinstance(answer, GrievanceState):
            self.reference, self.queued, self.sms_sent, self.grievance = answer.number, False, answer.sms_sent, answer
        else:
            self.reference, self.queued = self.queue.queue(complaint), True
        self._print_slip()
        self.description = ""  # not kept in memory past the registration
        return self._go(GStep.REGISTERED)

    def _print_slip(self) -> None:
        slip = build_grievance_slip(self.reference, queued=self.queued, department=self.departments[self.department],
                                    category=self.category, mobile=self.mobile, identity=self.identity,
                                    printed_at=self.clock.now())  # fmt: skip
        self.slip_printed = (
            self.printer.status().can_print and self.printer.print_job(f"grievance-{self.request_id}", slip).printed
        )

    # -- looking up ----------------------------------------------------------------------------------------
    def submit_number(self) -> bool:
        """Slow (the server)."""
        if self.step is not GStep.ENTER_NUMBER:
            return False
        if len(self.digits) != NUMBER_DIGITS:
            self.problem = GProblem.NUMBER_LENGTH
            return False
        return self._show(self.desk.lookup("RJ" + self.digits))

    def _show(self, answer: GrievanceState | NotFound | Unavailable) -> bool:
        if not isinstance(answer, GrievanceState):
            self.problem = GProblem.NOT_FOUND if isinstance(answer, NotFound) else GProblem.UNAVAILABLE
            return False
        self.grievance, self.remind_after = answer, answer.remind_after
        return self._go(GStep.SHOWN)

    def submit_lookup_mobile(self) -> bool:
        """Slow (the server). Only hints come back (see kiosk.grievance.Hint): the number itself is needed to read."""
        if self.step is not GStep.ENTER_LOOKUP_MOBILE or not self._mobile_ok():
            return False
        found = self.desk.by_mobile(self.digits)
        if isinstance(found, Unavailable):
            self.problem = GProblem.UNAVAILABLE
            return False
        self.hints, self.digits = found, ""
        return self._go(GStep.LIST)

    def remind(self) -> bool:
        """Slow (the server)."""
        if self.step is not GStep.SHOWN or self.grievance is None or self.grievance.status != "pending":
            return False
        answer = self.desk.remind(self.grievance.number, self.new_id())
        if isinstance(answer, TooSoon):
            self.problem, self.remind_after = GProblem.TOO_SOON, answer.after
            return False
        if isinstance(answer, Refused):
            self.problem = GProblem.REFUSED
            return False
        if not self._show(answer):
            return False
        self.problem = GProblem.REMINDED
        return True

    def start_feedback(self) -> bool:
        g = self.grievance
        ready = g is not None and g.status == "disposed" and g.feedback_rating is None
        return self.step is GStep.SHOWN and ready and self._go(GStep.FEEDBACK)

    def rate(self, stars: int) -> bool:
        if self.step is not GStep.FEEDBACK or not 1 <= stars <= 5:
            return False
        self.rating = stars
        return True

    def send_feedback(self, text: str) -> bool:
        """Slow (the server)."""
        if self.step is not GStep.FEEDBACK or self.grievance is None or not self.rating:
            return False
        answer = self.desk.feedback(self.grievance.number, self.new_id(), self.rating,
                                    " ".join(text.split())[:MAX_FEEDBACK])  # fmt: skip
        if isinstance(answer, Refused):
            self.problem = GProblem.REFUSED
            return False
        return self._show(answer)

    # -- leaving -------------------------------------------------------------------------------------------
    def back(self) -> bool:
        before = {GStep.CATEGORY: GStep.DEPARTMENT, GStep.DESCRIBE: GStep.CATEGORY, GStep.MOBILE: GStep.DESCRIBE,
                  GStep.ATTACH: GStep.MOBILE, GStep.CONFIRM: GStep.ATTACH, GStep.FEEDBACK: GStep.SHOWN,
                  GStep.DEPARTMENT: GStep.MENU, GStep.ENTER_NUMBER: GStep.MENU, GStep.ENTER_LOOKUP_MOBILE: GStep.MENU,
                  GStep.SHOWN: GStep.MENU, GStep.LIST: GStep.MENU}.get(self.step)  # fmt: skip
        if before is None:
            return False
        if before is GStep.MOBILE:
            self.digits, self.mobile = self.mobile, ""  # typed again in full view, on purpose: it is theirs
        elif self.step in (GStep.MOBILE, GStep.ENTER_NUMBER, GStep.ENTER_LOOKUP_MOBILE):
            self.digits = ""
        return self._go(before)

    def close(self) -> bool:
        """Everything the villager typed is dropped here (the next villager starts from nothing)."""
        if self.step is GStep.CLOSED:
            return False
        self._reset()
        self.step = GStep.CLOSED
        return True

    def view(self) -> GrievanceView:
        return GrievanceView(
            step=self.step, problem=self.problem, department=self.department, category=self.category,
            description=self.description, digits=self.digits,
            mobile_masked=mask_mobile(self.mobile) if self.mobile else "", attachments=len(self.attachments),
            reference=self.reference, queued=self.queued, slip_printed=self.slip_printed, sms_sent=self.sms_sent,
            grievance=self.grievance, hints=self.hints, remind_after=self.remind_after, rating=self.rating,
        )  # fmt: skip
