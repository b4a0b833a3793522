"""Answers the agent's screenshot requests (sync/screen_channel.py) with a picture of the window, or a refusal while
an Aadhaar number, a mobile number or a PIN may be on screen (kiosk/screen_privacy.py decides)."""

from __future__ import annotations

import base64
import json
import logging
import sqlite3

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt, QTimer
from PySide6.QtQuick import QQuickWindow

from kiosk.flows.locker_steps import LockerStep
from kiosk.screen_privacy import screenshot_refusal
from kiosk.store import Store
from sync.screen_channel import ANSWER_KEY, REQUEST_KEY
from ui.viewmodels.app import AppViewModel

log = logging.getLogger("kiosk")
MAX_WIDTH = 800  # enough to see what the villager sees; ~100 KB of PNG instead of ~1 MB over 2G


class ScreenshotResponder(QObject):
    """Looks for a request every second on the Qt thread (the grab must happen there), answers it once."""

    def __init__(self, store: Store, window: QQuickWindow, app: AppViewModel, phone: QObject | None,
                 every_ms: int = 1000, parent: QObject | None = None,
                 locker: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.store, self.window, self.app, self.phone = store, window, app, phone
        self.locker = locker  # ui/viewmodels/locker.py: its step says whether a mobile number or OTP is on screen
        self.answered = ""
        self.timer = QTimer(self)
        self.timer.setInterval(every_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def poll(self) -> None:
        try:
            text = self.store.get_meta(REQUEST_KEY)
        except sqlite3.ProgrammingError:  # the store was closed under us (shutdown): nothing more to answer
            self.timer.stop()
            return
        try:
            request = str(json.loads(text)["id"]) if text else ""
        except (ValueError, KeyError, TypeError):
            log.warning("unreadable screenshot request ignored")
            return
        if not request or request == self.answered:
            return
        self.answered = request
        try:
            answer = self.answer(request)
        except Exception as exc:  # the officer gets a reason; the touch app carries on
            log.exception("screenshot %s failed", request)
            answer = {"id": request, "refused": f"failed: {type(exc).__name__}"}
        with self.store.write("ui") as uow:
            uow.set_meta(ANSWER_KEY, json.dumps(answer))

    def answer(self, request: str) -> dict[str, str]:
        journey = self.app.journey.journey
        step = journey.step if journey is not None and self.app._screen == "journey" else None
        phone_open = bool(self.phone is not None and self.phone.property("panelOpen"))
        locker_step = LockerStep(self.locker.property("step") or "closed") if self.locker is not None else None
        complaint_open = self.app.journey.complaints.property("step") != "closed"
        refusal = screenshot_refusal(
            self.app._screen, step, phone_panel_open=phone_open, locker_step=locker_step, complaint_open=complaint_open
        )
        if refusal is not None:
            log.info("screenshot %s refused: %s", request, refusal)
            return {"id": request, "refused": refusal}
        image = self.window.grabWindow()
        if image.width() > MAX_WIDTH:
            image = image.scaledToWidth(MAX_WIDTH, Qt.TransformationMode.SmoothTransformation)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide6's stubs say bytes; it takes str
        shown = self.app._screen + (f"/{step.value}" if step is not None else "")
        return {"id": request, "png": base64.b64encode(bytes(data.data())).decode("ascii"), "screen": shown}
