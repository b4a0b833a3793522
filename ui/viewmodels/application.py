"""The application screens' view-model: eligibility, the form, the pages and the photo, the review, the slip.

Thin: kiosk/flows/application_steps.py decides everything. Scans and photos block on the device, so they run on the
journey's own worker (the waiting screen and its safe cancel are the ones every slow step uses). Previews reach QML
as data URLs held in memory only: never a file, never a log line.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.application_form import FormField
from kiosk.flows.application_steps import ApplicationJourney, ApplicationView
from kiosk.flows.base import Phase

if TYPE_CHECKING:
    from ui.viewmodels.journey import JourneyViewModel


class ApplicationScreen(QObject):
    changed = Signal()

    def __init__(self, session: JourneyViewModel) -> None:
        super().__init__(session)
        self.session = session
        session.changed.connect(self.changed)

    def _steps(self) -> ApplicationJourney | None:
        journey = self.session.journey
        return journey if isinstance(journey, ApplicationJourney) else None

    def _view(self) -> ApplicationView | None:
        steps = self._steps()
        return steps.application_view() if steps is not None else None

    def _act(self, intent: Callable[[ApplicationJourney], bool]) -> None:
        if self._steps() is not None:
            self.session._act(lambda j: intent(j) if isinstance(j, ApplicationJourney) else False)

    def _act_slow(self, intent: Callable[[ApplicationJourney], bool], first: Phase) -> None:
        if self._steps() is not None:
            self.session._act_slow(lambda j: intent(j) if isinstance(j, ApplicationJourney) else False, first)

    def _hi(self) -> bool:
        return self.session.language == "hi"

    # -- taps --------------------------------------------------------------------------------------------
    @Slot(bool)
    def answer(self, yes: bool) -> None:
        self._act(lambda j: j.answer(yes))

    @Slot(str, str)
    def setField(self, field_id: str, value: str) -> None:
        steps = self._steps()
        if steps is not None and not self.session.worker.busy:
            steps.set_field(field_id, value)  # typing: no repaint of the whole journey per key

    @Slot()
    def submitForm(self) -> None:
        self._act(ApplicationJourney.submit_form)

    @Slot()
    def scan(self) -> None:
        self._act_slow(ApplicationJourney.scan, Phase.SCAN)

    @Slot()
    def retakePage(self) -> None:
        self._act(ApplicationJourney.retake_page)

    @Slot()
    def finishDocument(self) -> None:
        self._act(ApplicationJourney.finish_document)

    @Slot()
    def takePhoto(self) -> None:
        self._act_slow(ApplicationJourney.take_photo, Phase.SCAN)

    @Slot()
    def acceptPhoto(self) -> None:
        self._act(ApplicationJourney.accept_photo)

    @Slot()
    def confirm(self) -> None:
        self._act_slow(ApplicationJourney.confirm, Phase.PRINT)  # a free application prints its slip at once

    @Slot()
    def cancel(self) -> None:
        self.session.cancel()

    # -- what the screens show ---------------------------------------------------------------------------------
    def _question(self) -> str:
        question = (view := self._view()) and view.question
        return (question.text_hi if self._hi() else question.text_en) if question else ""

    def _refusal(self) -> str:
        refusal = (view := self._view()) and view.refusal
        return (refusal.refusal_hi if self._hi() else refusal.refusal_en) if refusal else ""

    def _field(self, spec: FormField, view: ApplicationView) -> dict[str, Any]:
        problem = view.field_problems.get(spec.id)
        return {
            "id": spec.id,
            "label": spec.label_hi if self._hi() else spec.label_en,
            "kind": spec.kind.value,
            "maxLength": spec.max_length,
            "value": view.answers.get(spec.id, ""),
            "problem": problem.value if problem else "",
            "choices": [{"id": c.id, "label": c.label_hi if self._hi() else c.label_en} for c in spec.choices],
        }

    def _fields(self) -> list[dict[str, Any]]:
        view = self._view()
        return [self._field(f, view) for f in view.fields] if view else []

    def _review(self) -> list[dict[str, str]]:
        """What the villager typed, as they will check it (a choice by its label)."""
        view = self._view()
        rows = []
        for spec in view.fields if view else ():
            value = view.answers.get(spec.id, "") if view else ""
            labels = {c.id: (c.label_hi if self._hi() else c.label_en) for c in spec.choices}
            rows.append({"label": spec.label_hi if self._hi() else spec.label_en, "value": labels.get(value, value)})
        return rows

    def _document(self) -> str:
        spec = (view := self._view()) and view.document
        return (spec.name_hi if self._hi() else spec.name_en) if spec else ""

    def _preview(self) -> str:
        view = self._view()
        if view is None or not view.preview_png:
            return ""
        return "data:image/png;base64," + base64.b64encode(view.preview_png).decode("ascii")

    def _get(self, name: str, default: object = "") -> Any:
        view = self._view()
        return getattr(view, name) if view is not None else default

    question = Property(str, _question, notify=changed)
    refusal = Property(str, _refusal, notify=changed)
    fields = Property(list, _fields, notify=changed)
    review = Property(list, _review, notify=changed)
    document = Property(str, _document, notify=changed)
    documentIndex = Property(int, lambda self: self._get("document_index", 0) + 1, notify=changed)
    documentCount = Property(int, lambda self: self._get("document_count", 0), notify=changed)
    pagesTaken = Property(int, lambda self: self._get("pages_taken", 0), notify=changed)
    canFinishDocument = Property(bool, lambda self: self._get("can_finish_document", False), notify=changed)
    preview = Property(str, _preview, notify=changed)
    pageProblem = Property(str, lambda self: self._get("page_problem"), notify=changed)
    photoTaken = Property(bool, lambda self: self._get("photo_taken", False), notify=changed)
    number = Property(str, lambda self: self._get("number"), notify=changed)
    expectedOn = Property(str, lambda self: self._get("expected_on"), notify=changed)
    office = Property(str, lambda self: self._office(), notify=changed)
    slipPrinted = Property(bool, lambda self: self._get("slip_printed", False), notify=changed)
    fee = Property(str, lambda self: self._get("fee"), notify=changed)

    def _office(self) -> str:
        steps = self._steps()
        if steps is None:
            return ""
        return steps.form.office_hi if self._hi() else steps.form.office_en
