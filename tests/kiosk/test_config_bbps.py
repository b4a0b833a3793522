"""The [bbps] section: which BBPOU the kiosk pays bills through, and its agent id; bad values name the key."""

from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_config
from tests.kiosk.test_config import GOOD, write


def test_the_bbpou_url_and_agent_id_come_from_the_config(tmp_path: Path) -> None:
    section = '\n[bbps]\nurl = "https://bbpou.example/api"\nagent_id = "AGT-RJ-77"\n'
    config = load_config(write(tmp_path, GOOD + section))
    assert (config.bbps.enabled, config.bbps.url, config.bbps.agent_id) == (True, "https://bbpou.example/api",
                                                                            "AGT-RJ-77")  # fmt: skip


def test_without_a_bbps_section_bills_go_to_the_central_server(tmp_path: Path) -> None:
    assert load_config(write(tmp_path, GOOD)).bbps.url == ""


@pytest.mark.parametrize(
    ("body", "key"),
    [('url = "ftp://x"', "[bbps].url"), ('agent_id = "AGT 1; drop"', "[bbps].agent_id"),
     ("enabled = 3", "[bbps].enabled"), ('agentid = "x"', "[bbps].agentid")],
)  # fmt: skip
def test_a_bad_bbps_value_is_refused_naming_the_key(tmp_path: Path, body: str, key: str) -> None:
    with pytest.raises(ConfigError, match=key.replace("[", r"\[").replace("]", r"\]")):
        load_config(write(tmp_path, GOOD + f"\n[bbps]\n{body}\n"))
