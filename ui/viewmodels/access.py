"""Accessibility for one session: spoken prompts (speaker button, volume, rate), large text and high contrast.

Everything a villager changes here lasts until the kiosk goes home on idle; then the centre's defaults
(config `[accessibility]`) come back. The view-model follows the app's screen and the journey's state and speaks
the matching prompt from kiosk.prompts; it makes no flow decisions.
"""

from __future__ import annotations

import json
import logging

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QQmlApplicationEngine

from kiosk.cash_payment import CashUpdate
from kiosk.prompts import note_accepted, prompt_for
from ui.audio import AudioStatus, Speaker
from ui.audio_build import DEFAULT_DIR, RATES_WPM
from ui.composition import Services
from ui.screens import AccessControls
from ui.viewmodels.app import AppViewModel
from ui.viewmodels.locker import LockerViewModel
from ui.viewmodels.phone import PhoneViewModel

log = logging.getLogger("kiosk.access")

LARGE_TEXT_SCALE = 1.5
RATES = tuple(RATES_WPM)  # slow, normal, fast
VOLUME_STEP = 20

# High contrast inverts the palette by lightness: light backgrounds become black, dark text and teal/orange
# surfaces become white or yellow. A colour keeps its role on every screen, so one map serves them all.
HIGH_CONTRAST = {
    "#FFF8EE": "#000000",  # page background
    "#3E2723": "#FFFFFF",  # body text
    "#4E342E": "#FFFFFF",
    "#6D4C41": "#FFFFFF",
    "#6D6D6D": "#FFFFFF",
    "#8D8D8D": "#E0E0E0",
    "#00695C": "#FFEB3B",  # header, borders, secondary-button text
    "#E65100": "#FFEB3B",  # primary button
    "#BF360C": "#FFEB3B",  # amounts and pressed primary button
    "#B71C1C": "#FF8A80",  # problems
    "#1B5E20": "#B9F6CA",  # paid
    "#2E7D32": "#B9F6CA",
    "white": "#000000",
    "#FFFFFF": "#000000",
    "#E8F5E9": "#000000",  # light panels
    "#FFF3E0": "#000000",
    "#FFE0B2": "#212121",
    "#E0F2F1": "#212121",
    "#FFB74D": "#FFEB3B",  # tile border
    "#BDBDBD": "#616161",  # disabled
    "#E6000000": "#F2000000",
    "#CC000000": "#E6000000",
    "transparent": "#000000",  # primary buttons get a black outline on the yellow header
}
NORMAL = {key: key for key in HIGH_CONTRAST}


