"""Time through an injectable clock: UTC for storage, Asia/Kolkata for the screen and the business day."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

IST = ZoneInfo("Asia/Kolkata")


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware UTC."""
        ...

    def monotonic(self) -> float:
        """Seconds from an arbitrary start, never going backwards (for timeouts)."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock that moves only when told to; tests and benchmarks inject it."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = start or datetime(2026, 11, 23, 4, 30, tzinfo=UTC)
        if self._now.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware start time")
        self._mono = 1000.0

    def now(self) -> datetime:
        return self._now

    def monotonic(self) -> float:
        return self._mono

    def advance(self, seconds: float) -> None:
        self._now += timedelta(seconds=seconds)
        self._mono += seconds

    def set(self, when: datetime) -> None:
        if when.tzinfo is None:
            raise ValueError("FakeClock.set needs a timezone-aware time")
        delta = (when - self._now).total_seconds()
        self._now = when
        self._mono += max(delta, 0.0)


def to_ist(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("to_ist needs a timezone-aware time")
    return moment.astimezone(IST)


def business_day(moment: datetime) -> date:
    """The kiosk's business day is the calendar day in Asia/Kolkata."""
    return to_ist(moment).date()


def iso_utc(moment: datetime) -> str:
    """Storage form: '2026-11-23T04:30:00.000000Z'."""
    if moment.tzinfo is None:
        raise ValueError("iso_utc needs a timezone-aware time")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_iso_utc(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
