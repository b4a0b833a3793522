"""The demo tour's rail payments: UPI (the PSP emulator plays the phone), card (the terminal emulator, the card) and
Aadhaar Pay (the RD-service emulator, the finger; the reference server, the AePS switch)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from common.numbers import luhn_complete, verhoeff_check_digit
from kiosk.aadhaar import AadhaarNumber
from kiosk.devices.biometric import CaptureOk, CaptureRequest
from kiosk.operator import OperatorAuth
from kiosk.payments.aadhaar_pay import AadhaarPay
from kiosk.payments.operator_2fa import OperatorTwoFactor
from kiosk.payments.port import Rail
from kiosk.store import Store
from ui import driver

if TYPE_CHECKING:
    from ui.tour import Tour

PAID_WITHIN_S = 30.0  # the emulator pays 6 s after the QR is made; the kiosk polls its server every second
BANKS_WITHIN_S = 15.0  # the kiosk fetches the AePS bank list from its server on a background thread at start
DEMO_OPERATOR, DEMO_PIN = "op-demo", "246810"
OPERATOR_AADHAAR_STEM = "34567890123"  # the demo operator's (well-formed, nobody's) Aadhaar number, check digit apart
BANK_LETTERS, BANK_IIN = "स्ट", "607094"  # स्टेट: State Bank of India, typed on the Hindi keys


def demo_operator(store: Store) -> None:
    """The demo centre's operator, added once: the 2FA of the morning and the day close at night both sign in."""
    if store.read_one("SELECT 1 FROM operators WHERE id = ?", (DEMO_OPERATOR,)) is None:
        OperatorAuth(store).add(DEMO_OPERATOR, "Demo operator", DEMO_PIN, by="demo")


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


def operator_two_factor(tour: Tour, rail: AadhaarPay) -> bool:
    """The operator's daily login for Aadhaar Pay through the product's gate (kiosk.payments.operator_2fa, as
    `kioskctl operator aadhaar-login` does, but on the kiosk's own store and clock): the PIN and a fresh finger on the
    kiosk's reader (the RD-service emulator), matched by the server's AUA."""
    services = tour.kiosk.vm.services
    gate = rail.gate
    if not isinstance(gate, OperatorTwoFactor):
        return False
    demo_operator(services.store)
    captured = services.devices.biometric.capture(CaptureRequest())
    if not isinstance(captured, CaptureOk):
        return False
    stem = OPERATOR_AADHAAR_STEM
    aadhaar = AadhaarNumber.parse(stem + str(verhoeff_check_digit(stem)))
    result = gate.login(DEMO_OPERATOR, DEMO_PIN, aadhaar, captured.pid)
    del captured  # the PID block is used once for the match, never kept
    tour.log.write(f"  operator two-factor login: {'passed' if result.ok else 'refused: ' + result.reason}\n")
    return result.ok


def aadhaar_pay_payment(tour: Tour, aadhaar: str) -> str | bool | None:
    """None when this kiosk offers no Aadhaar Pay; the RRN when the receipt came out; False otherwise. The bank is
    found by typing on the on-screen keyboard, as a villager would."""
    kiosk, w = tour.kiosk, tour.kiosk.window
    rail = next((r for r in kiosk.vm.services.rails if isinstance(r, AadhaarPay)), None)
    if rail is None:
        return None
    tour.log.write("Aadhaar Pay: the operator's daily 2FA, then a bill paid from the villager's bank by fingerprint\n")
    deadline = time.monotonic() + BANKS_WITHIN_S
    while not rail.banks.banks and time.monotonic() < deadline:
        time.sleep(0.1)
    if not operator_two_factor(tour, rail):
        return False
    tour.tap("tile_jvvnl-bill")
    driver.type_digits(w, luhn_complete("21041234567"))
    tour.tap("keyOk")
    tour.tap("payAadhaarPayButton")
    if tour.step() != "choose_bank":
        return False
    tour.tap("bankSearchField")
    driver.type_on_keyboard(w, BANK_LETTERS)
    tour.shot("aeps-bank")
    tour.tap(f"bank_{BANK_IIN}")
    driver.type_digits(w, aadhaar)
    tour.tap("keyOk")
    tour.tap("fingerButton")
    paid = tour.step() == "done"
    tour.shot("aeps-done")
    tour.tap("finishButton")
    row = kiosk.vm.services.store.read_one(
        "SELECT payment_ref FROM transactions WHERE payment_mode = 'aadhaar_pay' AND receipt_no IS NOT NULL"
    )
    return str(row["payment_ref"]) if paid and row is not None else False
