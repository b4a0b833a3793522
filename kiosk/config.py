"""The kiosk's one TOML config file: identity, hours, business rules, server and devices — validated on load."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kiosk.hours import WEEKDAYS, OperatingHours, Span, parse_span
from kiosk.money import Money, MoneyError

DEVICE_KINDS = (
    "cash",
    "printer",
    "document_printer",
    "biometric",
    "scanner",
    "qr",
    "gps",
    "payment_terminal",
    "camera",
)


class ConfigError(ValueError):
    """A config file that cannot be used; the message names the file, the key, the value and what was expected."""

    def __init__(self, source: str, key: str, value: object, expected: str) -> None:
        shown = "(missing)" if value is _MISSING else repr(value)
        super().__init__(f"{source}: {key} = {shown}: expected {expected}")
        self.source = source
        self.key = key
        self.expected = expected


_MISSING = object()


@dataclass(frozen=True, slots=True)
class Identity:
    kiosk_code: str
    centre_name_hi: str
    centre_name_en: str
    district: str
    block: str
    gram_panchayat: str
    nodal_officer: str
    helpline: str


@dataclass(frozen=True, slots=True)
class BusinessRules:
    overpay_tolerance: Money = Money(0)
    max_cash_per_transaction: Money = Money.rupees(49_999)
    idle_timeout_s: int = 90
    stop_cash_when_printer_unavailable: bool = True
    receipt_reprint_days: int = 30
    opening_float: Money = Money(0)


@dataclass(frozen=True, slots=True)
class ServerConfig:
    url: str = ""
    timeout_s: float = 10.0


DEMO_AGENT_ID = "AGT-DEMO-0001"


@dataclass(frozen=True, slots=True)
class BbpsConfig:
    """The BBPOU (Bharat BillPay operating unit) this kiosk pays bills through; url "" = the central server."""

    enabled: bool = True
    url: str = ""
    agent_id: str = DEMO_AGENT_ID  # the agent institution's id for this kiosk, issued by the BBPOU


@dataclass(frozen=True, slots=True)
class Accessibility:
    """The centre's defaults for spoken prompts; the villager may change volume and rate for one session."""

    speech: bool = True
    volume: int = 80  # percent
    rate: str = "normal"  # slow | normal | fast
    audio_dir: Path | None = None  # the prompt audio cache; None: next to the database


SPEECH_RATES = ("slow", "normal", "fast")


@dataclass(frozen=True, slots=True)
class DeviceConfig:
    kind: str
    driver: str
    params: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class KioskConfig:
    identity: Identity
    hours: OperatingHours
    rules: BusinessRules
    server: ServerConfig
    database: Path
    language: str = "hi"
    devices: Mapping[str, DeviceConfig] = field(default_factory=dict)
    accessibility: Accessibility = field(default_factory=Accessibility)
    # The file's [agent] table as written: the sync agent validates it (sync/settings.py) from this object, so the
    # file is read once and every error names the same source.
    agent: Mapping[str, Any] = field(default_factory=dict)
    source: str = "config"  # the file (or what stood in for one) errors name
    base_dir: Path | None = None  # relative paths in the file are relative to its folder
    payments: PaymentsConfig = field(default_factory=lambda: PaymentsConfig())
    bbps: BbpsConfig = field(default_factory=BbpsConfig)


RAILS = ("upi", "card", "aadhaar_pay")  # kiosk.payments.port.Rail's values


@dataclass(frozen=True, slots=True)
class PaymentsConfig:
    """[payments]: which payment rails this kiosk offers besides cash, and the UPI payee (the merchant's VPA)."""

    rails: tuple[str, ...] = ()
    upi_payee_vpa: str = ""
    upi_payee_name: str = ""


