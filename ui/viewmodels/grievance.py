"""The grievance screen's view-model: the flow's view for QML, its slow intents (server, camera, scanner, printer) off
the Qt thread with a waiting state. Closed until `open()`; closing drops everything the villager typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.clock import parse_iso_utc, to_ist
from kiosk.flows.grievance_steps import Capture, GrievanceFlow, GrievanceView, GStep
from kiosk.grievance import Department, GrievanceDesk
from kiosk.grievance_queue import OutboxGrievances
from kiosk.receipt import Identity
from ui.composition import Services
from ui.worker import OffThread

Intent = Callable[[GrievanceFlow], bool]


def ist_date(text: str) -> str:
    try:
        return to_ist(parse_iso_utc(text)).strftime("%d-%m-%Y")
    except ValueError:
        return text[:10]


class GrievanceScreen(QObject):
    changed = Signal()
    closed = Signal()  # the villager finished or cancelled: the shell goes home

    def __init__(self, services: Services, departments: tuple[Department, ...], language: Callable[[], str],
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.services, self.departments, self.language = services, departments, language
        self.flow: GrievanceFlow | None = None
        self.worker = OffThread(self)
        self._frozen: GrievanceView | None = None

    def set_language(self, _language: str) -> None:
        self.changed.emit()  # department and category names are read in the language of the moment

    def desk(self) -> GrievanceDesk | None:
        return self.services.grievances

    @Slot()
    def open(self) -> None:
        s, desk = self.services, self.desk()
        if desk is None or self.worker.busy:
            return
        identity = Identity(s.config.identity.kiosk_code, s.config.identity.centre_name_hi)
        self.flow = GrievanceFlow(
            self.departments, desk, OutboxGrievances(s.store, identity.kiosk_code), printer=s.devices.printer,
            identity=identity, clock=s.clock, capture=Capture(s.camera, s.pages, s.vault),
        )  # fmt: skip
        self.changed.emit()

    @Slot()
    def close(self) -> None:
        """The villager's Finish or Cancel: dropped, and the shell goes home."""
        if self.flow is not None and not self.worker.busy:
            self.drop()
            self.closed.emit()

    def drop(self) -> None:
        """Going home for any reason (idle timeout too): a job still running finishes on the dropped flow unseen."""
        if self.flow is not None:
            if not self.worker.busy:
                self.flow.close()
            self.flow, self._frozen = None, None
            self.changed.emit()

    # -- quick intents -------------------------------------------------------------------------------------
    @Slot()
    def register(self) -> None:
        self._quick(GrievanceFlow.register)

    @Slot()
    def findByNumber(self) -> None:
        self._quick(GrievanceFlow.find_by_number)

    @Slot()
    def findByMobile(self) -> None:
        self._quick(GrievanceFlow.find_by_mobile)

    @Slot(str)
    def chooseDepartment(self, code: str) -> None:
        self._quick(lambda f: f.choose_department(code))

    @Slot(str)
    def chooseCategory(self, code: str) -> None:
        self._quick(lambda f: f.choose_category(code))

    @Slot(str)
    def describe(self, text: str) -> None:
        self._quick(lambda f: f.describe(text))

    @Slot(str)
    def press(self, digit: str) -> None:
        self._quick(lambda f: f.press(digit))

    @Slot()
    def backspace(self) -> None:
        self._quick(GrievanceFlow.backspace)

    @Slot()
    def submitMobile(self) -> None:
        self._quick(GrievanceFlow.submit_mobile)

    @Slot()
    def attachmentsDone(self) -> None:
        self._quick(GrievanceFlow.attachments_done)

    @Slot()
    def startFeedback(self) -> None:
        self._quick(GrievanceFlow.start_feedback)

    @Slot(int)
    def rate(self, stars: int) -> None:
        self._quick(lambda f: f.rate(stars))

    @Slot()
    def back(self) -> None:
        self._quick(GrievanceFlow.back)

    # -- slow intents --------------------------------------------------------------------------------------
    @Slot()
    def takePhoto(self) -> None:
        self._slow(GrievanceFlow.take_photo)

    @Slot()
    def scanPage(self) -> None:
        self._slow(GrievanceFlow.scan_page)

    @Slot()
    def confirm(self) -> None:
        self._slow(GrievanceFlow.confirm)

    @Slot()
    def submitNumber(self) -> None:
        self._slow(GrievanceFlow.submit_number)

    @Slot()
    def submitLookupMobile(self) -> None:
        self._slow(GrievanceFlow.submit_lookup_mobile)

    @Slot()
    def remind(self) -> None:
        self._slow(GrievanceFlow.remind)

    @Slot(str)
    def sendFeedback(self, text: str) -> None:
        self._slow(lambda f: f.send_feedback(text))

    def _quick(self, intent: Intent) -> None:
        if self.flow is not None and not self.worker.busy:
            intent(self.flow)
            self.changed.emit()

    def _slow(self, intent: Intent) -> None:
        flow = self.flow
        if flow is None or self.worker.busy:
            return
        self._frozen = flow.view()
        self.worker.run(lambda: intent(flow), self._done, self._done)
        self.changed.emit()

    def _done(self, _result: object) -> None:
        self._frozen = None
        self.changed.emit()

    # -- what QML reads ------------------------------------------------------------------------------------
    def _view(self) -> GrievanceView | None:
        if self._frozen is not None:
            return self._frozen
        return self.flow.view() if self.flow is not None else None

    def _get(self, name: str) -> Any:
        view = self._view()
        return getattr(view, name) if view is not None else None

    def _str(self, name: str) -> str:
        value = self._get(name)
        return "" if value is None else str(value)

    def _step(self) -> str:
        view = self._view()
        return view.step.value if view is not None else GStep.CLOSED.value

    def _department_list(self) -> list[dict[str, str]]:
        lang = self.language()
        return [{"code": d.code, "name": d.name(lang)} for d in self.departments]

    def _category_list(self) -> list[dict[str, str]]:
        chosen = next((d for d in self.departments if d.code == self._str("department")), None)
        return [{"code": c.code, "name": c.name(self.language())} for c in chosen.categories] if chosen else []

    def _name_of(self, department: str) -> str:
        found = next((d for d in self.departments if d.code == department), None)
        return found.name(self.language()) if found else department

    def _grievance(self) -> dict[str, Any]:
        g = self._get("grievance")
        if g is None:
            return {}
        return {"number": g.number, "department": self._name_of(g.department), "status": g.status,
                "pendingWith": g.pending_with, "registered": ist_date(g.registered_at), "mobile": g.mobile_masked,
                "reply": g.reply, "rated": g.feedback_rating or 0,
                "history": [{"when": ist_date(s.at), "kind": s.kind, "office": s.office, "text": s.text}
                            for s in g.history]}  # fmt: skip

    def _hints(self) -> list[dict[str, str]]:
        return [{"hint": h.number_hint, "department": self._name_of(h.department), "status": h.status,
                 "registered": ist_date(h.registered_at)} for h in self._get("hints") or ()]  # fmt: skip

    available = Property(bool, lambda self: self.desk() is not None, notify=changed)
    step = Property(str, _step, notify=changed)
    waiting = Property(bool, lambda self: self.worker.busy, notify=changed)
    problem = Property(str, lambda self: self._str("problem"), notify=changed)
    departmentList = Property(list, _department_list, notify=changed)
    categoryList = Property(list, _category_list, notify=changed)
    departmentName = Property(str, lambda self: self._name_of(self._str("department")), notify=changed)
    digits = Property(str, lambda self: self._str("digits"), notify=changed)
    mobileMasked = Property(str, lambda self: self._str("mobile_masked"), notify=changed)
    attachments = Property(int, lambda self: int(self._get("attachments") or 0), notify=changed)
    reference = Property(str, lambda self: self._str("reference"), notify=changed)
    queued = Property(bool, lambda self: bool(self._get("queued")), notify=changed)
    slipPrinted = Property(bool, lambda self: bool(self._get("slip_printed")), notify=changed)
    smsSent = Property(bool, lambda self: bool(self._get("sms_sent")), notify=changed)
    grievance = Property(dict, _grievance, notify=changed)
    hints = Property(list, _hints, notify=changed)
    remindAfter = Property(str, lambda self: ist_date(self._str("remind_after")) if self._str("remind_after") else "",
                           notify=changed)  # fmt: skip
    rating = Property(int, lambda self: int(self._get("rating") or 0), notify=changed)
    # Offered only while the device says it is usable (an absent camera is a device fault: no button that fails).
    canPhoto = Property(bool, lambda self: self.services.vault is not None and self.services.camera is not None
                        and self.services.camera.health().ok, notify=changed)  # fmt: skip
    canScan = Property(bool, lambda self: self.services.vault is not None and self.services.pages is not None
                       and self.services.pages.health().ok, notify=changed)  # fmt: skip
