"""Slow work never freezes the screen: while a slow finger read and a slow bank answer are pending, frames keep
coming, the spinner turns, the waiting screen says what it waits for, and the systemd watchdog stays fed."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickItem, QQuickWindow
from pytestqt.qtbot import QtBot

from kiosk.payment_outcome import OutcomeInquiry
from kiosk.transactions import TxnState
from sync.online_client import HttpOnline
from sync.sdnotify import Notifier
from tests.fakes.devices import MemoryOnline, MemoryPrinter, demo_aadhaar, demo_account
from tests.kiosk.aadhaar_field import ACCOUNT, FULL_NUMBER, FieldKiosk, field_kiosk_in, forwarded
from tests.systemd.test_ui_watchdog import FakeSystemd
from tests.ui.test_screenshots import DEVANAGARI_CHARS
from ui import driver
from ui.app import KioskWindow, build_window
from ui.composition import Services
from ui.watchdog import UiWatchdog

# The figures: a finger read that takes most of the RD service's 10 s + 5 s grace, then a bank that
# answers the authorisation after 10 s. WatchdogSec=30 in the unit: a frozen loop would come within 5 s of it.
CAPTURE_S = 14.0
BANK_S = 10.0


@contextlib.contextmanager
def slow_kiosk(folder: Path, *, capture_s: float, bank_s: float) -> Iterator[tuple[FieldKiosk, KioskWindow]]:
    with field_kiosk_in(folder, answer_delay_s=bank_s, capture_delay_s=capture_s) as field:
        assert isinstance(field.services.aadhaar, HttpOnline)
        field.services.aadhaar.client.timeout_s = bank_s + 5  # the bank is slow, not gone
        kiosk = build_window(field.services, kiosk_mode=False)
        try:
            yield field, kiosk
        finally:
            kiosk.close()


def up_to_the_finger(w: QQuickWindow) -> None:
    driver.tap(w, "tile_jvvnl-bill")
    driver.type_digits(w, ACCOUNT)
    driver.tap(w, "keyOk")
    driver.tap(w, "payAadhaarButton")
    driver.type_digits(w, FULL_NUMBER)
    driver.tap(w, "keyOk")


def shots(tmp_path: Path) -> Path:
    """KIOSK_SHOTS keeps the PNGs somewhere to look at (as tests/ui/test_screenshots.py does)."""
    chosen = os.environ.get("KIOSK_SHOTS")
    return Path(chosen) if chosen else tmp_path


def shown(window: QQuickWindow, name: str) -> QQuickItem | None:
    """The item if it is on screen now, without waiting for the slow work (driver.find would)."""
    items = driver.all_items(window.contentItem())
    return next((i for i in items if i.objectName() == name and driver.is_shown(i)), None)


def test_frames_keep_coming_and_the_watchdog_stays_fed_during_a_slow_capture_and_a_slow_authorisation(
    qapp: QGuiApplication, qt_warnings: list[str], qtbot: QtBot, tmp_path: Path
) -> None:
    with slow_kiosk(tmp_path, capture_s=CAPTURE_S, bank_s=BANK_S) as (field, kiosk):
        frames_during_slow_payment(field, kiosk, qtbot, tmp_path)


def frames_during_slow_payment(field: FieldKiosk, kiosk: KioskWindow, qtbot: QtBot, tmp_path: Path) -> None:
    w = kiosk.window
    up_to_the_finger(w)
    # Earlier tests' windows wait for an event loop to be deleted (driver.settle only processes events), and tearing
    # down dozens of QML engines at once stalls the loop for seconds: done here, before anything is measured.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    systemd = FakeSystemd(tmp_path)
    watchdog = UiWatchdog(w, Notifier({"NOTIFY_SOCKET": systemd.address, "WATCHDOG_USEC": "2000000"})).start()
    frames: list[float] = []
    w.frameSwapped.connect(lambda: frames.append(time.monotonic()))
    try:
        started = time.monotonic()
        driver.tap(w, "fingerButton", wait_for_work=False)
        seen: list[tuple[str, bool, float]] = []
        spinner_angles: set[int] = set()
        while kiosk.vm.journey.step != "done" and time.monotonic() - started < CAPTURE_S + BANK_S + 10:
            qtbot.wait(500)
            spinner = shown(w, "waitingSpinner")
            if spinner is not None:
                spinner_angles.add(int(spinner.rotation()))
            waiting = kiosk.vm.journey.property("waiting")
            seen.append((waiting, shown(w, "cancelWaitingButton") is not None, time.monotonic() - started))
        elapsed = time.monotonic() - started
    finally:
        watchdog.stop()
        systemd.close()

    assert kiosk.vm.journey.step == "done"
    assert elapsed >= CAPTURE_S + BANK_S - 1, "the devices really were that slow"
    phases = [waiting for waiting, _, _ in seen]
    assert "capture" in phases
    assert "authorise" in phases
    assert all(cancel for waiting, cancel, _ in seen if waiting == "capture"), "cancel offered while reading"
    assert not any(cancel for waiting, cancel, _ in seen if waiting == "authorise"), "no cancel once it left"
    # Frames all along: no second of the wait without at least a few new frames.
    seconds = [frames_in(frames, started + s, started + s + 1) for s in range(int(elapsed) - 1)]
    assert min(seconds) >= 5, f"frames per second while waiting: {seconds}"
    assert len(spinner_angles) > 10, "the spinner turned"
    # The watchdog: a ping every second (half of WATCHDOG_USEC) and not one late tick of the main loop.
    pings = [at for at, text in systemd.messages if text == "WATCHDOG=1" and at >= started]
    assert len(pings) >= int(elapsed) - 2
    assert watchdog.late_ticks == 0
    txn = field.services.ledger.get(kiosk_txn_id(field))
    assert txn.state in (TxnState.COMPLETED, TxnState.RECEIPT_PENDING)
    assert len(forwarded(field.proxy)) == 1


def test_the_waiting_screen_speaks_both_languages_and_a_cancel_while_reading_sends_nothing(
    qapp: QGuiApplication, qt_warnings: list[str], qtbot: QtBot, tmp_path: Path
) -> None:
    with slow_kiosk(tmp_path, capture_s=3.0, bank_s=0.0) as (field, kiosk):
        w = kiosk.window
        up_to_the_finger(w)
        driver.tap(w, "fingerButton", wait_for_work=False)
        qtbot.waitUntil(lambda: shown(w, "waitingText") is not None, timeout=2000)
        for language in ("hi", "en"):  # while the finger is being read
            kiosk.vm.setLanguage(language)
            qtbot.wait(100)
            w.grabWindow().save(str(shots(tmp_path) / f"waiting-{language}.png"))
            text = str(shown(w, "waitingText").property("text"))  # type: ignore[union-attr]
            assert bool(DEVANAGARI_CHARS.search(text)) == (language == "hi"), text
        cancel = shown(w, "cancelWaitingButton")
        assert cancel is not None
        kiosk.vm.journey.cancel()  # what the button sends (a tap would wait for the work to finish)
        assert shown(w, "cancelWaitingButton") is None  # asked once; the capture still has to come back
        qtbot.waitUntil(lambda: kiosk.vm.screen == "home" or kiosk.vm.journey.journey is None, timeout=10_000)
        assert forwarded(field.proxy) == []  # the PID never left the kiosk
        assert field.services.ledger.get(kiosk_txn_id(field)).state is TxnState.CANCELLED


def frames_in(frames: list[float], start: float, end: float) -> int:
    return sum(1 for at in frames if start <= at < end)


def kiosk_txn_id(field: FieldKiosk) -> str:
    row = field.services.store.read_one("SELECT id FROM transactions WHERE payment_mode = 'aadhaar'")
    assert row is not None
    return str(row["id"])


@pytest.mark.parametrize("language", ["hi", "en"])
def test_a_payment_with_no_answer_shows_the_status_unknown_screen_and_prints_the_slip(
    kiosk: KioskWindow, services: Services, tmp_path: Path, language: str
) -> None:
    online = services.aadhaar
    assert isinstance(online, MemoryOnline)
    assert isinstance(services.devices.printer, MemoryPrinter)
    online.unanswered_payments = True
    kiosk.vm.setLanguage(language)
    driver.tap(kiosk.window, "tile_jvvnl-bill")
    driver.type_digits(kiosk.window, demo_account("21041234567"))
    driver.tap(kiosk.window, "keyOk")
    driver.tap(kiosk.window, "payAadhaarButton")
    driver.type_digits(kiosk.window, demo_aadhaar())
    driver.tap(kiosk.window, "keyOk")
    journey = kiosk.vm.journey.journey
    assert journey is not None
    journey.payment.inquiry = OutcomeInquiry()  # asks at once: the memory bank never answers anyway
    driver.tap(kiosk.window, "fingerButton")
    image = driver.grab(kiosk.window, shots(tmp_path) / f"status_unknown-{language}.png")
    assert (image.width(), image.height()) == (1366, 768)
    text = driver.text_of(kiosk.window, "statusUnknownNextText")
    assert bool(DEVANAGARI_CHARS.search(text)) == (language == "hi")
    assert journey.payment.txn is not None
    assert journey.payment.txn.id[:8].upper() in text  # the slip's reference, to show the operator
    assert services.ledger.unknown_outcomes() == [journey.payment.txn]
    assert [job for job in services.devices.printer.jobs if job.startswith("slip-")] == [
        f"slip-{journey.payment.txn.id[:8]}"
    ]
    driver.tap(kiosk.window, "statusUnknownOkButton")
    assert kiosk.vm.screen == "home"


EMITS = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal
from ui.refcounts import keep_singletons_alive
if sys.argv[1] == "guarded":
    keep_singletons_alive()
app = QCoreApplication([])
class Ticker(QObject):
    tick = Signal()
ticker = Ticker()
for _ in range(10_000):  # a few hours of a screen that updates every second
    ticker.tick.emit()
    QCoreApplication.processEvents()
print("alive")
"""


@pytest.mark.parametrize(("mode", "survives"), [("guarded", True), ("bare", False)])
def test_ten_thousand_emits_do_not_abort_the_app_once_guarded(mode: str, survives: bool) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.run([sys.executable, "-c", EMITS, mode], env=env, capture_output=True, timeout=60)
    assert (child.returncode == 0) is survives, child.stderr.decode()[-300:]
