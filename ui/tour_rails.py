"""The demo tour's rail payments: UPI (the PSP emulator plays the phone) and card (the terminal emulator, the card)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from common.numbers import luhn_complete
from kiosk.payments.port import Rail
from ui import driver

if TYPE_CHECKING:
    from ui.tour import Tour

PAID_WITHIN_S = 30.0  # the emulator pays 6 s after the QR is made; the kiosk polls its server every second


def upi_payment(tour: Tour) -> bool | None:
    """None when this kiosk offers no UPI (the memory demo of the UI tests); True when the receipt came out."""
    kiosk = tour.kiosk
    if not any(rail.rail is Rail.UPI for rail in kiosk.vm.services.rails):
        return None
    tour.log.write("UPI payment: a bill paid by scanning the QR (the PSP emulator pays after a few seconds)\n")
    tour.tap("tile_jvvnl-bill")
    driver.type_digits(kiosk.window, luhn_complete("21041234567"))
    tour.tap("keyOk")
    tour.tap("payUpiButton")
    if tour.step() != "rail_wait":
        return False
    tour.shot("upi-qr")
    deadline = time.monotonic() + PAID_WITHIN_S
    while tour.step() == "rail_wait" and time.monotonic() < deadline:
        time.sleep(0.1)  # the villager scans and pays on the phone; the screen keeps polling
    paid = tour.step() == "done"
    tour.shot("upi-done")
    tour.tap("finishButton")
    return paid


def card_payment(tour: Tour) -> bool | None:
    """None when this kiosk offers no card; True when the receipt came out (the terminal emulator pays by itself)."""
    kiosk = tour.kiosk
    if not any(rail.rail is Rail.CARD for rail in kiosk.vm.services.rails):
        return None
    tour.log.write("card payment: a bill paid on the card terminal (its emulator takes card and PIN by itself)\n")
    tour.tap("tile_jvvnl-bill")
    driver.type_digits(kiosk.window, luhn_complete("21041234567"))
    tour.tap("keyOk")
    tour.tap("payCardButton")
    if tour.step() != "rail_wait":
        return False
    tour.shot("card-wait")
    deadline = time.monotonic() + PAID_WITHIN_S
    while tour.step() == "rail_wait" and time.monotonic() < deadline:
        time.sleep(0.1)  # the villager inserts the card and types the PIN on the terminal; the screen polls it
    paid = tour.step() == "done"
    tour.shot("card-done")
    tour.tap("finishButton")
    return paid
