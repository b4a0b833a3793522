"""Spoken prompts: time from "speak this prompt" to a playable file — the cached bundle vs synthesising every time.

The baseline is the naive design (run espeak-ng at each prompt); ours looks the file up in the content-addressed
bundle and synthesises only a sentence it has never said. Also: building the whole bundle from nothing.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from kiosk.money import Money
from kiosk.prompts import LANGUAGES, PROMPTS, note_accepted
from ui.audio_build import RATES_WPM, AudioBundle, synthesise


def ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        bundle = AudioBundle(Path(folder))
        start = time.perf_counter()
        report = bundle.build()
        cold_build_s = time.perf_counter() - start
        ours, naive = [], []
        for prompt in PROMPTS:
            for language in LANGUAGES:
                start = time.perf_counter()
                assert bundle.path_for(prompt, language).exists()
                ours.append(ms(start))
                start = time.perf_counter()
                synthesise(prompt.text(language), language, RATES_WPM["normal"], Path(folder) / "naive.wav")
                naive.append(ms(start))
        sentence = note_accepted(Money.rupees(100), Money.rupees(250), "hi")
        start = time.perf_counter()
        bundle.say(sentence, "hi")
        first_say = ms(start)
        start = time.perf_counter()
        bundle.say(sentence, "hi")
        cached_say = ms(start)
    print(f"bundle: {report.made} files built from nothing in {cold_build_s:.2f} s")
    print(f"prompt ready, ours (cached bundle): median {statistics.median(ours):.3f} ms, max {max(ours):.3f} ms")
    print(
        f"prompt ready, naive (espeak-ng each time): median {statistics.median(naive):.1f} ms, max {max(naive):.1f} ms"
    )
    print(f"ratio (median naive / ours): {statistics.median(naive) / statistics.median(ours):.0f}x")
    print(f"amount sentence: first time {first_say:.1f} ms (synthesised), again {cached_say:.3f} ms (cached)")


if __name__ == "__main__":
    main()
