"""SSP golden bytes (docs/protocols.md, SSP; CRCs computed), shared by the codec, driver and emulator tests."""

from __future__ import annotations

# (name, address, seq flag, data, bytes on the wire)
VECTORS: list[tuple[str, int, bool, str, str]] = [
    ("SYNC seq 1", 0, True, "11", "7F 80 01 11 65 82"),
    ("OK reply to SYNC", 0, True, "F0", "7F 80 01 F0 23 80"),
    ("RESET seq 0", 0, False, "01", "7F 00 01 01 05 88"),
    ("HOST PROTOCOL VERSION 6", 0, False, "06 06", "7F 00 02 06 06 1B 94"),
    ("SETUP REQUEST seq 1", 0, True, "05", "7F 80 01 05 1D 82"),
    ("SET INHIBITS ch1-7 (stuffed)", 0, False, "02 7F 00", "7F 00 03 02 7F 7F 00 2D 9A"),
    ("SET INHIBITS all", 0, False, "02 FF FF", "7F 00 03 02 FF FF 26 18"),
    ("ENABLE seq 1", 0, True, "0A", "7F 80 01 0A 3F 82"),
    ("DISABLE seq 0", 0, False, "09", "7F 00 01 09 36 08"),
    ("POLL seq 0", 0, False, "07", "7F 00 01 07 11 88"),
    ("POLL seq 1", 0, True, "07", "7F 80 01 07 12 02"),
    ("HOLD seq 0", 0, False, "18", "7F 00 01 18 50 08"),
    ("REJECT seq 1", 0, True, "08", "7F 80 01 08 30 02"),
    ("LAST REJECT seq 0", 0, False, "17", "7F 00 01 17 72 08"),
    ("reply OK seq 0", 0, False, "F0", "7F 00 01 F0 20 0A"),
    ("poll: reset + disabled", 0, False, "F0 F1 E8", "7F 00 03 F0 F1 E8 BC 30"),
    ("poll: disabled seq 1", 0, True, "F0 E8", "7F 80 02 F0 E8 4F A2"),
    ("poll: reading", 0, False, "F0 EF 00", "7F 00 03 F0 EF 00 CC 76"),
    ("poll: escrow ch 3", 0, True, "F0 EF 03", "7F 80 03 F0 EF 03 C5 CA"),
    ("poll: stacking", 0, False, "F0 CC", "7F 00 02 F0 CC A8 22"),
    ("poll: credit ch 3", 0, True, "F0 EE 03", "7F 80 03 F0 EE 03 C6 4C"),
    ("poll: stacked", 0, False, "F0 EB", "7F 00 02 F0 EB 7A 22"),
    ("poll: rejecting", 0, True, "F0 ED", "7F 80 02 F0 ED 51 A2"),
    ("poll: rejected", 0, False, "F0 EC", "7F 00 02 F0 EC 6B A2"),
    ("reply F5", 0, True, "F5", "7F 80 01 F5 3D 80"),
    ("reply F2", 0, False, "F2", "7F 00 01 F2 2F 8A"),
]


def hexbytes(text: str) -> bytes:
    return bytes.fromhex(text.replace(" ", ""))
