"""Spoken prompts: every id has audio in both languages, it plays through Qt Multimedia, amounts are spoken in
Indian number words, and missing audio or a missing device never stops the kiosk."""

from __future__ import annotations

import logging
import os
import time
import wave
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtMultimedia import QMediaPlayer
from pytestqt.qtbot import QtBot

from kiosk.flows.base import Problem, Step
from kiosk.money import Money
from kiosk.prompts import LANGUAGES, PROMPTS, amount_to_pay, note_accepted, prompt, prompt_for, prompt_ids
from kiosk.speech import spoken_amount
from ui.audio import AudioStatus, Speaker
from ui.audio_build import AudioBundle, main


@pytest.fixture(scope="module")
def bundle_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("audio")
    report = AudioBundle(folder).build()
    assert report.made == 2 * len(PROMPTS)
    return folder


def seconds(path: Path) -> float:
    with wave.open(str(path)) as w:
        return w.getnframes() / w.getframerate()


def test_every_prompt_id_has_audio_in_both_languages(bundle_dir: Path) -> None:
    bundle = AudioBundle(bundle_dir)
    assert len(set(prompt_ids())) == len(PROMPTS), "a prompt id appears twice"
    for p in PROMPTS:
        for language in LANGUAGES:
            path = bundle.path_for(p, language)
            assert path.exists(), f"{p.id} has no {language} audio"
            assert seconds(path) > 0.5, f"{path.name} is (nearly) silent"
    assert bundle.missing() == []


def test_every_screen_step_and_problem_has_a_prompt() -> None:
    for problem in Problem:
        assert prompt_for("journey", step="enter_number", problem=problem.value) == f"problem.{problem.value}"
    for step in Step:
        if step in (Step.CLOSED, Step.ERROR):
            continue  # CLOSED goes home; ERROR always carries a problem
        found = prompt_for("journey", step=step.value)
        assert found is not None, f"step {step} speaks nothing"
        assert prompt(found).hi
    for screen in ("home", "closed", "catalogue", "info"):
        assert prompt_for(screen) is not None


def test_a_changed_string_is_regenerated_and_the_stale_file_removed(bundle_dir: Path, tmp_path: Path) -> None:
    for path in bundle_dir.glob("*.wav"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    changed = [replace(p, en="Welcome again. Touch a picture.") if p.id == "screen.home" else p for p in PROMPTS]
    report = AudioBundle(tmp_path).build(changed)
    assert (report.made, report.removed, report.kept) == (1, 1, 2 * len(PROMPTS) - 1)
    assert len(list(tmp_path.glob("screen.home.en.*.wav"))) == 1
    assert AudioBundle(tmp_path).build(changed).made == 0, "an unchanged bundle is not rebuilt"


def test_the_builder_command_reports_what_it_did(bundle_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--out", str(bundle_dir)]) == 0
    assert f"0 made, {2 * len(PROMPTS)} up to date" in capsys.readouterr().out


AMOUNTS = [
    (1, "एक रुपया", "one rupee"),
    (15, "पंद्रह रुपये", "fifteen rupees"),
    (100, "सौ रुपये", "a hundred rupees"),
    (1_250, "एक हज़ार दो सौ पचास रुपये", "one thousand two hundred fifty rupees"),
    (1_00_000, "एक लाख रुपये", "one lakh rupees"),
    (
        12_34_567,
        "बारह लाख चौंतीस हज़ार पाँच सौ सड़सठ रुपये",
        "twelve lakh thirty-four thousand five hundred sixty-seven rupees",
    ),
]


@pytest.mark.parametrize(("rupees", "hindi", "english"), AMOUNTS)
def test_amounts_are_spoken_in_indian_number_words(rupees: int, hindi: str, english: str, bundle_dir: Path) -> None:
    amount = Money.rupees(rupees)
    assert spoken_amount(amount, "hi") == hindi
    assert spoken_amount(amount, "en") == english
    assert amount_to_pay(amount, "hi") == f"देय राशि {hindi}।"
    # ... and the sentence really becomes speech, in both languages, cached for the next time.
    bundle = AudioBundle(bundle_dir)
    for language, words in (("hi", hindi), ("en", english)):
        path = bundle.say(amount_to_pay(amount, language), language)
        assert seconds(path) > 0.5
        assert words
        assert bundle.say(amount_to_pay(amount, language), language) == path


def test_the_note_sentence_says_what_came_in_and_what_is_left() -> None:
    assert note_accepted(Money.rupees(100), Money.rupees(50), "hi") == "सौ रुपये जमा हुए, बाकी पचास रुपये"
    assert note_accepted(Money.rupees(500), Money.rupees(750), "en") == (
        "five hundred rupees received, seven hundred fifty rupees still to pay"
    )


def test_a_prompt_plays_through_qt_multimedia_on_the_null_output(
    qapp: QGuiApplication, qtbot: QtBot, bundle_dir: Path, qt_warnings: list[str]
) -> None:
    speaker = Speaker(bundle_dir, require_device=False)
    errors: list[str] = []
    with qtbot.waitSignal(speaker.played, timeout=5000) as played:
        speaker.prompt("problem.digits_only", "hi")  # the shortest prompt: it plays in real time
    assert played.args == [str(AudioBundle(bundle_dir).path_for(prompt("problem.digits_only"), "hi"))]
    player = speaker._player
    assert player is not None
    player.errorOccurred.connect(lambda error, text: errors.append(f"{error}: {text}"))
    qtbot.waitUntil(lambda: player.mediaStatus() == QMediaPlayer.MediaStatus.EndOfMedia, timeout=15000)
    assert errors == []
    assert player.error() == QMediaPlayer.Error.NoError
    assert speaker.status is not AudioStatus.PLAYER_ERROR
    speaker.close()


def test_missing_audio_falls_back_to_the_other_language_and_logs_once(
    qapp: QGuiApplication, bundle_dir: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    for path in bundle_dir.glob("*.wav"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    hindi = AudioBundle(tmp_path).path_for(prompt("screen.cash"), "hi")
    hindi.unlink()
    speaker = Speaker(tmp_path, has_output=lambda: False)
    with caplog.at_level(logging.WARNING, logger="kiosk.audio"):
        first = speaker.resolve("screen.cash", "hi")
        second = speaker.resolve("screen.cash", "hi")
        speaker.prompt("screen.cash", "hi")
    assert first == second == AudioBundle(tmp_path).path_for(prompt("screen.cash"), "en")
    fallbacks = [r for r in caplog.records if "no hi audio for screen.cash" in r.getMessage()]
    assert len(fallbacks) == 1
    speaker.prompt("no.such.prompt", "hi")  # an unknown id is logged and silent, never raised
    speaker.close()


def test_without_a_device_the_speaker_stays_silent_and_reports_it(qapp: QGuiApplication, bundle_dir: Path) -> None:
    speaker = Speaker(bundle_dir, has_output=lambda: False)
    statuses: list[str] = []
    speaker.statusChanged.connect(statuses.append)
    speaker.prompt("screen.home", "en")
    assert speaker._player is None, "nothing is handed to a player with no device"
    assert statuses == [AudioStatus.NO_DEVICE.value]
    speaker.close()


def test_old_amount_sentences_are_pruned_newest_kept(tmp_path: Path) -> None:
    bundle = AudioBundle(tmp_path)
    paths = [bundle.say(f"{n} rupees", "en") for n in range(4)]
    for age, path in enumerate(reversed(paths)):
        stamp = time.time() - 100 * age
        os.utime(path, (stamp, stamp))
    assert bundle.prune_said(keep=2) == 2
    assert [p.exists() for p in paths] == [False, False, True, True]
