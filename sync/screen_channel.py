"""Asking the touch app for a screenshot through the shared database (the only channel between the two processes)."""

from __future__ import annotations

import base64
import binascii
import json
import secrets
import time

from kiosk.clock import Clock, iso_utc
from kiosk.store import Store

REQUEST_KEY, ANSWER_KEY = "screenshot_request", "screenshot_answer"


class AppScreen:
    """The agent writes a request into meta; the app (ui/remote_screen.py) answers with a PNG or a refusal.

    The app decides, because only it knows what is on screen at the moment of the grab: an Aadhaar number, a mobile
    number or a PIN there means a refusal, never a picture.
    """

    def __init__(self, store: Store, clock: Clock, *, timeout_s: float = 15.0, poll_s: float = 0.2) -> None:
        self.store, self.clock, self.timeout_s, self.poll_s = store, clock, timeout_s, poll_s

    def screenshot(self) -> tuple[bytes | None, str]:
        request = secrets.token_hex(8)
        with self.store.write("sync") as uow:
            uow.set_meta(ANSWER_KEY, "")
            uow.set_meta(REQUEST_KEY, json.dumps({"id": request, "at": iso_utc(self.clock.now())}))
        deadline = self.clock.monotonic() + self.timeout_s
        try:
            while self.clock.monotonic() < deadline:
                answer = self._answer(request)
                if answer is not None:
                    return answer
                time.sleep(self.poll_s)
            return None, f"the touch app did not answer within {self.timeout_s:.0f} s (is it running?)"
        finally:
            with self.store.write("sync") as uow:
                uow.set_meta(REQUEST_KEY, "")
                uow.set_meta(ANSWER_KEY, "")

    def _answer(self, request: str) -> tuple[bytes | None, str] | None:
        text = self.store.get_meta(ANSWER_KEY)
        if not text:
            return None
        try:
            answer = json.loads(text)
            if answer.get("id") != request:
                return None
            if answer.get("refused"):
                return None, str(answer["refused"])[:500]
            return base64.b64decode(str(answer["png"]), validate=True), str(answer.get("screen", ""))[:200]
        except (ValueError, KeyError, AttributeError, binascii.Error):
            return None, "the touch app's answer was not readable"
