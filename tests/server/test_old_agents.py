"""A server with remote commands and releases still answers an agent from before them in words it understands:
kiosks are updated through this very channel, so an old agent must never be cut off by the new fields."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from sync.protocol import ISO_PATTERN, Command, Model
from tests.server.conftest import Kiosk

BEAT = {"agent_version": "0.1.0", "app_version": "0.1.0", "boot_id": "b", "uptime_s": 5.0, "last_seq": 0,
        "outbox_depth": 0, "quarantined": 0, "disk_free_bytes": 10**9, "network": "2g"}  # fmt: skip


class AnswerBeforeIssue18(Model):
    """HeartbeatAnswer as agent 0.1.0 parses it: closed, so any field it does not know is an error."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    server_time: str = Field(pattern=ISO_PATTERN)
    high_water: int = Field(ge=0)
    commands: list[Command] = Field(default_factory=list, max_length=8)
    out_of_service: str | None = Field(default=None, max_length=200)


def test_an_agent_from_before_remote_commands_and_releases_can_read_the_heartbeat_answer(kiosk: Kiosk) -> None:
    answer = kiosk.send("POST", "/api/v1/heartbeat", BEAT)
    assert answer.status_code == 200
    assert AnswerBeforeIssue18.model_validate_json(answer.content).high_water == 0
