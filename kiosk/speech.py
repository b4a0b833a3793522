"""Sentences the kiosk speaks about money, built from amounts in words (Hindi first, English second)."""

from __future__ import annotations

from kiosk.money import Money
from kiosk.words import amount_in_words


def spoken_amount(amount: Money, language: str) -> str:
    """'सौ रुपये' rather than 'एक सौ रुपये' for a round hundred or thousand, as people say it; any other amount keeps
    its 'एक' ('एक हज़ार दो सौ पचास रुपये'), so no digit of the amount is left to guesswork."""
    words = amount_in_words(amount, language)
    round_scale = amount.paise in (100_00, 1000_00)
    if round_scale and language == "hi":
        return words.removeprefix("एक ")
    if round_scale:
        return "a " + words.removeprefix("one ")
    return words


def note_accepted(note: Money, still_due: Money, language: str) -> str:
    """'सौ रुपये जमा हुए, बाकी पचास रुपये' / 'a hundred rupees received, fifty rupees still to pay'."""
    if language == "hi":
        head = f"{spoken_amount(note, 'hi')} जमा हुए"
        tail = f"बाकी {spoken_amount(still_due, 'hi')}" if still_due else "पूरा भुगतान हो गया"
        return f"{head}, {tail}"
    head = f"{spoken_amount(note, 'en')} received"
    tail = f"{spoken_amount(still_due, 'en')} still to pay" if still_due else "payment complete"
    return f"{head}, {tail}"


def change_due(amount: Money, language: str) -> str:
    if language == "hi":
        return f"{spoken_amount(amount, 'hi')} वापस मिलेंगे। पर्ची ऑपरेटर को दिखाएँ।"
    return f"{spoken_amount(amount, 'en')} to be returned. Show the slip to the operator."
