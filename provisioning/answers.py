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
    "code": ("कियोस्क कोड", "Kiosk code (e.g. RJ-JPR-BSS-0001)"),
    "centre_name_hi": ("केंद्र का नाम (हिंदी)", "Centre name in Hindi"),
    "centre_name_en": ("केंद्र का नाम (अंग्रेज़ी)", "Centre name in English"),
    "district": ("ज़िला", "District"),
    "block": ("ब्लॉक / पंचायत समिति", "Block"),
    "gram_panchayat": ("ग्राम पंचायत", "Gram panchayat"),
    "nodal_officer": ("नोडल अधिकारी", "Nodal officer"),
    "helpline": ("हेल्पलाइन नंबर", "Helpline number"),
    "engineer": ("इंजीनियर आईडी", "Engineer id"),
    "geotag": ("अक्षांश, देशांतर (GPS न हो तो)", "Latitude, longitude (when there is no GPS)"),
}


class AnswersError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Answers:
    identity: dict[str, str]
    hours: dict[str, Any]
    engineer: str
    server_url: str
    enrolment_token: str
    geotag: str  # manual "lat, lon"; empty when the GPS is to be used
    rules: dict[str, Any]
    devices: dict[str, Any]
    agent: dict[str, Any]  # passed through to the sync agent's [agent] table (sync/settings.py checks it)

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
    known = {"identity", "hours", "engineer", "server", "geotag", "rules", "devices", "agent"}
    unknown = sorted(set(document) - known)
    if unknown:
        raise AnswersError(f"{source}: [{unknown[0]}] is not a known section (known: {', '.join(sorted(known))})")
    identity = _table(document, "identity", source)
    server = _table(document, "server", source)
    engineer = _table(document, "engineer", source)
    answers = Answers(
        identity={k: str(identity.get(k, "")) for k in IDENTITY_KEYS},
        hours=_table(document, "hours", source),
        engineer=_text(engineer, "id", f"{source}: [engineer].id"),
        server_url=_text(server, "url", f"{source}: [server].url"),
        enrolment_token=_text(server, "token", f"{source}: [server].token"),
        geotag=str(_table(document, "geotag", source, required=False).get("manual", "")),
        rules=_table(document, "rules", source, required=False),
        devices=_table(document, "devices", source, required=False),
        agent=_table(document, "agent", source, required=False),
    )
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
