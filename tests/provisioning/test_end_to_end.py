"""`kioskctl provision --answers tests/fixtures/provision-answers.toml` on a bench of emulated devices.

The provisioning runs as the engineer runs it — a process — with udev faked by umockdev, the devices on ptys and
loopback, and the real reference server; then doctor, a re-run, an inspection, and the agent delivering it all.
"""

import io
import json
import sqlite3
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from drivers.gps.nmea.emulator import JAIPUR_FIX
from kiosk.clock import FakeClock
from kiosk.config import load_config
from kiosk.store import Store
from provisioning.cli import main
from sync.identity import SyncState
from tests.provisioning.devicebench import MUMBAI_FIX, Bench, device_bench, umockdev_run
from tests.sync.harness import AgentProcess, ServerProcess, wait_until

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "provision-answers.toml"
CODE = "RJ-JPR-BSS-0001"


def answers_for(folder: Path, server: ServerProcess, bench: Bench) -> Path:
    text = FIXTURE.read_text(encoding="utf-8")
    text = text.replace('url = "http://127.0.0.1:8080"', f'url = "{server.url}"')
    text = text.replace('token = "replace-with-a-token"', f'token = "{server.admin("admin", "issue-token", CODE)}"')
    text = text.replace("[geotag]\n", "[geotag]\ngps_wait_s = 15\n")
    text += "\n[agent]\nfirst_contact_max_s = 0.2\ndrain_interval_s = 0.3\nheartbeat_interval_s = 1.0\n"
    text += f"\n[detect]\nbiometric_ports = [{bench.rd.port}, {bench.rd.port}]\n"
    path = folder / "answers.toml"
    path.write_text(text, encoding="utf-8")
    return path


def provision(bench: Bench, answers: Path, root: Path) -> subprocess.CompletedProcess[str]:
    argv = ("-m", "provisioning.cli", "provision", "--answers", str(answers), "--root", str(root))
    return umockdev_run(bench.umockdev(), *argv)


def server_events(db: Path, kind: str) -> list[dict[str, object]]:
    conn = sqlite3.connect(db, timeout=30)
    try:
        rows = conn.execute("SELECT payload FROM events WHERE kind = ? AND status = 'accepted'", (kind,)).fetchall()
    finally:
        conn.close()
    return [json.loads(row[0]) for row in rows]


def outbox_kinds(database: Path) -> list[str]:
    store = Store.open(database, FakeClock())
    try:
        return [str(row["kind"]) for row in store.read("SELECT kind FROM outbox ORDER BY seq")]
    finally:
        store.close()


