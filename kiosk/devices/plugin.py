"""What a device driver plugin offers the kiosk and its tools: build it, probe a port, self-test it (typed)."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol, runtime_checkable

from kiosk.clock import Clock


class Verdict(StrEnum):
    """A self-test's verdict. UNTESTED: the device answered but the test could not see the thing work."""

    PASS = "PASS"
    FAIL = "FAIL"
    UNTESTED = "UNTESTED"

    @property
    def exit_code(self) -> int:
        # The exit codes engineers' scripts rely on: 0 passed, 1 failed, 2 untested.
        return {Verdict.PASS: 0, Verdict.FAIL: 1, Verdict.UNTESTED: 2}[self]


@dataclass(frozen=True, slots=True)
class ProbeResult:
    """Whether a port speaks the plugin's protocol, and what answered.

    `warning` (with `todo`) marks a device that answered but needs attention soon (paper nearly out, a certificate
    about to expire); `serious=False` says the kiosk still works without it."""

    answered: bool
    evidence: str  # what answered, or what was tried and not answered
    section: Mapping[str, Any] = field(default_factory=dict)  # extra [devices.<family>] keys to write
    warning: str = ""
    todo: str = ""
    serious: bool = True


# What `probe` answers for a device with no quick handshake (a scanner, a CUPS queue): only its self-test tells.
NO_HANDSHAKE = ProbeResult(False, "no quick handshake for this device; run its self-test")


@dataclass(frozen=True, slots=True)
class SelfTestResult:
    """A self-test's outcome: the verdict, one sentence of what was seen, and every line it reported."""

    verdict: Verdict
    seen: str
    lines: tuple[str, ...] = ()

    @property
    def passed(self) -> bool:
        return self.verdict is Verdict.PASS


@runtime_checkable
class DevicePlugin(Protocol):
    """One device model (entry point `<family>.<model>` in group `kiosk.drivers`)."""

    @property
    def family(self) -> str: ...  # "cash", "printer", … — the [devices.<family>] section it fills

    @property
    def model(self) -> str: ...  # the section's `driver` value: "ssp", "id003", …

    @property
    def summary(self) -> str: ...  # one line for `kioskctl device test --help`

    @property
    def rank(self) -> int: ...  # lower first: the family's default model, and the first one detection tries

    @property
    def usb_ids(self) -> Mapping[str, str]: ...  # dedicated vendor:product ids → model name, for detection

    def build(self, config: Mapping[str, Any], clock: Clock) -> Any:
        """The port implementation from the device's config section."""
        ...

    def probe(self, port: str, config: Mapping[str, Any] | None = None) -> ProbeResult:
        """Does `port` speak this plugin's protocol? Never changes the device's state (no printing, no notes)."""
        ...

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        """The self-test's command-line options (`kioskctl device test <family> --model <model> …`)."""
        ...

    def unattended(self, config: Mapping[str, Any]) -> Mapping[str, Any] | None:
        """Self-test options for an unattended run against the configured device; None: only by hand."""
        ...

    def selftest(self, options: Mapping[str, Any], say: Callable[[str], None]) -> SelfTestResult:
        """Test the device; `say` gets each line as it happens (the engineer may be asked to insert a note)."""
        ...
