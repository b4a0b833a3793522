"""The provisioning answers: what the engineer types at the prompts, or puts in `--answers FILE.toml`."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.config import ConfigError, parse_config

IDENTITY_KEYS = (
    "code",
    "centre_name_hi",
    "centre_name_en",
    "district",
    "block",
    "gram_panchayat",
    "nodal_officer",
    "helpline",
)
# What each prompt asks, in Hindi and English (interactive mode shows both).
PROMPTS: dict[str, tuple[str, str]] = {
    "code": ("कियोस्क कोड (जैसे RJ-JPR-BSS-0001)", "Kiosk code (e.g. RJ-JPR-BSS-0001)"),
    "centre_name_hi": ("केंद्र का नाम (हिंदी)", "Centre name in Hindi"),
    "centre_name_en": ("केंद्र का नाम (अंग्रेज़ी)", "Centre name in English"),
    "district": ("ज़िला", "District"),
    "block": ("ब्लॉक / पंचायत समिति", "Block"),
    "gram_panchayat": ("ग्राम पंचायत", "Gram panchayat"),
    "nodal_officer": ("नोडल अधिकारी", "Nodal officer"),
    "helpline": ("हेल्पलाइन नंबर", "Helpline number"),
    "engineer": ("आपकी इंजीनियर आईडी", "Your engineer id"),
    "geotag": ("अक्षांश, देशांतर (जैसे 26.9124, 75.7873)", "Latitude, longitude (e.g. 26.9124, 75.7873)"),
}


DETECTABLE = ("cash", "printer", "gps", "biometric")
# Without [detect].required, a kiosk must have what the touch app refuses to start without (ui/realmode.py):
# the note acceptor, the receipt printer and the fingerprint reader's RD service.
DEFAULT_REQUIRED = ("cash", "printer", "biometric")


class AnswersError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Answers:
    identity: dict[str, str]
    hours: dict[str, Any]
    engineer: str
    server_url: str
    enrolment_token: str
    geotag: str  # manual "lat, lon": used only when there is no GPS receiver or it gives no fix
    rules: dict[str, Any]
    devices: dict[str, Any]  # explicit [devices.<kind>] sections: they win over detection
    agent: dict[str, Any]  # passed through to the sync agent's [agent] table (sync/settings.py checks it)
    required: tuple[str, ...] = DEFAULT_REQUIRED  # [detect].required: kinds that must be found
    biometric_ports: tuple[int, int] = (11100, 11120)  # [detect].biometric_ports: the RD service's range
    gps_wait_s: float = 60.0  # [geotag].gps_wait_s: how long to wait for a good fix
    gps_max_accuracy_m: float = 50.0  # [geotag].max_accuracy_m: a worse fix is not good enough to register

    def config_document(self, database: Path) -> dict[str, Any]:
        """The kiosk.toml this provisioning writes."""
        document: dict[str, Any] = {
            "kiosk": {**self.identity, "database": str(database)},
            "hours": self.hours,
            "rules": self.rules,
            "server": {"url": self.server_url},
        }
        if self.devices:
            document["devices"] = self.devices
        if self.agent:
            document["agent"] = self.agent
        return document


def load_answers(path: Path) -> Answers:
    source = str(path)
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise AnswersError(f"{source}: cannot read the answers file ({exc.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise AnswersError(f"{source}: not valid TOML ({exc})") from None
    return parse_answers(document, source)


def parse_answers(document: dict[str, Any], source: str = "answers") -> Answers:
    known = {"identity", "hours", "engineer", "server", "geotag", "rules", "devices", "agent", "detect"}
    unknown = sorted(set(document) - known)
    if unknown:
        raise AnswersError(f"{source}: [{unknown[0]}] is not a known section (known: {', '.join(sorted(known))})")
    identity = _table(document, "identity", source)
    server = _table(document, "server", source)
    engineer = _table(document, "engineer", source)
    geotag = _table(document, "geotag", source, required=False)
    detect = _table(document, "detect", source, required=False)
    answers = Answers(
        identity={k: str(identity.get(k, "")) for k in IDENTITY_KEYS},
        hours=_table(document, "hours", source),
        engineer=_text(engineer, "id", f"{source}: [engineer].id"),
        server_url=_text(server, "url", f"{source}: [server].url"),
        enrolment_token=_text(server, "token", f"{source}: [server].token"),
        geotag=str(geotag.get("manual", "")),
        rules=_table(document, "rules", source, required=False),
        devices=_table(document, "devices", source, required=False),
        agent=_table(document, "agent", source, required=False),
        required=_kinds(detect, f"{source}: [detect].required"),
        biometric_ports=_port_range(detect, f"{source}: [detect].biometric_ports"),
        gps_wait_s=_number(geotag, "gps_wait_s", 60.0, (0.0, 600.0), f"{source}: [geotag].gps_wait_s"),
        gps_max_accuracy_m=_number(geotag, "max_accuracy_m", 50.0, (1.0, 1000.0), f"{source}: [geotag].max_accuracy_m"),
    )
    for table, name, allowed in (
        (geotag, "geotag", {"manual", "gps_wait_s", "max_accuracy_m"}),
        (detect, "detect", {"required", "biometric_ports"}),
    ):
        odd = sorted(set(table) - allowed)
        if odd:
            raise AnswersError(f"{source}: [{name}].{odd[0]} is not a known key (known: {', '.join(sorted(allowed))})")
    extra = sorted(set(identity) - set(IDENTITY_KEYS))
    if extra:
        raise AnswersError(f"{source}: [identity].{extra[0]} is not a known key")
    # The same validation the kiosk applies at start-up, so a bad answer fails here and not on the first boot.
    try:
        parse_config(answers.config_document(Path("kiosk.db")), source=source)
    except ConfigError as exc:
        raise AnswersError(str(exc).replace("[kiosk]", "[identity]")) from None
    return answers


def _table(document: dict[str, Any], name: str, source: str, *, required: bool = True) -> dict[str, Any]:
    value = document.get(name)
    if value is None and not required:
        return {}
    if not isinstance(value, dict):
        raise AnswersError(f"{source}: [{name}] is missing or not a table")
    return value


def _text(table: dict[str, Any], key: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise AnswersError(f"{where} is missing: expected a non-empty string")
    return value.strip()


def _kinds(table: dict[str, Any], where: str) -> tuple[str, ...]:
    value = table.get("required", list(DEFAULT_REQUIRED))
    if not isinstance(value, list) or not all(isinstance(v, str) and v in DETECTABLE for v in value):
        raise AnswersError(f"{where}: expected a list of device kinds from {', '.join(DETECTABLE)}, got {value!r}")
    return tuple(value)


def _port_range(table: dict[str, Any], where: str) -> tuple[int, int]:
    value = table.get("biometric_ports", [11100, 11120])
    ok = isinstance(value, list) and len(value) == 2 and all(type(v) is int for v in value)
    if not ok or not 1 <= value[0] <= value[1] <= 65535:
        raise AnswersError(f"{where}: expected [first, last] TCP ports, e.g. [11100, 11120], got {value!r}")
    return value[0], value[1]


def _number(table: dict[str, Any], key: str, default: float, bounds: tuple[float, float], where: str) -> float:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not bounds[0] <= value <= bounds[1]:
        raise AnswersError(f"{where}: expected a number from {bounds[0]:g} to {bounds[1]:g}, got {value!r}")
    return float(value)
