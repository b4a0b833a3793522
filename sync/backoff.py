"""Waiting well: exponential backoff with full jitter, Retry-After, jittered polls and the first-contact delay."""

from __future__ import annotations

import random


def full_jitter(attempt: int, *, base_s: float, cap_s: float, rng: random.Random) -> float:
    """AWS-style full jitter: uniform over [0, min(cap, base·2^attempt)] so retries of a fleet spread out."""
    ceiling = min(cap_s, base_s * (2 ** min(attempt, 30)))
    return rng.uniform(0.0, ceiling)


def retry_delay(attempt: int, retry_after_s: float | None, *, base_s: float, cap_s: float, rng: random.Random) -> float:
    """The wait before the next try: the server's Retry-After is a floor, never shortened by jitter."""
    delay = full_jitter(attempt, base_s=base_s, cap_s=cap_s, rng=rng)
    if retry_after_s is not None:
        # A small jitter on top so kiosks told the same Retry-After do not return in the same second.
        delay = max(delay, min(retry_after_s, 3600.0) + rng.uniform(0.0, base_s))
    return delay


def jittered(interval_s: float, fraction: float, rng: random.Random) -> float:
    """A poll interval moved by up to ±fraction, so kiosks that booted together drift apart."""
    return interval_s * (1.0 + rng.uniform(-fraction, fraction))


def first_contact_delay(max_s: float, rng: random.Random) -> float:
    """A random wait after boot: a district getting power back does not reach the server in one second."""
    return rng.uniform(0.0, max_s)


def parse_retry_after(value: str | None) -> float | None:
    if value is None:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    return None


class Backoff:
    """Per-job failure counter: the delay after each failure, reset by a success."""

    def __init__(self, *, base_s: float, cap_s: float, rng: random.Random) -> None:
        self.base_s, self.cap_s, self.rng = base_s, cap_s, rng
        self.failures = 0

    def failed(self, retry_after_s: float | None = None) -> float:
        delay = retry_delay(self.failures, retry_after_s, base_s=self.base_s, cap_s=self.cap_s, rng=self.rng)
        self.failures += 1
        return delay

    def succeeded(self) -> None:
        self.failures = 0
