"""Bharat BillPay on screen, against the real reference server as BBPOU: the biller's range on the amount step, the
fee and total before paying, the approval reference after, and a complaint by receipt number (Hindi first)."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.clock import FakeClock, SystemClock
from sync.bbps_client import HttpBbps
from sync.client import Client
from tests.server.conftest import enrol_key
from tests.sync.harness import ServerProcess
from ui import driver
from ui.app import KioskWindow
from ui.composition import Services, demo_services
from ui.devpanel.fakes import MemoryCashAcceptor, demo_account

GOOD = demo_account("21041234567")  # ₹350 due at JVVNL: exact and above, ₹5 convenience fee


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    folder = tmp_path_factory.mktemp("bbps-ui")
    process = ServerProcess(str(folder / "server.db"), folder / "server.log").start()
    process.admin("seed", "--per-biller", "1")
    yield process
    process.stop()


@pytest.fixture
def services(tmp_path: Path, fake_clock: FakeClock, server: ServerProcess) -> Iterator[Services]:
    built = demo_services(tmp_path, fake_clock)
    kiosk = enrol_key(server, f"RJ-JP-BBPS-UI{random.randint(100, 999)}")
    client = Client(server.url, kiosk.key, kiosk.kiosk_id, SystemClock(), timeout_s=5.0)
    built.bbps = HttpBbps(client, "AGT-RJ-0001", rng=random.Random(2))
    yield built
    built.close()


def test_a_bbps_bill_shows_the_range_then_the_fee_then_the_approval_and_takes_a_complaint(
    kiosk: KioskWindow, services: Services, tmp_path: Path
) -> None:
    w = kiosk.window
    shots = Path(os.environ.get("KIOSK_SHOTS", tmp_path)) / "bbps"
    driver.tap(w, "tile_jvvnl-bill")
    driver.type_digits(w, GOOD)
    driver.tap(w, "keyOk")
    assert "₹350.00 से ₹49,999.00 तक" in driver.text_of(w, "bbpsRangeText")
    driver.grab(w, shots / "1-amount.png")
    driver.type_digits(w, "395")
    driver.tap(w, "keyOk")
    assert driver.text_of(w, "bbpsFeeText") == "बिल ₹395.00 + सुविधा शुल्क ₹5.00 = कुल ₹400.00"
    assert "₹400.00" in driver.text_of(w, "amountDueText")
    driver.grab(w, shots / "2-fee-before-paying.png")
    driver.tap(w, "payCashButton")
    cash = services.devices.cash
    assert isinstance(cash, MemoryCashAcceptor)
    cash.insert(200)
    cash.insert(200)
    driver.settle()
    approval = driver.text_of(w, "bbpsApprovalText")
    assert approval.startswith("BBPS संदर्भ संख्या: CC01")
    driver.grab(w, shots / "3-done-with-reference.png")
    receipt_no = driver.text_of(w, "receiptNoText").rsplit(" ", 1)[-1]
    driver.tap(w, "finishButton")
    driver.tap(w, "bbpsComplaintButton")
    driver.type_digits(w, receipt_no)
    driver.tap(w, "keyOk")
    driver.grab(w, shots / "4-complaint-reason.png")
    driver.tap(w, "reasonWrongAmount")
    driver.grab(w, shots / "5-complaint-registered.png")
    assert driver.text_of(w, "complaintIdText").startswith("शिकायत संख्या: CM")
    assert driver.text_of(w, "complaintStatusText") == "स्थिति: बिलर को भेजी गई; उनके जवाब का इंतज़ार है"
    driver.tap(w, "complaintDone")
    assert not driver.find(w, "complaintScreen", shown=False).isVisible()
