import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.money import MAX_PAISE, Money, MoneyError, group_indian


@pytest.mark.parametrize(
    ("paise", "shown"),
    [
        (0, "₹0.00"),
        (5, "₹0.05"),
        (100, "₹1.00"),
        (123_456_50, "₹1,23,456.50"),
        (1_00_000_00, "₹1,00,000.00"),
        (12_34_567_89, "₹12,34,567.89"),
        (999_00, "₹999.00"),
        (1_000_00, "₹1,000.00"),
        (-5_00, "−₹5.00"),
    ],
)
def test_money_is_formatted_with_indian_grouping(paise: int, shown: str) -> None:
    assert Money(paise).format() == shown


@pytest.mark.parametrize(
    ("text", "paise"),
    [("12", 1200), ("12.5", 1250), ("12.50", 1250), (" 1,234.05 ", 123405), ("₹10", 1000), ("0.01", 1)],
)
def test_rupee_strings_parse_to_exact_paise(text: str, paise: int) -> None:
    assert Money.parse(text) == Money(paise)


@pytest.mark.parametrize("text", ["12.345", "-5", "", "abc", "1e3", "12.", ".5", "NaN", "१२", "12 50"])
def test_malformed_rupee_strings_are_refused_with_the_text_named(text: str) -> None:
    with pytest.raises(MoneyError, match="amount"):
        Money.parse(text)


def test_floats_are_never_money() -> None:
    with pytest.raises(MoneyError, match="whole paise"):
        Money(12.5)  # type: ignore[arg-type]
    with pytest.raises(MoneyError):
        Money(True)  # type: ignore[arg-type]
    with pytest.raises(MoneyError):
        Money.rupees(1.5)  # type: ignore[arg-type]


def test_amounts_beyond_the_limit_are_refused() -> None:
    with pytest.raises(MoneyError, match="beyond"):
        Money(MAX_PAISE + 1)


def test_arithmetic_stays_in_paise() -> None:
    assert Money.rupees(10) + Money(5) - Money(15) == Money.rupees(9) + Money(90)
    assert Money.rupees(20) * 3 == Money.rupees(60)
    assert -Money(5) < Money(0)


@given(st.integers(min_value=0, max_value=MAX_PAISE))
def test_plain_form_round_trips_through_parse(paise: int) -> None:
    assert Money.parse(Money(paise).plain()) == Money(paise)


@given(st.integers(min_value=0, max_value=10**12))
def test_indian_grouping_keeps_the_digits(number: int) -> None:
    grouped = group_indian(number)
    assert int(grouped.replace(",", "")) == number
    groups = grouped.split(",")
    assert len(groups[-1]) == min(3, len(str(number)))
    assert all(len(g) == 2 for g in groups[1:-1])
