"""The payment rails this kiosk offers, built from the config's [payments] section (composition helper)."""

from __future__ import annotations

from kiosk.clock import Clock
from kiosk.config import KioskConfig
from kiosk.payments.port import PaymentMethod
from kiosk.payments.upi import Payee, UpiRail
from sync.client import Client
from sync.upi_client import HttpUpiGateway


def build_rails(config: KioskConfig, client: Client, clock: Clock) -> tuple[PaymentMethod, ...]:
    """UPI talks to the kiosk's own server (never the PSP); card and Aadhaar Pay come from their own plugins."""
    rails: list[PaymentMethod] = []
    if "upi" in config.payments.rails:
        payee = Payee(config.payments.upi_payee_vpa, config.payments.upi_payee_name)
        rails.append(UpiRail(HttpUpiGateway(client), payee, clock))
    return tuple(rails)
