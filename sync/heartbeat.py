"""The heartbeat: what the officers see of a kiosk, and what the server tells it back."""

from __future__ import annotations

import json
import logging
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.capture.vault import backlog
from kiosk.clock import Clock, parse_iso_utc
from kiosk.outbox import Outbox
from sync.client import BadAnswer, Client, Refusal
from sync.drain import Drainer
from sync.protocol import MAX_SKEW_S, Heartbeat, HeartbeatAnswer, ReleaseOffer
from sync.protocol.remote import CommandResult, SignedRemoteCommand

log = logging.getLogger("kiosk-agent")
AGENT_VERSION = "0.1.0"
VAULT_FIELDS = ("vault_waiting", "vault_oldest_age_min")


def boot_id() -> str:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text("ascii").strip()[:64]
    except OSError:
        return str(uuid.uuid4())


def uptime_s() -> float:
    try:
        return float(Path("/proc/uptime").read_text("ascii").split()[0])
    except (OSError, ValueError, IndexError):
        return 0.0


@dataclass
class Reported:
    """Facts from the last good heartbeat answer, for the agent and for tests."""

    commands: tuple[str, ...] = ()
    out_of_service: str | None = None
    clock_offset_s: float | None = None
    high_water: int | None = None
    release: ReleaseOffer | None = None
    remote: tuple[SignedRemoteCommand, ...] = ()


class HeartbeatSender:
    def __init__(
        self, outbox: Outbox, client: Client, drainer: Drainer, clock: Clock, *, network: str = "unknown"
    ) -> None:
        self.outbox, self.client, self.drainer, self.clock = outbox, client, drainer, clock
        self.network = network
        self.boot_id = boot_id()
        self.catalogue_version = 0
        self.command_results: list[CommandResult] = []  # remote commands' results, until the server has them
        self.last = Reported()
        self.software: Callable[[], dict[str, Any]] | None = None  # the updater's report (sync/release/)
        self.vault_fields = True  # until a server from before them refuses them

    def build(self) -> Heartbeat:
        store = self.outbox.store
        now = self.clock.now()
        oldest = self.outbox.oldest_pending_age_s(now)
        fields: dict[str, Any] = {
            "agent_version": AGENT_VERSION, "app_version": store.get_meta("app_version") or "unknown",
            "boot_id": self.boot_id, "uptime_s": uptime_s(), "last_seq": self.outbox.last_seq(),
            "outbox_depth": self.outbox.depth(), "outbox_oldest_age_s": oldest,
            "quarantined": self.outbox.quarantined(), "disk_free_bytes": shutil.disk_usage(store.path.parent).free,
            "clock_offset_s": self.last.clock_offset_s, "network": self.network,
            "catalogue_version": self.catalogue_version,
            "command_results": [r.model_dump() for r in self.command_results],
        }  # fmt: skip
        # Other processes leave their facts in meta as JSON (devices from the UI, the geo-tag from kioskctl).
        fields.update(self._cash_box())
        fields.update(self._geo_tag(now))
        local_reason = store.get_meta("out_of_service")
        if local_reason:
            fields["out_of_service"] = local_reason[:200]
        devices = self._meta_json("device_status")
        if devices is not None:
            fields["devices"] = devices
        rd = self._meta_json("rd_service")  # left by the app (kiosk/device_report.py)
        if isinstance(rd, dict):
            fields["rd_service_version"] = rd.get("version")
            fields["rd_cert_expires_at"] = rd.get("cert_expires_at")
        if self.software is not None:
            fields["software"] = self.software()
        waiting, oldest_min = backlog(store, now) if self.vault_fields else (0, None)
        if waiting:  # left out without a backlog: nothing new for an older server to refuse
            fields.update(vault_waiting=waiting, vault_oldest_age_min=oldest_min)
        try:
            return Heartbeat.model_validate(fields)
        except ValueError as exc:
            log.warning("heartbeat facts invalid (%s); sending the core fields only", str(exc)[:200])
            for optional in ("devices", "geo", "rd_service_version", "rd_cert_expires_at", "software", *VAULT_FIELDS):
                fields.pop(optional, None)
            return Heartbeat.model_validate(fields)

    def _meta_json(self, key: str) -> Any:
        text = self.outbox.store.get_meta(key)
        if not text:
            return None
        try:
            return json.loads(text)
        except ValueError:
            log.warning("meta %s is not JSON; left out of the heartbeat", key)
            return None

    def _cash_box(self) -> dict[str, int]:
        """Notes in the box since the last day close (the operator empties it when closing the day)."""
        row = self.outbox.store.read_one(
            "SELECT count(*) AS notes, COALESCE(SUM(denomination), 0) AS paise FROM cash_events"
            " WHERE occurred_at > COALESCE((SELECT max(closed_at) FROM day_closes), '')"
        )
        return {"cash_box_notes": int(row["notes"]), "cash_box_paise": int(row["paise"])} if row else {}

    def _geo_tag(self, now: datetime) -> dict[str, Any]:
        """kioskctl stores the fix with its time (`fixed_at`); its age is worked out at each heartbeat."""
        tag = self._meta_json("geo_tag")
        if not isinstance(tag, dict):
            return {}
        try:
            age = (now - parse_iso_utc(str(tag.pop("fixed_at")))).total_seconds()
        except (KeyError, ValueError):
            log.warning("meta geo_tag has no valid fixed_at; left out of the heartbeat")
            return {}
        return {"geo": {**tag, "age_s": max(age, 0.0)}}

    def send(self) -> Reported:
        sent_at = self.client.signing_time()
        beat = self.build()
        try:
            answer = self.client.call("POST", "/heartbeat", HeartbeatAnswer, beat)
        except Refusal as exc:
            if exc.status != 422 or beat.vault_waiting is None or not any(f in exc.detail for f in VAULT_FIELDS):
                raise
            # A server from before the vault backlog (closed models) refuses the fields: heartbeats go on without.
            log.warning("server does not take the vault backlog (%s); no longer sent", exc.detail[:200])
            self.vault_fields = False
            answer = self.client.call("POST", "/heartbeat", HeartbeatAnswer, self.build())
        server_time = parse_iso_utc(answer.server_time).timestamp()
        offset = server_time - self.clock.now().timestamp()
        if abs(server_time - sent_at) > MAX_SKEW_S + 60:
            # The server accepted our signed time, so an answer a day away from it is not to be believed.
            raise BadAnswer(f"heartbeat answer's server_time {answer.server_time} is {server_time - sent_at:.0f} s "
                            "from the time we signed with; answer ignored")  # fmt: skip
        # "resend" and a low high-water mark mean the same thing; items we quarantined are not resent.
        count = self.drainer.check_high_water(answer.high_water)
        if "resend" in answer.commands and not count:
            log.info("server asked for a resend above %d; nothing beyond our quarantined items", answer.high_water)
        self.last = Reported(tuple(answer.commands), answer.out_of_service, offset, answer.high_water, answer.release,
                             tuple(answer.remote))  # fmt: skip
        return self.last