def test_a_machine_is_provisioned_proven_and_visible_and_a_rerun_changes_nothing(
    tmp_path: Path, server: ServerProcess
) -> None:
    root = tmp_path / "root"
    with device_bench(tmp_path / "bench") as bench:
        answers = answers_for(tmp_path, server, bench)
        first = provision(bench, answers, root)
        assert first.returncode == 0, first.stdout + first.stderr
        assert "ok    devices: [devices] written; biometric detected: RD service" in first.stdout
        assert "gps detected: NMEA receiver" in first.stdout
        assert "(GPS fix)" in first.stdout
        assert "ok    summary: kiosk.provisioned queued for the server" in first.stdout
        assert "printed on the receipt printer" in first.stdout

        config_path = root / "etc/kiosk/kiosk.toml"
        config = load_config(config_path)
        assert {kind: config.devices[kind].params.get("port") for kind in ("cash", "printer", "gps")} == bench.ports
        assert config.devices["cash"].driver == "ssp"
        assert config.devices["printer"].driver == "escpos"
        assert config.devices["biometric"].params == {"first_port": bench.rd.port, "last_port": bench.rd.port}
        store = Store.open(config.database, FakeClock())
        geo = json.loads(store.get_meta("geo_tag") or "{}")
        kiosk_id = SyncState(store).get("kiosk_id")
        store.close()
        assert geo["source"] == "gps"
        assert abs(geo["lat"] - 26.9124) < 0.001
        assert abs(geo["lon"] - 75.7873) < 0.001

        summary = Image.open(bench.printer.receipts[-1])  # the self-test receipt came first
        assert summary.height > 600
        summary.save(tmp_path / "summary-receipt.png")

        out = io.StringIO()
        assert main(["doctor", "--config", str(config_path)], out) == 0, out.getvalue()
        assert out.getvalue().endswith("all green\n")

        text_before = config_path.read_text(encoding="utf-8")
        events_before = outbox_kinds(config.database)
        again = provision(bench, answers, root)
        assert again.returncode == 0, again.stdout + again.stderr
        assert config_path.read_text(encoding="utf-8") == text_before
        assert outbox_kinds(config.database) == events_before  # no second geo-tag, no second summary
        assert f"already enrolled as kiosk {kiosk_id}" in again.stdout
        assert "summary unchanged, sent before" in again.stdout
        assert "geo-tag unchanged" in again.stdout

    out = io.StringIO()
    inspected = main(["inspect", "--config", str(config_path), "--engineer", "ENG-042", "--checked", "cash box"], out)
    assert inspected == 0, out.getvalue()

    agent = AgentProcess(config_path, tmp_path / "agent.log").start()
    try:
        wait_until(lambda: bool(server_events(Path(server.db), "kiosk.inspection")), 30, "the inspection")
    finally:
        agent.kill()
    db = Path(server.db)
    [provisioned] = server_events(db, "kiosk.provisioned")
    assert provisioned["kiosk_id"] == kiosk_id
    assert provisioned["identity"] == {
        "code": CODE, "centre_name_hi": "राजीव गांधी सेवा केंद्र, बस्सी",
        "centre_name_en": "Rajiv Gandhi Seva Kendra, Bassi", "district": "Jaipur", "block": "Bassi",
        "gram_panchayat": "Bassi", "nodal_officer": "Smt. Sunita Sharma (BDO office)", "helpline": "181",
    }  # fmt: skip
    assert provisioned["hours"]["sun"] == "closed"
    assert provisioned["position"]["source"] == "gps"
    assert set(provisioned["devices"]) == {"cash", "printer", "gps", "biometric"}
    assert all(result["passed"] for result in provisioned["self_test"].values())
    assert len(server_events(db, "kiosk.geotagged")) == 1


def test_a_gps_fix_outside_rajasthan_stops_the_run_and_it_resumes_once_the_fix_is_good(
    tmp_path: Path, server: ServerProcess
) -> None:
    root = tmp_path / "root"
    script = list(MUMBAI_FIX)  # the emulator replays whatever the list holds
    with device_bench(tmp_path / "bench", gps_script=script) as bench:
        answers = answers_for(tmp_path, server, bench)
        failed = provision(bench, answers, root)
        assert failed.returncode == 1
        assert "FAIL  geotag: the GPS receiver reports 19.07500, 72.87833, outside Rajasthan" in failed.stdout
        assert "antenna" in failed.stdout
        state = json.loads((root / "var/lib/kiosk/provision.json").read_text())
        assert state["devices"]["ok"]
        assert not state["geotag"]["ok"]
        assert "enrol" not in state
        script[:] = JAIPUR_FIX
        resumed = provision(bench, answers, root)
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert "(GPS fix)" in resumed.stdout


@pytest.fixture
def no_devices_answers(answers: Path) -> Path:
    answers.write_text(answers.read_text(encoding="utf-8").replace("required = []\n", ""), encoding="utf-8")
    return answers


def test_no_devices_found_says_what_to_plug_in_and_how_to_name_a_port(tmp_path: Path, no_devices_answers: Path) -> None:
    out = io.StringIO()
    code = main(["provision", "--answers", str(no_devices_answers), "--root", str(tmp_path / "root")], out)
    assert code == 1
    assert "FAIL  devices: no cash, printer, biometric found" in out.getvalue()
    assert "[devices.cash] of the answers" in out.getvalue()
    assert not (tmp_path / "root/etc/systemd/system/kiosk.service").exists()
