"""The reference server's certificates: an issued application's certificate as a one-page A4 PDF, Hindi and
English, with the verification details a clerk would look for. The real department systems issue their own PDFs;
this one is shaped like them so the kiosk's download-and-print path is exercised end to end."""

from __future__ import annotations

import functools
import io
import multiprocessing
import os
import secrets
import threading
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import fontpkg_noto_sans
import fontpkg_noto_sans_devanagari
from PIL import Image, ImageDraw, ImageFont

from server.db import Tx
from sync.protocol.locker import PUSH_PATH, PushRequest, locker_headers

DEVANAGARI = f"{fontpkg_noto_sans_devanagari.ROOT}/files/NotoSansDevanagari[wdth,wght].ttf"
LATIN = f"{fontpkg_noto_sans.ROOT}/files/NotoSans[wdth,wght].ttf"
SERVICES = {
    "caste_certificate": ("जाति प्रमाण-पत्र", "Caste certificate"),
    "income_certificate": ("आय प्रमाण-पत्र", "Income certificate"),
    "domicile_certificate": ("मूल निवास प्रमाण-पत्र", "Domicile certificate"),
    "birth_certificate": ("जन्म प्रमाण-पत्र", "Birth certificate"),
}
A4_150_DPI = (1240, 1754)
MAX_PDF_BYTES = 2_000_000
ISSUER = "in.gov.rajasthan.emitra"  # this issuer's id at the locker: the first part of every URI it pushes
# One core is left to answer requests while certificates render, and renders run at a lower priority (nice):
# a heartbeat or a page never waits behind a PDF for the CPU.
RENDER_WORKERS = max(1, (os.cpu_count() or 2) - 1)
RENDER_NICENESS = 19


class NotIssued(Exception):
    """The application exists but no certificate has been issued for it yet."""


def _font(path: str, size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    loaded = ImageFont.truetype(path, size, layout_engine=ImageFont.Layout.RAQM)
    wanted = {b"Weight": 700.0 if bold else 400.0, b"Width": 100.0}
    axes = loaded.get_variation_axes()
    names = [a["name"].replace(b"\x00", b"") if isinstance(a["name"], bytes) else str(a["name"]).encode() for a in axes]
    loaded.set_variation_by_axes([wanted.get(n, float(a["default"] or 0)) for n, a in zip(names, axes, strict=True)])
    return loaded


def issued(tx: Tx, number: str) -> tuple[str, str, str] | None:
    """(service, applicant, issued on) of a delivered application; None: no such application; NotIssued: not yet."""
    row = tx.one(
        "SELECT service, status, updated_at, applicant_name FROM applications WHERE application_no = ?", (number,)
    )
    if row is None:
        return None
    service, status, updated_at, applicant = (str(v) for v in row)
    if status != "delivered":
        raise NotIssued(f"application {number} is {status}: no certificate has been issued yet")
    return service, applicant, updated_at[:10]


def certificate_pdf(tx: Tx, number: str) -> bytes | None:
    """None: no such application. Raises NotIssued when it is not (yet) delivered."""
    facts = issued(tx, number)
    return None if facts is None else rendered(number, *facts)


_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


@functools.lru_cache(maxsize=32)  # ~110 KB each; an issued certificate never changes, and links are opened twice
def rendered(number: str, service: str, applicant: str, issued_on: str) -> bytes:
    """Render in worker processes: drawing text holds the GIL for ~0.2 s a page, so eight renders on threads of
    the server process starve every other request (a heartbeat waited seconds); a process pool does not."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ProcessPoolExecutor(
                RENDER_WORKERS, mp_context=multiprocessing.get_context("spawn"), initializer=os.nice,
                initargs=(RENDER_NICENESS,),
            )  # fmt: skip
    return _pool.submit(render, number, service, applicant, issued_on).result(timeout=120)


def render(number: str, service: str, applicant: str, issued_on: str) -> bytes:
    title_hi, title_en = SERVICES.get(service, ("प्रमाण-पत्र", "Certificate"))
    page = Image.new("L", A4_150_DPI, 255)
    draw = ImageDraw.Draw(page)
    hindi, latin = _font(DEVANAGARI, 34), _font(LATIN, 30)
    lines: list[tuple[str, Any, int]] = [
        ("राजस्थान सरकार", _font(DEVANAGARI, 44, bold=True), 150),
        ("Government of Rajasthan", _font(LATIN, 38, bold=True), 215),
        (title_hi, _font(DEVANAGARI, 56, bold=True), 330),
        (title_en, _font(LATIN, 46, bold=True), 410),
        (f"प्रमाणित किया जाता है कि {applicant}", hindi, 560),
        (f"This is to certify that {applicant}", latin, 620),
        ("का आवेदन स्वीकृत कर यह प्रमाण-पत्र जारी किया गया है।", hindi, 680),
        ("has been issued this certificate on approval of the application.", latin, 740),
        (f"आवेदन संख्या / Application no.: {number}", hindi, 880),
        (f"जारी / Issued on: {issued_on}", hindi, 940),
        ("ई-मित्र प्लस कियोस्क से मुद्रित / Printed at an e-Mitra Plus kiosk", _font(DEVANAGARI, 26), 1600),
    ]
    for text, font, y in lines:
        width = draw.textlength(text, font=font)
        draw.text(((A4_150_DPI[0] - width) / 2, y), text, font=font, fill=0)
    draw.rectangle((60, 60, A4_150_DPI[0] - 60, A4_150_DPI[1] - 60), outline=0, width=6)
    out = io.BytesIO()
    page.save(out, "PDF", resolution=150.0, title=f"{title_en} {number}")
    return out.getvalue()


# -- the issuer's side of the locker (server/locker.py plays the locker): push by URI ---------------------------
LOCKER_DOC_TYPES = {
    "caste_certificate": "CSTCR", "income_certificate": "INCCR", "domicile_certificate": "DOMCR",
    "birth_certificate": "BTHCR",
}  # fmt: skip


def locker_push(tx: Tx, number: str, account: str) -> PushRequest | None:
    """What the issuer pushes for an issued certificate: its URI and the locker's line about it. None: no such
    application; NotIssued: not yet issued."""
    facts = issued(tx, number)
    if facts is None:
        return None
    service, _, issued_on = facts
    doc_type = LOCKER_DOC_TYPES.get(service, "CERTF")
    name = SERVICES.get(service, ("प्रमाण-पत्र", "Certificate"))[1]
    return PushRequest(
        account=account, uri=f"{ISSUER}-{doc_type}-{number}", doc_type=doc_type, name=name, issued_on=issued_on
    )


def signed_push(secret: bytes, push: PushRequest, now_s: int) -> tuple[dict[str, str], bytes]:
    """The push request as the locker receives it: the JSON body and its HMAC headers (fresh nonce)."""
    body = push.model_dump_json().encode()
    return locker_headers(secret, ISSUER, "POST", PUSH_PATH, now_s, secrets.token_hex(16), body), body
