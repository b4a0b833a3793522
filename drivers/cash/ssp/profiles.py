"""Firmware profiles for the SSP emulator: units differ in the optional commands they answer, and speed."""

from __future__ import annotations

from dataclasses import dataclass, field

from drivers.cash.ssp.codec import Command, Generic

# What every plain-SSP validator answers; the driver must take notes with these alone.
MINIMAL_COMMANDS = frozenset(
    {
        Command.SYNC,
        Command.SETUP_REQUEST,
        Command.SET_INHIBITS,
        Command.ENABLE,
        Command.DISABLE,
        Command.POLL,
        Command.REJECT,
        Command.HOST_PROTOCOL_VERSION,
    }
)


@dataclass(frozen=True, slots=True)
class Firmware:
    """How one firmware answers: refused commands get the given generic code; replies may come late."""

    name: str
    refuses: dict[int, int] = field(default_factory=dict)  # command → generic reply code (0xF2, 0xF8 …)
    only: frozenset[int] | None = None  # when set, every other command is answered 0xF2 (unknown)
    reply_delay_s: float = 0.0  # inside the host's reply timeout, but late
    repeat_stacking: bool = False  # reports NOTE STACKING (0xCC) on every poll while the transport moves
    stack_time_s: float = 0.0  # how long the transport takes to carry a note into the box

    def refusal(self, command: int) -> int | None:
        if self.only is not None and command not in self.only:
            return Generic.UNKNOWN_COMMAND
        return self.refuses.get(command)


FULL = Firmware("full")  # answers everything the driver may ask, at once (today's emulator)
MINIMAL = Firmware("minimal", only=MINIMAL_COMMANDS)  # refuses every optional command with 0xF2
QUIRKY = Firmware(
    "quirky",
    refuses={Command.GET_COUNTERS: Generic.FAIL, Command.SERIAL_NUMBER: Generic.FAIL},
    repeat_stacking=True,
    stack_time_s=0.15,
)  # odd but valid: 0xF8 "cannot process" for some optional commands, an event repeated on every poll
SLOW = Firmware("slow", reply_delay_s=0.15)  # answers late, within the 0.5 s the driver waits
PROFILES: dict[str, Firmware] = {f.name: f for f in (FULL, MINIMAL, QUIRKY, SLOW)}
