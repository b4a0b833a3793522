"""The officers' remote-command page: a block officer orders a restart from the dashboard (CSRF-checked, audited
with their name) but is not offered, and cannot post, a configuration change; both languages have every word."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from server.fleetops.words import EN, HI
from tests.fleet.simfleet import add_fleet
from tests.server.dashboard.harness import PASSWORD, csrf_of, login, rows
from tests.sync.harness import ServerProcess


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ServerProcess]:
    process = ServerProcess(str(tmp_path / "server.db"), tmp_path / "server.log").start()
    add_fleet(process.db, [("Jaipur", "Chaksu", 2), ("Jaipur", "Amer", 1)])
    monkeypatch.setenv("DASH_PASSWORD", PASSWORD)
    process.admin("admin", "add-officer", "bdo.chaksu", "--name", "Meena Sharma", "--role", "block",
                  "--district", "Jaipur", "--block", "Chaksu")  # fmt: skip
    yield process
    process.stop()


def test_a_block_officer_orders_a_restart_and_is_not_offered_a_config_change(server: ServerProcess) -> None:
    session = login(server, "bdo.chaksu")
    page = session.get(server.url + "/dash/k/RJ-CHAKSU-0001/commands", timeout=10)
    assert page.status_code == 200
    assert 'id="order-restart_app"' in page.text
    assert 'id="order-set_config"' not in page.text
    url = server.url + "/dash/k/RJ-CHAKSU-0001/command"
    assert session.post(url, data={"kind": "restart_app", "csrf": "wrong"}, timeout=10).status_code == 403
    done = session.post(url, data={"kind": "restart_app", "csrf": csrf_of(page.text)}, timeout=10)
    assert done.status_code == 200  # redirected back to the page, which lists the order
    assert re.search(r"<td>Meena Sharma</td><td class=\"\">(प्रतीक्षा में|Pending)</td>", done.text)
    refused = session.post(url, data={"kind": "set_config", "config": '{"kiosk": {"helpline": "1"}}',
                                      "csrf": csrf_of(page.text)}, timeout=10)  # fmt: skip
    assert refused.status_code == 400
    assert "set_config needs a district officer or above" in refused.text
    other_block = session.get(server.url + "/dash/k/RJ-AMER-0000/commands", timeout=10)
    assert other_block.status_code == 404
    assert rows(server.db, "SELECT kind, officer_name FROM remote_commands") == [("restart_app", "Meena Sharma")]


def test_the_fleet_pages_words_exist_in_hindi_and_english() -> None:
    assert set(HI) == set(EN)
    assert [k for k in HI if not HI[k].strip() or not EN[k].strip()] == []
