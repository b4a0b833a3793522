"""Firmware profiles for the ID-003 emulator: what a unit answers and how fast its mechanism moves."""

from __future__ import annotations

from dataclasses import dataclass

from drivers.cash.id003.codec import Command


@dataclass(frozen=True, slots=True)
class Firmware:
    name: str
    refuses: frozenset[int] = frozenset()  # commands answered with INVALID COMMAND: features this unit lacks
    reply_delay_s: float = 0.0
    stack_polls: int = 1  # polls spent STACKING before VEND VALID
    return_polls: int = 1  # polls spent RETURNING / REJECTING (0: a return no status request sees)
    init_polls: int = 1  # polls spent in INITIALIZE after RESET


FULL = Firmware("full")
# A clone that keeps to the core: no version string, no security or direction settings.
MINIMAL = Firmware(
    "minimal",
    refuses=frozenset(
        {
            Command.VERSION,
            Command.BOOT_VERSION,
            Command.SET_SECURITY,
            Command.SET_DIRECTION,
            Command.SET_OPTIONAL_FUNCTIONS,
            Command.SET_COMMUNICATION_MODE,
        }
    ),
)
# A worn unit on a long cable: every reply late, a slow transport.
SLOW = Firmware("slow", reply_delay_s=0.03, stack_polls=5, return_polls=4, init_polls=4)

PROFILES = {f.name: f for f in (FULL, MINIMAL, SLOW)}
