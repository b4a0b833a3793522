"""What a failed call to the kiosk's server means for the screen: not found, or no usable answer now."""

from __future__ import annotations

import logging

from kiosk.online import NotFound, Unavailable
from sync.client import BadAnswer, Refusal, SyncError, TransportError

log = logging.getLogger("kiosk.online")


def not_found_or_unavailable(exc: SyncError, what: str) -> NotFound | Unavailable:
    if isinstance(exc, Refusal) and exc.status == 404:
        return NotFound()
    return unavailable(exc, what)


def unavailable(exc: SyncError, what: str) -> Unavailable:
    """A malformed answer is worth a warning; a network that is down is the kiosk's normal weather."""
    if isinstance(exc, BadAnswer):
        log.warning("%s: %s", what, str(exc)[:200])
    else:
        log.info("%s: no usable answer (%s)", what, str(exc)[:200])
    return Unavailable(timed_out=isinstance(exc, TransportError) and exc.timed_out, detail=str(exc)[:200])
