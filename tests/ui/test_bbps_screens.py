"""Bharat BillPay on screen, against the real reference server as BBPOU: the biller's range on the amount step, the
fee and total before paying, the approval reference after, and a complaint by receipt number (Hindi first)."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.bbps import FetchedBill
from kiosk.clock import FakeClock, SystemClock
from server.online import consumer_number
from sync.bbps_client import HttpBbps
from sync.client import Client
from tests.fakes.devices import MemoryCashAcceptor
from tests.fakes.services import memory_services
from tests.server.conftest import enrol_key
from tests.sync.harness import ServerProcess
from ui import driver
from ui.app import KioskWindow
from ui.composition import Services

AVVNL_ACCOUNT = consumer_number("AVVNL", 1)  # AVVNL: exact and above, ₹10 convenience fee


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    folder = tmp_path_factory.mktemp("bbps-ui")
    process = ServerProcess(str(folder / "server.db"), folder / "server.log").start()
    process.admin("seed", "--per-biller", "1")
    yield process
    process.stop()


@pytest.fixture
def services(tmp_path: Path, fake_clock: FakeClock, server: ServerProcess) -> Iterator[Services]:
    kiosk = enrol_key(server, f"RJ-JP-BBPS-UI{random.randint(100, 999)}")
    client = Client(server.url, kiosk.key, kiosk.kiosk_id, SystemClock(), timeout_s=5.0)
    built = memory_services(tmp_path, fake_clock, bbps=HttpBbps(client, "AGT-RJ-0001", rng=random.Random(2)))
    yield built
    built.close()


def test_a_bbps_bill_shows_the_range_then_the_fee_then_the_approval_and_takes_a_complaint(
    kiosk: KioskWindow, services: Services, tmp_path: Path
) -> None:
    w = kiosk.window
    shots = Path(os.environ.get("KIOSK_SHOTS", tmp_path)) / "bbps"
    kiosk.vm.openService("avvnl-bill")  # not a home tile: opened as the catalogue's result would
    driver.type_digits(w, AVVNL_ACCOUNT)
    driver.tap(w, "keyOk")
    bill = kiosk.vm.journey.journey.fetched  # type: ignore[union-attr]
    assert isinstance(bill, FetchedBill)
    assert f"{bill.amount.format()} से ₹49,999.00 तक" in driver.text_of(w, "bbpsRangeText")
    driver.grab(w, shots / "1-amount.png")
    rupees = -(-bill.amount.paise // 1000) * 10 + 10  # rounded up to whole tens, paid in advance
    driver.type_digits(w, str(rupees))
    driver.tap(w, "keyOk")
    total = f"₹{rupees + 10:,}.00"
    assert driver.text_of(w, "bbpsFeeText") == f"बिल ₹{rupees:,}.00 + सुविधा शुल्क ₹10.00 = कुल {total}"
    assert total in driver.text_of(w, "amountDueText")
    driver.grab(w, shots / "2-fee-before-paying.png")
    driver.tap(w, "payCashButton")
    cash = services.devices.cash
    assert isinstance(cash, MemoryCashAcceptor)
    for note in notes_for(rupees + 10):
        assert cash.insert(note)
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


def notes_for(rupees: int) -> list[int]:
    notes = []
    for note in (500, 200, 100, 50, 20, 10):
        while rupees >= note:
            notes.append(note)
            rupees -= note
    return notes


def test_a_complaint_screen_left_untouched_closes_for_the_next_villager(
    kiosk: KioskWindow, fake_clock: FakeClock
) -> None:
    w = kiosk.window
    driver.tap(w, "bbpsComplaintButton")
    driver.type_digits(w, "12")
    assert driver.text_of(w, "complaintDigits") == "12"
    fake_clock.advance(30)
    kiosk.vm.tick()
    assert driver.find(w, "complaintScreen").isVisible()  # typing keeps it open
    fake_clock.advance(61)
    kiosk.vm.tick()
    driver.settle()
    assert not driver.find(w, "complaintScreen", shown=False).isVisible()
