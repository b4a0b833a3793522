"""An application service's form as catalogue data: eligibility questions, fields and their rules, the documents and
photo it needs, the processing time and the office that decides. Parsed and cross-checked here; the journey is in
kiosk/flows/application_steps.py."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from common.numbers import luhn_ok, verhoeff_ok


class FormError(ValueError):
    """A form the catalogue cannot use, naming the service and the field (kiosk/catalogue.py adds the file)."""


class FieldKind(enum.StrEnum):
    TEXT = "text"  # names and addresses: Devanagari or romanised Latin, as the villager types it
    NUMBER = "number"  # digits only (mobile, pin code, Jan Aadhaar id), optionally with a check digit
    DATE = "date"  # DD-MM-YYYY, a real day and not in the future
    CHOICE = "choice"  # one of the catalogue's options, tapped


class Rule(enum.StrEnum):
    """Why a value is refused: each maps to one sentence in Hindi and English (ui/viewmodels/application.py)."""

    REQUIRED = "required"
    LENGTH = "length"
    DIGITS_ONLY = "digits_only"
    CHECKSUM = "checksum"
    PATTERN = "pattern"
    DATE = "date"
    FUTURE = "future"
    CHOICE = "choice"


# Letters of either script, digits, the marks Devanagari needs (the joiners some keyboards put in conjuncts
# included), and the punctuation of an address.
_TEXT_ALLOWED = re.compile(r"^[\w\u0900-\u097F\u200C\u200D .,'/()#-]*$")
_DATE = re.compile(r"^(\d{2})-(\d{2})-(\d{4})$")
_DATE_TYPED = re.compile(r"(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})")


@dataclass(frozen=True, slots=True)
class Choice:
    id: str
    label_hi: str
    label_en: str


@dataclass(frozen=True, slots=True)
class FormField:
    id: str
    label_hi: str
    label_en: str
    kind: FieldKind
    min_length: int = 1
    max_length: int = 60
    required: bool = True
    pattern: str = ""  # a full-match regular expression, checked after the length
    checksum: str = "none"  # "luhn" | "verhoeff" for NUMBER fields
    choices: tuple[Choice, ...] = ()

    def normalised(self, value: str) -> str:
        """A date as the office writes it (DD-MM-YYYY) however it was typed (05031990, 5/3/1990, 05.03.1990);
        any other value with its spaces tidied."""
        value = " ".join(value.split())
        if self.kind is not FieldKind.DATE:
            return value
        if value.isdigit() and len(value) == 8:
            day, month, year = value[:2], value[2:4], value[4:]
        elif (match := _DATE_TYPED.fullmatch(value)) is not None:
            day, month, year = match.groups()
        else:
            return value
        return f"{int(day):02d}-{int(month):02d}-{year}"

    def problem(self, value: str, today: date) -> Rule | None:
        """None when `value` is acceptable for this field, else the rule it breaks."""
        value = value.strip()
        if not value:
            return Rule.REQUIRED if self.required else None
        if self.kind is FieldKind.CHOICE:
            return None if value in {c.id for c in self.choices} else Rule.CHOICE
        if self.kind is FieldKind.DATE:
            return _date_problem(value, today)
        if self.kind is FieldKind.NUMBER and not value.isdigit():
            return Rule.DIGITS_ONLY
        if self.kind is FieldKind.TEXT and not _TEXT_ALLOWED.match(value):
            return Rule.PATTERN
        if not self.min_length <= len(value) <= self.max_length:
            return Rule.LENGTH
        if self.pattern and not re.fullmatch(self.pattern, value):
            return Rule.PATTERN
        if (self.checksum == "luhn" and not luhn_ok(value)) or (self.checksum == "verhoeff" and not verhoeff_ok(value)):
            return Rule.CHECKSUM
        return None


def _date_problem(value: str, today: date) -> Rule | None:
    match = _DATE.match(value)
    if match is None:
        return Rule.DATE
    day, month, year = (int(g) for g in match.groups())
    try:
        when = date(year, month, day)
    except ValueError:
        return Rule.DATE
    return Rule.FUTURE if when > today else None


@dataclass(frozen=True, slots=True)
class Question:
    """A yes/no question; "no" ends the journey politely with why and where to go instead."""

    id: str
    text_hi: str
    text_en: str
    refusal_hi: str
    refusal_en: str


@dataclass(frozen=True, slots=True)
class DocumentSpec:
    id: str
    name_hi: str
    name_en: str
    pages_min: int = 1
    pages_max: int = 1


@dataclass(frozen=True, slots=True)
class ApplicationForm:
    questions: tuple[Question, ...]
    fields: tuple[FormField, ...]
    documents: tuple[DocumentSpec, ...]
    photo: bool
    processing_days: int
    office_hi: str
    office_en: str


class _Reader:
    def __init__(self, where: str, raw: object) -> None:
        if not isinstance(raw, dict):
            raise FormError(f"{where}: expected an object")
        self.where, self.raw = where, raw

    def text(self, key: str, *, hindi: bool = False) -> str:
        value = self.raw.get(key)
        if not isinstance(value, str) or not value.strip():
            raise FormError(f"{self.where}: {key} is missing or empty (a translation is required)")
        if hindi and not any("\u0900" <= ch <= "\u097f" for ch in value):
            raise FormError(f"{self.where}: {key} = {value!r} has no Hindi (Devanagari) text")
        return value.strip()

    def items(self, key: str) -> list[Any]:
        value = self.raw.get(key, [])
        if not isinstance(value, list):
            raise FormError(f"{self.where}: {key} must be a list")
        return value


def _unique(where: str, ids: list[str]) -> None:
    seen = [i for n, i in enumerate(ids) if i in ids[:n]]
    if seen:
        raise FormError(f"{where}: id {seen[0]!r} appears twice")


def _form_field(where: str, raw: object) -> FormField:
    r = _Reader(where, raw)
    kind = FieldKind(r.raw.get("kind", "text"))
    low, high = int(r.raw.get("min_length", 1)), int(r.raw.get("max_length", 60))
    if low > high:
        raise FormError(f"{where}: min_length {low} is above max_length {high}")
    pattern = str(r.raw.get("pattern", ""))
    try:
        re.compile(pattern)
    except re.error as exc:
        raise FormError(f"{where}: pattern {pattern!r} is not a regular expression ({exc})") from None
    choices = tuple(
        Choice(c.text("id"), c.text("label_hi", hindi=True), c.text("label_en"))
        for c in (_Reader(f"{where}.choices[{i}]", x) for i, x in enumerate(r.items("choices")))
    )
    if (kind is FieldKind.CHOICE) != bool(choices):
        raise FormError(f"{where}: a choice field needs choices, and only a choice field may have them")
    _unique(where, [c.id for c in choices])
    checksum = str(r.raw.get("checksum", "none"))
    if checksum != "none" and kind is not FieldKind.NUMBER:
        raise FormError(f"{where}: a {checksum} check digit needs a number field")
    return FormField(r.text("id"), r.text("label_hi", hindi=True), r.text("label_en"), kind, low, high,
                     bool(r.raw.get("required", True)), pattern, checksum, choices)  # fmt: skip


def parse_form(where: str, raw: object) -> ApplicationForm:
    """The `application` object of one catalogue service (already shape-checked by catalogue.schema.json)."""
    r = _Reader(f"{where}.application", raw)
    questions = tuple(
        Question(q.text("id"), q.text("text_hi", hindi=True), q.text("text_en"), q.text("refusal_hi", hindi=True),
                 q.text("refusal_en"))
        for q in (_Reader(f"{r.where}.eligibility[{i}]", x) for i, x in enumerate(r.items("eligibility")))
    )  # fmt: skip
    fields = tuple(_form_field(f"{r.where}.fields[{i}]", x) for i, x in enumerate(r.items("fields")))
    if not fields:
        raise FormError(f"{r.where}: an application needs at least one field")
    documents = []
    for i, x in enumerate(r.items("documents")):
        d = _Reader(f"{r.where}.documents[{i}]", x)
        low, high = int(d.raw.get("pages_min", 1)), int(d.raw.get("pages_max", 1))
        if low > high:
            raise FormError(f"{d.where}: pages_min {low} is above pages_max {high}")
        documents.append(DocumentSpec(d.text("id"), d.text("name_hi", hindi=True), d.text("name_en"), low, high))
    for name, ids in (("eligibility", [q.id for q in questions]), ("fields", [f.id for f in fields]),
                      ("documents", [d.id for d in documents])):  # fmt: skip
        _unique(f"{r.where}.{name}", ids)
    return ApplicationForm(questions, fields, tuple(documents), bool(r.raw.get("photo", False)),
                           int(r.raw.get("processing_days", 15)), r.text("office_hi", hindi=True),
                           r.text("office_en"))  # fmt: skip
