"""The one way a driver package becomes a plugin: its factory, its probe and its self-test in one typed object."""

from __future__ import annotations

import argparse
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TextIO

from kiosk.clock import Clock
from kiosk.devices.plugin import NO_HANDSHAKE, ProbeResult, SelfTestResult, Verdict

Factory = Callable[[Mapping[str, Any], Clock], Any]
Prober = Callable[[str, Mapping[str, Any]], ProbeResult]
# A self-test as each family writes it: options on a namespace, lines to `out`, exit code 0 / 1 / 2.
Runner = Callable[[argparse.Namespace, TextIO], int]
VERDICT_OF_EXIT = {0: Verdict.PASS, 1: Verdict.FAIL, 2: Verdict.UNTESTED}


def no_probe(port: str, config: Mapping[str, Any]) -> ProbeResult:
    return NO_HANDSHAKE


def by_hand(config: Mapping[str, Any]) -> Mapping[str, Any] | None:
    return None


@dataclass(frozen=True)
class Plugin:
    """A `kiosk.devices.plugin.DevicePlugin` made of a driver package's functions."""

    family: str
    model: str
    summary: str
    factory: Factory
    runner: Runner
    arguments: Callable[[argparse.ArgumentParser], None]
    prober: Prober = no_probe
    unattended_options: Callable[[Mapping[str, Any]], Mapping[str, Any] | None] = by_hand
    usb_ids: Mapping[str, str] = field(default_factory=dict)
    rank: int = 0

    def build(self, config: Mapping[str, Any], clock: Clock) -> Any:
        return self.factory(config, clock)

    def probe(self, port: str, config: Mapping[str, Any] | None = None) -> ProbeResult:
        return self.prober(port, config or {})

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        self.arguments(parser)

    def unattended(self, config: Mapping[str, Any]) -> Mapping[str, Any] | None:
        return self.unattended_options(config)

    def selftest(self, options: Mapping[str, Any], say: Callable[[str], None]) -> SelfTestResult:
        parser = argparse.ArgumentParser(add_help=False)
        self.arguments(parser)
        # The options' defaults as the command line would give them, without requiring what the caller set.
        defaults = {action.dest: action.default for action in parser._actions}
        unknown = sorted(set(options) - set(defaults))
        if unknown:
            known = ", ".join(sorted(defaults))
            raise ValueError(f"{self.family}.{self.model} self-test has no option {', '.join(unknown)} (has: {known})")
        namespace = argparse.Namespace(**(defaults | dict(options)))
        out = _Lines(say)
        code = self.runner(namespace, out)
        verdict = VERDICT_OF_EXIT.get(code, Verdict.FAIL)
        lines = tuple(out.lines)
        # The verdict comes from the exit code; `seen` is the sentence the test gave with it.
        seen = next((line for line in reversed(lines) if line.startswith(verdict.value)), lines[-1] if lines else "")
        return SelfTestResult(verdict, seen or f"{verdict.value}  (no report)", lines)


class _Lines(io.StringIO):
    """A text stream that hands each complete line to `say` as it is written and keeps them all."""

    def __init__(self, say: Callable[[str], None]) -> None:
        super().__init__()
        self._say = say
        self._pending = ""
        self.lines: list[str] = []

    def write(self, text: str) -> int:
        self._pending += text
        *done, self._pending = self._pending.split("\n")
        for line in done:
            self.lines.append(line)
            self._say(line)
        return len(text)
