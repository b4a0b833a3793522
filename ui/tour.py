"""The headless demo tour: taps through the real screens, feeds the device emulators, writes numbered screenshots."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from common.numbers import luhn_complete, verhoeff_check_digit
from kiosk.clock import FakeClock
from kiosk.money import INR_NOTES, Money
from ui import driver
from ui.app import KioskWindow
from ui.devpanel.emulated import EmulatedBench
from ui.tour_apply import caste_application
from ui.tour_grievance import grievance
from ui.tour_locker import locker_delivery
from ui.tour_rails import DEMO_PIN, aadhaar_pay_payment, card_payment, demo_operator, upi_payment


def demo_aadhaar(stem: str = "23456789012") -> str:
    """A well-formed (Verhoeff-checked) Aadhaar number for the tour; not a real person's."""
    return stem + str(verhoeff_check_digit(stem))


def demo_account(stem: str) -> str:
    """A K-number with a valid Luhn check digit, as the reference server's sample accounts have (server/online.py)."""
    return luhn_complete(stem)


@dataclass
class Tour:
    kiosk: KioskWindow
    cash: EmulatedBench  # where the tour's notes go: the SSP emulator behind the field's driver
    out_dir: Path
    log: TextIO
    shots: list[Path] = field(default_factory=list)

    def shot(self, name: str) -> Path:
        path = self.out_dir / f"{len(self.shots) + 1:02d}-{name}.png"
        image = driver.grab(self.kiosk.window, path)
        if image.isNull():
            raise RuntimeError(f"screenshot {path} is empty")
        self.shots.append(path)
        self.log.write(f"  screenshot {path.name}\n")
        return path

    def tap(self, name: str) -> None:
        driver.tap(self.kiosk.window, name)

    def step(self) -> str:
        driver.settle()  # printing after the last note runs off the Qt thread: wait for it as a person would
        return str(self.kiosk.vm.journey.journey.step) if self.kiosk.vm.journey.journey else "closed"


