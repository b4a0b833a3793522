"""The signed catalogue: a bad signature, an older version or an expired one is refused and the old one kept."""

from __future__ import annotations

import json
import logging
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.clock import SystemClock, iso_utc
from sync.agent import Agent
from tests.sync.faultproxy import FaultProxy
from tests.sync.harness import ServerProcess, enrolled_kiosk, wait_until


def publish(server: ServerProcess, folder: Path, label: str, valid_days: float = 30.0) -> None:
    source = folder / f"catalogue-{label}.json"
    services = [{"id": "jvvnl_bill", "name_hi": "बिजली बिल", "name_en": "Electricity bill", "label": label}]
    source.write_text(json.dumps({"services": services}, ensure_ascii=False), "utf-8")
    server.admin("admin", "publish-catalogue", str(source), "--valid-days", str(valid_days))


def installed_label(agent: Agent) -> str:
    document = json.loads(agent.settings.catalogue_file.read_text("utf-8"))
    return str(document["body"]["services"][0]["label"])


def pull(agent: Agent) -> None:
    agent.jobs["catalogue"].not_before = 0.0
    agent.run_job("catalogue")


def test_bad_older_or_expired_catalogues_are_refused_and_the_last_good_one_kept(
    tmp_path: Path, server: ServerProcess, proxy: FaultProxy, caplog: pytest.LogCaptureFixture
) -> None:
    settings, store = enrolled_kiosk(tmp_path, server, proxy.url)
    agent = Agent(settings, store, SystemClock())
    publish(server, tmp_path, "first")
    pull(agent)
    assert (agent.catalogue.version, installed_label(agent)) == (1, "first")
    pull(agent)  # unchanged: the server answers 304 to If-None-Match
    assert agent.catalogue.version == 1

    publish(server, tmp_path, "second")

    def tamper(path: str, status: int, headers: dict[str, str], body: bytes) -> tuple[int, dict[str, str], bytes]:
        if path.endswith("/catalog") and status == 200:
            body = body.replace(b"second", b"forged")
        return status, headers, body

    proxy.mutate = tamper
    with caplog.at_level(logging.WARNING, logger="kiosk-agent"):
        pull(agent)
        assert "signature is not the server's" in caplog.text
        proxy.mutate = None
        publish(server, tmp_path, "stale", valid_days=-1)
        pull(agent)
        assert "expired" in caplog.text
    assert (agent.catalogue.version, installed_label(agent)) == (1, "first")

    old_answer = settings.catalogue_file.read_bytes()
    publish(server, tmp_path, "fourth")
    pull(agent)
    assert (agent.catalogue.version, installed_label(agent)) == (4, "fourth")

    proxy.mutate = lambda path, status, headers, body: (
        (200, headers, old_answer) if path.endswith("/catalog") else (status, headers, body)
    )
    with caplog.at_level(logging.WARNING, logger="kiosk-agent"):
        pull(agent)
    assert "is not newer than v4" in caplog.text
    assert (agent.catalogue.version, installed_label(agent)) == (4, "fourth")
    # A restarted agent trusts the file only after checking its signature again.
    assert Agent(settings, store, SystemClock()).catalogue.version == 4


def test_heartbeat_tells_a_kiosk_with_an_old_catalogue_to_refresh(
    tmp_path: Path, server: ServerProcess, proxy: FaultProxy
) -> None:
    settings, store = enrolled_kiosk(tmp_path, server, proxy.url)
    agent = Agent(settings, store, SystemClock())
    publish(server, tmp_path, "first")
    agent.run_job("heartbeat")
    assert "refresh_catalogue" in agent.heartbeat.last.commands
    assert agent.catalogue.version == 1


def test_an_out_of_service_order_reaches_the_kiosk_at_its_next_heartbeat_and_can_be_lifted(
    tmp_path: Path, server: ServerProcess, proxy: FaultProxy
) -> None:
    settings, store = enrolled_kiosk(tmp_path, server, proxy.url)
    agent = Agent(settings, store, SystemClock())
    server.admin("admin", "out-of-service", "RJ-JPR-0001", "--reason", "नकद बॉक्स की जाँच / cash box audit")
    reason = "नकद बॉक्स की जाँच / cash box audit"

    def beat_until(expected: str) -> bool:  # the server re-reads kiosk rows for heartbeats every second
        agent.run_job("heartbeat")
        return agent.state.get("server_out_of_service") == expected

    wait_until(lambda: beat_until(reason), 5, "the out-of-service order to reach the kiosk")
    server.admin("admin", "in-service", "RJ-JPR-0001")
    wait_until(lambda: beat_until(""), 5, "the order to be lifted")


def test_fleet_config_is_pulled_and_a_catalogue_passed_off_as_config_is_refused(
    tmp_path: Path, server: ServerProcess, proxy: FaultProxy, caplog: pytest.LogCaptureFixture
) -> None:
    settings, store = enrolled_kiosk(tmp_path, server, proxy.url)
    agent = Agent(settings, store, SystemClock())
    config_file = tmp_path / "fleet.json"
    config_file.write_text(json.dumps({"heartbeat_interval_s": 120}), "utf-8")
    server.admin("admin", "publish-catalogue", str(config_file), "--kind", "config")
    pull(agent)
    assert agent.fleet_config.version == 1
    assert json.loads(settings.config_file.read_text("utf-8"))["body"] == {"heartbeat_interval_s": 120}

    publish(server, tmp_path, "first")
    publish(server, tmp_path, "second")
    pull(agent)
    catalogue_answer = settings.catalogue_file.read_bytes()  # v2, validly signed, but as a catalogue
    proxy.mutate = lambda path, status, headers, body: (
        (200, headers, catalogue_answer) if path.endswith("/config") else (status, headers, body)
    )
    with caplog.at_level(logging.WARNING, logger="kiosk-agent"):
        pull(agent)
    assert "config v2: signature is not the server's" in caplog.text
    assert agent.fleet_config.version == 1


def test_heartbeat_carries_geo_tag_cash_box_devices_and_outbox_facts_to_the_server(
    tmp_path: Path, server: ServerProcess, proxy: FaultProxy
) -> None:
    settings, store = enrolled_kiosk(tmp_path, server, proxy.url)
    agent = Agent(settings, store, SystemClock())
    fixed_at = iso_utc(SystemClock().now() - timedelta(minutes=10))
    geo = {"lat": 26.6061, "lon": 75.9489, "accuracy_m": 6.5, "source": "gps", "fixed_at": fixed_at}
    with store.write("test") as uow:
        uow.set_meta("geo_tag", json.dumps(geo))
        uow.set_meta("device_status", json.dumps({"printer": "ok", "cash": "jammed"}))
        uow.emit("payment.completed", {"txn": "T1"})
    agent.run_job("heartbeat")

    def stored() -> list[tuple[str]]:
        conn = sqlite3.connect(tmp_path / "server.db")
        try:
            return conn.execute("SELECT body FROM heartbeats").fetchall()
        finally:
            conn.close()

    wait_until(lambda: bool(stored()), 10, "the server's heartbeat flush")  # beats are written in small groups
    body = json.loads(stored()[0][0])
    assert (body["geo"]["lat"], body["geo"]["source"]) == (26.6061, "gps")
    assert 590 <= body["geo"]["age_s"] < 3600
    assert body["devices"] == {"printer": "ok", "cash": "jammed"}
    assert (body["last_seq"], body["outbox_depth"], body["cash_box_notes"]) == (1, 1, 0)
    assert body["outbox_oldest_age_s"] >= 0
    assert len(json.dumps(body)) < 1024
