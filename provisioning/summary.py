"""Provisioning's final summary: the `kiosk.provisioned` event for the server and the printed receipt (Hindi + English).

The event's payload is documented in sync/README.md ("Events the dashboard reads"): the dashboard takes the kiosk's
identity from it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from kiosk.clock import to_ist
from kiosk.receipt import Align, Line, Pair, ReceiptLayout, Rule, Size

EVENT = "kiosk.provisioned"
DIGEST_KEY = "provisioned_digest"  # meta: digest of the last payload sent, so a re-run sends nothing new
KIND_NAMES = {
    "cash": ("नोट स्वीकारक", "Note acceptor"),
    "printer": ("रसीद प्रिंटर", "Receipt printer"),
    "document_printer": ("A4 प्रिंटर", "A4 printer"),
    "biometric": ("फिंगरप्रिंट रीडर", "Fingerprint reader"),
    "scanner": ("स्कैनर", "Scanner"),
    "qr": ("क्यूआर स्कैनर", "QR scanner"),
    "gps": ("जीपीएस", "GPS receiver"),
}
DAYS = (("mon", "सोम", "Mon"), ("tue", "मंगल", "Tue"), ("wed", "बुध", "Wed"), ("thu", "गुरु", "Thu"),
        ("fri", "शुक्र", "Fri"), ("sat", "शनि", "Sat"), ("sun", "रवि", "Sun"))  # fmt: skip


def software_version() -> str:
    try:
        return version("emitra-kiosk")
    except PackageNotFoundError:
        return "unknown"


def payload(
    *,
    identity: Mapping[str, str],
    hours: Mapping[str, Any],
    kiosk_id: str,
    engineer: str,
    geo_tag: Mapping[str, Any] | None,
    geotag_how: str,
    devices: Mapping[str, Mapping[str, Any]],
    self_test: Mapping[str, Mapping[str, Any]],
) -> dict[str, Any]:
    """What the server keeps about this machine (no times in it: a re-run with the same facts is the same payload)."""
    return {
        "kiosk_id": kiosk_id,
        "identity": dict(identity),
        "hours": dict(hours),
        "position": {**dict(geo_tag), "how": geotag_how} if geo_tag else None,
        "devices": {kind: dict(section) for kind, section in sorted(devices.items())},
        "self_test": {kind: dict(result) for kind, result in sorted(self_test.items())},
        "engineer": engineer,
        "software": software_version(),
    }


def digest(document: Mapping[str, Any]) -> str:
    return hashlib.sha256(json.dumps(document, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _hours_lines(hours: Mapping[str, Any]) -> list[Line]:
    groups: list[tuple[list[tuple[str, str]], str]] = []
    for key, hindi, english in DAYS:
        value = str(hours.get(key, "closed"))
        if groups and groups[-1][1] == value:
            groups[-1][0].append((hindi, english))
        else:
            groups.append(([(hindi, english)], value))
    lines = []
    for days, value in groups:
        hindi = days[0][0] if len(days) == 1 else f"{days[0][0]}–{days[-1][0]}"
        english = days[0][1] if len(days) == 1 else f"{days[0][1]}–{days[-1][1]}"
        shown = "बंद / closed" if value == "closed" else value
        lines.append(Line(f"{hindi} / {english}: {shown}", Size.SMALL))
    return lines


def receipt(
    document: Mapping[str, Any], *, printed_at: datetime, event_seq: int | None, server_url: str
) -> ReceiptLayout:
    identity = document["identity"]
    when = to_ist(printed_at)
    blocks: list[Any] = [
        Line("ई-मित्र प्लस", Size.LARGE, bold=True, align=Align.CENTER),
        Line("स्थापना सारांश / Provisioning summary", bold=True, align=Align.CENTER),
        Line(identity.get("centre_name_hi", ""), align=Align.CENTER),
        Line(identity.get("centre_name_en", ""), Size.SMALL, align=Align.CENTER),
        Rule(),
        Pair("कियोस्क / Kiosk", identity.get("code", "")),
        Line(f"सर्वर आईडी / Server id: {document.get('kiosk_id', '')}", Size.SMALL),
        Pair("ज़िला / District", identity.get("district", "")),
        Pair("ब्लॉक / Block", identity.get("block", "")),
        Pair("ग्राम पंचायत / GP", identity.get("gram_panchayat", "")),
        Line(f"नोडल अधिकारी / Nodal officer: {identity.get('nodal_officer', '')}", Size.SMALL),
        Pair("हेल्पलाइन / Helpline", identity.get("helpline", "")),
        Line("खुलने का समय / Opening hours", bold=True),
        *_hours_lines(document.get("hours", {})),
        Rule(),
    ]
    position = document.get("position")
    if position:
        source = "जीपीएस / GPS" if position.get("source") == "gps" else "हाथ से / manual"
        accuracy = f" ±{position['accuracy_m']:g} m" if position.get("accuracy_m") else ""
        blocks += [
            Line("स्थान / Position", bold=True),
            Line(f"{position['lat']:.5f}, {position['lon']:.5f} ({source}{accuracy})"),
        ]
        if position.get("source") != "gps" and position.get("how"):
            blocks.append(Line(str(position["how"]), Size.SMALL))
    blocks += [Rule(), Line("उपकरण जाँच / Device self-test", bold=True)]
    results = document.get("self_test", {})
    for kind in document.get("devices", {}):
        hindi, english = KIND_NAMES.get(kind, (kind, kind))
        passed = results.get(kind, {}).get("passed")
        verdict = "ठीक / PASS" if passed else "विफल / FAIL" if passed is False else "—"
        blocks.append(Line(f"{hindi} / {english}: {verdict}"))
    if not document.get("devices"):
        blocks.append(Line("कोई उपकरण नहीं / no devices"))
    sent = f"घटना / event #{event_seq}" if event_seq is not None else "पहले भेजा / sent before"
    blocks += [
        Rule(),
        Pair("इंजीनियर / Engineer", str(document.get("engineer", ""))),
        Pair("समय / Time", when.strftime("%d-%m-%Y %H:%M IST")),
        Pair("सर्वर को / To server", sent),
        Line(server_url, Size.SMALL),
    ]
    code = identity.get("code", "")
    return ReceiptLayout(0, f"provision-{code}", server_url, tuple(blocks))