def run_tour(kiosk: KioskWindow, bench: EmulatedBench, out_dir: Path, log: TextIO) -> bool:
    """Home, search, a cash bill payment, an Aadhaar payment, a certificate print, an error. True if all paid."""
    out_dir.mkdir(parents=True, exist_ok=True)
    tour = Tour(kiosk, bench, out_dir, log)
    w = kiosk.window
    tour.shot("home-hi")

    log.write("search: typing 'bijli bill'\n")
    tour.tap("searchBox")
    driver.type_text(w, "searchField", "bijli bill")
    tour.shot("search-bijli-bill")

    log.write("cash bill payment: JVVNL K-number, ₹350 in ₹200 + ₹100 + ₹50\n")
    tour.tap("result_jvvnl-bill")
    driver.type_digits(w, demo_account("21041234567"))
    tour.shot("bill-number")
    tour.tap("keyOk")
    tour.shot("bill-amount")
    tour.tap("payCashButton")
    tour.cash.insert(200)
    tour.shot("cash-running-total")
    tour.cash.insert(100)
    tour.cash.insert(50)
    cash_done = tour.step() == "done"
    tour.shot("cash-done-qr")
    tour.tap("finishButton")

    log.write("Aadhaar payment: second bill, fingerprint\n")
    tour.tap("tile_jvvnl-bill")
    driver.type_digits(w, demo_account("10020030040"))
    tour.tap("keyOk")
    tour.tap("payAadhaarButton")
    driver.type_digits(w, demo_aadhaar())
    tour.shot("aadhaar-number")
    tour.tap("keyOk")
    tour.shot("aadhaar-finger")
    tour.tap("fingerButton")
    aadhaar_done = tour.step() == "done"
    tour.shot("aadhaar-done")
    tour.tap("finishButton")
    upi_done = upi_payment(tour)  # ui/tour_rails.py: only where UPI is configured (`make demo`)
    card_done = card_payment(tour)  # likewise where card is
    grievance_done = grievance(tour)  # ui/tour_grievance.py: where the kiosk has a grievance desk (`make demo`)
    aeps_rrn = aadhaar_pay_payment(tour, demo_aadhaar())  # and Aadhaar Pay: its RRN, or None where not offered
    aeps_receipt = tour.cash.printer_device.receipts[-1].name if aeps_rrn else ""

    log.write("certificate print: caste certificate, consent, fingerprint, ₹50 fee in cash\n")
    tour.tap("tile_caste-cert")
    driver.type_digits(w, demo_account("202611001"))
    tour.tap("keyOk")
    tour.shot("certificate-consent")
    tour.tap("consentButton")
    driver.type_digits(w, demo_aadhaar())
    tour.tap("keyOk")
    tour.tap("fingerButton")
    tour.tap("payCashButton")
    tour.cash.insert(50)
    certificate_done = tour.step() == "done"
    tour.shot("certificate-done")
    locker_done = locker_delivery(tour)  # ui/tour_locker.py: where the server plays the locker (`make demo`)
    tour.tap("finishButton")
    applied = caste_application(tour)  # ui/tour_apply.py: only where the scanner, camera and vault are configured

    log.write("errors: a wrong digit, then the biller does not answer (offline: provisional cash payment)\n")
    tour.tap("tile_jvvnl-bill")
    good = demo_account("21041234567")
    driver.type_digits(w, good[:-1] + str((int(good[-1]) + 1) % 10))
    tour.tap("keyOk")
    tour.shot("error-wrong-digit")
    for _ in good:
        tour.tap("keyBack")
    driver.type_digits(w, demo_account("99999999999"))
    tour.tap("keyOk")
    driver.type_digits(w, "120")
    tour.shot("offline-amount")
    tour.tap("keyOk")
    tour.tap("payCashButton")
    tour.cash.insert(100)
    tour.cash.insert(20)
    tour.shot("offline-provisional-receipt")
    tour.tap("finishButton")

    log.write("error: a mobile operator that does not answer (online only)\n")
    tour.tap("tile_mobile-postpaid")
    driver.type_digits(w, "9999999999")
    tour.tap("keyOk")
    tour.shot("error-timeout")
    tour.tap("errorHomeButton")

    tour.tap("languageButton")
    tour.shot("home-en")
    tour.tap("languageButton")

    closed = operator_close(tour)
    rails_done = upi_done is not False and card_done is not False and aeps_rrn is not False
    ok = cash_done and aadhaar_done and certificate_done and closed and rails_done
    ok = ok and locker_done is not False and grievance_done is not False and applied is not False
    summary = {
        "screenshots": [p.name for p in tour.shots],
        "cash_payment": cash_done,
        "aadhaar_payment": aadhaar_done,
        "upi_payment": upi_done,
        "card_payment": card_done,
        "grievance": grievance_done,
        "aadhaar_pay_payment": {"rrn": aeps_rrn, "receipt": aeps_receipt} if aeps_rrn else aeps_rrn,
        "certificate_print": certificate_done,
        "certificate_locker": locker_done,
        "application": applied,
        "day_closed": closed,
    }
    (out_dir / "summary.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return ok


def operator_close(tour: Tour) -> bool:
    """The operator's end of day: a 3-second press on the centre's name, the PIN, a blind count of what the cash box
    really holds, the three-way reconciliation, and the Z-report printed with its signed QR."""
    kiosk, w = tour.kiosk, tour.kiosk.window
    services = kiosk.vm.services
    clock = services.clock
    if not isinstance(clock, FakeClock):
        return True  # the interactive demo runs on real time: the operator's gesture is the person's own
    tour.log.write("operator: hidden gesture, PIN, blind count of the cash box, reconciliation, Z-report\n")
    demo_operator(services.store)  # unless the morning's Aadhaar Pay login added them already
    driver.hold(w, "logoArea", lambda: clock.advance(3.2))
    driver.type_digits(w, DEMO_PIN)
    tour.tap("keyOk")
    tour.shot("operator-menu")
    tour.tap("menuClose")
    in_box = Counter(note.whole_rupees for note in box_notes(tour))
    for note in sorted(services.devices.cash.denominations() or INR_NOTES, reverse=True):
        driver.type_digits(w, str(in_box[note.whole_rupees]))
        tour.tap("keyOk")
    tour.shot("operator-blind-count")
    tour.tap("submitCountButton")
    tour.shot("operator-reconciliation")
    agrees = driver.text_of(w, "differenceText") in ("अंतर: कोई नहीं", "Difference: none")
    tour.tap("reconReportButton")
    tour.tap("printReportButton")
    tour.shot("operator-zreport")
    tour.tap("signOutButton")
    return agrees and kiosk.vm.property("screen") == "home"


def box_notes(tour: Tour) -> list[Money]:
    """What the operator finds in the cash box: the notes the acceptor emulator stacked."""
    return [Money.rupees(r) for r in tour.cash.stacked()]
