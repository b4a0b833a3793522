import pytest

from kiosk.money import Money
from kiosk.words import amount_in_words, number_in_words


@pytest.mark.parametrize(
    ("rupees", "hindi"),
    [
        (1, "एक रुपया"),
        (15, "पंद्रह रुपये"),
        (100, "एक सौ रुपये"),
        (1_250, "एक हज़ार दो सौ पचास रुपये"),
        (1_00_000, "एक लाख रुपये"),
        (12_34_567, "बारह लाख चौंतीस हज़ार पाँच सौ सड़सठ रुपये"),
        (2_05_00_099, "दो करोड़ पाँच लाख निन्यानबे रुपये"),
    ],
)
def test_amounts_are_written_in_hindi_with_indian_scales(rupees: int, hindi: str) -> None:
    assert amount_in_words(Money.rupees(rupees), "hi") == hindi


def test_paise_are_named_after_rupees() -> None:
    assert amount_in_words(Money(350_50), "hi") == "तीन सौ पचास रुपये पचास पैसे"
    assert amount_in_words(Money(350_05), "en") == "three hundred fifty rupees and five paise"


@pytest.mark.parametrize(
    ("number", "english"),
    [
        (0, "zero"),
        (21, "twenty-one"),
        (1_00_000, "one lakh"),
        (12_34_567, "twelve lakh thirty-four thousand five hundred sixty-seven"),
    ],
)
def test_numbers_are_written_in_english_with_indian_scales(number: int, english: str) -> None:
    assert number_in_words(number, "en") == english


def test_every_hindi_word_below_one_hundred_is_distinct() -> None:
    words = [number_in_words(n, "hi") for n in range(100)]
    assert len(set(words)) == 100


def test_negative_amounts_and_unknown_languages_are_refused() -> None:
    with pytest.raises(ValueError, match="non-negative"):
        amount_in_words(Money(-1))
    with pytest.raises(ValueError, match="language"):
        number_in_words(5, "fr")
