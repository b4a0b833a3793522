"""The serial line to the SSP validator: 9600 baud, 8 data bits, no parity, 2 stop bits."""

from __future__ import annotations

from drivers.cash.transport import AcceptorLine, TransportError

__all__ = ["SerialTransport", "TransportError"]


class SerialTransport(AcceptorLine):
    PARITY = "N"
    STOPBITS = 2