class AccessViewModel(QObject):
    changed = Signal()

    def __init__(
        self, services: AccessControls, app: AppViewModel, speaker: Speaker, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.app = app
        self.speaker = speaker
        self.defaults = services.config.accessibility
        self._large = False
        self._contrast = False
        self._panel = False
        self._rate = self.defaults.rate
        self._spoken: tuple[str, str] | None = None  # (prompt id, language) last announced
        self._idle_announced = False
        app.changed.connect(self._follow)
        app.sessionEnded.connect(self.reset)
        app.journey.cashArrived.connect(self._on_cash)
        speaker.statusChanged.connect(self._report_status)

    # -- following the screens ------------------------------------------------------------------
    def current_prompt(self) -> str | None:
        journey = self.app.journey
        screen = self.app._screen
        if screen == "home" and not self.app.home._is_open():
            screen = "closed"
        return prompt_for(screen, step=journey._step(), problem=journey._text("problem"), printed=journey._printed())

    @Slot()
    def _follow(self) -> None:
        language = self.app._language
        if self.app._idle_left >= 0:
            if not self._idle_announced:
                self._idle_announced = True
                self.speaker.prompt("state.still_there", language)
            return
        self._idle_announced = False
        if self.app._attract:
            return
        current = self.current_prompt()
        if current is None or (current, language) == self._spoken:
            return
        self._spoken = (current, language)
        self.speaker.prompt(current, language)

    def _on_cash(self, update: CashUpdate) -> None:
        if update.credited is None or update.txn is None:
            return
        if self.app.journey._step() != "cash":
            return  # the last note: the receipt prompt ("payment received, receipt printing") says it all
        self.speaker.say(note_accepted(update.credited, update.txn.remaining, self.app._language), self.app._language)

    def _report_status(self, status: str) -> None:
        """The audio device joins the other devices' statuses in the heartbeat (meta `device_status`)."""
        store = self.services.store
        try:
            statuses = json.loads(store.get_meta("device_status") or "{}")
        except ValueError:
            statuses = {}
        statuses["audio"] = status
        with store.write("ui") as uow:
            uow.set_meta("device_status", json.dumps(statuses, sort_keys=True))
        self.changed.emit()

    # -- the villager's controls ------------------------------------------------------------------
    @Slot()
    def speak(self) -> None:
        """The speaker button: say the prompt of the screen as it is now (even if speech was switched off)."""
        self.app.touched()
        current = self.current_prompt()
        if not self.speaker.enabled:
            self.speaker.set_enabled(True)
            self.changed.emit()
        if current is not None:
            self._spoken = (current, self.app._language)
            self.speaker.prompt(current, self.app._language)

    @Slot()
    def toggleSpeech(self) -> None:
        self.speaker.set_enabled(not self.speaker.enabled)
        self._touched()

    @Slot()
    def louder(self) -> None:
        self.speaker.set_volume(self.speaker.volume + VOLUME_STEP)
        self._touched()
        self.speaker.repeat()

    @Slot()
    def quieter(self) -> None:
        self.speaker.set_volume(self.speaker.volume - VOLUME_STEP)
        self._touched()
        self.speaker.repeat()

    @Slot(str)
    def setRate(self, rate: str) -> None:
        if rate not in RATES:
            return
        self._rate = rate
        self.speaker.set_rate(rate)
        self._touched()
        self.speaker.repeat()

    @Slot()
    def toggleLargeText(self) -> None:
        self._large = not self._large
        self._touched()

    @Slot()
    def toggleContrast(self) -> None:
        self._contrast = not self._contrast
        self._touched()

    @Slot()
    def togglePanel(self) -> None:
        self._panel = not self._panel
        self._touched()

    def _touched(self) -> None:
        self.app.touched()
        self.changed.emit()

    @Slot()
    def reset(self) -> None:
        """The session is over (idle, back home): the next villager starts from the centre's defaults."""
        self._large = self._contrast = self._panel = False
        self._rate = self.defaults.rate
        self.speaker.set_rate(self._rate)
        self.speaker.set_volume(self.defaults.volume)
        self.speaker.set_enabled(self.defaults.speech)
        self._spoken = None
        self.changed.emit()

    largeText = Property(bool, lambda self: self._large, notify=changed)
    highContrast = Property(bool, lambda self: self._contrast, notify=changed)
    panelOpen = Property(bool, lambda self: self._panel, notify=changed)
    textScale = Property(float, lambda self: LARGE_TEXT_SCALE if self._large else 1.0, notify=changed)
    speechOn = Property(bool, lambda self: self.speaker.enabled, notify=changed)
    volume = Property(int, lambda self: self.speaker.volume, notify=changed)
    rate = Property(str, lambda self: self._rate, notify=changed)
    audioOk = Property(bool, lambda self: self.speaker.status is AudioStatus.OK, notify=changed)
    colour = Property(dict, lambda self: HIGH_CONTRAST if self._contrast else NORMAL, notify=changed)


def attach_access(engine: QQmlApplicationEngine, services: Services, app: AppViewModel) -> AccessViewModel:
    """Before the QML loads: every screen and component reads `access` (colours, text scale, speaker)."""
    settings = services.config.accessibility
    speaker = Speaker(
        settings.audio_dir or DEFAULT_DIR,
        enabled=settings.speech,
        volume=settings.volume,
        rate=settings.rate,
        parent=engine,
    )
    access = AccessViewModel(AccessControls.of(services), app, speaker, parent=engine)
    engine.rootContext().setContextProperty("access", access)
    # Parented to the engine, so it lives as long as the window; QML reads it as `phone`.
    engine.rootContext().setContextProperty("phone", PhoneViewModel(app, services.phone, speaker, parent=engine))
    engine.rootContext().setContextProperty("locker", LockerViewModel(app, services.locker, services.store,
                                                                      services.clock, parent=engine))  # fmt: skip
    speaker.build_missing()  # a new kiosk (or changed strings) gets its audio in the background
    access._follow()  # the first screen's prompt
    return access
