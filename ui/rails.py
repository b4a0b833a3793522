"""The payment rails this kiosk offers, built from the config's [payments] section (composition helper)."""

from __future__ import annotations

import logging
import threading
from typing import cast

from drivers import registry
from kiosk.clock import Clock, SystemClock
from kiosk.config import KioskConfig
from kiosk.devices.payment_terminal import PaymentTerminal
from kiosk.payments.card import CardPayment
from kiosk.payments.port import PaymentMethod
from kiosk.payments.upi import Payee, UpiRail
from kiosk.store import Store
from sync.aeps_client import AadhaarPayKit, aadhaar_pay_kit
from sync.client import Client
from sync.upi_client import HttpUpiGateway

log = logging.getLogger(__name__)


def build_rails(
    config: KioskConfig, client: Client, clock: Clock, store: Store | None = None
) -> tuple[PaymentMethod, ...]:
    """UPI talks to the kiosk's own server (never the PSP); card goes through the payment terminal's driver;
    Aadhaar Pay goes through the enrolled client and needs the store for the operator's daily two-factor login."""
    rails: list[PaymentMethod] = []
    if "upi" in config.payments.rails:
        payee = Payee(config.payments.upi_payee_vpa, config.payments.upi_payee_name)
        rails.append(UpiRail(HttpUpiGateway(client), payee, clock))
    card = card_rail(config, clock)
    if card is not None:
        rails.append(card)
    kit = aadhaar_pay_rail(config, client, store)
    if kit is not None:
        rails.append(kit.rail)
    return tuple(rails)


def aadhaar_pay_rail(config: KioskConfig, client: Client, store: Store | None) -> AadhaarPayKit | None:
    """The Aadhaar Pay kit when [payments].rails names "aadhaar_pay". Its bank list is fetched on a background
    thread (the server may be slow or away at start): until it arrives, and until the operator's two-factor login
    of the day, AadhaarPay.available() is False and the rail is not offered (Invariant 5)."""
    if "aadhaar_pay" not in config.payments.rails:
        return None
    if store is None:
        log.error('[payments].rails names "aadhaar_pay" but no store was given: Aadhaar Pay is not offered')
        return None
    kit = aadhaar_pay_kit(client, store)
    threading.Thread(target=kit.banks.refresh, name="aeps-banks", daemon=True).start()
    return kit


def card_rail(config: KioskConfig, clock: Clock) -> CardPayment | None:
    """The card rail when [payments].rails names it and [devices.payment_terminal] says which terminal; a terminal
    that cannot be built is logged and the rail is not offered (Invariant 5), the kiosk still starts."""
    if "card" not in config.payments.rails:
        return None
    device = config.devices.get("payment_terminal")
    if device is None:
        log.error('[payments].rails names "card" but there is no [devices.payment_terminal]: card is not offered')
        return None
    try:
        # The registry's factories are typed Any; the entry point promises the port (tested per driver family).
        terminal = cast(PaymentTerminal, registry.build(device, clock))
    except (registry.DriverNotFound, ValueError, OSError) as exc:
        log.error("[devices.payment_terminal]: %s; card is not offered", exc)
        return None
    # The card's time at the terminal is real seconds, as a QR's expiry is the server's real time: the waiting
    # screen counts it down on the system clock whatever clock the kiosk runs on (the headless demo's is frozen).
    return CardPayment(terminal, SystemClock())
