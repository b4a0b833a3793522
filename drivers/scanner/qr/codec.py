"""Checking a scanned code before the kiosk looks at it: bounded, UTF-8, no control or invisible characters. Pure."""

from __future__ import annotations

import unicodedata

# A QR code tops out near 3 kB of binary data; bill and certificate codes are far shorter. 2 kB is generous.
MAX_CODE_BYTES = 2048


class CodeError(ValueError):
    """Scanned content that is refused; the message says why without repeating the content."""


def check_code(raw: bytes) -> str:
    """The scanned text, or CodeError. The text is only ever data: never run, opened or followed as a link."""
    if not raw:
        raise CodeError("empty code")
    if len(raw) > MAX_CODE_BYTES:
        raise CodeError(f"code of {len(raw)} bytes is longer than {MAX_CODE_BYTES}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CodeError(f"code is not UTF-8 text (bad byte at position {exc.start})") from None
    for position, char in enumerate(text):
        # Cc: control characters (ESC, NUL, …); Cf: invisible formatting such as right-to-left overrides,
        # which could make a shown code differ from what it is; Co/Cs/Cn: private, surrogate, unassigned.
        if unicodedata.category(char).startswith("C"):
            raise CodeError(f"code has a control or invisible character U+{ord(char):04X} at position {position}")
    return text
