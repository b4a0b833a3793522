"""An application journey from catalogue data: eligibility → fields → documents page by page → photo → review → the
fee through the ordinary payment steps → the acknowledgement slip. Captures go to the vault; the submission leaves
with the payment that completes the fee (kiosk/application_records.py)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from kiosk.application_form import DocumentSpec, FormField, Question, Rule
from kiosk.application_records import ApplicationRecords, Filled, Submission
from kiosk.capture.port import BlobRef, Camera, CameraProblem, CheckedPage, DocumentVault, PageCapture, PageVerdict
from kiosk.catalogue import Checksum, FieldSpec, Service
from kiosk.clock import business_day
from kiosk.devices.scanner import ScanProblem
from kiosk.flows.application_slip import build_acknowledgement, follow_link
from kiosk.flows.base import PaymentStage, Phase, Problem, Step
from kiosk.flows.journey import Journey
from kiosk.money import Money
from kiosk.transactions import PAID_STATES, PaymentMode, Txn, TxnState

log = logging.getLogger(__name__)

# The journey's keypad field is the application number: the fee's transaction carries it as its reference.
APPLICATION_NO = FieldSpec("application", "आवेदन संख्या", "Application number", 10, 10, True, Checksum.LUHN)
JPEG = "image/jpeg"


def capture_problem(service: Service, pages: PageCapture | None, camera: Camera | None,
                    vault: DocumentVault | None) -> str | None:  # fmt: skip
    """Why this service cannot be offered now (Invariant 5: no promise the devices cannot keep), or None. Any
    service that is not an application is none of this function's business."""
    form = service.form
    if form is None:
        return None
    if vault is None:
        return "no document vault"
    if form.documents and (pages is None or not pages.health().ok):
        return "scanner not ready"
    if form.photo and (camera is None or not camera.health().ok):
        return "camera not ready"
    return None


class _NoVault:
    """Stands in when no vault is configured: the journey stops at its start, so nothing is ever put here."""

    def put(self, data: bytes, media_type: str) -> BlobRef:
        raise RuntimeError("no document vault is configured")

    def discard(self, ref: BlobRef) -> None:
        pass


@dataclass(frozen=True, slots=True)
class ApplicationView:
    """The application's parts of the screen (the journey's own view carries the payment and the outcome)."""

    question: Question | None
    refusal: Question | None
    fields: tuple[FormField, ...]
    answers: dict[str, str]
    field_problems: dict[str, Rule]
    document: DocumentSpec | None
    document_index: int
    document_count: int
    pages_taken: int
    can_finish_document: bool
    preview_png: bytes
    page_problem: str  # "" | a PageVerdict other than readable | a ScanProblem status | "no_face" | a CameraStatus
    photo_taken: bool
    number: str
    expected_on: str
    follow_link: str
    slip_printed: bool
    fee: str


class ApplicationPaymentStage(PaymentStage):
    """Registers the submission against the fee's transaction before that transaction may take any money."""

    submit_for: Callable[[str], None] | None = None  # set by the journey: called with the new transaction's id

    def open(self, reference: str, amount_due: Money, fee: Money, mode: PaymentMode) -> Txn:
        self.txn = self.ledger.create(service_id=self.service.id, service_name_hi=self.service.name_hi,
                                      service_name_en=self.service.name_en, reference=reference,
                                      amount_due=amount_due, fee=fee)  # fmt: skip
        if self.submit_for is not None:
            self.submit_for(self.txn.id)
        self.txn = self.ledger.await_payment(self.txn.id, mode)
        if mode is PaymentMode.CASH:
            self.notes = self.devices.desk.begin(self.txn.id)
        return self.txn


