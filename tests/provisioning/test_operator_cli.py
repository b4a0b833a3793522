import shutil
import subprocess
import sys
from pathlib import Path

from kiosk.clock import SystemClock
from kiosk.ledger import Ledger
from kiosk.money import Money
from kiosk.store import Store
from tests.kiosk.helpers import cash_bill

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "kiosk.toml"


def kioskctl(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "provisioning.cli", *args], input=stdin, capture_output=True, text=True, check=False
    )


def test_an_operator_closes_the_day_and_prints_the_z_report_from_a_terminal(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    shutil.copy(FIXTURE, config)
    store = Store.open(tmp_path / "kiosk.db", SystemClock())
    ledger = Ledger(store)
    txn = cash_bill(ledger, 600)
    ledger.credit_cash(txn.id, Money.rupees(500))
    ledger.credit_cash(txn.id, Money.rupees(100))
    store.close()

    added = kioskctl(
        "operator",
        "add",
        "--config",
        str(config),
        "--id",
        "op-1",
        "--name",
        "Ramesh",
        "--by",
        "eng-7",
        "--pin-stdin",
        stdin="482913\n",
    )
    assert added.returncode == 0, added.stdout + added.stderr

    wrong = kioskctl(
        "close-day",
        "--config",
        str(config),
        "--operator",
        "op-1",
        "--count",
        "500=1,100=1",
        "--pin-stdin",
        stdin="000001\n",
    )
    assert wrong.returncode == 1
    assert "sign-in refused" in wrong.stdout

    closed = kioskctl(
        "close-day",
        "--config",
        str(config),
        "--operator",
        "op-1",
        "--count",
        "500=1,100=0",
        "--pin-stdin",
        stdin="482913\n",
    )
    assert closed.returncode == 0, closed.stdout + closed.stderr
    assert "difference −₹100.00" in closed.stdout
    assert "₹100: -1 notes" in closed.stdout

    again = kioskctl(
        "close-day", "--config", str(config), "--operator", "op-1", "--count", "500=1", "--pin-stdin", stdin="482913\n"
    )
    assert again.returncode == 1
    assert "already closed" in again.stdout

    report = kioskctl("report", "--config", str(config))
    assert report.returncode == 0, report.stderr
    assert "बिजली बिल भुगतान / Electricity bill  ·  cash  ·  1  ·  ₹600.00" in report.stdout
    assert "अंतर / difference: −₹100.00" in report.stdout
    assert "journal intact" in report.stdout


def test_close_day_with_a_broken_config_names_the_problem(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(FIXTURE.read_text(encoding="utf-8").replace('sun = "closed"', 'sun = "never"'), encoding="utf-8")
    result = kioskctl("close-day", "--config", str(config), "--operator", "op-1", "--count", "500=1", "--pin-stdin")
    assert result.returncode == 1
    assert "[hours].sun = 'never'" in result.stdout
