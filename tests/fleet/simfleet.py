"""A fleet of simulated agents for rollout tests and the rollout bench: signed heartbeats over plain keep-alive HTTP
to the real server process, each agent reporting its software the way the real agent does (Heartbeat.software)."""

from __future__ import annotations

import http.client
import json
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sync.protocol import API_PREFIX, HeartbeatAnswer
from sync.protocol.signing import public_key_text, sign_request

PATH = API_PREFIX + "/heartbeat"
STARTING_VERSION = "1.0.0"


@dataclass
class SimAgent:
    kiosk_id: str
    code: str
    key: Ed25519PrivateKey
    running: str = STARTING_VERSION
    previous: str | None = None
    update_version: str | None = None
    update_state: str = "idle"
    ticks_left: int = 0
    place: tuple[str, str] = ("", "")
    fails: Callable[[SimAgent, str], bool] = field(default=lambda agent, version: False)

    def software(self) -> dict[str, object]:
        return {"running": self.running, "previous": self.previous, "update_version": self.update_version,
                "update_state": self.update_state}  # fmt: skip

    def body(self) -> bytes:
        beat = {"agent_version": "0.1.0", "app_version": self.running, "boot_id": self.kiosk_id, "uptime_s": 60.0,
                "last_seq": 0, "outbox_depth": 0, "quarantined": 0, "disk_free_bytes": 10**10,
                "software": self.software()}  # fmt: skip
        return json.dumps(beat).encode()

    def offered(self, version: str | None, download_ticks: int) -> None:
        """What the releases side of the agent does with an offer, compressed into ticks: download, switch, then ok
        on the new version, or (for a kiosk this release breaks) rolled back to the old one."""
        if version is None or version in (self.running, self.update_version):
            return
        self.update_version, self.update_state, self.ticks_left = version, "downloading", download_ticks

    def tick(self) -> None:
        if self.update_state not in ("downloading", "switching"):
            return
        self.ticks_left -= 1
        if self.ticks_left > 0:
            return
        if self.update_state == "downloading":
            self.update_state, self.ticks_left = "switching", 1
            return
        version = str(self.update_version)
        if self.fails(self, version):
            self.update_state = "rolled_back"
        else:
            self.previous, self.running, self.update_state = self.running, version, "ok"


def add_fleet(db_path: str, places: list[tuple[str, str, int]]) -> list[SimAgent]:
    """Kiosks written straight into the server's database (as the demo fleet generator does), placed by block."""
    agents, now = [], datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    for district, block, count in places:
        for n in range(count):
            code = f"RJ-{block[:10].upper()}-{n:04d}"
            agents.append(SimAgent("k-" + code.lower(), code, Ed25519PrivateKey.generate(), place=(district, block)))
    conn = sqlite3.connect(db_path, timeout=30)
    with conn:
        conn.executemany("INSERT INTO kiosks (id, code, public_key, enrolled_at) VALUES (?, ?, ?, ?)",
                         [(a.kiosk_id, a.code, public_key_text(a.key), now) for a in agents])  # fmt: skip
        conn.executemany("INSERT INTO kiosk_keys (kiosk_id, epoch, public_key, enrolled_at) VALUES (?, 1, ?, ?)",
                         [(a.kiosk_id, public_key_text(a.key), now) for a in agents])  # fmt: skip
        conn.executemany(
            "INSERT INTO dash_sites (kiosk_id, code, district, block, gram_panchayat, centre, nodal_officer, hours)"
            " VALUES (?, ?, ?, ?, '', '', '', '{}')",
            [(a.kiosk_id, a.code, *a.place) for a in agents],
        )
    conn.close()
    return agents


class Fleet:
    """Heartbeats for every agent, `connections` keep-alive connections in parallel; one call is one round."""

    def __init__(self, port: int, db_path: str, agents: list[SimAgent], *, connections: int = 4,
                 download_ticks: int = 2) -> None:  # fmt: skip
        self.port, self.db_path, self.agents = port, db_path, agents
        self.connections, self.download_ticks = connections, download_ticks
        self.requests = 0
        self.offers_in_answers = 0

    def targets(self) -> dict[str, str]:
        """Stand-in for HeartbeatAnswer.release where the server does not offer releases yet (the releases
        helper's side): the target straight from release_targets, which is what that offer is made from."""
        conn = sqlite3.connect(self.db_path, timeout=30)
        try:
            return {str(k): str(v) for k, v in conn.execute("SELECT kiosk_id, version FROM release_targets")}
        finally:
            conn.close()

    def round(self) -> None:
        targets = self.targets()
        slices = [self.agents[n :: self.connections] for n in range(self.connections)]
        threads = [threading.Thread(target=self._beat_all, args=(s, targets)) for s in slices]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def _beat_all(self, agents: list[SimAgent], targets: dict[str, str]) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            for agent in agents:
                agent.tick()
                answer = self._beat(connection, agent)
                offer = answer.release.version if answer.release is not None else targets.get(agent.kiosk_id)
                self.offers_in_answers += answer.release is not None
                agent.offered(offer, self.download_ticks)
        finally:
            connection.close()

    def _beat(self, connection: http.client.HTTPConnection, agent: SimAgent) -> HeartbeatAnswer:
        body = agent.body()
        headers = sign_request(agent.key, agent.kiosk_id, "POST", PATH, int(time.time()), secrets.token_hex(16), body)
        connection.request("POST", PATH, body, {**headers, "Content-Type": "application/json"})
        response = connection.getresponse()
        data = response.read()
        self.requests += 1
        if response.status != 200:
            raise AssertionError(f"heartbeat of {agent.code} answered {response.status}: {data[:300]!r}")
        return HeartbeatAnswer.model_validate_json(data)

    def share_on(self, version: str) -> float:
        return sum(a.running == version for a in self.agents) / len(self.agents)
