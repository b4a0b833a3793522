import pytest

from kiosk.money import Money
from kiosk.speech import change_due, note_accepted, spoken_amount


def test_a_note_accepted_is_announced_with_what_is_still_due() -> None:
    assert note_accepted(Money.rupees(100), Money.rupees(50), "hi") == "सौ रुपये जमा हुए, बाकी पचास रुपये"
    assert (
        note_accepted(Money.rupees(100), Money.rupees(50), "en")
        == "a hundred rupees received, fifty rupees still to pay"
    )


def test_the_last_note_announces_the_payment_complete() -> None:
    assert note_accepted(Money.rupees(500), Money(0), "hi") == "पाँच सौ रुपये जमा हुए, पूरा भुगतान हो गया"


@pytest.mark.parametrize(
    ("rupees", "hindi"),
    [
        (1, "एक रुपया"),
        (15, "पंद्रह रुपये"),
        (100, "सौ रुपये"),
        (1_000, "हज़ार रुपये"),
        (1_250, "एक हज़ार दो सौ पचास रुपये"),
        (1_00_000, "एक लाख रुपये"),
        (12_34_567, "बारह लाख चौंतीस हज़ार पाँच सौ सड़सठ रुपये"),
    ],
)
def test_spoken_amounts_in_hindi(rupees: int, hindi: str) -> None:
    assert spoken_amount(Money.rupees(rupees), "hi") == hindi


def test_change_due_tells_the_villager_what_to_do() -> None:
    assert change_due(Money.rupees(50), "hi") == "पचास रुपये वापस मिलेंगे। पर्ची ऑपरेटर को दिखाएँ।"
