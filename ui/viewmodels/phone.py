"""The Done screen's phone delivery: the QR becomes a short link when online, and "send to my phone" takes a mobile
number on the keypad, checks it as it is typed, sends it once and keeps only the masked form."""

from __future__ import annotations

import logging

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.catalogue import FlowKind
from kiosk.delivery import DeliveryUnavailable, PhoneDelivery, mask_mobile, mobile_problem, receipt_token
from ui.audio import Speaker
from ui.qr import qr_source
from ui.viewmodels.app import AppViewModel

log = logging.getLogger("kiosk.phone")


class PhoneViewModel(QObject):
    changed = Signal()

    def __init__(
        self, app: AppViewModel, port: PhoneDelivery | None, speaker: Speaker, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.app, self.port, self.speaker = app, port, speaker
        self._token: str | None = None  # the receipt on screen
        self._certificate: str | None = None  # its application number, when the journey printed a certificate
        self._qr = ""
        self._open = False
        self._digits = ""
        self._problem = ""
        self._sent_to = ""
        self._failed = False
        app.changed.connect(self._follow)

    def _follow(self) -> None:
        journey = self.app.journey
        token = receipt_token(journey._text("qr_text")) if journey._step() == "done" else None
        if token == self._token:
            return
        self._token = token
        flow = journey.journey
        # A certificate journey's link opens the certificate itself (the receipt is on paper already).
        self._certificate = (
            flow.application.number
            if flow is not None and flow.service.flow is FlowKind.CERTIFICATE_PRINT and flow.application is not None
            else None
        )
        self._qr, self._open, self._digits, self._problem, self._sent_to, self._failed = "", False, "", "", "", False
        if token is not None and self.port is not None:
            try:
                self._qr = qr_source(self.port.link(token, None, self.app._language, certificate=self._certificate).url)
            except DeliveryUnavailable as exc:
                log.info("no short link now (%s); the QR keeps the signed offline link", exc)
        self.changed.emit()

    # -- the villager's taps ------------------------------------------------------------------------
    @Slot()
    def open(self) -> None:
        self._open, self._digits, self._problem, self._failed = True, "", "", False
        self.app.touched()
        self.speaker.prompt("state.phone_number", self.app._language)
        self.changed.emit()

    @Slot()
    def close(self) -> None:
        self._open, self._digits, self._problem = False, "", ""
        self.app.touched()
        self.changed.emit()

    @Slot(str)
    def press(self, digit: str) -> None:
        if len(self._digits) < 10 and digit.isdigit():
            self._digits += digit
            self._problem = "start" if self._digits[0] not in "6789" else ""  # said at the first digit
        self.app.touched()
        self.changed.emit()

    @Slot()
    def backspace(self) -> None:
        self._digits, self._problem = self._digits[:-1], ""
        self.app.touched()
        self.changed.emit()

    @Slot()
    def send(self) -> None:
        self.app.touched()
        problem = mobile_problem(self._digits)
        if problem is not None or self._token is None or self.port is None:
            self._problem = problem or ""
            self.speaker.prompt("problem.phone_invalid", self.app._language)
            self.changed.emit()
            return
        number, self._digits = self._digits, ""  # the number is not kept past this call
        try:
            link = self.port.link(self._token, number, self.app._language, certificate=self._certificate)
        except DeliveryUnavailable as exc:
            log.warning("receipt not sent to %s: %s", mask_mobile(number), exc)
            self._failed = True
        else:
            self._failed = link.sms_failed or link.sent_to is None
            self._sent_to = link.sent_to or ""
            if not self._failed:
                self._open = False
                self.speaker.prompt("state.phone_sent", self.app._language)
        self.changed.emit()

    # Offered only when the server just answered (the short link exists); offline the QR is the signed /r/ link.
    available = Property(bool, lambda self: self._qr != "", notify=changed)
    qrImage = Property(str, lambda self: self._qr, notify=changed)
    panelOpen = Property(bool, lambda self: self._open, notify=changed)
    digits = Property(str, lambda self: self._digits, notify=changed)
    problem = Property(str, lambda self: self._problem, notify=changed)
    sentTo = Property(str, lambda self: self._sent_to, notify=changed)
    failed = Property(bool, lambda self: self._failed, notify=changed)
