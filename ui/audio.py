"""Spoken prompts through Qt Multimedia: play a prompt from the bundle, say an amount sentence, repeat the last one.

Speech never blocks or breaks the kiosk: synthesis runs on one worker thread, a missing file falls back to the
other language (logged once), and with no audio device the player still runs (silently) while the device status
says so.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal, Slot
from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer

from kiosk.prompts import LANGUAGES, prompt
from ui.audio_build import RATES_WPM, AudioBundle

log = logging.getLogger("kiosk.audio")


class AudioStatus(StrEnum):
    OK = "ok"
    NO_DEVICE = "no_audio_device"  # nothing to play to: the kiosk goes on silently
    ENGINE_MISSING = "speech_engine_missing"  # espeak-ng absent and the bundle incomplete
    PLAYER_ERROR = "player_error"


class Speaker(QObject):
    """Owned by the Qt thread; `_ready` carries a synthesised file back from the worker thread."""

    _ready = Signal(str)
    statusChanged = Signal(str)
    played = Signal(str)  # the file handed to the player, or that would have been with no device (tests listen)

    def __init__(
        self,
        folder: Path,
        *,
        enabled: bool = True,
        volume: int = 80,
        rate: str = "normal",
        require_device: bool = True,
        has_output: Callable[[], bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.folder = folder
        self.enabled = enabled
        self.volume = volume
        self.bundle = AudioBundle(folder, rate)
        self.status = AudioStatus.OK
        # Without an output device nothing is played (and nothing is heard anyway); tests turn this off to run the
        # real player on Qt's null output.
        self.require_device = require_device
        self.has_output = has_output or (lambda: bool(QMediaDevices.audioOutputs()))
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="speech")
        self._player: QMediaPlayer | None = None
        self._output: QAudioOutput | None = None
        self._logged: set[str] = set()
        self._last: Callable[[], None] | None = None
        self._wanted = ""  # the most recent request: an older synthesis finishing late is not played
        self._ready.connect(self._play_if_wanted)

    # -- what the app asks for ------------------------------------------------------------------
    def prompt(self, prompt_id: str, language: str) -> None:
        self._last = lambda: self.prompt(prompt_id, language)
        path = self.resolve(prompt_id, language)
        if path is not None:
            self._wanted = str(path)
            self._play(path)
            return
        try:
            text = prompt(prompt_id).text(language)
        except (KeyError, ValueError) as exc:
            self._log_once(f"unknown:{prompt_id}", "no spoken prompt %s (%s); staying silent", prompt_id, exc)
            return
        self._synthesise_then_play(text, language, self.bundle.path_for(prompt(prompt_id), language))

    def say(self, text: str, language: str) -> None:
        """A sentence with an amount, synthesised on the worker thread the first time and cached."""
        self._last = lambda: self.say(text, language)
        self._synthesise_then_play(text, language, self.bundle.said_path(text, language))

    def repeat(self) -> None:
        if self._last is not None:
            self._last()

    def resolve(self, prompt_id: str, language: str) -> Path | None:
        """The prompt's file in `language`, else in the other language (logged once per id), else None."""
        try:
            wanted = prompt(prompt_id)
        except KeyError:
            return None
        own = self.bundle.path_for(wanted, language)
        if own.exists():
            return own
        for other in LANGUAGES:
            fallback = self.bundle.path_for(wanted, other)
            if other != language and fallback.exists():
                self._log_once(f"fallback:{prompt_id}:{language}", "no %s audio for %s; speaking %s", language,
                               prompt_id, other)  # fmt: skip
                return fallback
        return None

    # -- settings -------------------------------------------------------------------------------
    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        if not enabled and self._player is not None:
            self._player.stop()

    def set_volume(self, volume: int) -> None:
        self.volume = max(0, min(100, volume))
        if self._output is not None:
            self._output.setVolume(self.volume / 100)

    def set_rate(self, rate: str) -> None:
        """Other rates' prompts are synthesised on first use (espeak-ng is fast) and kept in the same cache."""
        if rate not in RATES_WPM:
            raise ValueError(f"speech rate must be one of {', '.join(RATES_WPM)}, got {rate!r}")
        self.bundle = AudioBundle(self.folder, rate)

    def build_missing(self) -> None:
        """Fill the bundle in the background (first run on a new kiosk, or after strings changed)."""
        bundle = self.bundle
        if bundle.missing():
            self._worker.submit(self._guarded, bundle.build)

    def close(self) -> None:
        self._worker.shutdown(wait=True, cancel_futures=True)
        if self._player is not None:
            self._player.stop()

    # -- inside ---------------------------------------------------------------------------------
    def _synthesise_then_play(self, text: str, language: str, path: Path) -> None:
        self._wanted = str(path)
        if path.exists():
            self._play(path)
            return

        def work() -> None:
            from ui.audio_build import synthesise

            synthesise(text, language, self.bundle.wpm, path)
            self._ready.emit(str(path))

        self._worker.submit(self._guarded, work)

    def _guarded(self, work: Callable[[], object]) -> None:
        try:
            work()
        except Exception as exc:  # a worker-thread failure must never reach the villager's screen
            self._log_once(f"synth:{type(exc).__name__}", "speech synthesis failed: %s", exc)
            if "not installed" in str(exc):
                self._set_status(AudioStatus.ENGINE_MISSING)

    @Slot(str)
    def _play_if_wanted(self, path: str) -> None:
        if path == self._wanted:
            self._play(Path(path))

    def _play(self, path: Path) -> None:
        if not self.enabled:
            return
        if not self._check_device() and self.require_device:
            self.played.emit(str(path))
            return
        player = self._ensure_player()
        player.stop()
        player.setSource(QUrl.fromLocalFile(str(path)))
        player.play()
        self.played.emit(str(path))

    def _ensure_player(self) -> QMediaPlayer:
        if self._player is None:
            self._output = QAudioOutput(self)
            self._output.setVolume(self.volume / 100)
            self._player = QMediaPlayer(self)
            self._player.setAudioOutput(self._output)
            self._player.errorOccurred.connect(self._on_error)
        return self._player

    def _check_device(self) -> bool:
        if not self.has_output():
            self._log_once("no-device", "no audio output device: prompts are not heard (the kiosk goes on)")
            self._set_status(AudioStatus.NO_DEVICE)
            return False
        if self.status is AudioStatus.NO_DEVICE:
            self._set_status(AudioStatus.OK)
        return True

    def _on_error(self, error: QMediaPlayer.Error, message: str) -> None:
        self._log_once(f"player:{error}", "audio player error %s: %s", error, message)
        self._set_status(AudioStatus.PLAYER_ERROR)

    def _set_status(self, status: AudioStatus) -> None:
        if status is not self.status:
            self.status = status
            self.statusChanged.emit(status.value)

    def _log_once(self, key: str, message: str, *args: object) -> None:
        if key not in self._logged:
            self._logged.add(key)
            log.warning(message, *args)
