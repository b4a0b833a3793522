"""Hindi by default, English one tap away: Qt translators swapped at run time, then every binding re-evaluated."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtQml import QQmlApplicationEngine

I18N_DIR = Path(__file__).parent / "i18n"
LANGUAGES = ("hi", "en")


class Languages:
    """Owns the installed translator. Sources are English; `hi` loads kiosk_hi.qm."""

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.translator: QTranslator | None = None
        self.current = "en"

    def switch(self, language: str, engine: QQmlApplicationEngine | None = None) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"language {language!r} is not one of {LANGUAGES}")
        if self.translator is not None:
            self.app.removeTranslator(self.translator)
            self.translator = None
        translator = QTranslator(self.app)
        qm = I18N_DIR / f"kiosk_{language}.qm"
        if not translator.load(str(qm)):
            raise FileNotFoundError(f"translation {qm} is missing; run `python -m ui.i18n_build`")
        self.app.installTranslator(translator)
        self.translator = translator
        self.current = language
        if engine is not None:
            engine.retranslate()
