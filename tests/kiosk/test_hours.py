from datetime import UTC, date, datetime, time

import pytest

from kiosk.clock import IST, FakeClock, business_day, iso_utc, parse_iso_utc
from kiosk.hours import OperatingHours, Span, parse_span

WEEKDAY_HOURS = dict.fromkeys(("mon", "tue", "wed", "thu", "fri"), Span(time(9), time(17)))
HOURS = OperatingHours({**WEEKDAY_HOURS, "sat": Span(time(9), time(13)), "sun": None}, frozenset({date(2026, 11, 24)}))


def ist(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=IST).astimezone(UTC)


def test_open_and_closed_follow_ist_local_time() -> None:
    assert HOURS.is_open(ist(2026, 11, 23, 9, 0))  # Monday 09:00 IST
    assert not HOURS.is_open(ist(2026, 11, 23, 8, 59))
    assert not HOURS.is_open(ist(2026, 11, 23, 17, 0))
    assert not HOURS.is_open(ist(2026, 11, 24, 11))  # a holiday
    assert not HOURS.is_open(ist(2026, 11, 29, 11))  # Sunday


def test_next_opening_skips_holidays_and_closed_days() -> None:
    assert HOURS.next_opening(ist(2026, 11, 23, 18)) == ist(2026, 11, 25, 9)  # Tuesday is a holiday
    assert HOURS.next_opening(ist(2026, 11, 28, 14)) == ist(2026, 11, 30, 9)  # Saturday afternoon → Monday
    assert OperatingHours(dict.fromkeys(WEEKDAY_HOURS, None)).next_opening(ist(2026, 11, 23, 9)) is None


def test_a_centre_open_round_the_clock_is_open_in_the_last_minute_before_midnight() -> None:
    always = OperatingHours(dict.fromkeys(("mon", "tue", "wed", "thu", "fri", "sat", "sun"), parse_span("00:00-24:00")))
    assert always.is_open(datetime(2026, 11, 23, 23, 59, 59, 999999, tzinfo=IST))
    assert always.is_open(ist(2026, 11, 24, 0, 0))
    assert always.span_on(date(2026, 11, 23)) == Span(time(0), time.max)
    assert parse_span("09:00-24:00").label() == "09:00–24:00"


@pytest.mark.parametrize(
    ("text", "why"), [("17:00-09:00", "after opening"), ("9 to 5", "HH:MM"), ("", "HH:MM"), ("09:00-25:00", "HH:MM")]
)
def test_bad_spans_say_what_was_expected(text: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        parse_span(text)


def test_the_business_day_is_the_ist_calendar_day() -> None:
    late_evening_utc = datetime(2026, 11, 23, 19, 0, tzinfo=UTC)  # 00:30 IST on the 24th
    assert business_day(late_evening_utc) == date(2026, 11, 24)


def test_storage_times_round_trip_in_utc() -> None:
    clock = FakeClock()
    clock.advance(0.25)
    assert parse_iso_utc(iso_utc(clock.now())) == clock.now()
    with pytest.raises(ValueError, match="timezone-aware"):
        iso_utc(datetime(2026, 1, 1))  # noqa: DTZ001 - the naive time is the point of the test
