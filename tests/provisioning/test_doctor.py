import io
from pathlib import Path

from kiosk.clock import FakeClock
from provisioning.cli import main
from provisioning.doctor import Level, check_database, check_outbox, examine
from tests.provisioning.test_provision import provision


def test_doctor_on_a_fresh_provisioned_machine_finds_the_books_in_order(tmp_path: Path, answers: Path) -> None:
    assert provision(tmp_path, answers)[0] == 0
    clock = FakeClock()
    findings = examine(tmp_path / "etc/kiosk/kiosk.toml", clock, [check_database, check_outbox])
    assert [f.level for f in findings] == [Level.OK, Level.OK, Level.OK]


def test_doctor_flags_a_stuck_outbox_with_what_to_do(tmp_path: Path, answers: Path) -> None:
    assert provision(tmp_path, answers)[0] == 0  # the geo-tag is an event waiting for the server
    clock = FakeClock()
    clock.advance(3 * 24 * 3600)
    findings = examine(tmp_path / "etc/kiosk/kiosk.toml", clock, [check_outbox])
    assert findings[0].level is Level.WARN
    assert "outbox stuck" in findings[0].what
    assert "network" in findings[0].todo


def test_doctor_names_a_broken_config(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("[kiosk]\ncode = 5\n")
    out = io.StringIO()
    assert main(["doctor", "--config", str(config)], out) == 1
    assert "FAIL" in out.getvalue()
    assert "NOT OK" in out.getvalue()
