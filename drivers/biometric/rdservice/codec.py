"""RD service XML, both ways: build PidOptions, parse RDService / DeviceInfo / PidData safely. Pure, no I/O."""

from __future__ import annotations

import base64
import binascii
import enum
from dataclasses import dataclass
from datetime import datetime
from xml.etree.ElementTree import Element, ParseError, SubElement, tostring

import defusedxml.ElementTree as SafeET
from cryptography import x509
from defusedxml import DefusedXmlException

from kiosk.devices.biometric import CaptureRequest

MAX_REPLY_BYTES = 2 * 1024 * 1024  # a PidData with FMR+FIR of two fingers is far below this


class RdProtocolError(ValueError):
    """A reply that is not a usable RD service document; the message says what and from where."""


class RdStatus(enum.StrEnum):
    READY = "READY"
    NOTREADY = "NOTREADY"
    USED = "USED"


@dataclass(frozen=True, slots=True)
class RdServiceAd:
    status: RdStatus
    info: str
    info_path: str
    capture_path: str


@dataclass(frozen=True, slots=True)
class DeviceInfo:
    dp_id: str
    rds_id: str
    rds_ver: str
    model: str
    device_code: str
    certificate_expiry: datetime | None


@dataclass(frozen=True, slots=True)
class CaptureResponse:
    err_code: str
    err_info: str
    quality: int | None
    has_pid: bool  # Skey, Hmac and Data are all present and non-empty


