"""The spoken-prompt audio bundle: every prompt id x language synthesised offline by espeak-ng into a cache folder.

A file is named `<id>.<lang>.<wpm>.<key>.wav`, where the key hashes text + voice + rate, so a changed string (or rate)
gets a new file and the stale one is removed. Sentences with amounts go to `said/` with the same kind of key.
Run `python -m ui.audio_build [--out DIR]`; nothing here is ever committed.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kiosk.prompts import LANGUAGES, PROMPTS, Prompt

ENGINE = "espeak-ng"
VOICES = {"hi": "hi", "en": "en-gb"}
# Words per minute for the villager's three choices; espeak-ng's own default is 175, too fast for a first-time user.
RATES_WPM = {"slow": 115, "normal": 145, "fast": 180}
SAID_KEEP = 2000  # about 200 MB of WAV at most
DEFAULT_DIR = Path.home() / ".cache" / "emitra-kiosk" / "audio"


class SpeechEngineMissing(RuntimeError):
    pass


@dataclass(frozen=True, slots=True)
class BuildReport:
    made: int
    kept: int
    removed: int


def cache_key(text: str, voice: str, rate_wpm: int) -> str:
    return hashlib.sha256(f"{ENGINE}\0{voice}\0{rate_wpm}\0{text}".encode()).hexdigest()[:16]


def synthesise(text: str, language: str, rate_wpm: int, out: Path) -> Path:
    """One WAV from espeak-ng, written beside `out` first and renamed, so a reader never sees half a file."""
    engine = shutil.which(ENGINE)
    if engine is None:
        raise SpeechEngineMissing(
            f"{ENGINE} is not installed (Debian package espeak-ng, see scripts/system-packages.txt)"
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f"{out.name}.{os.getpid()}.{threading.get_ident()}.part")  # builders may race
    done = subprocess.run(
        [engine, "-v", VOICES[language], "-s", str(rate_wpm), "-w", str(partial), "--", text],
        capture_output=True,
        timeout=30,
        check=False,
    )
    if done.returncode != 0 or not partial.exists() or partial.stat().st_size <= 44:
        partial.unlink(missing_ok=True)
        detail = done.stderr.decode(errors="replace").strip()[:200]
        raise RuntimeError(f"{ENGINE} -v {VOICES[language]} failed ({done.returncode}): {detail}")
    partial.replace(out)
    return out


class AudioBundle:
    """The cache folder for one speech rate: where each prompt's audio is, building what is missing."""

    def __init__(self, folder: Path, rate: str = "normal") -> None:
        if rate not in RATES_WPM:
            raise ValueError(f"speech rate must be one of {', '.join(RATES_WPM)}, got {rate!r}")
        self.folder = folder
        self.rate = rate
        self.wpm = RATES_WPM[rate]

    def path_for(self, prompt: Prompt, language: str) -> Path:
        key = cache_key(prompt.text(language), VOICES[language], self.wpm)
        return self.folder / f"{prompt.id}.{language}.{self.wpm}.{key}.wav"

    def said_path(self, text: str, language: str) -> Path:
        return self.folder / "said" / f"{language}.{cache_key(text, VOICES[language], self.wpm)}.wav"

    def missing(self, prompts: Iterable[Prompt] = PROMPTS) -> list[tuple[Prompt, str]]:
        return [(p, lang) for p in prompts for lang in LANGUAGES if not self.path_for(p, lang).exists()]

    def build(self, prompts: Iterable[Prompt] = PROMPTS) -> BuildReport:
        """Synthesise what is missing and remove files of the same id and language left from older strings."""
        wanted = list(prompts)
        made = kept = removed = 0
        current: set[Path] = set()
        for prompt in wanted:
            for language in LANGUAGES:
                path = self.path_for(prompt, language)
                current.add(path)
                if path.exists():
                    kept += 1
                else:
                    synthesise(prompt.text(language), language, self.wpm, path)
                    made += 1
        # Stale: the same id, language and rate with another key (its string or voice changed).
        ours = {p.id for p in wanted}
        for path in self.folder.glob(f"*.{self.wpm}.*.wav"):
            id_, language, *_ = path.name.rsplit(".", 4)  # ids have dots themselves: split from the right
            if id_ in ours and language in LANGUAGES and path not in current:
                path.unlink()
                removed += 1
        removed += self.prune_said()
        return BuildReport(made, kept, removed)

    def prune_said(self, keep: int = SAID_KEEP) -> int:
        """Amount sentences are many (every note and what is left): keep the newest `keep`, drop the rest."""
        said = sorted(self.folder.glob("said/*.wav"), key=lambda p: p.stat().st_mtime, reverse=True)
        for path in said[keep:]:
            path.unlink(missing_ok=True)
        return max(0, len(said) - keep)

    def say(self, text: str, language: str) -> Path:
        """A sentence with an amount: synthesised once, then played from the cache."""
        path = self.said_path(text, language)
        if not path.exists():
            synthesise(text, language, self.wpm, path)
        return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.audio_build", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_DIR, help=f"cache folder (default {DEFAULT_DIR})")
    parser.add_argument("--rate", choices=sorted(RATES_WPM), action="append", help="speech rate(s) to build")
    args = parser.parse_args(argv)
    try:
        for rate in args.rate or ["normal"]:
            report = AudioBundle(args.out, rate).build()
            sys.stdout.write(
                f"{args.out} ({rate}): {report.made} made, {report.kept} up to date, {report.removed} stale removed\n"
            )
    except (SpeechEngineMissing, RuntimeError) as exc:
        sys.stderr.write(f"audio bundle: {exc}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
