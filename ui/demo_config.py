"""The demo's config file: the same TOML schema `kiosk --config` reads, naming the emulator-backed drivers."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import tomli_w


def demo_config_document(
    workdir: Path, *, server_url: str = "", devices: Mapping[str, Mapping[str, Any]] | None = None
) -> dict[str, Any]:
    """A Sanganer centre open on weekdays, its database in `workdir`; with `server_url` and `devices`, a complete
    field config (the demo writes it, `kiosk.config.load_config` reads it back)."""
    document: dict[str, Any] = {
        "kiosk": {
            "code": "RJ-JP-SAN-0001",
            "centre_name_hi": "ई-मित्र प्लस, ग्राम पंचायत सांगानेर",
            "centre_name_en": "e-Mitra Plus, Gram Panchayat Sanganer",
            "district": "Jaipur",
            "block": "Sanganer",
            "gram_panchayat": "Sanganer",
            "nodal_officer": "Smt. Kavita Sharma, 94140 12345",
            "helpline": "181",
            "database": str(workdir / "kiosk.db"),
        },
        "hours": {
            "mon": "09:00-18:00",
            "tue": "09:00-18:00",
            "wed": "09:00-18:00",
            "thu": "09:00-18:00",
            "fri": "09:00-18:00",
            "sat": "09:00-13:00",
            "sun": "closed",
        },
    }
    if server_url:
        document["server"] = {"url": server_url, "timeout_s": 5.0}
        document["agent"] = {
            "key_file": str(workdir / "kiosk-agent.key"),
            "catalogue_file": str(workdir / "catalogue.json"),
            "config_file": str(workdir / "fleet-config.json"),
        }
        # UPI is offered once the demo talks to its server, whose PSP emulator plays the villager's UPI app; card
        # when the bench has a terminal (its emulator plays the card holder); Aadhaar Pay through the server's AePS
        # switch, once the tour has done the operator's daily two-factor login.
        card = ["card"] if devices and "payment_terminal" in devices else []
        rails = ["upi", *card, "aadhaar_pay"]
        document["payments"] = {
            "rails": rails, "upi_payee_vpa": "emitra.sanganer@sbi", "upi_payee_name": "e-Mitra Sanganer"
        }  # fmt: skip
    if devices:
        document["devices"] = {kind: dict(section) for kind, section in devices.items()}
    return document


def write_demo_config(path: Path, document: Mapping[str, Any]) -> Path:
    """Write the document as the TOML file the field's loader reads."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("# Written by `kiosk --demo`: the field's schema, pointed at device emulators.\n"
                    + tomli_w.dumps(dict(document)), encoding="utf-8")  # fmt: skip
    return path