class _Section:
    """Reads one TOML table, remembering which keys were used so unknown ones can be reported."""

    def __init__(self, source: str, name: str, table: object) -> None:
        if not isinstance(table, dict):
            raise ConfigError(source, f"[{name}]", table, "a table")
        self.source, self.name, self.table = source, name, table
        self.used: set[str] = set()

    def key(self, key: str) -> str:
        return f"[{self.name}].{key}"

    def _get(self, key: str, default: object) -> object:
        self.used.add(key)
        value = self.table.get(key, default)
        if value is _MISSING:
            raise ConfigError(self.source, self.key(key), _MISSING, "a value (this key is required)")
        return value

    def text(self, key: str, default: object = _MISSING, *, non_empty: bool = True) -> str:
        value = self._get(key, default)
        if not isinstance(value, str) or (non_empty and not value.strip()):
            raise ConfigError(self.source, self.key(key), value, "a non-empty string")
        return value

    def integer(self, key: str, default: object = _MISSING, *, low: int = 0, high: int = 10**9) -> int:
        value = self._get(key, default)
        if type(value) is not int or not low <= value <= high:
            raise ConfigError(self.source, self.key(key), value, f"a whole number from {low} to {high}")
        return value

    def number(self, key: str, default: object = _MISSING, *, low: float = 0.0, high: float = 1e9) -> float:
        value = self._get(key, default)
        if type(value) not in (int, float) or not low <= float(value) <= high:  # type: ignore[arg-type]
            raise ConfigError(self.source, self.key(key), value, f"a number from {low} to {high}")
        return float(value)  # type: ignore[arg-type]

    def flag(self, key: str, default: object = _MISSING) -> bool:
        value = self._get(key, default)
        if type(value) is not bool:
            raise ConfigError(self.source, self.key(key), value, "true or false")
        return value

    def money(self, key: str, default: object = _MISSING) -> Money:
        value = self._get(key, default)
        if isinstance(value, Money):
            return value
        if not isinstance(value, str):
            raise ConfigError(self.source, self.key(key), value, 'rupees as a quoted string, e.g. "10.00"')
        try:
            return Money.parse(value)
        except MoneyError:
            expected = 'rupees with at most two decimals, e.g. "10.00"'
            raise ConfigError(self.source, self.key(key), value, expected) from None

    def finish(self) -> None:
        unknown = sorted(set(self.table) - self.used)
        if unknown:
            raise ConfigError(self.source, self.key(unknown[0]), self.table[unknown[0]], "no such key (unknown key)")