class ApplicationJourney(Journey):
    """Single-threaded like Journey; `scan` and `take_photo` block on the device and run off the Qt thread."""

    def __init__(self, service: Service, *, pages: PageCapture | None, camera: Camera | None,
                 vault: DocumentVault | None, **kwargs: Any) -> None:  # fmt: skip
        if service.form is None:
            raise ValueError(f"service {service.id} is not an application")
        super().__init__(replace(service, fields=(APPLICATION_NO,)), **kwargs)
        self.form, self.original = service.form, service
        self.pages, self.camera = pages, camera
        self.vault: DocumentVault = vault if vault is not None else _NoVault()  # then not offered: see below
        self.records = ApplicationRecords(self.payment.ledger.store, self.kiosk_code)
        stage = ApplicationPaymentStage(self.payment.ledger, self.payment.devices, self.payment.aadhaar, self.service,
                                        self.payment.inquiry)  # fmt: skip
        stage.submit_for = self._submit_for
        self.payment = stage
        self.question_index = 0
        self.refusal: Question | None = None
        self.answers: dict[str, str] = {}
        self.field_problems: dict[str, Rule] = {}
        self.document_index = 0
        self.taken: dict[str, list[BlobRef]] = {d.id: [] for d in self.form.documents}
        self.preview_png = b""
        self.page_problem = ""
        self.photo: BlobRef | None = None
        self.submission: Submission | None = None
        self.slip_printed = False
        self._fee_txns: list[str] = []
        self._begin(vault)

    def _begin(self, vault: DocumentVault | None) -> bool:
        reason = capture_problem(self.original, self.pages, self.camera, vault)
        if reason is not None:
            log.info("application %s not offered: %s", self.service.id, reason)
            self._fail(Problem.NOT_OFFERED)
            return False
        self.problem = None
        self.step = Step.ELIGIBILITY if self.form.questions else Step.FORM
        return True

    def retry(self) -> bool:
        """Try again after `not_offered`: from the first question if the devices are ready now (never the keypad)."""
        if self.step is not Step.ERROR or self.problem is not Problem.NOT_OFFERED:
            return False
        return self._begin(None if isinstance(self.vault, _NoVault) else self.vault)

    # -- eligibility and the form ---------------------------------------------------------------------
    def answer(self, yes: bool) -> bool:
        if self.step is not Step.ELIGIBILITY:
            return False
        question = self.form.questions[self.question_index]
        if not yes:
            self.refusal = question
            self.step = Step.NOT_ELIGIBLE
            return True
        self.question_index += 1
        if self.question_index >= len(self.form.questions):
            self.step = Step.FORM
        return True

    def set_field(self, field_id: str, value: str) -> bool:
        if self.step is not Step.FORM or field_id not in {f.id for f in self.form.fields}:
            return False
        self.answers[field_id] = " ".join(value.split())[:200]
        self.field_problems.pop(field_id, None)
        return True

    def submit_form(self) -> bool:
        if self.step is not Step.FORM:
            return False
        today = business_day(self.payment.ledger.store.clock.now())
        for spec in self.form.fields:
            if spec.id in self.answers:
                self.answers[spec.id] = spec.normalised(self.answers[spec.id])
        problems = {f.id: f.problem(self.answers.get(f.id, ""), today) for f in self.form.fields}
        self.field_problems = {k: v for k, v in problems.items() if v is not None}
        if self.field_problems:
            return False
        self._after_documents() if not self.form.documents else self._start_documents()
        return True

    # -- documents, page by page ------------------------------------------------------------------------
    def _start_documents(self) -> None:
        self.document_index, self.preview_png, self.page_problem = 0, b"", ""
        self.step = Step.SCAN

    def _document(self) -> DocumentSpec:
        return self.form.documents[self.document_index]

    def scan(self) -> bool:
        """One page from the scanner: a readable one goes to the vault and shows; any other asks for a retake."""
        spec = self._document() if self.step is Step.SCAN else None
        if spec is None or self.pages is None or len(self.taken[spec.id]) >= spec.pages_max:
            return False
        self.phase = Phase.SCAN
        try:
            result = self.pages.capture()
        finally:
            self.phase = Phase.IDLE
        if self.cancel_requested:
            return self._leave("cancelled by villager while scanning")
        if isinstance(result, ScanProblem):
            self.preview_png, self.page_problem = b"", result.status.value
            return False
        return self._keep_page(spec, result)

    def _keep_page(self, spec: DocumentSpec, page: CheckedPage) -> bool:
        self.preview_png = page.preview_png
        if page.verdict is not PageVerdict.READABLE:
            self.page_problem = page.verdict.value  # blank, too dark, skewed: never stored, the villager retakes
            log.info("page refused (%s): %s", page.verdict.value, page.detail)
            return False
        self.page_problem = ""
        self.taken[spec.id].append(self.vault.put(page.jpeg, JPEG))
        return True

    def retake_page(self) -> bool:
        """The last page was not what the villager meant to scan: it is forgotten (the vault discards it)."""
        if self.step is not Step.SCAN:
            return False
        pages = self.taken[self._document().id]
        if pages and not self.page_problem:
            self.vault.discard(pages.pop())
        self.preview_png, self.page_problem = b"", ""
        return True

    def finish_document(self) -> bool:
        if self.step is not Step.SCAN or len(self.taken[self._document().id]) < self._document().pages_min:
            return False
        self.preview_png, self.page_problem = b"", ""
        if self.document_index + 1 < len(self.form.documents):
            self.document_index += 1
        else:
            self._after_documents()
        return True

    def _after_documents(self) -> None:
        self.preview_png, self.page_problem = b"", ""
        self.step = Step.PHOTO if self.form.photo else Step.REVIEW

    # -- the photo ---------------------------------------------------------------------------------------
    def take_photo(self) -> bool:
        if self.step is not Step.PHOTO or self.camera is None:
            return False
        self.phase = Phase.SCAN
        try:
            result = self.camera.take_photo()
        finally:
            self.phase = Phase.IDLE
        if self.cancel_requested:
            return self._leave("cancelled by villager while photographed")
        if isinstance(result, CameraProblem):
            self.preview_png, self.page_problem = b"", result.status.value
            return False
        self.preview_png = result.preview_png
        if not result.face_in_frame:
            self.page_problem = "no_face"
            return False
        self.page_problem = ""
        if self.photo is not None:
            self.vault.discard(self.photo)
        self.photo = self.vault.put(result.jpeg, JPEG)
        return True

    def accept_photo(self) -> bool:
        if self.step is not Step.PHOTO or self.photo is None:
            return False
        self.preview_png, self.page_problem = b"", ""
        self.step = Step.REVIEW
        return True

    # -- review, the fee, the slip ---------------------------------------------------------------------------
    def confirm(self) -> bool:
        """From the review: a fee goes through the ordinary payment steps; no fee submits and prints at once."""
        if self.step is not Step.REVIEW:
            return False
        if not self.entry.value:
            self.entry.value = self.records.reserve_number()
        if self.service.fee.paise > 0:
            self.problem = None
            self.step = Step.CHOOSE_PAYMENT
            return True
        self.submission = self.records.submit(self.service, self._filled(), self.entry.value, txn_id=None)
        self.phase = Phase.PRINT
        try:
            self._print_acknowledgement()
        finally:
            self.phase = Phase.IDLE
        self.step = Step.DONE
        return True

    def _filled(self) -> Filled:
        pages = {doc_id: tuple(refs) for doc_id, refs in self.taken.items()}
        return Filled(dict(self.answers), pages, self.photo)

    def _submit_for(self, txn_id: str) -> None:
        """A fee transaction was just created: the submission waits for it to be paid. Another attempt (another
        method after a refused one) keeps the number; the earlier attempt's unpaid submission is withdrawn."""
        for earlier in self._fee_txns:
            self.records.withdraw(earlier)
        self._fee_txns.append(txn_id)
        self.submission = self.records.submit(self.service, self._filled(), self.entry.value, txn_id=txn_id)

    def _print(self) -> None:
        super()._print()
        self._print_acknowledgement()

    def _print_acknowledgement(self) -> None:
        assert self.submission is not None
        txn = self.payment.txn
        clock = self.payment.ledger.store.clock
        slip = build_acknowledgement(self.service, self.submission.number, self.submission.expected_on,
                                     self.identity, printed_at=clock.now(),
                                     receipt_no=txn.receipt_no if txn else None)  # fmt: skip
        outcome = self.payment.devices.printer.print_job(slip.txn_id, slip)
        self.slip_printed = outcome.printed
        if not outcome.printed:
            log.warning("acknowledgement %s not printed: %s", self.submission.number, outcome.status.value)

    # -- leaving ---------------------------------------------------------------------------------------
    def _leave(self, reason: str) -> bool:
        left = super()._leave(reason)
        if left:
            self._forget_unless_submitted()
        return left

    def _forget_unless_submitted(self) -> None:
        """An abandoned journey forgets its captures, unless the fee was paid (then it is submitted) or its outcome
        is still unknown (it may yet be paid, and the application leaves with it)."""
        if self.submission is not None and self.submission.sent:
            return
        txn = self.payment.txn
        if txn is not None:
            state = self.payment.ledger.get(txn.id).state
            if state in PAID_STATES or state is TxnState.STATUS_UNKNOWN:
                return
            self.records.withdraw(txn.id)
        for refs in self.taken.values():
            for ref in refs:
                self.vault.discard(ref)
            refs.clear()
        if self.photo is not None:
            self.vault.discard(self.photo)
            self.photo = None

    # -- what the screen shows ------------------------------------------------------------------------------
    def application_view(self) -> ApplicationView:
        documents = self.form.documents
        spec = documents[self.document_index] if self.step is Step.SCAN and documents else None
        taken = len(self.taken[spec.id]) if spec else 0
        question = self.form.questions[self.question_index] if self.step is Step.ELIGIBILITY else None
        number = self.submission.number if self.submission else ""
        return ApplicationView(
            question=question,
            refusal=self.refusal,
            fields=self.form.fields,
            answers=dict(self.answers),
            field_problems=dict(self.field_problems),
            document=spec,
            document_index=self.document_index,
            document_count=len(documents),
            pages_taken=taken,
            can_finish_document=spec is not None and taken >= spec.pages_min,
            preview_png=self.preview_png,
            page_problem=self.page_problem,
            photo_taken=self.photo is not None,
            number=number,
            expected_on=f"{self.submission.expected_on:%d-%m-%Y}" if self.submission else "",
            follow_link=follow_link(number) if number else "",
            slip_printed=self.slip_printed,
            fee=self.service.fee.format(),
        )
