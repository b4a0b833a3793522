"""The agent's settings are derived from the kiosk config object, not from a second reading of the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_config
from sync.settings import agent_settings
from tests.sync.harness import write_config


def test_agent_settings_derive_from_the_loaded_config_without_reading_the_file_again(tmp_path: Path) -> None:
    path = write_config(tmp_path, "http://127.0.0.1:9", batch_items=25, key_file="keys/agent.key")
    config = load_config(path)
    path.unlink()  # what the agent needs is in the object already
    settings = agent_settings(config)
    assert (settings.batch_items, settings.database, settings.kiosk_code) == (
        25,
        tmp_path / "kiosk.db",
        config.identity.kiosk_code,
    )
    assert settings.key_file == tmp_path / "keys" / "agent.key"  # relative to the file's folder, as written


def test_a_bad_agent_key_is_one_config_error_naming_the_file_and_the_key(tmp_path: Path) -> None:
    path = write_config(tmp_path, "http://127.0.0.1:9", batch_items=0)
    config = load_config(path)  # the kiosk's own sections are fine
    with pytest.raises(ConfigError, match=rf"^{path}: \[agent\]\.batch_items = 0: expected at least 1$"):
        agent_settings(config)


def test_an_agent_section_that_is_not_a_table_is_refused_when_the_file_is_loaded(tmp_path: Path) -> None:
    path = write_config(tmp_path, "http://127.0.0.1:9")
    path.write_text("agent = 3\n" + path.read_text("utf-8").split("[agent]")[0], "utf-8")
    with pytest.raises(ConfigError, match=rf"^{path}: \[agent\] = 3: expected a table$"):
        load_config(path)