def load_config(path: Path) -> KioskConfig:
    """Load and validate the config file; raises ConfigError naming what was wrong, and where."""
    source = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(source, "(file)", _MISSING, f"a readable file ({exc.strerror})") from None
    try:
        document = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(source, "(file)", "(binary data)", "UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(source, "(syntax)", str(exc), "valid TOML") from None
    return parse_config(document, source=source, base_dir=path.parent)


def parse_config(document: Mapping[str, Any], *, source: str = "config", base_dir: Path | None = None) -> KioskConfig:
    top = _Section(source, "top level", dict(document))
    kiosk = _Section(source, "kiosk", top._get("kiosk", _MISSING))
    identity = Identity(
        kiosk_code=kiosk.text("code"),
        centre_name_hi=kiosk.text("centre_name_hi"),
        centre_name_en=kiosk.text("centre_name_en"),
        district=kiosk.text("district"),
        block=kiosk.text("block"),
        gram_panchayat=kiosk.text("gram_panchayat"),
        nodal_officer=kiosk.text("nodal_officer"),
        helpline=kiosk.text("helpline"),
    )
    language = kiosk.text("language", "hi")
    if language not in ("hi", "en"):
        raise ConfigError(source, "[kiosk].language", language, "'hi' or 'en'")
    database_text = kiosk.text("database", "kiosk.db")
    kiosk.finish()

    hours = _parse_hours(_Section(source, "hours", top._get("hours", _MISSING)))
    rules_section = _Section(source, "rules", top._get("rules", {}))
    defaults = BusinessRules()
    rules = BusinessRules(
        overpay_tolerance=rules_section.money("overpay_tolerance", defaults.overpay_tolerance),
        max_cash_per_transaction=rules_section.money("max_cash_per_transaction", defaults.max_cash_per_transaction),
        idle_timeout_s=rules_section.integer("idle_timeout_s", defaults.idle_timeout_s, low=10, high=3600),
        stop_cash_when_printer_unavailable=rules_section.flag(
            "stop_cash_when_printer_unavailable", defaults.stop_cash_when_printer_unavailable
        ),
        receipt_reprint_days=rules_section.integer("receipt_reprint_days", defaults.receipt_reprint_days, high=3650),
        opening_float=rules_section.money("opening_float", defaults.opening_float),
    )
    rules_section.finish()

    server_section = _Section(source, "server", top._get("server", {}))
    server = ServerConfig(
        url=server_section.text("url", "", non_empty=False),
        timeout_s=server_section.number("timeout_s", 10.0, low=0.1, high=600.0),
    )
    if server.url and not server.url.startswith(("http://", "https://")):
        raise ConfigError(source, "[server].url", server.url, "an http:// or https:// address")
    server_section.finish()

    devices = _parse_devices(source, top._get("devices", {}))
    accessibility = _parse_accessibility(_Section(source, "accessibility", top._get("accessibility", {})), base_dir)
    bbps = _parse_bbps(_Section(source, "bbps", top._get("bbps", {})))
    payments = _parse_payments(_Section(source, "payments", top._get("payments", {})))
    # [agent] belongs to the sync agent (sync/settings.py validates it); the touch app only carries it.
    agent = top._get("agent", {})
    if not isinstance(agent, dict):
        raise ConfigError(source, "[agent]", agent, "a table")
    top.finish()
    database = Path(database_text)
    if not database.is_absolute() and base_dir is not None:
        database = base_dir / database
    return KioskConfig(
        identity,
        hours,
        rules,
        server,
        database,
        language,
        devices,
        accessibility,
        agent,
        source,
        base_dir,
        payments,
        bbps,
    )


def _parse_bbps(section: _Section) -> BbpsConfig:
    bbps = BbpsConfig(
        enabled=section.flag("enabled", True),
        url=section.text("url", "", non_empty=False),
        agent_id=section.text("agent_id", DEMO_AGENT_ID),
    )
    if bbps.url and not bbps.url.startswith(("http://", "https://")):
        raise ConfigError(section.source, "[bbps].url", bbps.url, "an http:// or https:// address")
    if not (bbps.agent_id.isascii() and bbps.agent_id.replace("-", "").isalnum() and len(bbps.agent_id) <= 40):
        raise ConfigError(section.source, "[bbps].agent_id", bbps.agent_id, "letters, digits and '-' (40 at most)")
    section.finish()
    return bbps


def _parse_payments(section: _Section) -> PaymentsConfig:
    rails = section._get("rails", [])
    if not isinstance(rails, list) or any(r not in RAILS for r in rails) or len(set(rails)) != len(rails):
        raise ConfigError(section.source, section.key("rails"), rails, f"a list of distinct rails from {list(RAILS)}")
    vpa = section.text("upi_payee_vpa", "", non_empty=False)
    name = section.text("upi_payee_name", "", non_empty=False)
    if "upi" in rails:
        if "@" not in vpa or not 4 <= len(vpa) <= 100 or any(c.isspace() for c in vpa):
            raise ConfigError(section.source, section.key("upi_payee_vpa"), vpa, "the payee's UPI address, name@bank")
        if not 1 <= len(name.strip()) <= 50:
            raise ConfigError(section.source, section.key("upi_payee_name"), name, "the payee's name, 1-50 characters")
    section.finish()
    return PaymentsConfig(tuple(rails), vpa, name)


def _parse_accessibility(section: _Section, base_dir: Path | None) -> Accessibility:
    defaults = Accessibility()
    rate = section.text("rate", defaults.rate)
    if rate not in SPEECH_RATES:
        raise ConfigError(section.source, section.key("rate"), rate, "one of " + ", ".join(SPEECH_RATES))
    audio_text = section.text("audio_dir", "", non_empty=False)
    audio_dir = Path(audio_text) if audio_text else None
    if audio_dir is not None and not audio_dir.is_absolute() and base_dir is not None:
        audio_dir = base_dir / audio_dir
    found = Accessibility(
        speech=section.flag("speech", defaults.speech),
        volume=section.integer("volume", defaults.volume, low=0, high=100),
        rate=rate,
        audio_dir=audio_dir,
    )
    section.finish()
    return found


def _parse_hours(section: _Section) -> OperatingHours:
    weekly: dict[str, Span | None] = {}
    for day in WEEKDAYS:
        text = section.text(day)
        try:
            weekly[day] = parse_span(text)
        except ValueError as exc:
            raise ConfigError(section.source, section.key(day), text, str(exc)) from None
    holidays: set[date] = set()
    raw_holidays = section._get("holidays", [])
    if not isinstance(raw_holidays, list):
        raise ConfigError(section.source, section.key("holidays"), raw_holidays, "a list of dates")
    for item in raw_holidays:
        if isinstance(item, date):
            holidays.add(item)
            continue
        try:
            holidays.add(date.fromisoformat(str(item)))
        except ValueError:
            raise ConfigError(section.source, section.key("holidays"), item, "dates like 2026-01-26") from None
    section.finish()
    return OperatingHours(weekly, frozenset(holidays))


def _parse_devices(source: str, table: object) -> dict[str, DeviceConfig]:
    if not isinstance(table, dict):
        raise ConfigError(source, "[devices]", table, "a table of device sections")
    devices: dict[str, DeviceConfig] = {}
    for kind, body in table.items():
        if kind not in DEVICE_KINDS:
            raise ConfigError(source, f"[devices.{kind}]", kind, f"one of {', '.join(DEVICE_KINDS)}")
        if not isinstance(body, dict):
            raise ConfigError(source, f"[devices.{kind}]", body, "a table")
        driver = body.get("driver", _MISSING)
        if not isinstance(driver, str) or not driver.strip():
            raise ConfigError(source, f"[devices.{kind}].driver", driver, 'the driver\'s name, e.g. "ssp"')
        params = {k: v for k, v in body.items() if k != "driver"}
        devices[kind] = DeviceConfig(kind, driver, params)
    return devices
