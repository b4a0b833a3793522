"""Child process of the shipped-composition crash test: `kiosk --config` without the screen, paying bills in cash
or by Aadhaar.

Each kiosk starts exactly as the field kiosk does (`ui.realmode.real_services`: devices from the config through the
driver registry, the real store, the start's settlement of interrupted payments; then, as `JourneyViewModel` does,
`reconcile` of Aadhaar payments of unknown outcome on a thread of its own) and drives the Qt-free journey the screens
drive until it is SIGKILLed. It repairs nothing itself. Python and the app's
modules take seconds to import on a busy machine, so one long-lived parent imports them once and forks a fresh kiosk
for every start (`fork …` lines on its stdin).
"""

from __future__ import annotations

import os
import queue
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

from kiosk.cash_payment import CashUpdate
from kiosk.flows.base import Step
from kiosk.flows.journey import Journey
from kiosk.payment_outcome import OutcomeInquiry, reconcile
from kiosk.receipt import Identity
from tests.fakes.devices import demo_aadhaar
from ui.composition import DemoClock, Services
from ui.realmode import real_services

SERVICE = "jvvnl-bill"


def journey(s: Services) -> Journey:
    """The journey as `JourneyViewModel.start` builds it."""
    return Journey(
        s.catalogue.current.get(SERVICE), ledger=s.ledger, devices=s.devices, bills=s.bills,
        applications=s.applications, aadhaar=s.aadhaar, kiosk_code=s.config.identity.kiosk_code,
        identity=Identity(s.config.identity.kiosk_code, s.config.identity.centre_name_hi), qr_text=s.receipt_qr,
        availability=s.availability, certificates=s.certificates,
    )  # fmt: skip


def pay_one_bill(s: Services, updates: queue.Queue[CashUpdate], account: str, deadline: float) -> Journey:
    """One villager: type the account, look the bill up, pay cash; the desk's updates are followed on this thread
    (the screen's thread in the app). Returns when paid (receipt printed or pending) or at the deadline."""
    j = journey(s)
    for digit in account:
        j.press(digit)
    j.submit()
    if not j.choose_cash():
        return j
    while j.step is Step.CASH and time.monotonic() < deadline:
        try:
            j.on_update(updates.get(timeout=0.02))
        except queue.Empty:
            continue
    return j


def pay_one_bill_by_aadhaar(s: Services, account: str) -> Journey:
    """One villager: type the account, look the bill up, choose Aadhaar, type the number, give the finger (capture,
    authorisation and printing run on this thread, as on the view-model's worker)."""
    j = journey(s)
    for digit in account:
        j.press(digit)
    j.submit()
    if not j.choose_aadhaar():
        return j
    for digit in demo_aadhaar():
        j.press(digit)
    j.submit()
    j.pay_finger()
    return j


def main(config: Path, start: str, account: str, mode: str) -> None:
    services = real_services(config, DemoClock(datetime.fromisoformat(start)))
    updates: queue.Queue[CashUpdate] = queue.Queue()
    services.devices.desk.on_update = updates.put  # the view-model's queued signal to the Qt thread
    inquiry = OutcomeInquiry(sleep=time.sleep)  # JourneyViewModel's start: the reconcile on its own worker
    threading.Thread(target=reconcile, args=(services.ledger, services.aadhaar, inquiry), daemon=True).start()
    print(f"ready {os.getpid()}", flush=True)
    while True:
        if mode == "aadhaar":
            j = pay_one_bill_by_aadhaar(services, account)
        else:
            j = pay_one_bill(services, updates, account, time.monotonic() + 3600)
        if j.step is not Step.DONE:
            time.sleep(0.05)  # unavailable just now (e.g. the acceptor is reconnecting), or refused
        if not j.finish() and mode == "aadhaar":
            j.idle_timeout()  # e.g. the finger was not read: nobody retries, the screen sends the villager home


def serve() -> None:
    """Read `fork CONFIG START ACCOUNT MODE` lines (MODE: cash or aadhaar); fork one kiosk for each (the test kills
    the last one first)."""
    last = 0
    for line in sys.stdin:
        if last:
            os.waitpid(last, 0)
        _, config, start, account, mode = line.split()
        last = os.fork()
        if last == 0:
            try:
                main(Path(config), start, account, mode)
            finally:
                os._exit(1)  # never back into the loop that reads the parent's stdin
        print(f"forked {last}", flush=True)


if __name__ == "__main__":
    serve()
