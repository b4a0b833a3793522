"""The service catalogue as data: load and validate the JSON, and keep the last good one when a new one is bad."""

from __future__ import annotations

import enum
import functools
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from common.numbers import luhn_ok, verhoeff_ok
from kiosk.application_form import ApplicationForm, FormError, parse_form
from kiosk.money import Money

log = logging.getLogger(__name__)

DEFAULT_CATALOGUE = Path(__file__).parent / "data" / "catalogue.json"


class CatalogueError(ValueError):
    """A catalogue that cannot be used, naming the entry and the key that is wrong."""


class FlowKind(enum.StrEnum):
    BILL_PAYMENT = "bill_payment"
    CERTIFICATE_PRINT = "certificate_print"
    STATUS_CHECK = "status_check"
    INFORMATION = "information"
    GRIEVANCE = "grievance"  # its own screen (kiosk/flows/grievance_steps.py): no fields, no fee
    APPLICATION = "application"  # a form, documents, a photo and a fee (kiosk/application_form.py)


class OfflinePolicy(enum.StrEnum):
    ONLINE_ONLY = "online_only"  # needs the server; refused (and shown so) when offline
    PROVISIONAL = "provisional"  # takes payment offline and prints a provisional receipt
    OFFLINE = "offline"  # works fully without the network (information pages)


class Checksum(enum.StrEnum):
    NONE = "none"
    LUHN = "luhn"
    VERHOEFF = "verhoeff"


