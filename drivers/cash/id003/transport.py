"""The serial line to the ID-003 acceptor: 9600 baud, 8 data bits, even parity, 1 stop bit."""

from __future__ import annotations

from drivers.cash.transport import AcceptorLine, TransportError

__all__ = ["SerialTransport", "TransportError"]


class SerialTransport(AcceptorLine):
    PARITY = "E"
    STOPBITS = 1
