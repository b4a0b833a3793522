"""The demo tour's locker: the printed certificate also sent to the villager's locker (mobile number, the OTP read
from the demo's phone — the reference server's recorded SMS — then the push)."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING

from ui import driver

if TYPE_CHECKING:
    from ui.tour import Tour

DEMO_MOBILE = "9876543210"
OFFER_WITHIN_S = 15.0


def demo_phone(tour: Tour) -> Path:
    """Where the demo's server records its SMS (ui/embedded_server.py: `<workdir>/server/phone.jsonl`)."""
    return Path(tour.kiosk.vm.services.config.database).parent / "server" / "phone.jsonl"


def locker_delivery(tour: Tour) -> bool | None:
    """None where no locker is offered (the memory demo of the UI tests); True when the certificate is in it."""
    kiosk, phone = tour.kiosk, demo_phone(tour)
    if kiosk.vm.services.locker is None or not phone.parent.is_dir():
        return None
    tour.log.write("certificate to the locker: the mobile number, the OTP from the phone, then the push\n")
    deadline = time.monotonic() + OFFER_WITHIN_S  # the kiosk asks its server at start whether it has a locker
    while not driver.is_shown(driver.find(kiosk.window, "sendToLockerButton", shown=False)):
        if time.monotonic() > deadline:
            return False
        driver.settle()
        time.sleep(0.05)
    tour.tap("sendToLockerButton")
    driver.type_digits(kiosk.window, DEMO_MOBILE)
    tour.tap("keyOk")
    lines = phone.read_text("utf-8").splitlines() if phone.exists() else []
    found = re.search(r"\b(\d{6})\b", json.loads(lines[-1])["text"]) if lines else None
    if found is None:
        tour.tap("lockerCancelButton")
        return False
    driver.type_digits(kiosk.window, found[1])
    tour.tap("keyOk")
    sent = bool(kiosk.engine.rootContext().contextProperty("locker").property("step") == "locker_sent")
    tour.shot("certificate-locker")
    tour.tap("lockerDoneButton")
    return sent
