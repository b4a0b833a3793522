"""The centre's spoken-prompt defaults: `[accessibility]` in the kiosk config, validated with clear errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiosk.config import Accessibility, ConfigError, parse_config
from ui.demo_config import demo_config_document


def document(tmp_path: Path, **section: Any) -> dict[str, Any]:
    doc = demo_config_document(tmp_path)
    doc["accessibility"] = section
    return doc


def test_defaults_when_the_section_is_absent(tmp_path: Path) -> None:
    doc = demo_config_document(tmp_path)
    assert parse_config(doc).accessibility == Accessibility(speech=True, volume=80, rate="normal", audio_dir=None)


def test_the_operator_sets_speech_volume_rate_and_the_audio_folder(tmp_path: Path) -> None:
    config = parse_config(
        document(tmp_path, speech=False, volume=35, rate="slow", audio_dir="audio"), base_dir=tmp_path
    )
    assert config.accessibility == Accessibility(speech=False, volume=35, rate="slow", audio_dir=tmp_path / "audio")


@pytest.mark.parametrize(
    ("section", "key", "expected"),
    [
        ({"volume": 120}, "[accessibility].volume", "a whole number from 0 to 100"),
        ({"volume": "loud"}, "[accessibility].volume", "a whole number from 0 to 100"),
        ({"speech": "yes"}, "[accessibility].speech", "true or false"),
        ({"rate": "very fast"}, "[accessibility].rate", "one of slow, normal, fast"),
        ({"voice": "hi"}, "[accessibility].voice", "no such key"),
    ],
)
def test_a_bad_value_is_refused_naming_the_key(
    tmp_path: Path, section: dict[str, Any], key: str, expected: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(document(tmp_path, **section), source="kiosk.toml")
    assert caught.value.key == key
    assert expected in str(caught.value)
    assert str(caught.value).startswith("kiosk.toml: ")
