"""`kioskctl doctor`: what it finds on a provisioned machine, and what it tells the engineer to do."""

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from drivers.printer.emulator import Paper, PrinterEmulator
from kiosk.clock import FakeClock, SystemClock, iso_utc
from provisioning.cli import main
from provisioning.doctor import Level, check_clock, check_database, check_outbox, examine
from tests.provisioning.test_provision import provision


def clock_after_provisioning() -> FakeClock:
    """`kioskctl provision` stamps its events with the system clock (it enrols over signed HTTP, so it must): the
    doctor's clock starts where provisioning ended and moves only when a test says, on any date the suite runs."""
    return FakeClock(SystemClock().now())


def test_doctor_on_a_fresh_provisioned_machine_finds_the_books_in_order(tmp_path: Path, answers: Path) -> None:
    assert provision(tmp_path, answers)[0] == 0
    clock = clock_after_provisioning()
    findings = examine(tmp_path / "etc/kiosk/kiosk.toml", clock, [check_database, check_outbox])
    assert [f.level for f in findings] == [Level.OK, Level.OK, Level.OK]


def test_doctor_flags_a_stuck_outbox_with_what_to_do(tmp_path: Path, answers: Path) -> None:
    assert provision(tmp_path, answers)[0] == 0  # the geo-tag is an event waiting for the server
    clock = clock_after_provisioning()
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


def test_doctor_tells_a_missing_device_a_printer_out_of_paper_and_an_expired_catalogue(
    tmp_path: Path, answers: Path
) -> None:
    assert provision(tmp_path / "root", answers)[0] == 0
    clock = clock_after_provisioning()
    expired_at = iso_utc(clock.now() - timedelta(days=5))
    config = tmp_path / "root/etc/kiosk/kiosk.toml"
    emulator = PrinterEmulator(tmp_path, width=384)
    try:
        port = emulator.serve_pty()
        emulator.paper = Paper.OUT
        config.write_text(
            config.read_text(encoding="utf-8")
            + f'\n[devices.printer]\ndriver = "escpos"\nport = "{port}"\n'
            + '\n[devices.cash]\ndriver = "ssp"\nport = "/dev/emitra/no-such-acceptor"\n',
            encoding="utf-8",
        )
        catalogue = tmp_path / "root/var/lib/kiosk/catalogue.json"
        catalogue.write_text(json.dumps({"version": 7, "expires_at": expired_at}), encoding="utf-8")
        findings = {f.what: f for f in examine(config, clock)}
    finally:
        emulator.stop()
    missing = findings["cash: /dev/emitra/no-such-acceptor is missing"]
    assert missing.level is Level.FAIL
    assert "USB cable" in missing.todo
    paper = findings["printer: printer paper_out"]
    assert paper.level is Level.FAIL
    assert "load paper" in paper.todo
    expired = findings[f"service catalogue v7 expired at {expired_at}: the kiosk offers no services"]
    assert expired.level is Level.FAIL


def test_doctor_flags_a_clock_that_lost_its_battery(tmp_path: Path, answers: Path) -> None:
    assert provision(tmp_path / "root", answers)[0] == 0
    findings = examine(
        tmp_path / "root/etc/kiosk/kiosk.toml", FakeClock(datetime(2000, 1, 1, tzinfo=UTC)), [check_clock]
    )
    assert findings[0].level is Level.FAIL
    assert "RTC" in findings[0].todo
