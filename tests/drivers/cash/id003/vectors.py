"""ID-003 golden bytes (docs/protocols.md, ID-003; CRC-16/KERMIT checked against crcmod), as data."""

from __future__ import annotations

# (name, command or status code, data, bytes on the wire)
VECTORS: list[tuple[str, int, str, str]] = [
    ("STATUS REQUEST (an IDLING reply has the same bytes)", 0x11, "", "FC 05 11 27 56"),
    ("ACK", 0x50, "", "FC 05 50 AA 05"),
    ("RESET", 0x40, "", "FC 05 40 2B 15"),
    ("STACK-1", 0x41, "", "FC 05 41 A2 04"),
    ("STACK-2", 0x42, "", "FC 05 42 39 36"),
    ("RETURN", 0x43, "", "FC 05 43 B0 27"),
    ("HOLD", 0x44, "", "FC 05 44 0F 53"),
    ("INHIBIT accept", 0xC3, "00", "FC 06 C3 00 04 D6"),
    ("INHIBIT inhibit", 0xC3, "01", "FC 06 C3 01 8D C7"),
    ("enable all denominations", 0xC0, "00 00", "FC 07 C0 00 00 2D B5"),
    ("COMMUNICATION MODE polling", 0xC2, "00", "FC 06 C2 00 DC CF"),
    ("VERSION", 0x88, "", "FC 05 88 6F 5F"),
    ("ACCEPTING", 0x12, "", "FC 05 12 BC 64"),
    ("STACKING", 0x14, "", "FC 05 14 8A 01"),
    ("VEND VALID", 0x15, "", "FC 05 15 03 10"),
    ("STACKED", 0x16, "", "FC 05 16 98 22"),
    ("REJECTING 0x71", 0x17, "71", "FC 06 17 71 51 8C"),
    ("RETURNING", 0x18, "", "FC 05 18 E6 CB"),
    ("INHIBIT status", 0x1A, "", "FC 05 1A F4 E8"),
    ("INITIALIZE", 0x1B, "", "FC 05 1B 7D F9"),
]

# CRC-16/KERMIT's catalogue check value: the CRC of the ASCII digits 1 to 9.
CHECK = (b"123456789", 0x2189)


def hexbytes(text: str) -> bytes:
    return bytes.fromhex(text.replace(" ", ""))
