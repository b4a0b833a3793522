import io
import json
import subprocess
import sys
from pathlib import Path

from provisioning.cli import main
from tests.provisioning.test_provision import provision
from tests.sync.harness import ServerProcess, _server_rows, wait_until


def test_an_inspection_record_reaches_the_server_through_the_agent(
    tmp_path: Path, answers: Path, server: ServerProcess
) -> None:
    root = tmp_path / "root"
    assert provision(root, answers)[0] == 0
    config = root / "etc/kiosk/kiosk.toml"
    out = io.StringIO()
    code = main(
        ["inspect", "--config", str(config), "--engineer", "ENG-042", "--kind", "repair",
         "--checked", "printer, note acceptor", "--replaced", "thermal head", "--notes", "paper path cleaned"],
        out,
    )  # fmt: skip
    assert code == 0, out.getvalue()
    doctor = io.StringIO()
    assert main(["doctor", "--config", str(config)], doctor) == 0, doctor.getvalue()
    warnings = [line for line in doctor.getvalue().splitlines() if line.startswith("warn")]
    assert warnings == ["warn  no devices configured"]  # this test machine has none; everything else is green
    agent = subprocess.Popen([sys.executable, "-m", "sync.cli", "--config", str(config), "run"])
    try:
        wait_until(
            lambda: bool(_server_rows(server.db, "SELECT 1 FROM events WHERE kind = 'kiosk.repair'")), 30, "the record"
        )
    finally:
        agent.kill()
        agent.wait()
    payload = _server_rows(server.db, "SELECT payload FROM events WHERE kind = 'kiosk.repair'")[0][0]
    record = json.loads(str(payload))
    record = record.get("payload", record)
    assert record["engineer"] == "ENG-042"
    assert record["replaced"] == ["thermal head"]
    assert record["geo_tag"]["lat"] == 26.9124


def test_an_inspection_with_odd_text_is_refused_and_records_nothing(tmp_path: Path, answers: Path) -> None:
    root = tmp_path / "root"
    assert provision(root, answers)[0] == 0
    out = io.StringIO()
    code = main(["inspect", "--config", str(root / "etc/kiosk/kiosk.toml"), "--engineer", "ENG-042",
                 "--checked", "<script>"], out)  # fmt: skip
    assert code == 1
    assert "checked item '<script>'" in out.getvalue()
