"""Opening hours per weekday and holidays: is the centre open now, and when does it open next."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from kiosk.clock import to_ist

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


MIDNIGHT_CLOSE = time.max  # "24:00": open to the end of the day (a centre open round the clock says 00:00-24:00)


@dataclass(frozen=True, slots=True)
class Span:
    opens: time
    closes: time

    def label(self) -> str:
        closes = "24:00" if self.closes == MIDNIGHT_CLOSE else f"{self.closes:%H:%M}"
        return f"{self.opens:%H:%M}–{closes}"

    def holds(self, moment: time) -> bool:
        return self.opens <= moment and (moment < self.closes or self.closes == MIDNIGHT_CLOSE)


@dataclass(frozen=True, slots=True)
class OperatingHours:
    """One span (or none, closed) per weekday, in Asia/Kolkata local time; holidays closed all day."""

    weekly: dict[str, Span | None]
    holidays: frozenset[date] = field(default_factory=frozenset)

    def span_on(self, day: date) -> Span | None:
        if day in self.holidays:
            return None
        return self.weekly.get(WEEKDAYS[day.weekday()])

    def is_open(self, moment: datetime) -> bool:
        local = to_ist(moment)
        span = self.span_on(local.date())
        return span is not None and span.holds(local.time())

    def next_opening(self, moment: datetime) -> datetime | None:
        """The next local opening time strictly after `moment`, within two weeks (None if always closed)."""
        local = to_ist(moment)
        for offset in range(15):
            day = local.date() + timedelta(days=offset)
            span = self.span_on(day)
            if span is None:
                continue
            opening = datetime.combine(day, span.opens, tzinfo=local.tzinfo)
            if opening > local:
                return opening
        return None


def parse_span(text: str) -> Span | None:
    """'09:00-17:00' -> Span; 'closed' -> None. Raises ValueError with what was expected."""
    cleaned = text.strip().lower()
    if cleaned == "closed":
        return None
    try:
        start_text, end_text = cleaned.replace("–", "-").split("-")
        opens = time.fromisoformat(start_text.strip())
        closes = MIDNIGHT_CLOSE if end_text.strip() == "24:00" else time.fromisoformat(end_text.strip())
    except ValueError:
        raise ValueError("expected 'HH:MM-HH:MM' or 'closed'") from None
    if closes <= opens:
        raise ValueError("closing time must be after opening time")
    return Span(opens, closes)
