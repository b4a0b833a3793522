"""Compile the translation sources (ui/i18n/*.ts) to the .qm files the app loads: `python -m ui.i18n_build`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from ui.i18n import I18N_DIR, LANGUAGES, translation_files


def lrelease() -> str:
    beside_python = Path(sys.executable).with_name("pyside6-lrelease")
    found = str(beside_python) if beside_python.exists() else shutil.which("pyside6-lrelease")
    if not found:
        raise FileNotFoundError("pyside6-lrelease not found; install PySide6-Essentials in this environment")
    return found


def build(directory: Path = I18N_DIR) -> list[Path]:
    outputs = []
    for language in LANGUAGES:
        for source in translation_files(language, directory, ".ts"):
            target = source.with_suffix(".qm")
            subprocess.run([lrelease(), "-silent", str(source), "-qm", str(target)], check=True)
            outputs.append(target)
    return outputs


if __name__ == "__main__":
    for path in build():
        sys.stdout.write(f"{path}\n")
