"""Hindi by default, English one tap away: Qt translators swapped at run time, then every binding re-evaluated."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtQml import QQmlApplicationEngine

I18N_DIR = Path(__file__).parent / "i18n"
LANGUAGES = ("hi", "en")


def translation_files(language: str, directory: Path = I18N_DIR, suffix: str = ".qm") -> list[Path]:
    """Every translation file of one language: `<part>_<language><suffix>`, one part per area of the app
    (kiosk = villager screens, operator, access …), so that areas are translated independently."""
    return sorted(directory.glob(f"*_{language}{suffix}"))


class Languages:
    """Owns the installed translators. Sources are English; `hi` loads every `*_hi.qm`."""

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.translators: list[QTranslator] = []
        self.current = "en"

    def switch(self, language: str, engine: QQmlApplicationEngine | None = None) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"language {language!r} is not one of {LANGUAGES}")
        for old in self.translators:
            self.app.removeTranslator(old)
        self.translators = []
        files = translation_files(language)
        if not any(f.name == f"kiosk_{language}.qm" for f in files):
            raise FileNotFoundError(
                f"translation {I18N_DIR / f'kiosk_{language}.qm'} is missing; run `python -m ui.i18n_build`"
            )
        for qm in files:
            translator = QTranslator(self.app)
            if not translator.load(str(qm)):
                raise FileNotFoundError(f"translation {qm} cannot be loaded; run `python -m ui.i18n_build`")
            self.app.installTranslator(translator)
            self.translators.append(translator)
        self.current = language
        if engine is not None:
            engine.retranslate()
