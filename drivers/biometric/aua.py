"""Forwarding one PID block to the AUA (authentication) endpoint over HTTPS and reading its verdict."""

from __future__ import annotations

import base64
import json
import logging
from typing import Any

import requests

from kiosk.aadhaar import AadhaarNumber, AuthOutcome, AuthResult
from kiosk.devices.biometric import PidBlock

log = logging.getLogger(__name__)

MAX_ANSWER_BYTES = 64 * 1024

# AUA/UIDAI auth error codes a villager can act on (Auth API 2.5; verify against the AUA's own list).
_AUA_MESSAGES: dict[str, tuple[str, str, bool]] = {
    "300": ("उंगली का मिलान नहीं हुआ, दूसरी उंगली से कोशिश करें", "Fingerprint did not match, try another finger", True),
    "310": ("एक ही उंगली दो बार दी गई, दूसरी उंगली रखें", "The same finger was given twice, use another", True),
    "330": ("आधार बायोमेट्रिक लॉक है, mAadhaar से खोलें", "Aadhaar biometrics are locked; unlock them in mAadhaar", False),
    "998": ("आधार नंबर सही नहीं है", "This Aadhaar number is not valid", False),
}
_OTHER = ("प्रमाणीकरण नहीं हो पाया, ऑपरेटर से संपर्क करें", "Authentication failed, please ask the operator", False)


class HttpAuthoriser:
    """Implements kiosk.aadhaar.Authoriser: one POST per PID, no retry (a PID is single-use; re-capture instead)."""

    def __init__(self, url: str, *, timeout_s: float = 20.0, session: requests.Session | None = None) -> None:
        if not url.startswith(("http://", "https://")):
            raise ValueError(f"AUA url {url!r}: expected an http:// or https:// address")
        self.url = url
        self.timeout_s = timeout_s
        self.session = session or requests.Session()

    def forward(self, pid: PidBlock, aadhaar: AadhaarNumber) -> AuthOutcome:
        body = json.dumps(
            {
                "uid": aadhaar.digits_for_auth_request(),
                "pid_data": base64.b64encode(pid.xml).decode("ascii"),
            }
        ).encode()
        try:
            response = self.session.post(
                self.url, data=body, headers={"Content-Type": "application/json"}, timeout=self.timeout_s, stream=True
            )
            raw = response.raw.read(MAX_ANSWER_BYTES + 1, decode_content=True)
            status_code = response.status_code
            response.close()
        except requests.RequestException as exc:
            log.warning("AUA forward failed: %s", type(exc).__name__)
            return _unavailable("network")
        finally:
            del body  # the request body held the PID and the number
        return parse_answer(status_code, raw)


def _unavailable(code: str) -> AuthOutcome:
    hindi = "सर्वर से संपर्क नहीं हो पाया, थोड़ी देर बाद फिर से"
    return AuthOutcome(AuthResult.UNAVAILABLE, code, hindi, "Could not reach the server, try again shortly", retry=True)


def parse_answer(status_code: int, raw: bytes) -> AuthOutcome:
    """The AUA answers JSON {"ret": "y"|"n", "err": code, "ref": txn reference}; anything else is refused."""
    if status_code >= 500 or status_code == 429:
        return _unavailable(f"http_{status_code}")
    if len(raw) > MAX_ANSWER_BYTES:
        return _unavailable("answer_too_large")
    try:
        answer: Any = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError):
        log.warning("AUA answer is not JSON (HTTP %d)", status_code)
        return _unavailable("bad_answer")
    if not isinstance(answer, dict) or answer.get("ret") not in ("y", "n"):
        return _unavailable("bad_answer")
    reference = str(answer.get("ref", ""))[:64]
    if answer["ret"] == "y":
        return AuthOutcome(AuthResult.AUTHENTICATED, "0", "प्रमाणीकरण सफल", "Authenticated", reference)
    code = str(answer.get("err", ""))[:8]
    hindi, english, retry = _AUA_MESSAGES.get(code, _OTHER)
    log.info("AUA refused authentication: err %s", code)
    return AuthOutcome(AuthResult.REJECTED, code, hindi, english, reference, retry)