ICONS = frozenset(
    {"bolt", "water", "gas", "phone", "certificate", "land", "status", "pension", "scheme", "birth", "death", "home"}
)
PAYMENT_MODES = frozenset({"cash", "aadhaar"})


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One thing the villager types on the keypad, with the rules it must meet."""

    id: str
    label_hi: str
    label_en: str
    min_length: int
    max_length: int
    digits_only: bool
    checksum: Checksum

    def problem(self, value: str) -> str | None:
        """None when `value` is acceptable, else a short English reason (the UI maps it to words)."""
        if self.digits_only and not value.isdigit():
            return "digits_only"
        if not self.min_length <= len(value) <= self.max_length:
            return "length"
        if self.checksum is Checksum.LUHN and not luhn_ok(value):
            return "checksum"
        if self.checksum is Checksum.VERHOEFF and not verhoeff_ok(value):
            return "checksum"
        return None


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    name_hi: str
    name_en: str
    icon: str


@dataclass(frozen=True, slots=True)
class Service:
    id: str
    name_hi: str
    name_en: str
    keywords_hi: tuple[str, ...]
    keywords_en: tuple[str, ...]
    romanised: tuple[str, ...]
    category: str
    icon: str
    flow: FlowKind
    fields: tuple[FieldSpec, ...]
    fee: Money
    payment_modes: tuple[str, ...]
    offline: OfflinePolicy
    home_tile: bool
    rank: int  # lower = shown earlier on ties (popularity)
    biller: str = ""  # bill payments: the biller's code at the central server (JVVNL, PHED …)
    form: ApplicationForm | None = None  # applications: what is asked, scanned and photographed

    def name(self, language: str) -> str:
        return self.name_hi if language == "hi" else self.name_en


@dataclass(frozen=True)
class Catalogue:
    version: str
    categories: tuple[Category, ...]
    services: tuple[Service, ...]
    by_id: dict[str, Service] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {s.id: s for s in self.services})

    def get(self, service_id: str) -> Service:
        if service_id not in self.by_id:
            raise KeyError(f"no service {service_id!r} in catalogue {self.version}")
        return self.by_id[service_id]

    def in_category(self, category_id: str) -> list[Service]:
        return [s for s in self.services if s.category == category_id]

    def home_tiles(self) -> list[Service]:
        return sorted((s for s in self.services if s.home_tile), key=lambda s: s.rank)


# -- parsing -------------------------------------------------------------------------------------
class _Entry:
    """Reads one JSON object, naming where it came from in every error."""

    def __init__(self, where: str, raw: object) -> None:
        if not isinstance(raw, dict):
            raise CatalogueError(f"{where}: expected an object, got {type(raw).__name__}")
        self.where = where
        self.raw: dict[str, Any] = raw

    def text(self, key: str, *, devanagari: bool = False, default: str | None = None) -> str:
        value = self.raw.get(key, default)
        if not isinstance(value, str) or not value.strip():
            raise CatalogueError(f"{self.where}: {key} is missing or empty (a translation is required)")
        if devanagari and not any("\u0900" <= ch <= "\u097f" for ch in value):
            raise CatalogueError(f"{self.where}: {key} = {value!r} has no Hindi (Devanagari) text")
        return value.strip()

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise CatalogueError(f"{self.where}: {key} must be a list of non-empty strings")
        return tuple(v.strip() for v in value)

    def integer(self, key: str, default: int, low: int, high: int) -> int:
        value = self.raw.get(key, default)
        if type(value) is not int or not low <= value <= high:
            raise CatalogueError(f"{self.where}: {key} = {value!r} must be a whole number {low}…{high}")
        return value

    def choice(self, key: str, allowed: frozenset[str] | type[enum.StrEnum], default: str | None = None) -> str:
        value = self.raw.get(key, default)
        options = {m.value for m in allowed} if isinstance(allowed, type) else set(allowed)
        if value not in options:
            raise CatalogueError(f"{self.where}: {key} = {value!r} must be one of {sorted(options)}")
        return str(value)


def _field(where: str, raw: object) -> FieldSpec:
    entry = _Entry(where, raw)
    low = entry.integer("min_length", 1, 1, 40)
    high = entry.integer("max_length", low, low, 40)
    return FieldSpec(
        id=entry.text("id"),
        label_hi=entry.text("label_hi", devanagari=True),
        label_en=entry.text("label_en"),
        min_length=low,
        max_length=high,
        digits_only=bool(entry.raw.get("digits_only", True)),
        checksum=Checksum(entry.choice("checksum", Checksum, "none")),
    )


def _service(index: int, raw: object, categories: set[str]) -> Service:
    entry = _Entry(f"services[{index}]", raw)
    entry.where = f"services[{index}] ({entry.raw.get('id', '?')})"
    category = entry.text("category")
    if category not in categories:
        raise CatalogueError(f"{entry.where}: category {category!r} is not one of the catalogue's categories")
    flow = FlowKind(entry.choice("flow", FlowKind))
    fields_raw = entry.raw.get("fields", [])
    if not isinstance(fields_raw, list):
        raise CatalogueError(f"{entry.where}: fields must be a list")
    fields = tuple(_field(f"{entry.where}.fields[{i}]", f) for i, f in enumerate(fields_raw))
    if flow not in (FlowKind.INFORMATION, FlowKind.GRIEVANCE, FlowKind.APPLICATION) and not fields:
        raise CatalogueError(f"{entry.where}: a {flow.value} service needs at least one field to enter")
    modes = entry.texts("payment_modes")
    if not set(modes) <= PAYMENT_MODES:
        raise CatalogueError(f"{entry.where}: payment_modes {list(modes)} must be from {sorted(PAYMENT_MODES)}")
    return Service(
        id=entry.text("id"),
        name_hi=entry.text("name_hi", devanagari=True),
        name_en=entry.text("name_en"),
        keywords_hi=entry.texts("keywords_hi"),
        keywords_en=entry.texts("keywords_en"),
        romanised=entry.texts("romanised"),
        category=category,
        icon=entry.choice("icon", ICONS),
        flow=flow,
        fields=fields,
        fee=Money(entry.integer("fee_paise", 0, 0, 1_000_000)),
        payment_modes=modes,
        offline=OfflinePolicy(entry.choice("offline", OfflinePolicy)),
        home_tile=bool(entry.raw.get("home_tile", False)),
        rank=entry.integer("rank", 1000, 0, 1_000_000),
        biller=_biller(entry, flow),
        form=_form(entry, flow),
    )


def _form(entry: _Entry, flow: FlowKind) -> ApplicationForm | None:
    raw = entry.raw.get("application")
    if (flow is FlowKind.APPLICATION) != (raw is not None):
        raise CatalogueError(f"{entry.where}: an application service needs its form (application), no other has one")
    try:
        return None if raw is None else parse_form(entry.where, raw)
    except FormError as exc:
        raise CatalogueError(str(exc)) from None


def _biller(entry: _Entry, flow: FlowKind) -> str:
    biller = entry.raw.get("biller", "")
    if flow is FlowKind.BILL_PAYMENT and not biller:
        raise CatalogueError(f"{entry.where}: a bill_payment service needs its biller code (biller)")
    return str(biller)


SCHEMA_PATH = Path(__file__).parent / "data" / "catalogue.schema.json"


@functools.cache
def _validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _schema_problem(document: object) -> str | None:
    """The first way the document breaks catalogue.schema.json, with where: `services[3] (jvvnl-bill).fee_paise`."""
    error = best_match(_validator().iter_errors(document))
    if error is None:
        return None
    where, node = "", document
    for part in error.absolute_path:
        if isinstance(part, int):
            where += f"[{part}]"
            node = node[part] if isinstance(node, list) else None
            if isinstance(node, dict) and isinstance(node.get("id"), str):
                where += f" ({node['id'][:40]})"
        else:
            where += f".{part}" if where else str(part)
            node = node.get(part) if isinstance(node, dict) else None
    message = error.message if len(error.message) <= 160 else error.message[:157] + "…"
    if error.validator == "required" and isinstance(error.instance, dict):
        missing = next(k for k in error.validator_value if k not in error.instance)
        translation = " (a translation is required)" if missing.endswith(("_hi", "_en")) else ""
        message = f"{missing} is missing{translation}"
    return f"{where or '(top level)'}: {message}"


def parse_catalogue(document: object, *, source: str = "catalogue") -> Catalogue:
    """Validate a whole catalogue document (schema first, then cross-checks); any bad entry rejects all of it."""
    problem = _schema_problem(document)
    if problem is not None:
        raise CatalogueError(f"{source}: {problem}")
    try:
        top = _Entry(source, document)
        version = top.text("version")
        raw_categories = top.raw.get("categories")
        raw_services = top.raw.get("services")
        if not isinstance(raw_categories, list) or not isinstance(raw_services, list) or not raw_services:
            raise CatalogueError(f"{source}: needs a list of categories and a non-empty list of services")
        categories = []
        for i, raw in enumerate(raw_categories):
            cat = _Entry(f"categories[{i}]", raw)
            categories.append(
                Category(
                    cat.text("id"), cat.text("name_hi", devanagari=True), cat.text("name_en"), cat.choice("icon", ICONS)
                )
            )
        ids = {c.id for c in categories}
        services = tuple(_service(i, raw, ids) for i, raw in enumerate(raw_services))
    except CatalogueError as exc:
        raise CatalogueError(f"{source}: {exc}" if not str(exc).startswith(source) else str(exc)) from None
    seen: set[str] = set()
    for service in services:
        if service.id in seen:
            raise CatalogueError(f"{source}: service id {service.id!r} appears twice")
        seen.add(service.id)
    return Catalogue(version, tuple(categories), services)


def load_catalogue(path: Path) -> Catalogue:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise CatalogueError(f"{path}: cannot be read as JSON ({exc})") from None
    return parse_catalogue(document, source=str(path))


class CatalogueHolder:
    """The catalogue in use. A bad update is refused with one clear log line; the last good one stays."""

    def __init__(self, initial: Catalogue) -> None:
        self.current = initial
        self.last_error: str | None = None

    def update_from(self, path: Path) -> bool:
        try:
            candidate = load_catalogue(path)
        except CatalogueError as exc:
            self.last_error = str(exc)
            log.error("catalogue update rejected, keeping version %s: %s", self.current.version, exc)
            return False
        self.current = candidate
        self.last_error = None
        log.info("catalogue version %s loaded (%d services)", candidate.version, len(candidate.services))
        return True