def _parse(body: bytes, where: str) -> Element:
    if len(body) > MAX_REPLY_BYTES:
        raise RdProtocolError(f"{where}: reply of {len(body)} bytes is larger than {MAX_REPLY_BYTES}")
    try:
        # defusedxml refuses DTDs, entity declarations and external references: no billion laughs, no XXE.
        root: Element = SafeET.fromstring(body, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise RdProtocolError(f"{where}: refused unsafe XML ({type(exc).__name__})") from None
    except ParseError as exc:
        raise RdProtocolError(f"{where}: not well-formed XML ({exc})") from None
    return root


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _attr(element: Element, name: str, default: str = "") -> str:
    """Attribute lookup ignoring case: vendors write dpId, dpID, DPID."""
    wanted = name.lower()
    for key, value in element.attrib.items():
        if key.lower() == wanted:
            return value
    return default


def _child(element: Element, *names: str) -> Element | None:
    wanted = {n.lower() for n in names}
    for child in element:
        if _local(child.tag) in wanted:
            return child
    return None


def parse_rdservice(body: bytes, where: str) -> RdServiceAd:
    root = _parse(body, where)
    if _local(root.tag) != "rdservice":
        raise RdProtocolError(f"{where}: expected <RDService>, got <{_local(root.tag)}>")
    raw_status = _attr(root, "status").strip().upper()
    try:
        status = RdStatus(raw_status)
    except ValueError:
        raise RdProtocolError(f"{where}: unknown RDService status {raw_status[:20]!r}") from None
    paths: dict[str, str] = {}
    for child in root:
        if _local(child.tag) == "interface":
            paths[_attr(child, "id").strip().upper()] = _attr(child, "path").strip()
    info_path = paths.get("DEVICEINFO") or paths.get("INFO") or ""
    capture_path = paths.get("CAPTURE", "")
    if not capture_path:
        raise RdProtocolError(f"{where}: RDService advertises no CAPTURE interface")
    return RdServiceAd(status, _attr(root, "info")[:200], _normalise_path(info_path), _normalise_path(capture_path))


def _normalise_path(path: str) -> str:
    """Morpho has advertised '/127.0.0.1:11102/capture'; it is still a path on the same port, used as given."""
    if path and not path.startswith("/"):
        return "/" + path
    return path


def parse_device_info(body: bytes, where: str) -> DeviceInfo:
    root = _parse(body, where)
    if _local(root.tag) == "piddata":  # some services answer DEVICEINFO with a PidData wrapper
        inner = _child(root, "DeviceInfo")
        if inner is None:
            raise RdProtocolError(f"{where}: PidData without DeviceInfo")
        root = inner
    if _local(root.tag) != "deviceinfo":
        raise RdProtocolError(f"{where}: expected <DeviceInfo>, got <{_local(root.tag)}>")
    return DeviceInfo(
        dp_id=_attr(root, "dpId")[:64],
        rds_id=_attr(root, "rdsId")[:64],
        rds_ver=_attr(root, "rdsVer")[:32],
        model=_attr(root, "mi")[:64],
        device_code=_attr(root, "dc")[:80],
        certificate_expiry=certificate_expiry(_attr(root, "mc")),
    )


def certificate_expiry(mc: str) -> datetime | None:
    """`mc` is the device certificate in base64 (DER); vendors that send a bare public key give no expiry."""
    if not mc.strip():
        return None
    try:
        der = base64.b64decode(mc, validate=False)
        return x509.load_der_x509_certificate(der).not_valid_after_utc
    except (binascii.Error, ValueError):
        return None


def parse_pid_data(body: bytes, where: str) -> CaptureResponse:
    root = _parse(body, where)
    if _local(root.tag) != "piddata":
        raise RdProtocolError(f"{where}: expected <PidData>, got <{_local(root.tag)}>")
    resp = _child(root, "Resp")
    if resp is None:
        raise RdProtocolError(f"{where}: PidData without <Resp>")
    quality_text = _attr(resp, "qScore").strip()
    quality = int(quality_text) if quality_text.isdigit() else None
    parts = [_child(root, name) for name in ("Skey", "Hmac", "Data")]
    has_pid = all(p is not None and (p.text or "").strip() for p in parts)
    return CaptureResponse(_attr(resp, "errCode", "").strip()[:16], _attr(resp, "errInfo")[:200], quality, has_pid)


def build_pid_options(request: CaptureRequest) -> bytes:
    if not 1 <= request.finger_count <= 10:
        raise ValueError(f"finger_count {request.finger_count}: expected 1 to 10")
    if request.finger_type not in (0, 1, 2):
        raise ValueError(f"finger_type {request.finger_type}: expected 0 (FMR), 1 (FIR) or 2 (both)")
    if request.env not in ("P", "PP", "S"):
        raise ValueError(f"env {request.env!r}: expected P, PP or S")
    root = Element("PidOptions", {"ver": "1.0"})
    opts = {
        "fCount": str(request.finger_count),
        "fType": str(request.finger_type),
        "iCount": "0",
        "pCount": "0",
        "format": "0",
        "pidVer": "2.0",
        "timeout": str(request.timeout_ms),
        "env": request.env,
        "posh": "UNKNOWN",
    }
    if request.wadh:
        opts["wadh"] = request.wadh
    SubElement(root, "Opts", opts)
    return b'<?xml version="1.0"?>' + tostring(root, encoding="unicode").encode()


class Problem(enum.StrEnum):
    POOR_QUALITY = "poor_quality"
    TIMEOUT = "timeout"
    NOT_READY = "not_ready"
    IN_USE = "in_use"
    NOT_FOUND = "not_found"
    CANCELLED = "cancelled"
    OTHER = "other"


# (Hindi, English, can the villager simply try again?) — short, for the screen.
MESSAGES: dict[Problem, tuple[str, str, bool]] = {
    Problem.POOR_QUALITY: ("उंगली ठीक से रखें और फिर से कोशिश करें", "Place your finger properly and try again", True),
    Problem.TIMEOUT: ("उंगली नहीं मिली, फिर से रखें", "No finger was placed in time, please try again", True),
    Problem.NOT_READY: (
        "फिंगरप्रिंट मशीन तैयार नहीं है, ऑपरेटर को बुलाएँ",
        "Fingerprint device not ready, call the operator",
        False,
    ),
    Problem.IN_USE: ("फिंगरप्रिंट मशीन अभी दूसरे काम में है, थोड़ी देर बाद", "Fingerprint device is busy, try in a moment", True),
    Problem.NOT_FOUND: (
        "फिंगरप्रिंट मशीन नहीं मिली, ऑपरेटर को बुलाएँ",
        "Fingerprint device not found, call the operator",
        False,
    ),
    Problem.CANCELLED: ("स्कैन रद्द हुआ, फिर से कोशिश करें", "Capture was cancelled, please try again", True),
    Problem.OTHER: ("फिंगरप्रिंट नहीं लिया जा सका, फिर से कोशिश करें", "Fingerprint could not be taken, try again", True),
}

# errCodes are mostly vendor-defined; these are the ones seen in public integrations (verify per model).
# Anything else is classified from the words in errInfo, and errInfo is always shown to the operator.
_KNOWN_CODES: dict[str, Problem] = {
    "720": Problem.NOT_READY,
    "700": Problem.TIMEOUT,
    "730": Problem.POOR_QUALITY,
    "710": Problem.IN_USE,
    "-1307": Problem.TIMEOUT,
}
_WORDS: tuple[tuple[str, Problem], ...] = (
    ("quality", Problem.POOR_QUALITY),
    ("time", Problem.TIMEOUT),
    ("not ready", Problem.NOT_READY),
    ("not connected", Problem.NOT_READY),
    ("busy", Problem.IN_USE),
    ("in use", Problem.IN_USE),
    ("cancel", Problem.CANCELLED),
)


def classify_error(err_code: str, err_info: str) -> Problem:
    if err_code in _KNOWN_CODES:
        return _KNOWN_CODES[err_code]
    lowered = err_info.lower()
    for word, problem in _WORDS:
        if word in lowered:
            return problem
    return Problem.OTHER
